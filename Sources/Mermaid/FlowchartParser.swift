import Facts
/// Reads flowchart statements: nodes and edges (chains, `&` groups, edge ids), subgraphs,
/// `direction`, `classDef`, `class`, `style`, `linkStyle`, `click`, `accTitle`,
/// `accDescr`, `id@{ … }` metadata, and `%%` comments. Statements end at a newline or `;`.
/// A statement that cannot be read is reported and skipped; the rest is still read.
struct FlowchartParser {
    var scanner: Scanner
    var chart = Flowchart()
    var diagnostics: [MermaidDiagnostic] = []
    var nodeIndex: [String: Int] = [:]
    /// Edge index by id, and how many edges join each (from, to) pair.
    var edgeIndex: [String: Int] = [:]
    var pairCounts: [String: Int] = [:]
    var subgraphCount = 0
    /// How deep the subgraph being read is. Past `maximumDepth` a `subgraph … end` pair is read
    /// flat into the deepest one (one diagnostic): 3,000 levels overflowed the stack.
    var subgraphDepth = 0
    static let maximumDepth = 64
    /// `subgraph` lines read flat and not yet closed by their `end`.
    var flatOpen = 0
    var warnedDepth = false

    init(scanner: Scanner) { self.scanner = scanner }

    struct SyntaxError: Error {
        var problem: MermaidProblem
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
    mutating func parseStatements(inSubgraph: Bool) -> (members: [String], direction: String?, closed: Bool) {
        var members: [String] = []
        var direction: String?
        while true {
            skipSeparators()
            if scanner.atEnd { return (members, direction, false) }
            if scanner.peek("%%") { scanner.skipLine(); continue }
            let start = scanner.position
            do {
                if keyword("end") {
                    if flatOpen > 0 { flatOpen -= 1; continue }
                    if inSubgraph { return (members, direction, true) }
                    throw SyntaxError(problem: .endWithoutSubgraph, position: start)
                } else if keyword("subgraph") {
                    if subgraphDepth >= Self.maximumDepth {
                        if !warnedDepth {
                            warnedDepth = true
                            diagnostics.append(scanner.diagnostic(.warning, .subgraphsTooDeep(limit: Self.maximumDepth), at: start))
                        }
                        scanner.skipLine()
                        flatOpen += 1
                        continue
                    }
                    members.append(try parseSubgraph(start: start))
                } else if keyword("direction") {
                    scanner.skipWhitespace()
                    let word = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
                    guard let dir = Direction(mermaid: word) else {
                        throw SyntaxError(problem: .unknownDirection(String(word)), position: start)
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
                diagnostics.append(scanner.diagnostic(.error, error.problem, at: error.position))
                skipStatement()
            } catch {
                skipStatement()
            }
        }
    }

    mutating func skipSeparators() {
        while let c = scanner.current, c.isWhitespace || c == ";" { scanner.advance() }
    }

    /// Skips the rest of a broken statement, quotes respected.
    mutating func skipStatement() {
        _ = restOfStatement()
    }

    mutating func expectStatementEnd() throws {
        scanner.skipWhitespace()
        if scanner.atStatementEnd { return }
        if scanner.peek("%%") { scanner.skipLine(); return }
        throw SyntaxError(problem: .unexpected(String(scanner.current!)), position: scanner.position)
    }

    /// Consumes a keyword that stands as a whole word. With `colon`, the word must be
    /// followed by `:` (which is consumed).
    mutating func keyword(_ word: String, colon: Bool = false) -> Bool {
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
    mutating func restOfStatement() -> String {
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
    mutating func parseSubgraph(start: Int) throws -> String {
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
                    throw SyntaxError(problem: .subgraphTitleUnclosed, position: scanner.position)
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
            throw SyntaxError(problem: .subgraphNeedsID, position: start)
        }
        try expectStatementEnd()
        subgraphDepth += 1
        let body = parseStatements(inSubgraph: true)
        subgraphDepth -= 1
        if !body.closed {
            diagnostics.append(scanner.diagnostic(.error, .subgraphUnclosed, at: start))
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
}
