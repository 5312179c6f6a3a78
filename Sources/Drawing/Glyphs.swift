import Canvas

/// The characters drawings use, in Unicode or in ASCII (`--ascii`, or a locale that is not UTF-8).
public struct Glyphs: Sendable {
    public var ascii: Bool
    public init(ascii: Bool) { self.ascii = ascii }

    public var box: BoxStyle { ascii ? .ascii : .rounded }
    public var lightBox: BoxStyle { ascii ? .ascii : .light }
    public var bullet: [String] { ascii ? ["*", "-", "+"] : ["•", "◦", "▪"] }
    public var checked: String { ascii ? "[x]" : "☑" }
    public var unchecked: String { ascii ? "[ ]" : "☐" }
    public var quoteBar: String { ascii ? "> " : "│ " }
    public var rule: Character { ascii ? "-" : "─" }
    public var doubleRule: Character { ascii ? "=" : "═" }
    public var continuation: String { ascii ? "> " : "↪ " }
    public var moreBelow: String { ascii ? "v" : "↓" }
    public var ellipsis: String { ascii ? "..." : "…" }
}

extension Grid {
    /// The rows as styled lines (runs of equal style joined), trailing blanks dropped.
    public func styledLines() -> [StyledLine] {
        (0..<height).map { y in
            var line: StyledLine = []
            for x in 0..<width where !self[x, y].isContinuation {
                let cell = self[x, y]
                if let last = line.last, last.style == cell.style {
                    line[line.count - 1].append(cell.character)
                } else {
                    line.append(Span(String(cell.character), cell.style))
                }
            }
            while let last = line.last, last.text.allSatisfy({ $0 == " " }), last.style.role == .plain || last.style == .plain {
                line.removeLast()
            }
            if let last = line.last, last.text.hasSuffix(" ") {
                line[line.count - 1].dropTrailingSpaces()
                if line[line.count - 1].text.isEmpty { line.removeLast() }
            }
            return line
        }
    }
}
