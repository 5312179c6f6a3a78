import Facts
import CCmark
import Mermaid

/// Turns cmark-gfm's tree into the typed block model: directives from their markers,
/// captions onto the figure before them, fences by language (mermaid, `yaml scene`,
/// quiz), and the old `layout: section` slide marker into a slide break.
struct BlockBuilder {
    let file: String
    let markers: [SourceLayout.Marker]
    /// Footnote labels by the line they are defined on (cmark-gfm does not expose them).
    let footnoteLabels: [Int: String]
    let mathSpans: [String]
    var diagnostics: [Diagnostic] = []
    /// Labs read so far: each is `LESSON.md#N` by its place.
    var labCount = 0
    /// How deep the builder is in quotes, lists and footnotes. Past `maximumDepth` (as cmark
    /// bounds its own output) the content is kept as flat text with one warning: 15,000
    /// nested `>` overflowed the stack, and every walk over the blocks would recurse as deep.
    var depth = 0
    /// The document's top-level nodes are freed once turned into blocks: cmark's tree and
    /// the blocks made from it are not both whole in memory (cmark's tree is about twice the
    /// blocks' size). Footnote definitions, which cmark puts last, go last.
    var freesConverted = false
    static let maximumDepth = 100
    var warnedDepth = false

    init(file: String, layout: SourceLayout) {
        self.file = file
        self.markers = layout.markers
        var labels: [Int: String] = [:]
        for definition in layout.footnoteDefinitions { labels[definition.line] = definition.label }
        self.footnoteLabels = labels
        self.mathSpans = layout.mathSpans
    }

    /// An open directive while its content is being gathered.
    private struct OpenDirective {
        var marker: SourceLayout.Marker
        var name: String
        var label: String?
        var blocks: [Block] = []
    }

    mutating func blocks(in container: MarkdownNode) -> [Block] {
        depth += 1
        defer { depth -= 1 }
        // The document itself is level 0.
        if depth - 1 > Self.maximumDepth {
            if !warnedDepth {
                warnedDepth = true
                report(container.startLine, 1, .warning, .loader(.nestingTooDeep(limit: Self.maximumDepth)))
            }
            let text = Self.flatText(container)
            return text.isEmpty ? [] : [.paragraph(Paragraph(content: [.text(text)], line: container.startLine))]
        }
        return blocks(of: container.children)
    }

    /// The blocks of a whole lesson, its top-level nodes taken from `document` one at a time.
    mutating func lessonBlocks(_ document: MarkdownStream) -> [Block] {
        depth += 1
        defer { depth -= 1 }
        return blocks(of: document)
    }

    private mutating func blocks<Nodes: Sequence<MarkdownNode>>(of nodes: Nodes) -> [Block] {
        var result: [Block] = []
        var open: [OpenDirective] = []

        func add(_ block: Block) {
            if open.isEmpty { result.append(block) } else { open[open.count - 1].blocks.append(block) }
        }
        func closeTop() {
            let d = open.removeLast()
            add(.directive(Directive(kind: DirectiveKind(name: d.name), name: d.name, label: d.label,
                                     blocks: d.blocks, line: d.marker.line)))
        }

        for node in nodes {
            defer { if freesConverted && depth == 1 { cmark_node_free(node.pointer) } }
            if node.type == CMARK_NODE_HTML_BLOCK, let index = SourceLayout.markerIndex(inHTML: node.literal),
               index < markers.count {
                let marker = markers[index]
                switch marker.kind {
                case .open(let name, let label):
                    if DirectiveKind(name: name) == .unknown {
                        report(marker.line, marker.column, .warning,
                               .loader(.unknownDirective(name)))
                    }
                    open.append(OpenDirective(marker: marker, name: name, label: label))
                case .close:
                    if open.isEmpty {
                        report(marker.line, marker.column, .warning,
                               .loader(.strayDirectiveClose))
                    } else {
                        closeTop()
                    }
                }
                continue
            }
            if node.type == CMARK_NODE_HTML_BLOCK, HTMLText.isCaption(node.literal) {
                let caption = HTMLText.inlines(node.literal).trimmed()
                if let last = open.isEmpty ? result.last : open[open.count - 1].blocks.last,
                   let captioned = last.withCaption(caption) {
                    if open.isEmpty { result[result.count - 1] = captioned }
                    else { open[open.count - 1].blocks[open[open.count - 1].blocks.count - 1] = captioned }
                } else if !caption.isEmpty {
                    add(.paragraph(Paragraph(content: caption, line: node.startLine)))
                }
                continue
            }
            if let block = block(node) { add(block) }
        }
        while let top = open.last {
            report(top.marker.line, top.marker.column, .error,
                   .loader(.unclosedDirective(top.name)))
            closeTop()
        }
        return result
    }

    private mutating func report(_ line: Int, _ column: Int, _ severity: Severity, _ message: Problem) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
    }

    /// The text of a subtree, walked with a stack of its own (never by recursion).
    static func flatText(_ node: MarkdownNode) -> String {
        var parts: [String] = []
        var stack: [MarkdownNode] = Array(node.children).reversed()
        while let next = stack.popLast() {
            let literal = next.literal
            if !literal.isEmpty { parts.append(literal) }
            stack += Array(next.children).reversed()
        }
        return parts.joined(separator: " ")
    }

    mutating func block(_ node: MarkdownNode) -> Block? {
        let line = node.startLine
        switch node.type {
        case CMARK_NODE_HEADING:
            let content = inlines(of: node)
            if isOldSlideMarker(node, content: content) { return .rule(line: line) }
            return .heading(Heading(level: node.headingLevel, content: content, line: line))
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node)
            return content.isEmpty ? nil : .paragraph(Paragraph(content: content, line: line))
        case CMARK_NODE_LIST:
            let items = node.children.map { item in
                ListItem(checked: item.hasTypeName("tasklist") ? item.taskChecked : nil,
                         blocks: blocks(in: item), line: item.startLine)
            }
            return .list(ListBlock(ordered: node.isOrderedList, start: node.listStart,
                                   tight: node.listTight, items: items, line: line))
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(Quote(blocks: blocks(in: node), line: line))
        case CMARK_NODE_CODE_BLOCK:
            return codeBlock(node)
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule(line: line)
        case CMARK_NODE_HTML_BLOCK:
            let content = HTMLText.inlines(MathSpans.restore(node.literal, spans: mathSpans)).trimmed()
            return content.isEmpty ? nil : .paragraph(Paragraph(content: content, line: line))
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return .footnote(Footnote(label: footnoteLabels[line] ?? node.literal, blocks: blocks(in: node), line: line))
        default:
            if node.hasTypeName("table") { return table(node) }
            return nil
        }
    }

    /// `---` / `layout: section` / `---` between slides: CommonMark reads the middle line
    /// and the second `---` as a setext heading. Every line of it is `key: value`.
    private func isOldSlideMarker(_ node: MarkdownNode, content: [Inline]) -> Bool {
        guard node.headingLevel == 2, node.endLine > node.startLine else { return false }
        var keys: [Substring] = []
        for line in content.split(separator: .softBreak) {
            let text = line.plainText
            let key = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard let first = key.first, first.isLetter else { return false }
            let rest = text.dropFirst(key.count)
            guard rest.hasPrefix(":"), rest.dropFirst().first.map({ $0 == " " }) ?? true else { return false }
            keys.append(key)
        }
        return keys.contains("layout")
    }

    private mutating func codeBlock(_ node: MarkdownNode) -> Block {
        let info = node.fenceInfo.trimmingSpaces()
        let language = String(info.prefix { !$0.isWhitespace && $0 != "{" })
        let options = info.dropFirst(language.count).trimmingSpaces()
        let line = node.startLine
        let column = node.startColumn
        let text = node.literal
        switch language.lowercased() {
        case "mermaid":
            return .mermaid(DiagramSource(source: text, line: line, column: column))
        case "yaml" where options.split(separator: " ").first == "scene",
             "yml" where options.split(separator: " ").first == "scene":
            return .scene(SceneSource(source: text, line: line, column: column, caption: nil))
        case "yaml" where options.split(separator: " ").first == "lab",
             "yml" where options.split(separator: " ").first == "lab":
            var lab = LabParser.parse(text, fence: line, column: column, file: file)
            labCount += 1
            lab.number = labCount
            diagnostics += lab.diagnostics
            return .lab(lab)
        case "quiz":
            let (questions, problems) = QuizParser.parse(text, line: line + 1, column: column, file: file)
            diagnostics += problems
            return .quiz(QuizBlock(questions: questions, line: line, diagnostics: problems))
        default:
            return .code(CodeBlock(language: language, options: options, text: text, line: line,
                                   caption: nil))
        }
    }

    private func table(_ node: MarkdownNode) -> Block {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            let cells = row.children.map { inlines(of: $0) }
            if row.isHeaderRow { header = cells } else { rows.append(cells) }
        }
        return .table(Table(alignments: node.tableAlignments, header: header, rows: rows,
                            line: node.startLine, caption: nil))
    }

    // MARK: - Inlines

    func inlines(of node: MarkdownNode) -> [Inline] {
        var assembler = InlineAssembler()
        // Room for a run per child, made once (a paragraph is text and breaks, line by line).
        var count = 0
        for _ in node.children { count += 1 }
        assembler.reserveCapacity(count)
        for child in node.children { feed(child, into: &assembler) }
        return assembler.finish()
    }

    private func feed(_ node: MarkdownNode, into assembler: inout InlineAssembler) {
        switch node.type {
        case CMARK_NODE_TEXT:
            assembler.append(.text(mathSpans.isEmpty ? node.literal : MathSpans.restore(node.literal, spans: mathSpans)))
        case CMARK_NODE_SOFTBREAK: assembler.append(.softBreak)
        case CMARK_NODE_LINEBREAK: assembler.append(.lineBreak)
        case CMARK_NODE_CODE: assembler.append(.code(node.literal))
        case CMARK_NODE_HTML_INLINE: assembler.feed(html: node.literal)
        case CMARK_NODE_EMPH: assembler.append(.emphasis(inlines(of: node)))
        case CMARK_NODE_STRONG: assembler.append(.strong(inlines(of: node)))
        case CMARK_NODE_LINK:
            assembler.append(.link(target: node.url, title: node.title, content: inlines(of: node)))
        case CMARK_NODE_IMAGE:
            assembler.append(.image(alt: inlines(of: node).plainText, target: node.url))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            assembler.append(.footnoteReference(node.literal))
        default:
            if node.hasTypeName("strikethrough") {
                assembler.append(.strikethrough(inlines(of: node)))
            } else {
                for child in node.children { feed(child, into: &assembler) }
            }
        }
    }
}

extension Block {
    /// The same figure with its caption, or nil when this block cannot carry one.
    func withCaption(_ caption: [Inline]) -> Block? {
        switch self {
        case .code(var b): b.caption = caption; return .code(b)
        case .mermaid(var b): b.caption = caption; return .mermaid(b)
        case .scene(var b): b.caption = caption; return .scene(b)
        case .table(var b): b.caption = caption; return .table(b)
        default: return nil
        }
    }
}

extension Array where Element == Inline {
    /// Without leading and trailing breaks and white space.
    func trimmed() -> [Inline] {
        func blank(_ i: Inline) -> Bool {
            switch i {
            case .softBreak, .lineBreak: return true
            case .text(let s): return s.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        var slice = self[...]
        while let f = slice.first, blank(f) { slice = slice.dropFirst() }
        while let l = slice.last, blank(l) { slice = slice.dropLast() }
        var result = Array(slice)
        if case .text(let s)? = result.first, s.first?.isWhitespace == true {
            result[0] = .text(String(s.drop { $0.isWhitespace }))
        }
        if case .text(let s)? = result.last, s.last?.isWhitespace == true {
            var end = s.endIndex
            while end > s.startIndex, s[s.index(before: end)].isWhitespace { end = s.index(before: end) }
            result[result.count - 1] = .text(String(s[..<end]))
        }
        return result
    }
}
