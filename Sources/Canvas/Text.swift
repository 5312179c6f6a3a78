import Facts
/// A run of text with one style. Control characters (C0 but newline and tab, DEL, C1) are
/// dropped: whatever the text came from, a span never carries a terminal command. Newlines
/// stay for wrapping to break on; the grid never holds one.
public struct Span: Hashable, Sendable {
    public private(set) var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = Span.withoutControls(text)
        self.style = style
    }

    /// Appends one character, unless it is a control character.
    public mutating func append(_ character: Character) {
        if let first = character.unicodeScalars.first, ControlCharacters.isControl(first) { return }
        text.append(character)
    }

    /// Removes the spaces at the end.
    public mutating func dropTrailingSpaces() {
        while text.last == " " { text.removeLast() }
    }

    /// `text` without C0 controls other than newline and tab, DEL and C1 controls.
    public static func withoutControls(_ text: String) -> String {
        ControlCharacters.removed(from: text)
    }
}

/// A line of spans.
public typealias StyledLine = [Span]

extension Array where Element == Span {
    public var width: Int { reduce(0) { $0 + CellWidth.of($1.text) } }
    public var text: String { map(\.text).joined() }
}

public enum Text {
    /// The text cut to `width` cells, with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard CellWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for c in text {
            let w = CellWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Characters a French space ties to the word before it (`mot :`, `quoi ?`, `»`).
    static let tiedAfterSpace: Set<Character> = [":", ";", "?", "!", "»"]

    /// Where a word too long for a line (a URL, a path) may be cut.
    static let breaksAfter: Set<Character> = ["/", "-", ".", "_", "?", "&", "=", "#", ":", ","]

    /// A number of one or two digits ending a word: the space before it ties it to the word
    /// before (`Node 2`, `Pod 1`, `étape 3.`), as French typography keeps a noun with its number.
    static func numberFollows<C: Collection>(_ text: C, after space: Int) -> Bool where C.Index == Int, C.Element == Character {
        var k = space + 1, digits = 0
        while k < text.endIndex, text[k].isASCII, text[k].isNumber { digits += 1; k += 1 }
        guard (1...2).contains(digits), space > 0, text[space - 1] != " " else { return false }
        // The number ends the word, or one mark of punctuation does (not `10.4.32.6`, `8080/TCP`).
        if k < text.endIndex, [".", ",", ";", ")", "?", "!"].contains(text[k]) { k += 1 }
        return k == text.endIndex || text[k] == " " || text[k] == "\n"
    }

    /// Word wrap within `width` cells. Spaces are the break points, except a space before
    /// `:` `;` `?` `!` `»`, after `«` or before a number of one or two digits (French
    /// typography keeps them with their word), and non-breaking spaces. A word longer than
    /// the line is cut. Leading spaces of a continuation line are dropped; explicit newlines
    /// break.
    public static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // Words: runs of characters between break points, each character with its style.
        typealias Piece = (character: Character, style: Style)
        var words: [[Piece]] = [[]]
        // What separated word i from word i+1: " " or "\n", with the style it was written in
        // (a space keeps its own style: the one before an underlined link is not underlined).
        var breaks: [Piece] = []
        let flat: [Piece] = spans.flatMap { span in span.text.map { ($0, span.style) } }
        for (i, piece) in flat.enumerated() {
            let c = piece.character
            if c == "\n" {
                words.append([]); breaks.append(piece); continue
            }
            if c == " " {
                let next = i + 1 < flat.count ? flat[i + 1].character : nil
                let previous = i > 0 ? flat[i - 1].character : nil
                let tied = (next.map { tiedAfterSpace.contains($0) } ?? false) || previous == "«"
                    || numberFollows(flat.lazy.map(\.character), after: i)
                if !tied { words.append([]); breaks.append(piece); continue }
            }
            words[words.count - 1].append(piece)
        }
        var lines: [StyledLine] = [[]]
        var lineWidth = 0
        func append(_ pieces: [Piece]) {
            for p in pieces {
                if let last = lines[lines.count - 1].last, last.style == p.style {
                    lines[lines.count - 1][lines[lines.count - 1].count - 1].append(p.character)
                } else {
                    lines[lines.count - 1].append(Span(String(p.character), p.style))
                }
                lineWidth += CellWidth.of(p.character)
            }
        }
        func newLine() { lines.append([]); lineWidth = 0 }
        for (i, word) in words.enumerated() {
            if i > 0 {
                if breaks[i - 1].character == "\n" { newLine() }
                else if lineWidth > 0 {
                    let wordWidth = word.reduce(0) { $0 + CellWidth.of($1.character) }
                    if lineWidth + 1 + wordWidth <= width {
                        append([(" ", breaks[i - 1].style)])
                    } else {
                        newLine()
                    }
                }
            }
            var rest = word[...]
            while !rest.isEmpty {
                let wordWidth = rest.reduce(0) { $0 + CellWidth.of($1.character) }
                if lineWidth + wordWidth <= width { append(Array(rest)); break }
                if lineWidth > 0 { newLine(); continue }
                // Longer than a whole line (an address): cut after a separator (`/`, `-`, `.`…)
                // when one falls in the line's last two thirds, else where the line ends.
                var taken = 0, count = 0
                for p in rest {
                    let w = CellWidth.of(p.character)
                    if taken + w > width { break }
                    taken += w; count += 1
                }
                if count < rest.count, let cut = rest.prefix(count).dropFirst(count / 3).lastIndex(where: { Self.breaksAfter.contains($0.character) }) {
                    count = cut - rest.startIndex + 1
                }
                append(Array(rest.prefix(max(1, count))))
                rest = rest.dropFirst(max(1, count))
                if !rest.isEmpty { newLine() }
            }
        }
        return lines
    }
}

extension Grid {
    /// Lines drawn into a grid as wide as the widest of them.
    public init(lines: [StyledLine]) {
        self.init(width: lines.map { $0.reduce(0) { $0 + CellWidth.of($1.text) } }.max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() { put(line, x: 0, y: y) }
    }
}

extension Grid {
    /// Writes a styled line from (x, y); returns the x after it.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int) -> Int {
        var cx = x
        for span in line { cx = put(span.text, x: cx, y: y, style: span.style) }
        return cx
    }
}

/// The cells that changed between two grids of the same size: what to send to the terminal.
public struct GridChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension Grid {
    /// Runs of changed cells, row by row; a wide character's two cells go together.
    public func changes(from old: Grid) -> [GridChange] {
        guard old.width == width, old.height == height else {
            return (0..<height).map { y in GridChange(x: 0, y: y, cells: (0..<width).map { self[$0, y] }) }
        }
        var out: [GridChange] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard self[x, y] != old[x, y] else { x += 1; continue }
                var start = x
                if self[x, y].isContinuation, x > 0 { start = x - 1 }
                var end = x
                while end < width, self[end, y] != old[end, y] || self[end, y].isContinuation { end += 1 }
                out.append(GridChange(x: start, y: y, cells: (start..<end).map { self[$0, y] }))
                x = end
            }
        }
        return out
    }
}


extension Grid {
    /// The runs of cells of row `y` that are the text of one link: where each starts, its
    /// text, its address and its style (for the terminal to make it a hyperlink).
    public func linkRuns(y: Int) -> [(x: Int, text: String, url: String, style: Style)] {
        var runs: [(x: Int, text: String, url: String, style: Style)] = []
        guard y >= 0, y < height else { return runs }
        var x = 0
        while x < width {
            let cell = self[x, y]
            guard cell.style.hasLink, let url = cell.style.link else { x += 1; continue }
            let start = x
            var text = ""
            while x < width, self[x, y].style == cell.style || self[x, y].isContinuation {
                if !self[x, y].isContinuation { text.append(self[x, y].character) }
                x += 1
            }
            runs.append((start, text, url, cell.style))
        }
        return runs
    }
}
