import Facts
/// A cursor over a diagram's characters that knows its line and column.
struct Scanner {
    let chars: [Unicode.Scalar]
    var position = 0
    /// The index of the first character of each line.
    private let lineStarts: [Int]

    init(_ text: String) {
        chars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    var atEnd: Bool { position >= chars.count }
    var current: Unicode.Scalar? { position < chars.count ? chars[position] : nil }

    func char(at offset: Int) -> Unicode.Scalar? {
        let i = position + offset
        return i >= 0 && i < chars.count ? chars[i] : nil
    }

    /// 1-based line of a position.
    func line(of index: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    var line: Int { line(of: position) }
    func column(of index: Int) -> Int { index - lineStarts[line(of: index) - 1] + 1 }
    var column: Int { column(of: position) }

    func diagnostic(_ severity: Severity, _ problem: MermaidProblem, at index: Int? = nil) -> MermaidDiagnostic {
        let i = min(index ?? position, chars.count)
        return MermaidDiagnostic(line: line(of: i), column: column(of: i), severity: severity, problem: problem)
    }

    func peek(_ text: String) -> Bool {
        var i = position
        for c in text.unicodeScalars {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
        }
        return true
    }

    mutating func consume(_ text: String) -> Bool {
        guard peek(text) else { return false }
        position += text.unicodeScalars.count
        return true
    }

    mutating func advance(_ n: Int = 1) { position = min(position + n, chars.count) }

    mutating func readWhile(_ predicate: (Unicode.Scalar) -> Bool) -> String {
        let start = position
        while position < chars.count, predicate(chars[position]) { position += 1 }
        return String(scalars: chars[start..<position])
    }

    /// Spaces and tabs; newlines and `;` too when asked.
    mutating func skipWhitespace(newlines: Bool = false) {
        while let c = current {
            if c == " " || c == "\t" || (newlines && (c.isNewline)) { position += 1 } else { break }
        }
    }

    /// The rest of the current line, without moving.
    func peekLine() -> String {
        var i = position
        while i < chars.count, !chars[i].isNewline { i += 1 }
        return String(scalars: chars[position..<i])
    }

    /// Moves past the end of the current line.
    mutating func skipLine() {
        while let c = current, !c.isNewline { position += 1 }
        if current != nil { position += 1 }
    }

    var atStatementEnd: Bool {
        guard let c = current else { return true }
        return c.isNewline || c == ";"
    }
}

extension Substring {
    /// The 1-based column of the line's first character that is not a space or a tab: where
    /// a line reader's statement starts.
    var statementColumn: Int { prefix { $0 == " " || $0 == "\t" }.count + 1 }
}
