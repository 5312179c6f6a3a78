import Facts
/// Inline math (`$x^2$`, `$$x$$` within a line) kept exactly as written. cmark would read
/// `\{` as an escape and `*a*` as emphasis inside it; so before cmark sees the line, each
/// span becomes a placeholder of private-use characters, and the block builder puts the
/// span back as text.
///
/// A span opens on a `$` not followed by a space, and closes on a `$` not preceded by a
/// space nor followed by a letter or digit (so `5 $ et 10 $` and `$HOME/$USER` are not
/// math). Inline code and `\$` are skipped.
enum MathSpans {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    static func protect(_ line: Substring, startingAt first: Int) -> (line: String, spans: [String])? {
        let chars = Array(line)
        var out = ""
        var spans: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                out.append(c); out.append(chars[i + 1]); i += 2
                continue
            }
            if c == "`" {
                // Copy a code span whole.
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                var j = i + run
                var end: Int?
                while j < chars.count {
                    if chars[j] == "`" {
                        var k = 0
                        while j + k < chars.count, chars[j + k] == "`" { k += 1 }
                        if k == run { end = j + k; break }
                        j += k
                    } else {
                        j += 1
                    }
                }
                let stop = end ?? i + run
                out += String(chars[i..<stop])
                i = stop
                continue
            }
            if c == "$", let span = span(in: chars, at: i) {
                out.append(open)
                out += String(first + spans.count)
                out.append(close)
                spans.append(String(chars[i..<span]))
                i = span
                continue
            }
            out.append(c)
            i += 1
        }
        return spans.isEmpty ? nil : (out, spans)
    }

    /// The end (exclusive) of a math span opening at `start`, if one does.
    static func span(in chars: [Character], at start: Int) -> Int? {
        let delimiter = start + 1 < chars.count && chars[start + 1] == "$" ? 2 : 1
        let bodyStart = start + delimiter
        guard bodyStart < chars.count, !chars[bodyStart].isWhitespace, chars[bodyStart] != "$" else { return nil }
        var j = bodyStart
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let closes = (0..<delimiter).allSatisfy { j + $0 < chars.count && chars[j + $0] == "$" }
                let after = j + delimiter < chars.count ? chars[j + delimiter] : nil
                if closes, !chars[j - 1].isWhitespace, !(after?.isLetter ?? false), !(after?.isNumber ?? false) {
                    return j + delimiter
                }
                if delimiter == 1 { return nil }
            }
            j += 1
        }
        return nil
    }

    /// Puts the spans back into a text that holds placeholders.
    static func restore(_ text: String, spans: [String]) -> String {
        guard text.contains(open) else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: open), let end = rest[start...].firstIndex(of: close) {
            out += rest[..<start]
            let number = Int(rest[rest.index(after: start)..<end]) ?? -1
            out += spans.indices.contains(number) ? spans[number] : ""
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
