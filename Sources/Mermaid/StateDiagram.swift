import Facts
import FoundationEssentials

/// A `stateDiagram` / `stateDiagram-v2` as mermaid's stateDb holds it (`getStates`, with each
/// state's `type`, `descriptions`, `doc` and `note`; `getRelations`, with `relationTitle`), and
/// the flowchart that draws it: states are rounded boxes, `[*]` a start (●) or an end (◉) of
/// its scope (`root_start`, `Running_end`… as mermaid names them), a composite state a frame
/// holding its states, transitions arrows with their label, notes boxes linked to their state,
/// `<<fork>>`/`<<join>>` bars and `<<choice>>` diamonds.
public struct StateDiagram: Sendable, Equatable {
    public struct Note: Sendable, Equatable {
        /// `left of` or `right of`.
        public var position: String
        public var text: String
    }

    public struct State: Sendable, Equatable {
        public var id: String
        /// `default`, `start`, `end`, `fork`, `join`, `choice`.
        public var type = "default"
        /// `state "Name" as id` and `id : text` lines, in order.
        public var descriptions: [String] = []
        /// The states declared inside a composite state, in order.
        public var doc: [String] = []
        public var note: Note?
        /// The name from `state "Name" as id`, drawn as the box's first line.
        var name: String?
    }

    public struct Relation: Sendable, Equatable {
        public var id1: String
        public var id2: String
        public var relationTitle: String?
        public var line: Int
    }

    public var title: String?
    public var direction: Direction = .topBottom
    public var states: [State] = []
    public var relations: [Relation] = []

    public init() {}

    public func state(_ id: String) -> State? { states.first { $0.id == id } }
}

enum StateDiagramReader {
    static func parse(_ lines: [Substring], firstLine: Int) -> (StateDiagram, [MermaidDiagnostic]) {
        var diagram = StateDiagram()
        var diagnostics: [MermaidDiagnostic] = []
        // Composite states open, innermost last.
        var scopes: [String] = ["root"]
        var noteOpen: (target: String, side: String, text: [String])?
        func index(_ id: String) -> Int {
            if let i = diagram.states.firstIndex(where: { $0.id == id }) { return i }
            diagram.states.append(StateDiagram.State(id: id))
            // A state belongs to the scope it is first written in.
            if scopes.count > 1, let parent = diagram.states.firstIndex(where: { $0.id == scopes.last! }) {
                diagram.states[parent].doc.append(id)
            }
            return diagram.states.count - 1
        }
        @discardableResult func declare(_ id: String) -> Int { index(id) }
        /// `[*]` is the start when it begins a transition, the end when it ends one, per scope.
        func endpoint(_ raw: String, start: Bool) -> String {
            guard raw == "[*]" else { declare(raw); return raw }
            let id = scopes.last! + (start ? "_start" : "_end")
            diagram.states[index(id)].type = start ? "start" : "end"
            return id
        }
        var column = 1
        func warn(_ line: String, _ number: Int) {
            diagnostics.append(MermaidDiagnostic(line: number, column: column, severity: .warning, problem: .stateLineNotRead(String(line.prefix(60)))))
        }
        for (offset, rawLine) in lines.enumerated() {
            column = rawLine.statementColumn
            let lineNumber = firstLine + offset
            var line = rawLine.trimmingBlanks()
            if line.hasSuffix(";") { line.removeLast() }
            if var note = noteOpen {
                // mermaid's note block ends at a line that is only `end note` (issue #7089).
                if line.lowercased() == "end note" {
                    diagram.states[index(note.target)].note = StateDiagram.Note(position: note.side, text: Self.breaks(note.text.joined(separator: "\n")))
                    noteOpen = nil
                } else {
                    note.text.append(line)
                    noteOpen = note
                }
                continue
            }
            guard !line.isEmpty, !line.hasPrefix("%%") else { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("direction ") {
                if let d = Direction(mermaid: String(line.dropFirst(10)).trimmingBlanks()) { diagram.direction = d }
                continue
            }
            if lower.hasPrefix("classdef ") || lower.hasPrefix("class ") || lower.hasPrefix("style ") || line == "--"
                || lower.hasPrefix("hide empty description") || lower.hasPrefix("scale ") { continue }
            if lower.hasPrefix("note \""), let close = line.dropFirst(6).firstIndex(of: "\"") {
                // A floating note, `note "text" as N1`: a state of its own.
                let text = String(line[line.index(line.startIndex, offsetBy: 6)..<close])
                let after = line[line.index(after: close)...].trimmingBlanks()
                let id = after.lowercased().hasPrefix("as ") ? String(after.dropFirst(3)).trimmingBlanks() : text
                let i = declare(id)
                diagram.states[i].type = "note"
                diagram.states[i].descriptions = [Self.breaks(text)]
                continue
            }
            if lower.hasPrefix("note ") {
                // `note right of A : text`, or a block up to `end note`.
                let rest = String(line.dropFirst(5))
                let side = rest.lowercased().hasPrefix("left of ") ? "left of" : "right of"
                let afterSide = rest.split(separator: " of ", omittingEmptySubsequences: false).dropFirst().joined(separator: " of ")
                let parts = afterSide.split(separator: ":", maxSplits: 1).map { $0.trimmingBlanks() }
                guard let target = parts.first, !target.isEmpty else { warn(line, lineNumber); continue }
                declare(target)
                if parts.count > 1 {
                    diagram.states[index(target)].note = StateDiagram.Note(position: side, text: Self.breaks(parts[1]))
                } else {
                    noteOpen = (target, side, [])
                }
                continue
            }
            if line == "}" {
                if scopes.count > 1 { scopes.removeLast() }
                continue
            }
            if lower.hasPrefix("state ") {
                var rest = String(line.dropFirst(6)).trimmingBlanks()
                let opens = rest.hasSuffix("{")
                if opens { rest = String(rest.dropLast()).trimmingBlanks() }
                var id = rest
                var name: String?
                if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
                    let label = String(rest[rest.index(after: rest.startIndex)..<close])
                    let after = rest[rest.index(after: close)...].trimmingBlanks()
                    id = after.lowercased().hasPrefix("as ") ? String(after.dropFirst(3)).trimmingBlanks() : label
                    name = label
                } else if let range = rest.firstRange(of: " as ") {
                    id = String(rest[range.upperBound...]).trimmingBlanks()
                    name = String(rest[..<range.lowerBound])
                }
                var type: String?
                for kind in ["fork", "join", "choice"] where id.hasSuffix("<<\(kind)>>") {
                    id = String(id.dropLast(kind.count + 4)).trimmingBlanks()
                    type = kind
                }
                let i = declare(id)
                if let type { diagram.states[i].type = type }
                if let name {
                    diagram.states[i].name = name
                    diagram.states[i].descriptions.insert(name, at: 0)
                }
                if opens { scopes.append(id) }
                continue
            }
            if let arrow = line.firstRange(of: "-->") {
                let from = line[..<arrow.lowerBound].trimmingBlanks()
                let after = line[arrow.upperBound...]
                // The first colon ends the target: the title may hold more (issue #7418).
                let parts = after.split(separator: ":", maxSplits: 1).map { $0.trimmingBlanks() }
                guard !from.isEmpty, let toRaw = parts.first, !toRaw.isEmpty else { warn(line, lineNumber); continue }
                let a = endpoint(from, start: true), b = endpoint(toRaw, start: false)
                diagram.relations.append(StateDiagram.Relation(id1: a, id2: b, relationTitle: parts.count > 1 ? parts[1] : nil, line: lineNumber))
                continue
            }
            if let colon = line.firstIndex(of: ":") {
                // `A : what it does`: a line of the state's box.
                let id = line[..<colon].trimmingBlanks()
                let text = line[line.index(after: colon)...].trimmingBlanks()
                if !id.isEmpty, !id.contains(" ") {
                    diagram.states[index(id)].descriptions.append(text)
                    continue
                }
            }
            if !line.contains(" ") { declare(line); continue }
            warn(line, lineNumber)
        }
        return (diagram, diagnostics)
    }

    /// `<br/>`, `<br />`, `<br\t/>` as `<br>`, as mermaid keeps a note's line breaks.
    static func breaks(_ text: String) -> String {
        text.replacing(#/<br\s*\/?>/#.ignoresCase(), with: "<br>")
    }
}

extension StateDiagram {
    /// The flowchart that draws it.
    public var flowchart: Flowchart {
        var chart = Flowchart()
        chart.title = title
        chart.direction = direction
        let composites = Set(states.filter { !$0.doc.isEmpty }.map(\.id))
        var notes: [(target: String, id: String, text: String)] = []
        for s in states where !composites.contains(s.id) {
            let text = ([s.name ?? s.id] + s.descriptions.dropFirst(s.name == nil ? 0 : 1)).joined(separator: "<br/>")
            let (label, shape): (String, Shape)
            switch s.type {
            case "start": (label, shape) = ("●", .circle)
            case "end": (label, shape) = ("◉", .doublecircle)
            case "fork", "join": (label, shape) = ("━━━", .square)
            case "choice": (label, shape) = ("◇", .diamond)
            case "note": (label, shape) = (s.descriptions.joined(separator: "<br/>"), .square)
            default: (label, shape) = (text, .round)
            }
            chart.nodes.append(Node(id: s.id, label: label, shape: shape, classes: s.type == "note" ? ["note"] : [], line: 1, column: 1))
        }
        for s in states {
            if let note = s.note {
                let id = "note\(notes.count + 1)"
                notes.append((s.id, id, note.text))
                chart.nodes.append(Node(id: id, label: note.text.replacing("\n", with: "<br>"), shape: .square,
                                        classes: ["note"], line: 1, column: 1))
            }
        }
        // A note sits in its state's frame.
        func frame(of id: String) -> String? { states.first { $0.doc.contains(id) }?.id }
        for s in states where composites.contains(s.id) {
            let members = s.doc + notes.filter { frame(of: $0.target) == s.id }.map(\.id)
            chart.subgraphs.append(Subgraph(id: s.id, title: s.name ?? s.id, nodes: members, line: 1))
        }
        // Inner frames before the frames holding them, as mermaid finishes them.
        chart.subgraphs.sort { a, b in depth(a.id) > depth(b.id) }
        var i = 0
        for r in relations {
            chart.edges.append(Edge(id: "L\(i)", isUserDefinedID: false, from: r.id1, to: r.id2, type: .arrow_point, stroke: .normal,
                                    length: 1, label: r.relationTitle ?? "", line: r.line, column: 1))
            i += 1
        }
        for n in notes {
            chart.edges.append(Edge(id: "L\(i)", isUserDefinedID: false, from: n.target, to: n.id, type: .arrow_open, stroke: .dotted,
                                    length: 1, label: "", line: 1, column: 1))
            i += 1
        }
        return chart
    }

    func depth(_ id: String) -> Int {
        var d = 0
        var current = id
        while let parent = states.first(where: { $0.doc.contains(current) })?.id, d < states.count {
            d += 1
            current = parent
        }
        return d
    }
}
