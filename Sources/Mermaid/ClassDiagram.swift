import Facts
import FoundationEssentials

/// A `classDiagram` as mermaid's classDb holds it (`getClasses`, `getRelations`, in its own
/// names: `EXTENSION`, `DOTTED_LINE`…), and the flowchart that draws it: each class a box with
/// its name (and `<<annotation>>`), a rule, its attributes, a rule, its methods; each
/// relation an arrow with UML's mark, its cardinalities and its label.
public struct ClassDiagram: Sendable, Equatable {
    public static func == (a: ClassDiagram, b: ClassDiagram) -> Bool {
        a.title == b.title && a.direction == b.direction && a.classes == b.classes && a.relations == b.relations
            && a.namespaces == b.namespaces && a.notes.map(\.class) == b.notes.map(\.class) && a.notes.map(\.text) == b.notes.map(\.text)
    }

    public struct Class: Sendable, Equatable {
        public var id: String
        public var label: String
        /// The generic parameter (`List~T~` has type `T`).
        public var type: String = ""
        /// Without their `<< >>`.
        public var annotations: [String] = []
        /// As mermaid displays them (`ClassMember.getDisplayDetails().displayText`): `~T~` as
        /// `<T>`, a method's return type after ` : `, the `$` (static) and `*` (abstract) marks dropped.
        public var members: [String] = []
        public var methods: [String] = []
        /// The namespace it is declared in.
        public var parent: String?
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
    /// `namespace A.B { … }`, in the order opened.
    public var namespaces: [String] = []
    /// `note for Duck "can fly"` (`class` is Duck) and `note "text"` (no class).
    public var notes: [(class: String?, text: String)] = []

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
        var namespaces: [String] = []
        func index(_ id: String) -> Int {
            if let i = diagram.classes.firstIndex(where: { $0.id == id }) { return i }
            diagram.classes.append(ClassDiagram.Class(id: id, label: id, parent: namespaces.last))
            return diagram.classes.count - 1
        }
        /// `List~int~` is the class `List` of type `int`.
        func declare(_ raw: String) -> String {
            var id = raw.trimmingBlanks()
            var type = ""
            if let tilde = id.firstIndex(of: "~") {
                type = String(id[id.index(after: tilde)...]).replacing("~", with: "")
                id = String(id[..<tilde])
            }
            let i = index(id)
            if !type.isEmpty { diagram.classes[i].type = type }
            return id
        }
        func member(_ text: String, of id: String) {
            let written = text.trimmingBlanks()
            guard !written.isEmpty else { return }
            let i = index(id)
            if written.hasPrefix("<<"), written.hasSuffix(">>") {
                diagram.classes[i].annotations.append(String(written.dropFirst(2).dropLast(2)))
            } else if written.contains(")") {
                diagram.classes[i].methods.append(Self.display(written, method: true))
            } else {
                diagram.classes[i].members.append(Self.display(written, method: false))
            }
        }
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = firstLine + offset
            var line = rawLine.trimmingBlanks()
            if line.hasSuffix(";") { line.removeLast() }
            guard !line.isEmpty, !line.hasPrefix("%%") else { continue }
            if let id = body {
                if line == "}" { body = nil } else { member(line, of: id) }
                continue
            }
            let lower = line.lowercased()
            if lower.hasPrefix("direction ") {
                if let d = Direction(mermaid: String(line.dropFirst(10)).trimmingBlanks()) { diagram.direction = d }
                continue
            }
            if lower.hasPrefix("namespace "), line.hasSuffix("{") {
                let name = String(line.dropFirst(10).dropLast()).trimmingBlanks()
                namespaces.append(name)
                if !diagram.namespaces.contains(name) { diagram.namespaces.append(name) }
                continue
            }
            if line == "}" {
                if !namespaces.isEmpty { namespaces.removeLast() }
                continue
            }
            if lower.hasPrefix("note "), let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close {
                // `note for Duck "can fly\ncan swim"`, `note "From Duck till Zebra"`.
                let head = line[line.index(line.startIndex, offsetBy: 5)..<open].trimmingBlanks()
                let owner = head.lowercased().hasPrefix("for ") ? declare(String(head.dropFirst(4))) : nil
                let text = String(line[line.index(after: open)..<close]).replacing("\\n", with: "\n")
                diagram.notes.append((owner, text))
                continue
            }
            if lower.hasPrefix("classdef ") || lower.hasPrefix("cssclass ") || lower.hasPrefix("style ")
                || lower.hasPrefix("link ") || lower.hasPrefix("click ") || lower.hasPrefix("callback ") || line == "--" { continue }
            if lower.hasPrefix("class ") {
                var rest = String(line.dropFirst(6)).trimmingBlanks()
                let opens = rest.hasSuffix("{")
                if opens { rest = String(rest.dropLast()).trimmingBlanks() }
                // `class A["Label"]`, `class A:::style`.
                if let colons = rest.firstRange(of: ":::") { rest = String(rest[..<colons.lowerBound]) }
                var label: String?
                if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
                    label = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimming("\" ")
                    rest = String(rest[..<open])
                }
                let id = declare(rest)
                if let label { diagram.classes[index(id)].label = label }
                if opens { body = id }
                continue
            }
            if line.hasPrefix("<<"), let close = line.firstRange(of: ">>") {
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
            diagnostics.append(MermaidDiagnostic(line: lineNumber, column: rawLine.statementColumn, severity: .warning,
                                                 problem: .classLineNotRead(String(line.prefix(60)))))
        }
        return (diagram, diagnostics)
    }

    /// What mermaid displays of a member or method (its `ClassMember.parseMember`): the
    /// visibility, the name, a method's parameters and return type (` : T`), each `~T~` as `<T>`;
    /// the classifier (`$` static, `*` abstract) dropped.
    static func display(_ input: String, method: Bool) -> String {
        var text = input
        if method, let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let head = String(text[..<open])
            let parameters = text[text.index(after: open)..<close].trimmingBlanks()
            var rest = text[text.index(after: close)...].trimmingBlanks()
            if rest.first == "$" || rest.first == "*" { rest = String(rest.dropFirst()).trimmingBlanks() }
            if rest.last == "$" || rest.last == "*" { rest = String(rest.dropLast()).trimmingBlanks() }
            return generic(head.trimmingBlanks()) + "(" + generic(parameters) + ")" + (rest.isEmpty ? "" : " : " + generic(rest))
        }
        text = text.trimmingBlanks()
        if text.count > 1, text.last == "$" || text.last == "*" { text.removeLast() }
        return generic(text.trimmingBlanks())
    }

    /// `List~List~int~~` as `List<List<int>>`: mermaid's `parseGenericTypes` (diagrams/common/
    /// common.ts), ported: the text cut at commas (`~K, V~` joined back), and in each piece the
    /// outermost tildes paired, first with last, inwards.
    static func generic(_ input: String) -> String {
        guard input.contains("~") else { return input }
        func tildes(_ s: String) -> Int { s.filter { $0 == "~" }.count }
        func processSet(_ piece: String) -> String {
            var text = piece
            guard tildes(text) > 1 else { return text }
            var startingTilde = false
            if tildes(text) % 2 != 0, text.hasPrefix("~") {
                text.removeFirst()
                startingTilde = true
            }
            var chars = Array(text)
            while let first = chars.firstIndex(of: "~"), let last = chars.lastIndex(of: "~"), first != last {
                chars[first] = "<"
                chars[last] = ">"
            }
            return (startingTilde ? "~" : "") + String(chars)
        }
        var sets: [String] = []
        var current = ""
        for c in input {
            if c == "," { sets.append(current); sets.append(","); current = "" } else { current.append(c) }
        }
        sets.append(current)
        var output: [String] = []
        var i = 0
        while i < sets.count {
            var piece = sets[i]
            if piece == ",", i > 0, i + 1 < sets.count, tildes(sets[i - 1]) == 1, tildes(sets[i + 1]) == 1 {
                piece = sets[i - 1] + "," + sets[i + 1]
                i += 1
                output.removeLast()
            }
            output.append(processSet(piece))
            i += 1
        }
        return output.joined()
    }

    /// `A "1" *-- "many" B : label`: mermaid's `relationStatement` (a mark, a line, a mark,
    /// each mark optional; cardinalities in quotes beside the class they belong to).
    static func relation(_ line: String, line number: Int) -> ClassDiagram.Relation? {
        let colon = line.firstRange(of: " : ") ?? line.firstRange(of: ":")
        let head = colon.map { String(line[..<$0.lowerBound]) } ?? line
        let title = colon.map { line[$0.upperBound...].trimmingBlanks() } ?? ""
        guard let dash = head.firstRange(of: "--") ?? head.firstRange(of: "..") else { return nil }
        var left = head[..<dash.lowerBound].trimmingBlanks()
        var right = head[dash.upperBound...].trimmingBlanks()
        var relation = ClassDiagram.Relation(id1: "", id2: "", title: title, lineType: head[dash] == ".." ? .dottedLine : .line, line: number)
        for mark in marks where left.hasSuffix(mark.text) && (mark.text != "o" || left.hasSuffix(" o") || left == "o") {
            relation.type1 = mark.type
            left = String(left.dropLast(mark.text.count)).trimmingBlanks()
            break
        }
        for mark in marks where right.hasPrefix(mark.text) && (mark.text != "o" || right.hasPrefix("o ")) {
            relation.type2 = mark.type
            right = String(right.dropFirst(mark.text.count)).trimmingBlanks()
            break
        }
        let quote: Character = "\""
        if left.hasSuffix(String(quote)), let open = left.dropLast().lastIndex(of: quote) {
            relation.relationTitle1 = String(left[left.index(after: open)..<left.index(before: left.endIndex)])
            left = left[..<open].trimmingBlanks()
        }
        if right.hasPrefix(String(quote)), let close = right.dropFirst().firstIndex(of: quote) {
            relation.relationTitle2 = String(right[right.index(after: right.startIndex)..<close])
            right = right[right.index(after: close)...].trimmingBlanks()
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
            let attrs = c.members, meths = c.methods
            if !attrs.isEmpty || !meths.isEmpty {
                let width = max(4, (rows + attrs + meths).map(\.count).max() ?? 4)
                let rule = String(repeating: "─", count: width)
                rows += [rule] + attrs
                if !meths.isEmpty { rows += [rule] + meths }
            }
            chart.nodes.append(Node(id: c.id, label: rows.map { $0.replacing("<", with: "&lt;").replacing(">", with: "&gt;") }
                                        .joined(separator: "<br/>"), shape: .square, line: 1, column: 1))
        }
        // A namespace is a frame around the classes declared in it.
        for name in namespaces {
            chart.subgraphs.append(Subgraph(id: "namespace " + name, title: name, nodes: classes.filter { $0.parent == name }.map(\.id), line: 1))
        }
        // Notes as boxes, linked by a dotted line to their class.
        for (i, note) in notes.enumerated() {
            let id = "note\(i + 1)"
            chart.nodes.append(Node(id: id, label: note.text.replacing("\n", with: "<br>"), shape: .square, classes: ["note"],
                                    line: 1, column: 1))
            if let owner = note.class {
                chart.edges.append(Edge(id: "N\(i)", isUserDefinedID: false, from: id, to: owner, type: .arrow_open, stroke: .dotted,
                                        length: 1, label: "", line: 1, column: 1))
            }
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
