import Canvas
import Mermaid

/// How big each box and frame is drawn: a box's text wrapped, its shape's marks, a frame's
/// title and the room it leaves; the rows above a box stacked under another.
extension DiagramLayouter {
    func nodeLines(_ node: Node) -> [String] { labelLines[node.id] ?? wrappedLines(node) }

    func wrappedLines(_ node: Node) -> [String] {
        node.lines.flatMap { line -> [String] in
            guard CellWidth.of(line) > wrap else { return [line] }
            // A word is never cut (an address, a host:port), unless longer than a label's limit.
            let longest = line.split(separator: " ").map { CellWidth.of(String($0)) }.max() ?? 0
            return Text.wrap([Span(line)], width: min(max(wrap, longest), Self.maxLabelWidth)).map(\.text)
        }
    }

    /// The compact layout keeps each shape's frame and rows but not the marks beside the
    /// label: they would cost the columns it is short of.
    func outline(_ node: Node) -> ShapeOutline {
        var outline = ShapeOutline.of(node, lines: nodeLines(node))
        if compact { (outline.left, outline.right) = ("", "") }
        return outline
    }

    func groupTitle(_ s: Subgraph) -> String { s.titleLines.first ?? s.id }
    func groupSubtitle(_ s: Subgraph) -> [String] { Array(s.titleLines.dropFirst()) }

    func size(of id: String, depth: Int, blocks: inout [String: Block]) -> (Int, Int) {
        if subgraphIDs.contains(id), let s = subgraph(id) {
            let inner = layout(group: id, depth: depth + 1, blocks: &blocks)
            // Border, then a free row or column all round: room for arrowheads and ports;
            // the title's other lines take rows at the top.
            let subtitle = groupSubtitle(s)
            var w = max(inner.width + 4, CellWidth.of(groupTitle(s)) + 6, (subtitle.map { CellWidth.of($0) }.max() ?? 0) + 4)
            // Top-down, a label goes beside its line, which runs near the middle: the frame
            // leaves room for the widest label of the edges inside it on either side.
            let direction = s.direction ?? chart.direction
            if direction.isVertical && !compact {
                let widest = chart.edges.filter { !$0.label.isEmpty && memberOf($0.from, in: id) != nil && memberOf($0.to, in: id) != nil }
                    .map { min(CellWidth.of($0.labelLines.joined(separator: " ")), Self.maxLabelWidth) }.max()
                if let widest { w = max(w, 2 * (widest + 3) + 6) }
            }
            return (w, inner.height + 4 + subtitle.count + (subtitle.isEmpty ? 0 : 2))
        }
        let lines = node(id).map(nodeLines) ?? [id]
        let outline = node(id).map(outline) ?? ShapeOutline(frame: .light)
        var w = (lines.map { CellWidth.of($0) }.max() ?? 1) + 4 + outline.extraWidth
        var h = lines.count + 2 + outline.extraHeight
        // Lines come in and go out by the sides facing the ranks: a box is as tall (left to
        // right) or as wide (top-down) as its busiest side needs, a place each two cells
        // apart (ELK sizes nodes to their ports), so that no line is sent round to another
        // side for want of a place.
        let busiest = max(inDegree[id] ?? 0, outDegree[id] ?? 0)
        if busiest > 1 {
            let direction = parent[id].flatMap { subgraph($0)?.direction } ?? chart.direction
            if direction.isVertical || compact { w = max(w, 2 * busiest + 1) } else { h = max(h, 2 * busiest + 1) }
        }
        return (w, h)
    }

    /// Rows above a box stacked under another: one for the line that comes in sideways and
    /// one for its head, and one more for each other line that comes in, so that each has
    /// its own row rather than sharing one.
    func stackGap(before row: [Int], ids: [String]) -> Int {
        let entering = row.map { inDegree[ids[$0]] ?? 0 }.max() ?? 0
        return Self.stackGap + max(0, entering - 1)
    }
}
