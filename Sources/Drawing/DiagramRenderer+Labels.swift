import Canvas

/// Edge labels: where each goes beside its line, or the numbered legend.
extension DiagramRenderer {
    /// Labels go beside a vertical part of their edge or above a horizontal one, where no
    /// box, line or other label is; those that find no room go to a numbered legend.
    func placeLabels(_ layout: inout DiagramLayout, maxWidth: Int) {
        // (The cells taken are only worth gathering for a label to place: 1,000 unlabelled
        // boxes made sets of a million cells.)
        guard layout.edges.contains(where: { !$0.label.isEmpty }) else { return }
        var taken = Set<DiagramLayout.Point>()
        let lineCells = layout.edges.reduce(0) { $0 + $1.cells.count }
        taken.reserveCapacity(layout.nodes.reduce(0) { $0 + $1.rect.width * $1.rect.height } + lineCells)
        for n in layout.nodes { for y in n.rect.y..<n.rect.maxY { for x in n.rect.x..<n.rect.maxX { taken.insert(.init(x, y)) } } }
        for g in layout.groups {
            for (i, line) in g.subtitle.enumerated() {
                let x0 = g.rect.x + (g.rect.width - CellWidth.of(line)) / 2
                for x in x0 - 1...x0 + CellWidth.of(line) { taken.insert(.init(x, g.rect.y + 1 + i)) }
            }
            for x in g.rect.x..<g.rect.maxX { taken.insert(.init(x, g.rect.y)); taken.insert(.init(x, g.rect.maxY - 1)) }
            for y in g.rect.y..<g.rect.maxY { taken.insert(.init(g.rect.x, y)); taken.insert(.init(g.rect.maxX - 1, y)) }
        }
        var lines = Set<DiagramLayout.Point>(minimumCapacity: lineCells)
        for e in layout.edges { for p in e.cells { taken.insert(p); lines.insert(p) } }
        let limit = max(layout.width, min(maxWidth, layout.width + 24))
        for i in layout.edges.indices where !layout.edges[i].label.isEmpty {
            let label = layout.edges[i].label
            let w = CellWidth.of(label)
            let path = layout.edges[i].cells
            func free(_ x: Int, _ y: Int) -> Bool {
                guard y >= 0, x >= 0, x + w + 1 <= limit else { return false }
                return (x - 1...x + w).allSatisfy { !taken.contains(.init($0, y)) }
            }
            let middle = path.count / 2
            var spot: DiagramLayout.Point?
            let order = path.indices.sorted { abs($0 - middle) < abs($1 - middle) }
            // First, beside its line where no other line runs close: none on the rows just
            // above and below the label, none within three cells of its ends but its own.
            func clear(_ x: Int, _ y: Int, own: DiagramLayout.Point) -> Bool {
                guard free(x, y) else { return false }
                for dy in [-1, 1] where (x...x + w - 1).contains(where: { lines.contains(.init($0, y + dy)) }) { return false }
                return (x - 3..<x).allSatisfy { $0 == own.x || !lines.contains(.init($0, y)) }
                    && (x + w...x + w + 2).allSatisfy { $0 == own.x || !lines.contains(.init($0, y)) }
            }
            // Above or below a horizontal part, where the row beyond the label holds no line
            // (so that a label between two parallel lines, which could be either's, is not
            // taken while one outside them is free).
            func clearOf(_ x: Int, _ y: Int, beyond: Int) -> Bool {
                free(x, y) && !(x - 1...x + w).contains { lines.contains(.init($0, beyond)) }
            }
            for j in order where spot == nil {
                let p = path[j]
                let vertical = (j > 0 && path[j - 1].x == p.x) || (j + 1 < path.count && path[j + 1].x == p.x)
                guard vertical else { continue }
                if clear(p.x + 2, p.y, own: p) { spot = .init(p.x + 2, p.y) }
                else if clear(p.x - w - 1, p.y, own: p) { spot = .init(p.x - w - 1, p.y) }
            }
            for j in order where spot == nil {
                let p = path[j]
                guard j > 0, j + 1 < path.count, path[j - 1].y == p.y, path[j + 1].y == p.y else { continue }
                if clearOf(p.x - w / 2, p.y - 1, beyond: p.y - 2) { spot = .init(p.x - w / 2, p.y - 1) }
                else if clearOf(p.x - w / 2, p.y + 1, beyond: p.y + 2) { spot = .init(p.x - w / 2, p.y + 1) }
            }
            for j in order where spot == nil {
                let p = path[j]
                if free(p.x + 2, p.y) { spot = .init(p.x + 2, p.y) }
                else if free(p.x - w - 1, p.y) { spot = .init(p.x - w - 1, p.y) }
                else if free(p.x - w / 2, p.y - 1) { spot = .init(p.x - w / 2, p.y - 1) }
            }
            // Next, beside the line a little further or under a horizontal part, before the legend.
            for j in order where spot == nil {
                let p = path[j]
                let vertical = (j > 0 && path[j - 1].x == p.x) || (j + 1 < path.count && path[j + 1].x == p.x)
                if !vertical, free(p.x - w / 2, p.y + 1) { spot = .init(p.x - w / 2, p.y + 1); break }
                guard vertical else { continue }
                for d in 3...6 where spot == nil {
                    if free(p.x + d, p.y), (p.x + 1..<p.x + d).allSatisfy({ !taken.contains(.init($0, p.y)) }) { spot = .init(p.x + d, p.y) }
                    else if free(p.x - w - d + 1, p.y), (p.x - d + 1..<p.x).allSatisfy({ !taken.contains(.init($0, p.y)) }) { spot = .init(p.x - w - d + 1, p.y) }
                }
            }
            if let spot {
                layout.edges[i].labelAt = spot
                for x in spot.x - 1...spot.x + w { taken.insert(.init(x, spot.y)) }
                layout.width = max(layout.width, spot.x + w + 1)
            } else {
                layout.legend.append(label)
                layout.edges[i].label = "(\(layout.legend.count))"
                // The mark goes beside the line, as near its middle as there is room: a mark
                // missing from the drawing would leave the legend's line pointing nowhere.
                let mark = layout.edges[i].label
                for j in order where layout.edges[i].labelAt == nil {
                    let p = path[j]
                    for (dx, dy) in [(1, 0), (-mark.count, 0), (1, -1), (1, 1)] where layout.edges[i].labelAt == nil {
                        let x = p.x + dx, y = p.y + dy
                        if x >= 0, y >= 0, x + mark.count <= limit, (x..<x + mark.count).allSatisfy({ !taken.contains(.init($0, y)) }) {
                            layout.edges[i].labelAt = .init(x, y)
                            for c in x..<x + mark.count { taken.insert(.init(c, y)) }
                            layout.width = max(layout.width, x + mark.count + 1)
                        }
                    }
                }
            }
        }
    }
}
