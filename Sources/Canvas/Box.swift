/// Box-drawing sets, and ASCII for terminals that cannot show them.
public struct BoxStyle: Sendable, Equatable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                horizontal: Character, vertical: Character) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let rounded = BoxStyle(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    public static let light = BoxStyle(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    public static let heavy = BoxStyle(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    public static let double = BoxStyle(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
    public static let dotted = BoxStyle(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "┄", vertical: "┆")
    public static let ascii = BoxStyle(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
    public static let asciiDotted = BoxStyle(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: ".", vertical: ":")
}

extension Grid {
    /// Draws a box on the rectangle's edge, with an optional title in its top border:
    ///
    ///     ╭─ Astuce ───╮
    ///     │            │
    ///     ╰────────────╯
    public mutating func box(_ rect: Rect, style box: BoxStyle, border: Style = Style(.border), title: String? = nil,
                             titleStyle: Style = Style(.title, bold: true)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        put(box.topLeft, x: rect.x, y: rect.y, style: border)
        put(box.topRight, x: right, y: rect.y, style: border)
        put(box.bottomLeft, x: rect.x, y: bottom, style: border)
        put(box.bottomRight, x: right, y: bottom, style: border)
        for x in (rect.x + 1)..<right {
            put(box.horizontal, x: x, y: rect.y, style: border)
            put(box.horizontal, x: x, y: bottom, style: border)
        }
        for y in (rect.y + 1)..<bottom {
            put(box.vertical, x: rect.x, y: y, style: border)
            put(box.vertical, x: right, y: y, style: border)
        }
        if let title, !title.isEmpty, rect.width > 6 {
            let shown = Text.truncate(title, to: rect.width - 5)
            put(" ", x: rect.x + 2, y: rect.y, style: border)
            let end = put(shown, x: rect.x + 3, y: rect.y, style: titleStyle)
            put(" ", x: end, y: rect.y, style: border)
        }
    }
}
