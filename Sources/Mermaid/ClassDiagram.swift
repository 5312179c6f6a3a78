import Facts
import Foundation

/// `classDiagram`, read as the flowchart that draws it: each class a box with its name (and
/// `<<annotation>>`), a rule, its attributes, a rule, its methods; each relation an arrow
/// with its kind (inheritance, composition…), its cardinalities and its label.
enum ClassDiagramReader {
    /// mermaid's relation arrows, longest first: the text between the two class names.
    static let relations: [(text: String, kind: String, dotted: Bool, towardsFirst: Bool)] = [
        ("<|--", "inheritance", false, true), ("--|>", "inheritance", false, false),
        ("<|..", "realization", true, true), ("..|>", "realization", true, false),
        ("*--", "composition", false, true), ("--*", "composition", false, false),
        ("o--", "aggregation", false, true), ("--o", "aggregation", false, false),
        ("<--", "association", false, true), ("-->", "association", false, false),
        ("<..", "dependency", true, true), ("..>", "dependency", true, false),
        ("--", "link", false, false), ("..", "link", true, false),
    ]

    static func parse(_ lines: [Substring], firstLine: Int) -> (Flowchart, [MermaidDiagnostic]) {
        var chart = Flowchart()
        chart.direction = .topBottom
        var diagnostics: [MermaidDiagnostic] = []
        var order: [String] = []
        var attributes: [String: [String]] = [:], methods: [String: [String]] = [:], annotations: [String: String] = [:]
        var labels: [String: String] = [:]
        var body: String?
        var edges: [Edge] = []
        func declare(_ raw: String) -> String {
            var id = raw.trimmingCharacters(in: .whitespaces)
            if let tilde = id.firstIndex(of: "~") {
                // `List~int~` is the class `List` shown as `List<int>`.
                let base = String(id[..<tilde])
                labels[base] = id.replacingOccurrences(of: "~", with: "<", options: [], range: tilde..<id.index(after: tilde))
                    .replacingOccurrences(of: "~", with: ">")
                id = base
            }
            if !order.contains(id) { order.append(id) }
            return id
        }
        func member(_ text: String, of id: String) {
            let written = text.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { return }
            // `List~int~` is `List<int>`.
            let m = written.split(separator: "~", omittingEmptySubsequences: false).enumerated()
                .map { i, part in i == 0 ? String(part) : (i % 2 == 1 ? "<" : ">") + part }.joined()
            if m.hasPrefix("<<"), m.hasSuffix(">>") { annotations[id] = m; return }
            if m.contains("(") { methods[id, default: []].append(m) } else { attributes[id, default: []].append(m) }
        }
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = firstLine + offset
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix(";") { line.removeLast() }
            guard !line.isEmpty, !line.hasPrefix("%%") else { continue }
            if let id = body {
                if line == "}" { body = nil } else { member(line, of: id) }
                continue
            }
            let lower = line.lowercased()
            if lower.hasPrefix("direction ") {
                if let d = Direction(mermaid: String(line.dropFirst(10)).trimmingCharacters(in: .whitespaces)) { chart.direction = d }
                continue
            }
            if lower.hasPrefix("note") || lower.hasPrefix("classdef ") || lower.hasPrefix("style ") || lower.hasPrefix("cssclass ")
                || lower.hasPrefix("link ") || lower.hasPrefix("click ") || lower.hasPrefix("callback ") { continue }
            if lower.hasPrefix("class ") {
                var rest = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                let opens = rest.hasSuffix("{")
                if opens { rest = String(rest.dropLast()).trimmingCharacters(in: .whitespaces) }
                // `class A["Label"]`, `class A:::style`.
                if let colons = rest.range(of: ":::") { rest = String(rest[..<colons.lowerBound]) }
                var label: String?
                if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
                    label = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                    rest = String(rest[..<open])
                }
                let id = declare(rest)
                if let label { labels[id] = label }
                if opens { body = id }
                continue
            }
            if line.hasPrefix("<<"), let close = line.range(of: ">>") {
                // `<<interface>> Animal`
                let id = declare(String(line[close.upperBound...]))
                annotations[id] = String(line[..<close.upperBound])
                continue
            }
            if let relation = Self.relation(line) {
                let a = declare(relation.first), b = declare(relation.second)
                let (from, to) = relation.kind.towardsFirst ? (b, a) : (a, b)
                var label = relation.label
                let cards = [relation.firstCard, relation.secondCard]
                if cards.contains(where: { !$0.isEmpty }) {
                    let (fromCard, toCard) = relation.kind.towardsFirst ? (cards[1], cards[0]) : (cards[0], cards[1])
                    label = "\(fromCard.isEmpty ? "" : fromCard + " ")→\(toCard.isEmpty ? "" : " " + toCard)" + (label.isEmpty ? "" : " " + label)
                }
                let kind = relation.kind.kind
                // UML's marks, in no language: ◆ composition, ◇ aggregation, △ inheritance
                // and realisation (dotted), at the head of the label.
                let mark = ["composition": "◆", "aggregation": "◇", "inheritance": "△", "realization": "△"][kind]
                if let mark { label = mark + (label.isEmpty ? "" : " " + label) }
                let type: ArrowType = kind == "link" ? .arrow_open : (kind == "composition" || kind == "aggregation") ? .arrow_circle : .arrow_point
                edges.append(Edge(id: "L\(edges.count)", isUserDefinedID: false, from: from, to: to, type: type,
                                  stroke: relation.kind.dotted ? .dotted : .normal, length: 1, label: label, line: lineNumber, column: 1))
                continue
            }
            if let colon = line.firstIndex(of: ":") {
                // `A : +int age`
                let id = declare(String(line[..<colon]))
                member(String(line[line.index(after: colon)...]), of: id)
                continue
            }
            if !line.contains(" ") { _ = declare(line); continue }
            diagnostics.append(MermaidDiagnostic(line: lineNumber, column: 1, severity: .warning, problem: .classLineNotRead(String(line.prefix(60)))))
        }
        for id in order {
            var rows = [annotations[id], labels[id] ?? id].compactMap { $0 }
            let attrs = attributes[id] ?? [], meths = methods[id] ?? []
            if !attrs.isEmpty || !meths.isEmpty {
                let width = max(4, (rows + attrs + meths).map(\.count).max() ?? 4)
                let rule = String(repeating: "─", count: width)
                rows += [rule] + attrs
                if !meths.isEmpty { rows += [rule] + meths }
            }
            chart.nodes.append(Node(id: id, label: rows.map { $0.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
                                        .joined(separator: "<br/>"), shape: .square, line: 1, column: 1))
        }
        chart.edges = edges
        return (chart, diagnostics)
    }

    /// `A "1" *-- "many" B : label`.
    static func relation(_ line: String) -> (first: String, second: String, kind: (text: String, kind: String, dotted: Bool, towardsFirst: Bool),
                                            firstCard: String, secondCard: String, label: String)? {
        let colon = line.range(of: " : ") ?? line.range(of: ":")
        let head = colon.map { String(line[..<$0.lowerBound]) } ?? line
        let label = colon.map { line[$0.upperBound...].trimmingCharacters(in: .whitespaces) } ?? ""
        for kind in relations {
            guard let range = head.range(of: kind.text) else { continue }
            var left = head[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            var right = head[range.upperBound...].trimmingCharacters(in: .whitespaces)
            func card(_ s: inout String, atEnd: Bool) -> String {
                let quote: Character = "\""
                if atEnd, s.hasSuffix(String(quote)), let open = s.dropLast().lastIndex(of: quote) {
                    let c = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
                    s = s[..<open].trimmingCharacters(in: .whitespaces)
                    return c
                }
                if !atEnd, s.hasPrefix(String(quote)), let close = s.dropFirst().firstIndex(of: quote) {
                    let c = String(s[s.index(after: s.startIndex)..<close])
                    s = s[s.index(after: close)...].trimmingCharacters(in: .whitespaces)
                    return c
                }
                return ""
            }
            let firstCard = card(&left, atEnd: true), secondCard = card(&right, atEnd: false)
            guard !left.isEmpty, !right.isEmpty, !left.contains(" "), !right.contains(" ") else { return nil }
            return (left, right, kind, firstCard, secondCard, label)
        }
        return nil
    }
}
