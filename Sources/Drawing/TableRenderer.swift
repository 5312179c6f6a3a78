import Canvas
import Course

/// GFM tables with box drawing, column alignment, and cells that wrap when the table is
/// wider than the page:
///
///     ┌──────────┬───────────┐
///     │ Cas      │   Type    │
///     ├──────────┼───────────┤
///     │ interne  │ ClusterIP │
///     └──────────┴───────────┘
struct TableRenderer {
    let glyphs: Glyphs
    let spans: ([Inline], Style) -> [Span]

    init(glyphs: Glyphs, spans: @escaping ([Inline], Style) -> [Span]) {
        self.glyphs = glyphs
        self.spans = spans
    }

    /// Column widths that fit `available` cells: natural widths when they fit, else the
    /// narrow columns keep theirs and the wide ones share the rest.
    static func columnWidths(natural: [Int], available: Int) -> [Int] {
        guard natural.reduce(0, +) > available, !natural.isEmpty else { return natural }
        var widths = Array(repeating: 0, count: natural.count)
        var open = Set(natural.indices)
        var room = available
        while !open.isEmpty {
            let share = max(3, room / open.count)
            let fitting = open.filter { natural[$0] <= share }
            if fitting.isEmpty {
                for (n, i) in open.sorted().enumerated() { widths[i] = max(3, room / open.count + (n < room % open.count ? 1 : 0)) }
                break
            }
            for i in fitting { widths[i] = natural[i]; room -= natural[i]; open.remove(i) }
        }
        return widths
    }

    func render(_ table: Table, width: Int) -> [StyledLine] {
        let rows = [table.header] + table.rows
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let cells: [[[Span]]] = rows.enumerated().map { r, row in
            (0..<columns).map { c in
                c < row.count ? spans(row[c], r == 0 ? Style(.plain, bold: true) : .plain) : []
            }
        }
        let natural = (0..<columns).map { c in max(1, cells.map { $0[c].width }.max() ?? 1) }
        let available = width - (columns + 1) - 2 * columns
        let widths = Self.columnWidths(natural: natural, available: max(columns * 3, available))
        let b = glyphs.ascii
        let h = b ? "-" : "─", v = b ? "|" : "│"
        func border(_ left: String, _ mid: String, _ right: String) -> StyledLine {
            [Span(left + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: mid) + right, Style(.border))]
        }
        var lines: [StyledLine] = [border(b ? "+" : "┌", b ? "+" : "┬", b ? "+" : "┐")]
        for (r, row) in cells.enumerated() {
            let wrapped = row.enumerated().map { c, content in Text.wrap(content, width: widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var line: StyledLine = [Span(v, Style(.border))]
                for c in 0..<columns {
                    let content = lineIndex < wrapped[c].count ? wrapped[c][lineIndex] : []
                    let pad = widths[c] - content.width
                    let alignment = c < table.alignments.count ? table.alignments[c] : .none
                    let left = alignment == .right ? pad : alignment == .center ? pad / 2 : 0
                    line.append(Span(" " + String(repeating: " ", count: left)))
                    line += content
                    line.append(Span(String(repeating: " ", count: pad - left) + " "))
                    line.append(Span(v, Style(.border)))
                }
                lines.append(line)
            }
            if r == 0 { lines.append(border(b ? "+" : "├", b ? "+" : "┼", b ? "+" : "┤")) }
        }
        lines.append(border(b ? "+" : "└", b ? "+" : "┴", b ? "+" : "┘"))
        return lines
    }
}
