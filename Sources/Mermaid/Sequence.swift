import FoundationEssentials
import Facts

/// A `sequenceDiagram`: participants in columns, and what happens between them, top down
/// (mermaid's sequence syntax: participants and actors with aliases, messages with their
/// arrows, notes, loop/alt/opt/par/critical/break/rect blocks, autonumber).
public struct SequenceDiagram: Sendable, Equatable {
    public struct Participant: Sendable, Equatable {
        public var id: String
        public var label: String
        public var isActor: Bool
    }

    public enum Line: String, Sendable, Equatable { case solid, dotted }
    /// The end of a message's arrow: `->>` arrow, `->` none, `-x` cross, `-)` open (async).
    public enum Head: String, Sendable, Equatable { case arrow, none, cross, async }

    public enum NotePlace: Sendable, Equatable { case leftOf, rightOf, over }

    public enum Item: Sendable, Equatable {
        case message(from: String, to: String, text: String, line: Line, head: Head, both: Bool, number: Int?)
        case note(NotePlace, [String], String)
        /// `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect`, with their label.
        case begin(kind: String, label: String)
        /// `else`, `and`, `option`: the next part of the block open.
        case part(kind: String, label: String)
        case end
        /// A participant starts or stops being active (`activate`, `A->>+B`, `B-->>-A`).
        case activate(String), deactivate(String)
    }

    public var title: String?
    public var participants: [Participant] = []
    public var items: [Item] = []

    public init() {}
}

extension SequenceDiagram {
    static let blocks: Set<String> = ["loop", "alt", "opt", "par", "par_over", "critical", "break", "rect"]
    static let parts: Set<String> = ["else", "and", "option"]

    /// Reads the lines after `sequenceDiagram`; `firstLine` is the 1-based line of the first
    /// of them in the diagram's source. A line it cannot read is a warning, the rest is kept.
    static func parse(_ lines: [Substring], firstLine: Int) -> (SequenceDiagram, [MermaidDiagnostic]) {
        var diagram = SequenceDiagram()
        var diagnostics: [MermaidDiagnostic] = []
        var numbering: Int?
        var open: [String] = []
        func participant(_ id: String) {
            guard !id.isEmpty, !diagram.participants.contains(where: { $0.id == id }) else { return }
            diagram.participants.append(Participant(id: id, label: id, isActor: false))
        }
        // `;` ends a statement as a line break does (mermaid's lexer), except in an entity (`#59;`).
        let statements = lines.enumerated().flatMap { offset, raw in
            Self.statements(raw).map { (offset, $0, raw.distance(from: raw.startIndex, to: $0.startIndex) + $0.statementColumn) }
        }
        for (offset, raw, column) in statements {
            let line = raw.trimmingBlanks()
            guard !line.isEmpty, !line.hasPrefix("%%") else { continue }
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            let keyword = words[0].lowercased()
            let rest = words.count > 1 ? words[1].trimmingBlanks() : ""
            switch keyword {
            case "participant", "actor":
                let parts = rest.split(separator: " as ", omittingEmptySubsequences: false)
                let id = parts[0].trimmingBlanks()
                let label = parts.count > 1 ? parts.dropFirst().joined(separator: " as ").trimmingBlanks() : id
                if let i = diagram.participants.firstIndex(where: { $0.id == id }) {
                    diagram.participants[i].label = label
                    diagram.participants[i].isActor = keyword == "actor"
                } else if !id.isEmpty {
                    diagram.participants.append(Participant(id: id, label: label, isActor: keyword == "actor"))
                }
                continue
            case "autonumber": numbering = 1; continue
            case "title", "title:": diagram.title = rest; continue
            case "activate", "deactivate":
                let id = rest.trimmingBlanks()
                guard !id.isEmpty else { break }
                participant(id)
                diagram.items.append(keyword == "activate" ? .activate(id) : .deactivate(id))
                continue
            case "create", "destroy", "box": if keyword == "box" { open.append("box") }; continue
            case "end":
                if open.popLast() != "box" { diagram.items.append(.end) }
                continue
            case _ where blocks.contains(keyword):
                open.append(keyword)
                diagram.items.append(.begin(kind: keyword, label: rest))
                continue
            case _ where parts.contains(keyword):
                diagram.items.append(.part(kind: keyword, label: rest))
                continue
            case "note":
                if let note = Self.note(rest) {
                    note.1.forEach(participant)
                    diagram.items.append(.note(note.0, note.1, note.2))
                    continue
                }
            default:
                if let message = Self.message(line) {
                    participant(message.from)
                    participant(message.to)
                    diagram.items.append(.message(from: message.from, to: message.to, text: message.text, line: message.line,
                                                  head: message.head, both: message.both, number: numbering))
                    // `+` after the arrow activates the receiver, `-` deactivates the sender (mermaid's shorthand).
                    if message.mark == "+" { diagram.items.append(.activate(message.to)) }
                    if message.mark == "-" { diagram.items.append(.deactivate(message.from)) }
                    if let n = numbering { numbering = n + 1 }
                    continue
                }
            }
            diagnostics.append(MermaidDiagnostic(line: firstLine + offset, column: column, severity: .warning,
                                                 problem: .sequenceLineNotRead(String(line.prefix(60)))))
        }
        return (diagram, diagnostics)
    }

    /// A line cut at its semicolons, but not at the one that ends `#59;` or `#quot;`.
    static func statements(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = line.startIndex
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == ";" {
                let before = line[start..<i]
                let entity = before.lastIndex(of: "#").map { hash in
                    let name = before[before.index(after: hash)...]
                    return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber }
                } ?? false
                if !entity {
                    out.append(line[start..<i])
                    start = line.index(after: i)
                }
            }
            i = line.index(after: i)
        }
        out.append(line[start...])
        return out
    }

    /// `left of A: text`, `right of A: text`, `over A,B: text`.
    static func note(_ text: String) -> (NotePlace, [String], String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon].trimmingBlanks()
        let body = text[text.index(after: colon)...].trimmingBlanks()
        let lower = head.lowercased()
        let (place, names): (NotePlace, String)
        if lower.hasPrefix("left of ") { (place, names) = (.leftOf, String(head.dropFirst(8))) }
        else if lower.hasPrefix("right of ") { (place, names) = (.rightOf, String(head.dropFirst(9))) }
        else if lower.hasPrefix("over ") { (place, names) = (.over, String(head.dropFirst(5))) }
        else { return nil }
        let ids = names.split(separator: ",").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        return ids.isEmpty ? nil : (place, ids, body)
    }

    /// `A->>B: text` and the other arrows (`-->>`, `->`, `-->`, `-x`, `--x`, `-)`, `--)`,
    /// `<<->>`, `<<-->>`), an activation mark (`+`, `-`) after the arrow allowed.
    static func message(_ text: String) -> (from: String, to: String, text: String, line: Line, head: Head, both: Bool, mark: Character?)? {
        let arrows: [(String, Line, Head, Bool)] = [
            ("<<-->>", .dotted, .arrow, true), ("<<->>", .solid, .arrow, true),
            ("-->>", .dotted, .arrow, false), ("->>", .solid, .arrow, false),
            ("--x", .dotted, .cross, false), ("-x", .solid, .cross, false),
            ("--)", .dotted, .async, false), ("-)", .solid, .async, false),
            ("-->", .dotted, .none, false), ("->", .solid, .none, false),
        ]
        let colon = text.firstIndex(of: ":")
        let head = colon.map { String(text[..<$0]) } ?? text
        let body = colon.map { text[text.index(after: $0)...].trimmingBlanks() } ?? ""
        for (arrow, line, end, both) in arrows {
            guard let range = head.firstRange(of: arrow) else { continue }
            let from = head[..<range.lowerBound].trimmingBlanks()
            var to = head[range.upperBound...].trimmingBlanks()
            var mark: Character?
            if to.hasPrefix("+") || to.hasPrefix("-") { mark = to.removeFirst() }
            to = to.trimmingBlanks()
            guard !from.isEmpty, !to.isEmpty, !from.contains(" "), !to.contains(" ") else { return nil }
            return (from, to, body, line, end, both, mark)
        }
        return nil
    }
}
