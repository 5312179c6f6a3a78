import Facts
import Foundation

/// A `classDiagram` as mermaid's classDb holds it (`getClasses`, `getRelations`, in its own
/// names: `EXTENSION`, `DOTTED_LINE`…), and the flowchart that draws it: each class a box with
/// its name (and `<<annotation>>`), a rule, its attributes, a rule, its methods; each
/// relation an arrow with UML's mark, its cardinalities and its label.
public struct ClassDiagram: Sendable, Equatable {
    public struct Class: Sendable, Equatable {
        public var id: String
        public var label: String
        /// The generic parameter (`List~T~` has type `T`).
        public var type: String = ""
        /// Without their `<< >>`.
        public var annotations: [String] = []
        public var members: [String] = []
        public var methods: [String] = []
    }

    /// mermaid's `relationType` (the mark at one end), and `none`.
    public enum RelationType: String, Sendable, Equatable {
        case aggregation = "AGGREGATION", `extension` = "EXTENSION", composition = "COMPOSITION", dependency = "DEPENDENCY"
        case lollipop = "LOLLIPOP", none
    }
    public enum LineType: String, Sendable, Equatable { case line = "LINE", dottedLine = "DOTTED_LINE" }

    public struct Relation: Sendable, Equatable {
        public var id1: String
        public var id2: String
        /// The cardinalities written beside `id1` and `id2`.
        public var relationTitle1 = "none"
        public var relationTitle2 = "none"
        public var title = ""
        /// The marks beside `id1` and `id2` (`A <|-- B`: `EXTENSION`, `none`).
        public var type1: RelationType = .none
        public var type2: RelationType = .none
        public var lineType: LineType = .line
        public var line: Int
    }

    public var title: String?
    public var direction: Direction = .topBottom
    public var classes: [Class] = []
    public var relations: [Relation] = []

    public init() {}

    public func `class`(_ id: String) -> Class? { classes.first { $0.id == id } }
}

enum ClassDiagramReader {
    /// A relation's marks, as mermaid's grammar reads them either side of `--` or `..`.
    static let marks: [(text: String, type: ClassDiagram.RelationType)] = [
        ("<|", .extension), ("|>", .extension), ("()", .lollipop), ("*", .composition), ("o", .aggregation),
        ("<", .dependency), (">", .dependency),
    ]

    static func parse(_ lines: [Substring], firstLine: Int) -> (ClassDiagram, [MermaidDiagnostic]) {
        var diagram = ClassDiagram()
        var diagnostics: [MermaidDiagnostic] = []
        var body: String?
        func index(_ id: String) -> Int {
            if let i = diagram.classes.firstIndex(where: { $0.id == id }) { return i }
            diagram.classes.append(ClassDiagram.Class(id: id, label: id))
            return diagram.classes.count - 1
        }
        /// `List~int~` is the class `List` of type `int`.
        func declare(_ raw: String) -> String {
            var id = raw.trimmingCharacters(in: .whitespaces)
            var type = ""
            if let tilde = id.firstIndex(of: "~") {
                type = String(id[id.index(after: tilde)...]).replacingOccurrences(of: "~", with: "")
                id = String(id[..<tilde])
            }
            let i = index(id)
            if !type.isEmpty { diagram.classes[i].type = type }
            return id
        }
        func member(_ text: String, of id: String) {
            let written = text.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { return }
            let i = index(id)
            if written.hasPrefix("<<"), written.hasSuffix(">>") {
                diagram.classes[i].annotations.append(String(written.dropFirst(2).dropLast(2)))
            } else if written.contains(")") {
                diagram.classes[i].methods.append(written)
            } else {
                diagram.classes[i].members.append(written)
            }
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
                if let d = Direction(mermaid: String(line.dropFirst(10)).trimmingCharacters(in: .whitespaces)) { diagram.direction = d }
                continue
            }
            if lower.hasPrefix("classdef ") || lower.hasPrefix("cssclass ") || lower.hasPrefix("style ") || lower.hasPrefix("note")
                || lower.hasPrefix("link ") || lower.hasPrefix("click ") || lower.hasPrefix("callback ") || line == "--" { continue }
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
                if let label { diagram.classes[index(id)].label = label }
                if opens { body = id }
                continue
            }
            if line.hasPrefix("<<"), let close = line.range(of: ">>") {
                // `<<interface>> Animal`
                let id = declare(String(line[close.upperBound...]))
                diagram.classes[index(id)].annotations.append(String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound]))
                continue
            }
            if var relation = Self.relation(line, line: lineNumber) {
                relation.id1 = declare(relation.id1)
                relation.id2 = declare(relation.id2)
                diagram.relations.append(relation)
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
        return (diagram, diagnostics)
    }

    /// `A "1" *-- "many" B : label`: mermaid's `relationStatement` (a mark, a line, a mark,
    /// each mark optional; cardinalities in quotes beside the class they belong to).
    static func relation(_ line: String, line number: Int) -> ClassDiagram.Relation? {
        let colon = line.range(of: " : ") ?? line.range(of: ":")
        let head = colon.map { String(line[..<$0.lowerBound]) } ?? line
        let title = colon.map { line[$0.upperBound...].trimmingCharacters(in: .whitespaces) } ?? ""
        guard let dash = head.range(of: "--") ?? head.range(of: "..") else { return nil }
        var left = head[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
        var right = head[dash.upperBound...].trimmingCharacters(in: .whitespaces)
        var relation = ClassDiagram.Relation(id1: "", id2: "", title: title, lineType: head[dash] == ".." ? .dottedLine : .line, line: number)
        for mark in marks where left.hasSuffix(mark.text) && (mark.text != "o" || left.hasSuffix(" o") || left == "o") {
            relation.type1 = mark.type
            left = String(left.dropLast(mark.text.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        for mark in marks where right.hasPrefix(mark.text) && (mark.text != "o" || right.hasPrefix("o ")) {
            relation.type2 = mark.type
            right = String(right.dropFirst(mark.text.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let quote: Character = "\""
        if left.hasSuffix(String(quote)), let open = left.dropLast().lastIndex(of: quote) {
            relation.relationTitle1 = String(left[left.index(after: open)..<left.index(before: left.endIndex)])
            left = left[..<open].trimmingCharacters(in: .whitespaces)
        }
        if right.hasPrefix(String(quote)), let close = right.dropFirst().firstIndex(of: quote) {
            relation.relationTitle2 = String(right[right.index(after: right.startIndex)..<close])
            right = right[right.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        guard !left.isEmpty, !right.isEmpty, !left.contains(" "), !right.contains(" ") else { return nil }
        relation.id1 = left
        relation.id2 = right
        return relation
    }
}

extension ClassDiagram {
    /// The flowchart that draws it. An arrow points at the end that carries the mark — the
    /// parent of an inheritance, the whole of a composition — and its label starts with UML's
    /// mark, in no language: △ inheritance and realisation (dotted), ◆ composition, ◇
    /// aggregation, ○ lollipop; then the cardinalities, from the arrow's tail to its head.
    public var flowchart: Flowchart {
        var chart = Flowchart()
        chart.title = title
        chart.direction = direction
        for c in classes {
            let name = c.type.isEmpty ? c.label : "\(c.label)<\(c.type)>"
            var rows = c.annotations.map { "<<\($0)>>" } + [name]
            let generic = { (m: String) in
                m.split(separator: "~", omittingEmptySubsequences: false).enumerated()
                    .map { i, part in i == 0 ? String(part) : (i % 2 == 1 ? "<" : ">") + part }.joined()
            }
            let attrs = c.members.map(generic), meths = c.methods.map(generic)
            if !attrs.isEmpty || !meths.isEmpty {
                let width = max(4, (rows + attrs + meths).map(\.count).max() ?? 4)
                let rule = String(repeating: "─", count: width)
                rows += [rule] + attrs
                if !meths.isEmpty { rows += [rule] + meths }
            }
            chart.nodes.append(Node(id: c.id, label: rows.map { $0.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
                                        .joined(separator: "<br/>"), shape: .square, line: 1, column: 1))
        }
        let markOf: [RelationType: String] = [.composition: "◆", .aggregation: "◇", .extension: "△", .lollipop: "○"]
        for (i, r) in relations.enumerated() {
            // Towards id1 when only id1's end is marked; else towards id2.
            let towardsFirst = r.type1 != .none && r.type2 == .none
            let (from, to) = towardsFirst ? (r.id2, r.id1) : (r.id1, r.id2)
            let headType = towardsFirst ? r.type1 : r.type2
            let tailType = towardsFirst ? r.type2 : r.type1
            let card = { (t: String) in t == "none" ? "" : t }
            let (fromCard, toCard) = towardsFirst ? (card(r.relationTitle2), card(r.relationTitle1)) : (card(r.relationTitle1), card(r.relationTitle2))
            var label = r.title
            if !fromCard.isEmpty || !toCard.isEmpty {
                label = "\(fromCard.isEmpty ? "" : fromCard + " ")→\(toCard.isEmpty ? "" : " " + toCard)" + (label.isEmpty ? "" : " " + label)
            }
            let mark = [markOf[tailType], markOf[headType]].compactMap { $0 }.joined(separator: " ")
            if !mark.isEmpty { label = mark + (label.isEmpty ? "" : " " + label) }
            let type: ArrowType = headType == .none ? .arrow_open
                : (headType == .composition || headType == .aggregation) ? .arrow_circle : .arrow_point
            chart.edges.append(Edge(id: "L\(i)", isUserDefinedID: false, from: from, to: to, type: type,
                                    stroke: r.lineType == .dottedLine ? .dotted : .normal, length: 1, label: label, line: r.line, column: 1))
        }
        return chart
    }
}
