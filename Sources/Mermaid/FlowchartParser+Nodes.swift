import Facts
/// Nodes: ids, classic shapes with their text, `:::class`, `&` groups, `id@{ … }`.
extension FlowchartParser {
    // MARK: - Nodes and edges

    /// `A --> B & C -- text --> D`: returns the nodes as mermaid lists them for subgraph
    /// membership (last group first).
    mutating func parseVertexStatement() throws -> [String] {
        var groups: [[String]] = [try parseGroup()]
        while true {
            scanner.skipWhitespace()
            guard let link = try parseLink() else { break }
            scanner.skipWhitespace()
            let next = try parseGroup()
            addLinks(from: groups.last!, to: next, link)
            groups.append(next)
        }
        return groups.reversed().flatMap { $0 }
    }

    /// `A & B:::cls & C@{ … }`.
    mutating func parseGroup() throws -> [String] {
        var ids = [try parseNode()]
        while true {
            let save = scanner.position
            scanner.skipWhitespace()
            guard scanner.current == "&" else { scanner.position = save; break }
            scanner.advance()
            scanner.skipWhitespace()
            ids.append(try parseNode())
        }
        return ids
    }

    static func isIDCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-"
    }

    /// One node: its id, then a shape with text, or `@{ … }`, then `:::class`es.
    mutating func parseNode() throws -> String {
        let start = scanner.position
        var id = ""
        if scanner.current == "&", scanner.char(at: 1).map({ $0.isWhitespace }) ?? true {
            // mermaid accepts a lone `&` as a node id.
            scanner.advance()
            id = "&"
        } else {
            while let c = scanner.current, Self.isIDCharacter(c) {
                // `-` belongs to the id unless an arrow starts there (`--`, `-.`).
                if c == "-", let next = scanner.char(at: 1), next == "-" || next == "." { break }
                id.append(c)
                scanner.advance()
            }
        }
        guard !id.isEmpty else {
            let found = scanner.current.map { "`\($0)`" } ?? "the end of the diagram"
            throw SyntaxError(problem: .expectedNodeID(found: found), position: start)
        }
        if id == "graph" || id == "flowchart" || id == "subgraph" {
            throw SyntaxError(problem: .keywordAsNodeID(id), position: start)
        }
        let line = scanner.line(of: start), column = scanner.column(of: start)
        if scanner.peek("@{") {
            scanner.advance()
            let body = try bracedBody()
            try applyMetadata(to: id, body: body, at: start, line: line, column: column)
        } else if let (shape, text, type) = try parseShape() {
            let label = type == .text ? Self.sanitize(text) : text
            upsertNode(id, label: label, labelType: type, shape: shape, line: line, column: column)
        } else {
            upsertNode(id, line: line, column: column)
        }
        while scanner.consume(":::") {
            let name = scanner.readWhile { Self.isIDCharacter($0) }
            guard !name.isEmpty else { throw SyntaxError(problem: .expectedClassName, position: scanner.position) }
            // `e1@{ animate: true }:::hot` names an edge (its metadata made no node): the
            // class goes to the edge, as a `class e1 hot` statement does (found by fuzzing).
            if let index = nodeIndex[id] { chart.nodes[index].classes.append(name) }
            else if let index = edgeIndex[id] { chart.edges[index].classes.append(name) }
        }
        return id
    }

    /// mermaid escapes a lone `<` that opens no tag.
    static func sanitize(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == "<", !(i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "/")) {
                out += "&lt;"
            } else {
                out.append(c)
            }
        }
        return out
    }

    mutating func upsertNode(_ id: String, label: String? = nil, labelType: LabelType = .text,
                                     shape: Shape? = nil, line: Int, column: Int) {
        if let index = nodeIndex[id] {
            if let label { chart.nodes[index].label = label; chart.nodes[index].labelType = labelType }
            if let shape { chart.nodes[index].shape = shape }
            return
        }
        nodeIndex[id] = chart.nodes.count
        chart.nodes.append(Node(id: id, label: label ?? id, labelType: label == nil ? .text : labelType,
                                shape: shape, line: line, column: column))
    }

    /// The openers of the classic shapes, longest first, with their closers.
    static let shapes: [(open: String, closers: [(String, Shape)])] = [
        ("(((", [(")))", .doublecircle)]),
        ("((", [("))", .circle)]),
        ("([", [("])", .stadium)]),
        ("(-", [("-)", .ellipse)]),
        ("(", [(")", .round)]),
        ("[[", [("]]", .subroutine)]),
        ("[(", [(")]", .cylinder)]),
        ("[/", [("/]", .lean_right), ("\\]", .trapezoid)]),
        ("[\\", [("\\]", .lean_left), ("/]", .inv_trapezoid)]),
        ("[|", [("]", .rect)]),
        ("[", [("]", .square)]),
        ("{{", [("}}", .hexagon)]),
        ("{", [("}", .diamond)]),
        (">", [("]", .odd)]),
    ]

    mutating func parseShape() throws -> (Shape, String, LabelType)? {
        guard let entry = Self.shapes.first(where: { scanner.peek($0.open) }) else { return nil }
        let openAt = scanner.position
        scanner.advance(entry.open.count)
        if entry.open == "[|" {
            // `[|borders:lt|text]`: the part between bars is a property, not text.
            _ = scanner.readWhile { $0 != "|" && !$0.isNewline }
            guard scanner.consume("|") else { throw SyntaxError(problem: .expectedPipe, position: scanner.position) }
        }
        let save = scanner.position
        scanner.skipWhitespace()
        if scanner.current == "\"" {
            let (text, type) = try quoted()
            scanner.skipWhitespace()
            guard let closer = entry.closers.first(where: { scanner.peek($0.0) }) else {
                throw SyntaxError(problem: .expectedAfterQuote(String(entry.closers[0].0)), position: scanner.position)
            }
            scanner.advance(closer.0.count)
            return (closer.1, text, type)
        }
        scanner.position = save
        var text = ""
        while true {
            guard let c = scanner.current else {
                throw SyntaxError(problem: .nodeTextUnclosed(String(entry.closers[0].0)), position: openAt)
            }
            if let closer = entry.closers.first(where: { scanner.peek($0.0) }) {
                scanner.advance(closer.0.count)
                return (closer.1, text.trimmed, .text)
            }
            if "[](){}\"".contains(c) {
                throw SyntaxError(problem: .unexpectedInNodeText(String(c)), position: scanner.position)
            }
            text.append(c)
            scanner.advance()
        }
    }

    /// `"text"` or "`markdown`": the text and its type.
    mutating func quoted() throws -> (String, LabelType) {
        let start = scanner.position
        scanner.advance()
        let body = scanner.readWhile { $0 != "\"" }
        guard scanner.consume("\"") else { throw SyntaxError(problem: .unterminatedString, position: start) }
        if body.count >= 2, body.first == "`", body.last == "`" {
            return (String(body.dropFirst().dropLast()), .markdown)
        }
        return (body, .string)
    }

    // MARK: - Metadata

    /// The text between `{` and its matching `}`, quotes respected; the scanner ends after it.
    mutating func bracedBody() throws -> String {
        let open = scanner.position
        scanner.advance()
        var depth = 1
        var quote: Unicode.Scalar?
        var body = ""
        while let c = scanner.current {
            scanner.advance()
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return body }
            }
            body.append(c)
        }
        throw SyntaxError(problem: .metadataUnclosed, position: open)
    }

    /// `id@{ … }`: edge properties when `id` names an edge, else node properties.
    mutating func applyMetadata(to id: String, body: String, at start: Int, line: Int, column: Int) throws {
        let properties = try Metadata.parse(body)
        if let index = edgeIndex[id], nodeIndex[id] == nil {
            for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
                switch key {
                case "animate": chart.edges[index].animate = ["true", "yes", "on"].contains(value.lowercased())
                case "animation": chart.edges[index].animation = value
                case "curve": chart.edges[index].interpolate = value
                default: break
                }
            }
            return
        }
        // A shape mermaid does not know: drawn as a box, said as a warning naming those it knows.
        var unknownShape = false
        if let shape = properties["shape"], !NamedShapes.all.contains(shape) {
            diagnostics.append(scanner.diagnostic(.warning, .noSuchShape(shape), at: start))
            unknownShape = true
        }
        upsertNode(id, line: line, column: column)
        let index = nodeIndex[id]!
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "shape" where unknownShape: break
            case "shape":
                chart.nodes[index].namedShape = value
                chart.nodes[index].shape = NamedShapes.classic(value)
            case "label":
                chart.nodes[index].label = value
                chart.nodes[index].labelType = .string
            default:
                chart.nodes[index].metadata[key] = value
            }
        }
    }
}
