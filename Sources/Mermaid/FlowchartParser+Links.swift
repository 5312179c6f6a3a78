import Facts
/// Edges: every arrow mermaid knows, their labels, ids and chains.
extension FlowchartParser {
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
    mutating func parseLink() throws -> Link? {
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
                guard scanner.consume("|") else { throw SyntaxError(problem: .edgeLabelExpectedPipe, position: scanner.position) }
            } else {
                let text = scanner.readWhile { $0 != "|" && !$0.isNewline }
                guard scanner.consume("|") else { throw SyntaxError(problem: .edgeLabelUnclosedPipe, position: save) }
                link.label = Self.sanitize(text.trimmed)
            }
        } else {
            scanner.position = save
        }
        return link
    }

    mutating func parseArrow() throws -> Link? {
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

    mutating func endMarker() -> Unicode.Scalar? {
        if let c = scanner.current, ">xo".contains(c) {
            scanner.advance()
            return c
        }
        return nil
    }

    func arrowType(_ start: Unicode.Scalar?, _ end: Unicode.Scalar?) -> ArrowType {
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
    mutating func labelledLink(startMarker: Unicode.Scalar?, stroke: Stroke, at start: Int,
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
        throw SyntaxError(problem: .edgeLabelUnclosedArrow, position: start)
    }

    func makeLabelled(_ raw: String, _ startMarker: Unicode.Scalar?, _ end: Unicode.Scalar?, _ stroke: Stroke,
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
    mutating func addLinks(from starts: [String], to ends: [String], _ link: Link) {
        // Every end of an edge is a node: an id that only named an edge's metadata
        // (`e1@{ … } e1@--> B`) becomes one here, as any other id does where it is written.
        for id in starts + ends where nodeIndex[id] == nil { upsertNode(id, line: link.line, column: link.column) }
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
}
