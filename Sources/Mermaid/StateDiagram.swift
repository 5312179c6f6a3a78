import Facts
import Foundation

/// `stateDiagram` / `stateDiagram-v2`, read as a flowchart the same layout draws: states are
/// rounded boxes, `[*]` a start (●) or an end (◉) of its scope, a composite state
/// (`state X { … }`) a frame holding its states, transitions arrows with their label, notes
/// boxes linked to their state, `<<fork>>`/`<<join>>` bars and `<<choice>>` diamonds.
enum StateDiagramReader {
    static func parse(_ lines: [Substring], firstLine: Int) -> (Flowchart, [MermaidDiagnostic]) {
        var chart = Flowchart()
        chart.direction = .topBottom
        var diagnostics: [MermaidDiagnostic] = []
        // Composite states open, innermost last, each with the states declared in it.
        var scopes: [(id: String, members: [String])] = [("", [])]
        var labels: [String: String] = [:]
        var descriptions: [String: [String]] = [:]
        var kinds: [String: String] = [:]
        var order: [String] = []
        var noteOpen: (target: String, side: String, text: [String], line: Int)?
        var notes = 0
        var edges: [(from: String, to: String, label: String, line: Int)] = []
        var composites: [(id: String, members: [String], line: Int)] = []

        func scope() -> String { scopes.last!.id }
        func declare(_ id: String) {
            if !order.contains(id) { order.append(id) }
            if !scopes.contains(where: { $0.members.contains(id) }) && !composites.contains(where: { $0.members.contains(id) }) {
                scopes[scopes.count - 1].members.append(id)
            }
        }
        /// `[*]` is the start when it begins a transition, the end when it ends one, per scope.
        func endpoint(_ raw: String, start: Bool) -> String {
            guard raw == "[*]" else { declare(raw); return raw }
            let id = (start ? "start" : "end") + (scope().isEmpty ? "" : "_" + scope())
            kinds[id] = start ? "start" : "end"
            declare(id)
            return id
        }
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = firstLine + offset
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix(";") { line.removeLast() }
            if var note = noteOpen {
                if line.lowercased() == "end note" {
                    notes += 1
                    let id = "note\(notes)"
                    labels[id] = note.text.joined(separator: "<br/>")
                    kinds[id] = "note"
                    declare(id)
                    edges.append((note.target, id, "", note.line))
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
                if let d = Direction(mermaid: String(line.dropFirst(10)).trimmingCharacters(in: .whitespaces)) { chart.direction = d }
                continue
            }
            if lower.hasPrefix("classdef ") || lower.hasPrefix("class ") || lower.hasPrefix("style ") || line == "--" { continue }
            if lower.hasPrefix("note ") {
                // `note right of A : text`, or a block up to `end note`.
                let rest = String(line.dropFirst(5))
                let side = rest.lowercased().hasPrefix("left of ") ? "left" : "right"
                let afterSide = rest.components(separatedBy: " of ").dropFirst().joined(separator: " of ")
                let parts = afterSide.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let target = parts.first, !target.isEmpty else {
                    diagnostics.append(MermaidDiagnostic(line: lineNumber, column: 1, severity: .warning, problem: .stateLineNotRead(String(line.prefix(60)))))
                    continue
                }
                declare(target)
                if parts.count > 1 {
                    notes += 1
                    let id = "note\(notes)"
                    labels[id] = parts[1]
                    kinds[id] = "note"
                    declare(id)
                    edges.append((target, id, "", lineNumber))
                } else {
                    noteOpen = (target, side, [], lineNumber)
                }
                continue
            }
            if line == "}" {
                if scopes.count > 1 {
                    let closed = scopes.removeLast()
                    composites.append((closed.id, closed.members, lineNumber))
                }
                continue
            }
            if lower.hasPrefix("state ") {
                var rest = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                let opens = rest.hasSuffix("{")
                if opens { rest = String(rest.dropLast()).trimmingCharacters(in: .whitespaces) }
                var id = rest
                if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
                    let label = String(rest[rest.index(after: rest.startIndex)..<close])
                    let after = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
                    id = after.lowercased().hasPrefix("as ") ? String(after.dropFirst(3)).trimmingCharacters(in: .whitespaces) : label
                    labels[id] = label
                } else if let range = rest.range(of: " as ") {
                    id = String(rest[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                    labels[id] = String(rest[..<range.lowerBound])
                }
                for kind in ["fork", "join", "choice"] where id.hasSuffix("<<\(kind)>>") {
                    id = String(id.dropLast(kind.count + 4)).trimmingCharacters(in: .whitespaces)
                    kinds[id] = kind
                }
                declare(id)
                if opens { scopes.append((id, [])) }
                continue
            }
            if let arrow = line.range(of: "-->") {
                let from = line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
                let after = line[arrow.upperBound...]
                let parts = after.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard !from.isEmpty, let toRaw = parts.first, !toRaw.isEmpty else {
                    diagnostics.append(MermaidDiagnostic(line: lineNumber, column: 1, severity: .warning, problem: .stateLineNotRead(String(line.prefix(60)))))
                    continue
                }
                let a = endpoint(from, start: true), b = endpoint(toRaw, start: false)
                edges.append((a, b, parts.count > 1 ? parts[1] : "", lineNumber))
                continue
            }
            if let colon = line.firstIndex(of: ":") {
                // `A : what it does`: a line of the state's box.
                let id = line[..<colon].trimmingCharacters(in: .whitespaces)
                let text = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !id.isEmpty, !id.contains(" ") {
                    declare(id)
                    descriptions[id, default: []].append(text)
                    continue
                }
            }
            if !line.contains(" ") { declare(line); continue }
            diagnostics.append(MermaidDiagnostic(line: lineNumber, column: 1, severity: .warning, problem: .stateLineNotRead(String(line.prefix(60)))))
        }
        let compositeIDs = Set(composites.map(\.id))
        for id in order where !compositeIDs.contains(id) {
            let kind = kinds[id]
            let text = ([labels[id] ?? id] + (descriptions[id] ?? [])).joined(separator: "<br/>")
            let (label, shape): (String, Shape)
            switch kind {
            case "start": (label, shape) = ("●", .circle)
            case "end": (label, shape) = ("◉", .doublecircle)
            case "fork", "join": (label, shape) = ("━━━", .square)
            case "choice": (label, shape) = ("◇", .diamond)
            case "note": (label, shape) = (labels[id] ?? "", .square)
            default: (label, shape) = (text, .round)
            }
            chart.nodes.append(Node(id: id, label: label, shape: shape, classes: kind == "note" ? ["note"] : [], line: 1, column: 1))
        }
        for c in composites {
            chart.subgraphs.append(Subgraph(id: c.id, title: labels[c.id] ?? c.id, nodes: c.members, line: c.line))
        }
        for (i, e) in edges.enumerated() {
            let note = kinds[e.to] == "note"
            chart.edges.append(Edge(id: "L\(i)", isUserDefinedID: false, from: e.from, to: e.to, type: note ? .arrow_open : .arrow_point,
                                    stroke: note ? .dotted : .normal, length: 1, label: e.label, line: e.line, column: 1))
        }
        return (chart, diagnostics)
    }
}
