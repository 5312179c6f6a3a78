import Canvas
import Mermaid

/// A mindmap drawn as a tree, root at the top left, each branch under its parent with
/// `├──` and `└──` (as `tree` draws folders); a node's shape marks its text (`( )` rounded,
/// `(( ))` circle, `[ ]` square, `{{ }}` hexagon…), Markdown emphasis is kept, long texts
/// wrap under their branch.
public struct MindmapRenderer {
    public let glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func render(_ map: Mindmap, maxWidth: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let title = map.title { lines += Text.wrap([Span(title, Style(.title, bold: true))], width: maxWidth) }
        guard let root = map.root else { return lines }
        lines += Text.wrap(spans(root, base: Style(.heading(2), bold: true)), width: maxWidth)
        add(root.children, prefix: "", into: &lines, width: maxWidth, depth: 1)
        return lines
    }

    func add(_ nodes: [Mindmap.Node], prefix: String, into lines: inout [StyledLine], width: Int, depth: Int) {
        let (tee, corner, bar) = glyphs.ascii ? ("|-- ", "`-- ", "|   ") : ("├── ", "└── ", "│   ")
        for (i, node) in nodes.enumerated() {
            let last = i == nodes.count - 1
            let lead = prefix + (last ? corner : tee)
            let under = prefix + (last ? "    " : bar)
            let style = depth == 1 ? Style(.heading(3), bold: true) : Style.plain
            // Deep trees at a narrow width: the text keeps at least 12 columns.
            let room = max(12, width - CellWidth.of(lead))
            let wrapped = Text.wrap(spans(node, base: style), width: room)
            for (k, line) in wrapped.enumerated() {
                lines.append([Span(k == 0 ? lead : under, Style(.border))] + line)
            }
            add(node.children, prefix: under, into: &lines, width: width, depth: depth + 1)
        }
    }

    /// The text with its shape's marks, `**bold**` and `_italic_` as styles.
    func spans(_ node: Mindmap.Node, base: Style) -> [Span] {
        let (open, close): (String, String)
        switch node.shape {
        case .plain: (open, close) = ("", "")
        case .square: (open, close) = ("[", "]")
        case .rounded: (open, close) = ("(", ")")
        case .circle: (open, close) = ("((", "))")
        case .hexagon: (open, close) = ("{{", "}}")
        case .bang: (open, close) = ("))", "((")
        case .cloud: (open, close) = (")", "(")
        }
        var text = node.text
        var style = base
        for (mark, bold) in [("**", true), ("__", true), ("*", false), ("_", false)] where text.count > 2 * mark.count
            && text.hasPrefix(mark) && text.hasSuffix(mark) {
            text = String(text.dropFirst(mark.count).dropLast(mark.count))
            if bold { style.bold = true } else { style.italic = true }
            break
        }
        var out: [Span] = []
        if !open.isEmpty { out.append(Span(open + " ", Style(.muted))) }
        out.append(Span(text, style))
        if !close.isEmpty { out.append(Span(" " + close, Style(.muted))) }
        return out
    }
}
