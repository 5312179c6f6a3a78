import Facts
import FoundationEssentials
import Synchronization
import Mermaid

/// A block of a slide, typed by what a reader sees. Every block knows the line of the
/// lesson file it starts on, so diagnostics and search can point back at the source.
///
/// Headings and paragraphs, most of a lesson, are held in place; the larger cases are boxed
/// so that a Block stays small (32 bytes) in the arrays that hold them.
public enum Block: Sendable, Equatable {
    case heading(Heading)
    case paragraph(Paragraph)
    indirect case list(ListBlock)
    indirect case quote(Quote)
    indirect case code(CodeBlock)
    indirect case mermaid(DiagramSource)
    indirect case scene(SceneSource)
    /// A ` ```yaml lab ` block: an exercise the engine checks.
    indirect case lab(LabSource)
    indirect case quiz(QuizBlock)
    indirect case table(Table)
    indirect case directive(Directive)
    indirect case footnote(Footnote)
    /// A thematic break inside a container (a top-level one ends a slide instead).
    case rule(line: Int)

    public var line: Int {
        switch self {
        case .heading(let b): return b.line
        case .paragraph(let b): return b.line
        case .list(let b): return b.line
        case .quote(let b): return b.line
        case .code(let b): return b.line
        case .mermaid(let b): return b.line
        case .scene(let b): return b.line
        case .lab(let b): return b.line
        case .quiz(let b): return b.line
        case .table(let b): return b.line
        case .directive(let b): return b.line
        case .footnote(let b): return b.line
        case .rule(let line): return line
        }
    }

    /// A short name for the kind of block, as `reseau outline` lists them.
    /// A block a student can open full screen and play: a diagram or a scene (the one test
    /// every screen and command uses).
    /// Whether `Enter` opens it full screen: a scene, a mermaid diagram of a kind that is drawn
    /// (not one shown as its source).
    public var isPlayable: Bool {
        switch self {
        case .mermaid(let d):
            if case .unsupported? = d.diagram { return false }
            return d.diagram != nil
        case .scene: return true
        default: return false
        }
    }

    public var kindName: String {
        switch self {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .list: return "list"
        case .quote: return "quote"
        case .code(let c): return c.language.isEmpty ? "code" : "code:\(c.language)"
        case .mermaid: return "mermaid"
        case .scene: return "scene"
        case .lab: return "lab"
        case .quiz: return "quiz"
        case .table: return "table"
        case .directive(let d): return "directive:\(d.name)"
        case .footnote: return "footnote"
        case .rule: return "rule"
        }
    }

    /// The blocks held inside this one (list items, quotes, directives, footnotes).
    public var children: [Block] {
        switch self {
        case .list(let l): return l.items.flatMap(\.blocks)
        case .quote(let q): return q.blocks
        case .directive(let d): return d.blocks
        case .footnote(let f): return f.blocks
        default: return []
        }
    }

    /// This block and every block nested in it, depth first.
    public var allBlocks: [Block] { [self] + children.flatMap(\.allBlocks) }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var content: [Inline]
    public var line: Int
    /// The heading's text without its decorative leading emoji, for the TOC and search.
    public var title: String { Heading.stripDecoration(content.plainText) }

    public init(level: Int, content: [Inline], line: Int) {
        self.level = level
        self.content = content
        self.line = line
    }

    /// Drops leading emoji (with their modifiers and joiners) and the spaces after them.
    public static func stripDecoration(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex, scalars[start] == " " || isDecoration(scalars[start]) {
            start = scalars.index(after: start)
        }
        return text[start...].trimmingSpaces()
    }

    static func isDecoration(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x2000 { return false }
        if s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value) || s.value == 0x20E3 { return true }
        if (0x1F3FB...0x1F3FF).contains(s.value) { return true }  // skin tones
        let p = s.properties
        return p.isEmojiPresentation || (p.isEmoji && s.value > 0x2000 && !(0x2010...0x205F).contains(s.value))
    }
}

public struct Paragraph: Sendable, Equatable {
    public var content: [Inline]
    public var line: Int
}

public struct ListBlock: Sendable, Equatable {
    public var ordered: Bool
    /// The first number of an ordered list.
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]
    public var line: Int
}

public struct ListItem: Sendable, Equatable {
    /// nil for an ordinary item; true or false for a task-list item (`- [x]`).
    public var checked: Bool?
    public var blocks: [Block]
    public var line: Int
}

public struct Quote: Sendable, Equatable {
    public var blocks: [Block]
    public var line: Int
}

public struct CodeBlock: Sendable, Equatable {
    /// The first word of the info string (`yaml`), empty for an untyped block.
    public var language: String
    /// The rest of the info string (`{9,12}`, `title="pod.yaml"`).
    public var options: String
    public var text: String
    /// The line of the opening fence (or of the first indented line).
    public var line: Int
    public var caption: [Inline]?

    /// `title="…"` from the options, when given.
    public var title: String? { CodeBlock.option("title", in: options) }

    /// The lines to highlight from `{9,12}` or `{3-5}`.
    public var highlightedLines: [Int] {
        guard let open = options.firstIndex(of: "{"),
              let close = options[open...].firstIndex(of: "}") else { return [] }
        var lines: [Int] = []
        for part in options[options.index(after: open)..<close].split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingSpaces()) }
            if bounds.count == 1 { lines.append(bounds[0]) }
            if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 10_000 {
                lines.append(contentsOf: bounds[0]...bounds[1])
            }
        }
        return lines
    }

    static func option(_ name: String, in options: String) -> String? {
        guard let range = options.firstRange(of: name + "=") else { return nil }
        let rest = options[range.upperBound...]
        if let quote = rest.first, quote == "\"" || quote == "'" {
            let body = rest.dropFirst()
            return String(body.prefix { $0 != quote })
        }
        return String(rest.prefix { $0 != " " })
    }
}

/// A mermaid diagram: its source, and what the Mermaid parser makes of it. The loader
/// keeps the source; the diagram is parsed the first time it is asked for (drawing, scenes,
/// `reseau lint`) and kept, so loading a course does not parse diagrams nobody looks at.
public struct DiagramSource: Sendable, Equatable {
    public var source: String {
        didSet { parsed = ParsedDiagram() }
    }
    /// The line of the opening fence; the source starts on the next line.
    public var line: Int
    /// The column the source's lines start at (more than 1 when the fence is indented).
    public var column: Int
    public var caption: [Inline]?
    private var parsed = ParsedDiagram()

    public init(source: String, line: Int, column: Int, caption: [Inline]? = nil) {
        self.source = source
        self.line = line
        self.column = column
        self.caption = caption
    }

    /// The parsed diagram (nil when the block is not a diagram at all).
    public var diagram: MermaidDiagram? { parsed.result(of: source).diagram }

    /// The parser's problems, placed in the lesson file (the source starts on the line after
    /// the fence), and a warning for a kind of diagram that cannot be drawn.
    public func diagnostics(file: String) -> [Diagnostic] {
        diagnostics(of: parsed.result(of: source), file: file)
    }

    /// The same, when the source was parsed already (nil otherwise): nothing is parsed.
    public func diagnosticsIfParsed(file: String) -> [Diagnostic]? {
        parsed.resultIfParsed().map { diagnostics(of: $0, file: file) }
    }

    private func diagnostics(of result: MermaidResult, file: String) -> [Diagnostic] {
        var out = result.diagnostics.map { problem in
            Diagnostic(file: file, line: line + problem.line, column: column + problem.column - 1,
                       severity: problem.severity == .error ? .error : .warning, message: .mermaid(problem.problem))
        }
        if case .unsupported(let kind, _)? = result.diagram {
            out.append(Diagnostic(file: file, line: line, column: column, severity: .warning,
                                  message: .loader(.diagramKindNotDrawn(kind))))
        }
        return out
    }

    public static func == (a: DiagramSource, b: DiagramSource) -> Bool {
        a.source == b.source && a.line == b.line && a.column == b.column && a.caption == b.caption
    }
}

/// The Mermaid parser's result for one source, computed once and shared by the copies of a
/// `DiagramSource` (a lesson's values are copied freely, across threads too).
final class ParsedDiagram: Sendable {
    private let cached = Mutex<MermaidResult?>(nil)

    /// The result when the source has been parsed; nil when not yet, or while another thread
    /// is parsing it (a caller asking what is known so far is not kept waiting for that parse;
    /// `withLockIfAvailable` does not fail spuriously, SE-0512).
    func resultIfParsed() -> MermaidResult? { cached.withLockIfAvailable { $0 } ?? nil }

    func result(of source: String) -> MermaidResult {
        cached.withLock { result in
            if let result { return result }
            let parsed = Mermaid.parse(source)
            result = parsed
            return parsed
        }
    }
}

/// A `yaml scene` block: Kubernetes manifests plus a `Scene` document.
public struct SceneSource: Sendable, Equatable {
    public var source: String
    public var line: Int
    public var column: Int
    public var caption: [Inline]?
}

public struct QuizBlock: Sendable, Equatable {
    public var questions: [Question]
    public var line: Int
    /// What could not be read in the block (shown where the block would be).
    public var diagnostics: [Diagnostic] = []
}

public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var line: Int
    public var caption: [Inline]?
}

public struct Directive: Sendable, Equatable {
    public var kind: DirectiveKind
    /// The name as written (`warn`, `tip`, `exercise`).
    public var name: String
    /// `:::warning[Attention]` gives `Attention`.
    public var label: String?
    public var blocks: [Block]
    public var line: Int
}

/// The directive kinds the course uses, with the aliases it writes.
public enum DirectiveKind: String, Sendable, Equatable, CaseIterable {
    case tip, note, info, link, warning, caution, danger, strong, exo, correction
    /// Speaker notes: never on the audience's screen; `reseau console` and `render --notes` show them.
    case notes
    /// Shown as a neutral box titled with its name; `reseau lint` warns about it.
    case unknown

    public init(name: String) {
        switch name.lowercased() {
        case "warn": self = .warning
        case "exercise", "exercice": self = .exo
        case "speaker", "orateur": self = .notes
        default: self = DirectiveKind(rawValue: name.lowercased()).flatMap { $0 == .unknown ? nil : $0 } ?? .unknown
        }
    }

    /// Hidden until the reader asks for it.
    public var startsHidden: Bool { self == .correction }
}

public struct Footnote: Sendable, Equatable {
    public var label: String
    public var blocks: [Block]
    public var line: Int
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let whole = Substring(self)
        let utf8 = whole.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while start < end {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        return String(whole[start..<end])
    }
}

extension Block {
    /// The words of this block a reader can search for, nested blocks included.
    public var searchText: String {
        switch self {
        case .heading(let h): return h.title
        case .paragraph(let p): return p.content.plainText
        case .list(let l): return l.items.flatMap(\.blocks).map(\.searchText).joined(separator: "\n")
        case .quote(let q): return q.blocks.map(\.searchText).joined(separator: "\n")
        case .code(let c): return ([c.text] + (c.caption.map { [$0.plainText] } ?? [])).joined(separator: "\n")
        case .mermaid(let d): return ([d.source] + (d.caption.map { [$0.plainText] } ?? [])).joined(separator: "\n")
        case .scene(let s): return s.source
        case .lab(let l): return ([l.lab?.title ?? "", l.lab?.statement ?? ""]).joined(separator: "\n")
        case .quiz(let q): return q.questions.map { ([$0.prompt] + $0.choices).joined(separator: "\n") }.joined(separator: "\n")
        case .table(let t):
            return ([t.header] + t.rows).map { $0.map(\.plainText).joined(separator: " | ") }.joined(separator: "\n")
        // The audience's search does not find the speaker's notes.
        case .directive(let d) where d.kind == .notes: return ""
        case .directive(let d): return ([d.label ?? ""] + d.blocks.map(\.searchText)).joined(separator: "\n")
        case .footnote(let f): return f.blocks.map(\.searchText).joined(separator: "\n")
        case .rule: return ""
        }
    }
}
