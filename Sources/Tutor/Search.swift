import Facts
import Canvas
import FoundationEssentials

/// Search as a reader expects it: case and accents do not matter (`reseau` finds `Réseau`),
/// character for character, so a match found in the folded text is the same range of the
/// text shown.
public enum Search {
    /// Each character folded alone (lower case, no accent): the result has as many
    /// characters as the text.
    public static func fold(_ text: String) -> [Character] {
        text.map(fold)
    }

    static func fold(_ c: Character) -> Character {
        if c.isASCII { return Character(c.lowercased()) }
        let folded = String(c).foldedForSearch()
        return folded.count == 1 ? folded.first! : (folded.first ?? c)
    }

    /// Whether `text` holds `query` (folded).
    public static func contains(_ text: String, _ query: [Character]) -> Bool {
        !ranges(of: query, in: fold(text)).isEmpty
    }

    /// Where `query` occurs in `text` (both folded), as character offsets.
    public static func ranges(of query: [Character], in text: [Character]) -> [Range<Int>] {
        guard !query.isEmpty, text.count >= query.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i <= text.count - query.count {
            if text[i] == query[0], Array(text[i..<(i + query.count)]) == query {
                out.append(i..<(i + query.count))
                i += query.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// The line with each match of `query` drawn in reverse video.
    public static func highlight(_ line: StyledLine, _ query: [Character]) -> StyledLine {
        let chars = line.flatMap { span in span.text.map { ($0, span.style) } }
        let matches = ranges(of: query, in: chars.map { fold($0.0) })
        guard !matches.isEmpty else { return line }
        var marked = Array(repeating: false, count: chars.count)
        for r in matches { for i in r { marked[i] = true } }
        var out: StyledLine = []
        for (i, (c, style)) in chars.enumerated() {
            var s = style
            if marked[i] { s.reverse = true; s.bold = true }
            if let last = out.last, last.style == s { out[out.count - 1] = Span(last.text + String(c), s) }
            else { out.append(Span(String(c), s)) }
        }
        return out
    }
}
