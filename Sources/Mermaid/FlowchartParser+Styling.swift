import Facts
/// `classDef`, `class`, `style`, `linkStyle`, `click`, `accDescr { }`.
extension FlowchartParser {
    // MARK: - Styling and interaction statements

    mutating func parseClassDef() throws {
        scanner.skipWhitespace()
        let names = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        guard !names.isEmpty else { throw SyntaxError(problem: .classDefNeedsName, position: scanner.position) }
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
    mutating func parseClassStatement() throws {
        scanner.skipWhitespace()
        let ids = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        scanner.skipWhitespace()
        let name = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        guard !ids.isEmpty, !name.isEmpty else {
            throw SyntaxError(problem: .classSyntax, position: scanner.position)
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

    mutating func parseStyle() throws {
        scanner.skipWhitespace()
        let start = scanner.position
        let id = scanner.readWhile { Self.isIDCharacter($0) }
        guard !id.isEmpty else { throw SyntaxError(problem: .styleNeedsNode, position: start) }
        let styles = Self.styleList(restOfStatement())
        upsertNode(id, line: scanner.line(of: start), column: scanner.column(of: start))
        chart.nodes[nodeIndex[id]!].styles += styles
    }

    /// `linkStyle 0,1 stroke:…`, `linkStyle default interpolate basis …`.
    mutating func parseLinkStyle(start: Int) throws {
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
                throw SyntaxError(problem: .linkStyleNotANumber(String(part)), position: start)
            }
            guard index >= 0, index < chart.edges.count else {
                throw SyntaxError(problem: .linkStyleOutOfBounds(index: index, last: chart.edges.count - 1), position: start)
            }
            if let interpolate { chart.edges[index].interpolate = interpolate }
            chart.edges[index].styles += styles
        }
    }

    /// `click id callback "tip"`, `click id call fn(args) "tip"`,
    /// `click id href "url" "tip" _blank`, `click id "url" "tip"`.
    mutating func parseClick() throws {
        scanner.skipWhitespace()
        let id = scanner.readWhile { Self.isIDCharacter($0) }
        let rest = restOfStatement().trimmed
        var words = Self.clickWords(rest)
        guard !id.isEmpty, !words.isEmpty else { throw SyntaxError(problem: .clickSyntax, position: scanner.position) }
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
    mutating func parseMultilineDescription() throws {
        scanner.skipWhitespace()
        let start = scanner.position
        guard scanner.consume("{") else { throw SyntaxError(problem: .accDescrSyntax, position: start) }
        let body = scanner.readWhile { $0 != "}" }
        guard scanner.consume("}") else { throw SyntaxError(problem: .accDescrUnclosed, position: start) }
        chart.accessibilityDescription = body.split(separator: "\n").map { String($0).trimmed }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
