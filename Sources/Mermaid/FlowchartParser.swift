/// Reads flowchart statements: nodes and edges (chains, `&` groups, edge ids), subgraphs,
/// `direction`, `classDef`, `class`, `style`, `linkStyle`, `click`, `accTitle`,
/// `accDescr`, `id@{ … }` metadata, and `%%` comments. Statements end at a newline or `;`.
/// A statement that cannot be read is reported and skipped; the rest is still read.
struct FlowchartParser {
    var scanner: Scanner
    var chart = Flowchart()
    var diagnostics: [MermaidDiagnostic] = []
    private var nodeIndex: [String: Int] = [:]
    /// Edge index by id, and how many edges join each (from, to) pair.
    private var edgeIndex: [String: Int] = [:]
    private var pairCounts: [String: Int] = [:]
    private var subgraphCount = 0

    init(scanner: Scanner) { self.scanner = scanner }

    struct SyntaxError: Error {
        var message: String
        var position: Int
    }

    // MARK: - Document

    /// `graph TD;`, `flowchart LR`, `graph` alone.
    mutating func parseHeader() {
        scanner.skipWhitespace()
        if scanner.atStatementEnd { return }
        let start = scanner.position
        let word = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        if let direction = Direction(mermaid: word) {
            chart.direction = direction
        } else {
            // Not a direction: it is the first statement (`graph\nX(...)` has none).
            scanner.position = start
        }
    }

    mutating func parseDocument() {
        _ = parseStatements(inSubgraph: false)
    }

    /// Statements until the end of the text or (in a subgraph) `end`. Returns the members
    /// in mermaid's order, and the last `direction` seen.
    private mutating func parseStatements(inSubgraph: Bool) -> (members: [String], direction: String?, closed: Bool) {
        var members: [String] = []
        var direction: String?
        while true {
            skipSeparators()
            if scanner.atEnd { return (members, direction, false) }
            if scanner.peek("%%") { scanner.skipLine(); continue }
            let start = scanner.position
            do {
                if keyword("end") {
                    if inSubgraph { return (members, direction, true) }
                    throw SyntaxError(message: "`end` without an open `subgraph`", position: start)
                } else if keyword("subgraph") {
                    members.append(try parseSubgraph(start: start))
                } else if keyword("direction") {
                    scanner.skipWhitespace()
                    let word = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
                    guard let dir = Direction(mermaid: word) else {
                        throw SyntaxError(message: "unknown direction `\(word)` (TB, TD, BT, LR or RL)", position: start)
                    }
                    if inSubgraph { direction = word } else { chart.direction = dir }
                } else if keyword("classDef") {
                    try parseClassDef()
                } else if keyword("class") {
                    try parseClassStatement()
                } else if keyword("style") {
                    try parseStyle()
                } else if keyword("linkStyle") {
                    try parseLinkStyle(start: start)
                } else if keyword("click") {
                    try parseClick()
                } else if keyword("accTitle", colon: true) {
                    chart.accessibilityTitle = restOfStatement().trimmed
                } else if keyword("accDescr", colon: true) {
                    chart.accessibilityDescription = restOfStatement().trimmed
                } else if keyword("accDescr") {
                    try parseMultilineDescription()
                } else {
                    members += try parseVertexStatement()
                }
                try expectStatementEnd()
            } catch let error as SyntaxError {
                diagnostics.append(scanner.diagnostic(.error, error.message, at: error.position))
                skipStatement()
            } catch {
                skipStatement()
            }
        }
    }

    private mutating func skipSeparators() {
        while let c = scanner.current, c.isWhitespace || c == ";" { scanner.advance() }
    }

    /// Skips the rest of a broken statement, quotes respected.
    private mutating func skipStatement() {
        _ = restOfStatement()
    }

    private mutating func expectStatementEnd() throws {
        scanner.skipWhitespace()
        if scanner.atStatementEnd { return }
        if scanner.peek("%%") { scanner.skipLine(); return }
        throw SyntaxError(message: "unexpected `\(scanner.current!)`", position: scanner.position)
    }

    /// Consumes a keyword that stands as a whole word. With `colon`, the word must be
    /// followed by `:` (which is consumed).
    private mutating func keyword(_ word: String, colon: Bool = false) -> Bool {
        guard scanner.peek(word) else { return false }
        let after = scanner.char(at: word.count)
        if colon {
            var offset = word.count
            while scanner.char(at: offset) == " " { offset += 1 }
            guard scanner.char(at: offset) == ":" else { return false }
            scanner.advance(offset + 1)
            return true
        }
        guard after == nil || after!.isWhitespace || after == ";" || (word == "accDescr" && after == "{") else { return false }
        scanner.advance(word.count)
        return true
    }

    /// Everything up to the end of the statement (newline or `;` outside quotes).
    private mutating func restOfStatement() -> String {
        var text = ""
        var inQuote = false
        while let c = scanner.current {
            if c == "\"" { inQuote.toggle() }
            if !inQuote && (c.isNewline || c == ";") { break }
            text.append(c)
            scanner.advance()
        }
        return text
    }

    // MARK: - Subgraphs

    /// `subgraph id [title]`, `subgraph id ["title"]`, `subgraph "title"`,
    /// `subgraph Title With Spaces`, `subgraph id`.
    private mutating func parseSubgraph(start: Int) throws -> String {
        let line = scanner.line
        scanner.skipWhitespace()
        var id: String?
        var title = ""
        var labelType = LabelType.text
        if scanner.current == "\"" {
            let (text, type) = try quoted()
            title = text
            labelType = type == .markdown ? .markdown : .text
        } else {
            let headerStart = scanner.position
            let word = scanner.readWhile { !$0.isWhitespace && $0 != ";" && $0 != "[" }
            scanner.skipWhitespace()
            if scanner.current == "[" {
                scanner.advance()
                scanner.skipWhitespace()
                if scanner.current == "\"" {
                    let (text, type) = try quoted()
                    title = text
                    labelType = type == .markdown ? .markdown : .text
                    scanner.skipWhitespace()
                } else {
                    title = scanner.readWhile { $0 != "]" && !$0.isNewline }.trimmed
                }
                guard scanner.consume("]") else {
                    throw SyntaxError(message: "subgraph title: expected `]`", position: scanner.position)
                }
                id = word
            } else {
                scanner.position = headerStart
                let text = restOfStatement().trimmed
                title = text
                // A title with spaces is no id: mermaid numbers the subgraph instead.
                id = text.contains(where: \.isWhitespace) ? nil : text
            }
        }
        guard id?.isEmpty != true || !title.isEmpty else {
            throw SyntaxError(message: "subgraph: expected an id or a title", position: start)
        }
        try expectStatementEnd()
        let body = parseStatements(inSubgraph: true)
        if !body.closed {
            diagnostics.append(scanner.diagnostic(.error, "subgraph never closed: expected `end`", at: start))
        }
        let subgraphID = id ?? "subGraph\(subgraphCount)"
        subgraphCount += 1
        var members: [String] = []
        for member in body.members where !members.contains(member) { members.append(member) }
        // A node already in an earlier (inner) subgraph stays there only.
        let taken = Set(chart.subgraphs.flatMap(\.nodes))
        members.removeAll { taken.contains($0) }
        chart.subgraphs.append(Subgraph(
            id: subgraphID, title: title.isEmpty ? subgraphID : title, labelType: labelType,
            direction: body.direction.flatMap(Direction.init(mermaid:)), directionWord: body.direction,
            nodes: members, line: line))
        return subgraphID
    }

    // MARK: - Nodes and edges

    /// `A --> B & C -- text --> D`: returns the nodes as mermaid lists them for subgraph
    /// membership (last group first).
    private mutating func parseVertexStatement() throws -> [String] {
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
    private mutating func parseGroup() throws -> [String] {
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
    private mutating func parseNode() throws -> String {
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
            throw SyntaxError(message: "expected a node id, found \(found)", position: start)
        }
        if id == "graph" || id == "flowchart" || id == "subgraph" {
            throw SyntaxError(message: "`\(id)` is a keyword, not a node id", position: start)
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
            guard !name.isEmpty else { throw SyntaxError(message: "expected a class name after `:::`", position: scanner.position) }
            chart.nodes[nodeIndex[id]!].classes.append(name)
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

    private mutating func upsertNode(_ id: String, label: String? = nil, labelType: LabelType = .text,
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
    private static let shapes: [(open: String, closers: [(String, Shape)])] = [
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

    private mutating func parseShape() throws -> (Shape, String, LabelType)? {
        guard let entry = Self.shapes.first(where: { scanner.peek($0.open) }) else { return nil }
        let openAt = scanner.position
        scanner.advance(entry.open.count)
        if entry.open == "[|" {
            // `[|borders:lt|text]`: the part between bars is a property, not text.
            _ = scanner.readWhile { $0 != "|" && !$0.isNewline }
            guard scanner.consume("|") else { throw SyntaxError(message: "expected `|`", position: scanner.position) }
        }
        let save = scanner.position
        scanner.skipWhitespace()
        if scanner.current == "\"" {
            let (text, type) = try quoted()
            scanner.skipWhitespace()
            guard let closer = entry.closers.first(where: { scanner.peek($0.0) }) else {
                throw SyntaxError(message: "expected `\(entry.closers[0].0)` after the quoted text", position: scanner.position)
            }
            scanner.advance(closer.0.count)
            return (closer.1, text, type)
        }
        scanner.position = save
        var text = ""
        while true {
            guard let c = scanner.current else {
                throw SyntaxError(message: "node text never closed: expected `\(entry.closers[0].0)`", position: openAt)
            }
            if let closer = entry.closers.first(where: { scanner.peek($0.0) }) {
                scanner.advance(closer.0.count)
                return (closer.1, text.trimmed, .text)
            }
            if "[](){}\"".contains(c) {
                throw SyntaxError(message: "unexpected `\(c)` in node text: put the text in quotes", position: scanner.position)
            }
            text.append(c)
            scanner.advance()
        }
    }

    /// `"text"` or "`markdown`": the text and its type.
    private mutating func quoted() throws -> (String, LabelType) {
        let start = scanner.position
        scanner.advance()
        let body = scanner.readWhile { $0 != "\"" }
        guard scanner.consume("\"") else { throw SyntaxError(message: "unterminated string", position: start) }
        if body.count >= 2, body.first == "`", body.last == "`" {
            return (String(body.dropFirst().dropLast()), .markdown)
        }
        return (body, .string)
    }

    /// What an arrow says about the edge it makes.
    struct Link {
        var id: String?
        var type: ArrowType
        var stroke: Stroke
        var length: Int
        var label = ""
        var labelType = LabelType.text
        var line: Int
        var column: Int
    }

    /// An arrow, with its optional id before it and label (inside or after it).
    private mutating func parseLink() throws -> Link? {
        let start = scanner.position
        var id: String?
        // `e1@-->`: an edge id right before the arrow.
        let word = scanner.readWhile { Self.isIDCharacter($0) && $0 != "-" }
        if !word.isEmpty, scanner.current == "@", let next = scanner.char(at: 1), "-=<xo~.".contains(next) {
            scanner.advance()
            id = word
        } else {
            scanner.position = start
        }
        guard var link = try parseArrow() else {
            scanner.position = start
            return nil
        }
        link.id = id
        // `-->|label|`, maybe after spaces.
        let save = scanner.position
        scanner.skipWhitespace()
        if scanner.current == "|" {
            scanner.advance()
            scanner.skipWhitespace()
            if scanner.current == "\"" {
                let (text, type) = try quoted()
                link.label = text
                link.labelType = type
                scanner.skipWhitespace()
                guard scanner.consume("|") else { throw SyntaxError(message: "expected `|` to end the edge label", position: scanner.position) }
            } else {
                let text = scanner.readWhile { $0 != "|" && !$0.isNewline }
                guard scanner.consume("|") else { throw SyntaxError(message: "edge label never closed: expected `|`", position: save) }
                link.label = Self.sanitize(text.trimmed)
            }
        } else {
            scanner.position = save
        }
        return link
    }

    private mutating func parseArrow() throws -> Link? {
        let start = scanner.position
        let line = scanner.line, column = scanner.column
        var startMarker: Unicode.Scalar?
        if let c = scanner.current, "<xo".contains(c), let next = scanner.char(at: 1), next == "-" || next == "=" {
            startMarker = c
            scanner.advance()
        }
        guard let c = scanner.current else { scanner.position = start; return nil }

        if c == "~" {
            let run = scanner.readWhile { $0 == "~" }
            guard run.count >= 3, startMarker == nil else { scanner.position = start; return nil }
            return Link(type: .arrow_open, stroke: .invisible, length: run.count - 2, line: line, column: column)
        }
        if c == "-", scanner.char(at: 1) == "." {
            scanner.advance()
            let dots = scanner.readWhile { $0 == "." }
            if scanner.current == "-" {
                // `-.-`, `-.->`, `-...-x`
                scanner.advance()
                let end = endMarker()
                return Link(type: arrowType(startMarker, end), stroke: .dotted, length: dots.count, line: line, column: column)
            }
            // `-. text .->`: the opener is `-.`; the label runs to `.-` (with an end
            // marker or not).
            scanner.position -= dots.count - 1
            return try labelledLink(startMarker: startMarker, stroke: .dotted, at: start, line: line, column: column)
        }
        if c == "-" || c == "=" {
            let run = scanner.readWhile { $0 == c }
            guard run.count >= 2 else { scanner.position = start; return nil }
            let stroke: Stroke = c == "=" ? .thick : .normal
            if let end = scanner.current, ">xo".contains(end) {
                scanner.advance()
                return Link(type: arrowType(startMarker, end), stroke: stroke, length: run.count - 1, line: line, column: column)
            }
            if run.count >= 3 {
                return Link(type: arrowType(startMarker, nil), stroke: stroke, length: run.count - 2, line: line, column: column)
            }
            // `-- text -->`
            return try labelledLink(startMarker: startMarker, stroke: stroke, at: start, line: line, column: column)
        }
        scanner.position = start
        return nil
    }

    private mutating func endMarker() -> Unicode.Scalar? {
        if let c = scanner.current, ">xo".contains(c) {
            scanner.advance()
            return c
        }
        return nil
    }

    private func arrowType(_ start: Unicode.Scalar?, _ end: Unicode.Scalar?) -> ArrowType {
        switch (start != nil, end) {
        case (_, nil): return .arrow_open
        case (false, ">"): return .arrow_point
        case (false, "x"): return .arrow_cross
        case (false, "o"): return .arrow_circle
        case (true, ">"): return .double_arrow_point
        case (true, "x"): return .double_arrow_cross
        default: return .double_arrow_circle
        }
    }

    /// The text of `-- text -->`, `== text ==>`, `-. text .->`, up to the closing arrow.
    private mutating func labelledLink(startMarker: Unicode.Scalar?, stroke: Stroke, at start: Int,
                                       line: Int, column: Int) throws -> Link {
        let textStart = scanner.position
        var i = scanner.position
        let chars = scanner.chars
        while i < chars.count, !chars[i].isNewline {
            switch stroke {
            case .dotted:
                if chars[i] == "." {
                    var j = i
                    while j < chars.count, chars[j] == "." { j += 1 }
                    if j < chars.count, chars[j] == "-" {
                        let text = String(scalars: chars[textStart..<i])
                        scanner.position = j + 1
                        let end = endMarker()
                        return makeLabelled(text, startMarker, end, stroke, j - i, line, column)
                    }
                }
            default:
                let c: Unicode.Scalar = stroke == .thick ? "=" : "-"
                if chars[i] == c {
                    var j = i
                    while j < chars.count, chars[j] == c { j += 1 }
                    let run = j - i
                    let next = j < chars.count ? chars[j] : nil
                    if run >= 2, let n = next, ">xo".contains(n) {
                        let text = String(scalars: chars[textStart..<i])
                        scanner.position = j + 1
                        return makeLabelled(text, startMarker, n, stroke, run - 1, line, column)
                    }
                    if run >= 3 {
                        let text = String(scalars: chars[textStart..<i])
                        scanner.position = j
                        return makeLabelled(text, startMarker, nil, stroke, run - 2, line, column)
                    }
                    i = j
                    continue
                }
            }
            i += 1
        }
        throw SyntaxError(message: "edge label never closed: expected an arrow such as `-->`", position: start)
    }

    private func makeLabelled(_ raw: String, _ startMarker: Unicode.Scalar?, _ end: Unicode.Scalar?, _ stroke: Stroke,
                              _ length: Int, _ line: Int, _ column: Int) -> Link {
        var text = raw.trimmed
        var type = LabelType.text
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = String(text.dropFirst().dropLast())
            type = .string
            if text.count >= 2, text.first == "`", text.last == "`" {
                text = String(text.dropFirst().dropLast())
                type = .markdown
            }
        }
        return Link(type: arrowType(startMarker, end), stroke: stroke, length: max(1, length),
                    label: type == .text ? Self.sanitize(text) : text, labelType: type, line: line, column: column)
    }

    /// mermaid's `addLink`: every start to every end; a given id goes to the edge from the
    /// last start to the first end, unless an edge already has it.
    private mutating func addLinks(from starts: [String], to ends: [String], _ link: Link) {
        for start in starts {
            for end in ends {
                var id: String?
                if let given = link.id, start == starts.last, end == ends.first, edgeIndex[given] == nil {
                    id = given
                }
                let pair = start + "\u{0}" + end
                let existing = pairCounts[pair, default: 0]
                pairCounts[pair] = existing + 1
                let generated = "L_\(start)_\(end)_\(existing == 0 ? 0 : existing + 1)"
                if edgeIndex[id ?? generated] == nil { edgeIndex[id ?? generated] = chart.edges.count }
                chart.edges.append(Edge(
                    id: id ?? generated, isUserDefinedID: id != nil, from: start, to: end,
                    type: link.type, stroke: link.stroke, length: link.length, label: link.label,
                    labelType: link.labelType, interpolate: chart.defaultInterpolate,
                    line: link.line, column: link.column))
            }
        }
    }

    // MARK: - Metadata

    /// The text between `{` and its matching `}`, quotes respected; the scanner ends after it.
    private mutating func bracedBody() throws -> String {
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
        throw SyntaxError(message: "`@{` never closed: expected `}`", position: open)
    }

    /// `id@{ … }`: edge properties when `id` names an edge, else node properties.
    private mutating func applyMetadata(to id: String, body: String, at start: Int, line: Int, column: Int) throws {
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
        if let shape = properties["shape"], !NamedShapes.all.contains(shape) {
            throw SyntaxError(message: "No such shape: \(shape).", position: start)
        }
        upsertNode(id, line: line, column: column)
        let index = nodeIndex[id]!
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            switch key {
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

    // MARK: - Styling and interaction statements

    private mutating func parseClassDef() throws {
        scanner.skipWhitespace()
        let names = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        guard !names.isEmpty else { throw SyntaxError(message: "classDef: expected a class name", position: scanner.position) }
        let styles = Self.styleList(restOfStatement())
        for name in names.split(separator: ",").map(String.init) {
            if chart.classDefs[name] == nil { chart.classDefOrder.append(name) }
            chart.classDefs[name] = styles
        }
    }

    static func styleList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// `class a,b name`: on nodes, edges (by id) or subgraphs.
    private mutating func parseClassStatement() throws {
        scanner.skipWhitespace()
        let ids = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        scanner.skipWhitespace()
        let name = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        guard !ids.isEmpty, !name.isEmpty else {
            throw SyntaxError(message: "class: expected `class ids name`", position: scanner.position)
        }
        for id in ids.split(separator: ",").map(String.init) {
            if let i = nodeIndex[id] {
                chart.nodes[i].classes.append(name)
            } else if let i = edgeIndex[id] {
                chart.edges[i].classes.append(name)
            } else if let i = chart.subgraphs.firstIndex(where: { $0.id == id }) {
                chart.subgraphs[i].classes.append(name)
            } else {
                upsertNode(id, line: scanner.line, column: 1)
                chart.nodes[nodeIndex[id]!].classes.append(name)
            }
        }
    }

    private mutating func parseStyle() throws {
        scanner.skipWhitespace()
        let start = scanner.position
        let id = scanner.readWhile { Self.isIDCharacter($0) }
        guard !id.isEmpty else { throw SyntaxError(message: "style: expected a node id", position: start) }
        let styles = Self.styleList(restOfStatement())
        upsertNode(id, line: scanner.line(of: start), column: scanner.column(of: start))
        chart.nodes[nodeIndex[id]!].styles += styles
    }

    /// `linkStyle 0,1 stroke:…`, `linkStyle default interpolate basis …`.
    private mutating func parseLinkStyle(start: Int) throws {
        scanner.skipWhitespace()
        let which = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        scanner.skipWhitespace()
        var interpolate: String?
        if keyword("interpolate") {
            scanner.skipWhitespace()
            interpolate = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        }
        let styles = Self.styleList(restOfStatement())
        if which == "default" {
            if let interpolate { chart.defaultInterpolate = interpolate }
            return
        }
        for part in which.split(separator: ",") {
            guard let index = Int(part) else {
                throw SyntaxError(message: "linkStyle: `\(part)` is not an edge number", position: start)
            }
            guard index >= 0, index < chart.edges.count else {
                throw SyntaxError(message: "The index \(index) for linkStyle is out of bounds. Valid indices for linkStyle are between 0 and \(chart.edges.count - 1).", position: start)
            }
            if let interpolate { chart.edges[index].interpolate = interpolate }
            chart.edges[index].styles += styles
        }
    }

    /// `click id callback "tip"`, `click id call fn(args) "tip"`,
    /// `click id href "url" "tip" _blank`, `click id "url" "tip"`.
    private mutating func parseClick() throws {
        scanner.skipWhitespace()
        let id = scanner.readWhile { Self.isIDCharacter($0) }
        let rest = restOfStatement().trimmed
        var words = Self.clickWords(rest)
        guard !id.isEmpty, !words.isEmpty else { throw SyntaxError(message: "click: expected `click id action`", position: scanner.position) }
        var action: Click.Action
        var tooltip: String?
        let first = words.removeFirst()
        if first.quoted || first.text == "href" {
            let url = first.quoted ? first.text : (words.isEmpty ? "" : words.removeFirst().text)
            if let tip = words.first, tip.quoted { tooltip = tip.text; words.removeFirst() }
            action = .link(url: url, target: words.first?.text)
        } else if first.text == "call" {
            let call = words.isEmpty ? "" : words.removeFirst().text
            let name = String(call.prefix { $0 != "(" })
            var arguments: String?
            if let open = call.firstIndex(of: "("), let close = call.lastIndex(of: ")"), open < close {
                let inside = String(call[call.index(after: open)..<close])
                arguments = inside.isEmpty ? nil : inside
            }
            action = .callback(name: name, arguments: arguments)
            if let tip = words.first, tip.quoted { tooltip = tip.text }
        } else {
            action = .callback(name: first.text, arguments: nil)
            if let tip = words.first, tip.quoted { tooltip = tip.text }
        }
        chart.clicks.append(Click(node: id, action: action, tooltip: tooltip))
    }

    /// Splits on spaces, keeping `"quoted strings"` and `call(with, args)` whole.
    static func clickWords(_ text: String) -> [(text: String, quoted: Bool)] {
        var words: [(String, Bool)] = []
        var current = ""
        var quoted = false, inQuote = false, depth = 0
        for c in text {
            if inQuote {
                if c == "\"" { inQuote = false } else { current.append(c) }
                continue
            }
            if c == "\"" && depth == 0 { inQuote = true; quoted = true; continue }
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c.isWhitespace && depth == 0 {
                if !current.isEmpty || quoted { words.append((current, quoted)) }
                current = ""
                quoted = false
                continue
            }
            current.append(c)
        }
        if !current.isEmpty || quoted { words.append((current, quoted)) }
        return words
    }

    /// `accDescr { … }` over several lines.
    private mutating func parseMultilineDescription() throws {
        scanner.skipWhitespace()
        let start = scanner.position
        guard scanner.consume("{") else { throw SyntaxError(message: "accDescr: expected `:` or `{`", position: start) }
        let body = scanner.readWhile { $0 != "}" }
        guard scanner.consume("}") else { throw SyntaxError(message: "accDescr: expected `}`", position: start) }
        chart.accessibilityDescription = body.split(separator: "\n").map { String($0).trimmed }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
