import Canvas
import Mermaid
import Words

/// Draws a flowchart in cells: subgraphs as titled boxes (nested), nodes as boxes whose
/// border suggests their shape, edges as orthogonal lines with arrowheads (dotted and thick
/// strokes), labels beside their edge, classes as styles.
public struct DiagramRenderer: Sendable {
    public var glyphs: Glyphs
    /// The language of the words it writes (the note on a drawing cut at the right).
    public var language: Language

    public init(glyphs: Glyphs, language: Language = .en) {
        self.glyphs = glyphs
        self.language = language
    }

    /// The layout for a width: the roomy one when it fits, else the compact one. A diagram
    /// still wider than `maxWidth` keeps its width: the terminal scrolls it sideways.
    public func layout(_ chart: Flowchart, maxWidth: Int) -> DiagramLayout {
        let across = !chart.direction.isVertical
        // Left to right with labels: first with room between the ranks for every label (the
        // boxes' text as it is, then wrapped narrower, as mermaid wraps a long label), then for
        // the shorter labels only, then as before.
        let labelled = across && chart.edges.contains { !$0.label.isEmpty }
        // The first that fits with every label on its line is kept; else the one that fits with
        // the fewest in the legend (left to right kept before turning top-down). Past the first
        // that fits, only a small chart is laid out again for its labels.
        var fitting: DiagramLayout?
        let full = DiagramLayouter.maxLabelWidth, narrow = DiagramLayouter.narrowWrap
        let tries = labelled ? [(full + 4, full), (full + 4, narrow), (20, full), (20, narrow), (14, full), (0, full)] : [(0, full)]
        for (room, wrap) in tries {
            if let fitting, fitting.legend.isEmpty || chart.nodes.count > Self.spreadLimit { break }
            let tried = route(DiagramLayouter(chart: chart, compact: false, labelRoom: room, wrap: wrap).run(), chart: chart,
                              maxWidth: maxWidth, across: across)
            if tried.width <= maxWidth, tried.legend.count < fitting?.legend.count ?? Int.max { fitting = tried }
        }
        // Compact: a left-to-right chart is laid out top-down.
        let compact = fitting == nil
        var layout = fitting ?? route(DiagramLayouter(chart: chart, compact: true).run(), chart: chart, maxWidth: maxWidth, across: false)
        // Labels sent to the legend while the page has columns to spare: the boxes of each
        // rank set further apart, so that a label finds room beside its own line.
        if !layout.legend.isEmpty, layout.width <= maxWidth, compact || !across, chart.nodes.count <= Self.spreadLimit {
            for spread in [2, 4, 7] {
                let wider = route(DiagramLayouter(chart: chart, compact: compact, spread: spread).run(), chart: chart,
                                  maxWidth: maxWidth, across: false)
                guard wider.width <= maxWidth else { break }
                if wider.legend.count < layout.legend.count { layout = wider }
                if layout.legend.isEmpty { break }
            }
            // Then room kept beside the boxes the labelled lines leave.
            if !layout.legend.isEmpty {
                let slotted = route(DiagramLayouter(chart: chart, compact: compact, labelRoom: DiagramLayouter.maxLabelWidth).run(),
                                    chart: chart, maxWidth: maxWidth, across: false)
                if slotted.width <= maxWidth && slotted.legend.count < layout.legend.count { layout = slotted }
            }
            // Then the boxes sending those lines on a row of their own, above the rest.
            if !layout.legend.isEmpty {
                let lifted = route(DiagramLayouter(chart: chart, compact: compact, lift: true).run(), chart: chart,
                                   maxWidth: maxWidth, across: false)
                // Worth at most one more crossing for each label it brings back beside its line.
                let brought = layout.legend.count - lifted.legend.count
                if lifted.width <= maxWidth && brought > 0 && lifted.sharedCells - layout.sharedCells <= brought { layout = lifted }
            }
        }
        return layout
    }

    /// Past this many nodes a chart is not laid out again for its labels, nor routed again
    /// to untangle its lines (each try is a whole layout or routing).
    static let spreadLimit = 60

    public func render(_ chart: Flowchart, maxWidth: Int) -> [StyledLine] {
        render(chart, layout: layout(chart, maxWidth: maxWidth), maxWidth: maxWidth)
    }

    /// Draws `chart` with a layout already made for it.
    public func render(_ chart: Flowchart, layout: DiagramLayout, maxWidth: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let title = chart.title {
            lines.append([Span(Text.truncate(title, to: maxWidth), Style(.title, bold: true))])
        }
        let grid = draw(layout, chart: chart)
        var drawn = grid.styledLines()
        while let last = drawn.last, last.isEmpty { drawn.removeLast() }
        while let first = drawn.first, first.isEmpty { drawn.removeFirst() }
        if layout.width > maxWidth {
            // Wider than the page: what fits, and a word saying the rest is to the right.
            drawn = drawn.map { SlideRenderer(width: maxWidth).cut($0, at: maxWidth - 1).0 }
            lines += drawn
            let note = "\(glyphs.ascii ? "->" : "→") " + language.words.ui(.moreColumnsRight(layout.width - maxWidth + 1))
            lines.append([Span(Text.truncate(note, to: maxWidth), Style(.muted))])
        } else {
            lines += drawn
        }
        for (n, label) in layout.legend.enumerated() {
            lines += Text.wrap([Span("(\(n + 1)) ", Style(.muted)), Span(label)], width: maxWidth)
        }
        return lines
    }

    /// Routes every edge of the chart on the laid-out boxes, and places their labels.
    /// `across`: the layout runs left to right, so edges leave and enter by the sides
    /// facing each other across the ranks, even when the boxes are not level.
    func route(_ base: DiagramLayout, chart: Flowchart, maxWidth: Int, across: Bool = false) -> DiagramLayout {
        var layout = base
        var rects: [String: Rect] = [:]
        for n in layout.nodes { rects[n.id] = n.rect }
        for g in layout.groups { rects[g.id] = g.rect }
        // Room for lines and labels around the boxes.
        let extraX = 2, extraY = 2
        layout.width += extraX
        layout.height += extraY
        let titles = layout.groups.flatMap { g -> [Rect] in
            [Rect(x: g.rect.x + 1, y: g.rect.y, width: min(g.rect.width - 2, CellWidth.of(g.title) + 4), height: 1)]
                + g.subtitle.enumerated().map { i, line in
                    Rect(x: g.rect.x + (g.rect.width - CellWidth.of(line)) / 2 - 1, y: g.rect.y + 1 + i, width: CellWidth.of(line) + 2, height: 1)
                }
        }
        let router = EdgeRouter(width: layout.width, height: layout.height, nodes: layout.nodes.map(\.rect),
                                groups: layout.groups.map(\.rect), titles: titles)
        // Ports ordered by where the other end is (ELK's port ordering): along each side of a
        // box, the edges take places in the order of their other ends, each as near to it as
        // the side allows, so a fan-out under a Service never crosses itself and an edge to a
        // box straight below runs straight.
        // A subgraph's title sits on its top border: ports there keep clear of it.
        var titleSpans: [String: ClosedRange<Int>] = [:]
        for g in layout.groups { titleSpans[g.id] = g.rect.x...(g.rect.x + CellWidth.of(g.title) + 4) }
        var ports = Self.ports(chart: chart, rects: rects, across: across, titles: titleSpans)
        let routed = Self.routeEdges(chart: chart, rects: rects, ports: ports, router: router)
        var edges = routed.edges
        // Only a drawing that fits the page is untangled: a wider one is tried and set aside.
        if chart.nodes.count <= Self.spreadLimit && layout.width <= maxWidth {
            Self.untangle(chart: chart, rects: rects, ports: &ports, edges: &edges, router: router, work: routed.expansions)
        }
        layout.edges = edges
        var placed = layout
        placeLabels(&placed, maxWidth: maxWidth)
        // A label with no room beside its line while the page has columns to spare on the
        // left: the drawing moved right, so that it can sit left of a line at the drawing's
        // left edge, then moved back as far as what is drawn allows.
        if !placed.legend.isEmpty, maxWidth > layout.width {
            let dx = min(maxWidth - layout.width, (placed.legend.map { CellWidth.of($0) }.max() ?? 0) + 3)
            var moved = layout.shifted(by: dx)
            placeLabels(&moved, maxWidth: maxWidth)
            if moved.legend.count < placed.legend.count {
                placed = moved.shifted(by: -max(0, moved.leftmost - 1))
            }
        }
        return placed
    }

    /// Where each edge attaches: the side of its source and of its target, and the place
    /// along each (an x for top and bottom sides, a y for left and right).
    struct Ports { var sourceSide: EdgeRouter.Side; var source: Int; var targetSide: EdgeRouter.Side; var target: Int }

    static func ports(chart: Flowchart, rects: [String: Rect], across: Bool = false,
                      titles: [String: ClosedRange<Int>] = [:]) -> [Int: Ports] {
        struct End { var edge: Int; var source: Bool; var other: Rect }
        var sides: [String: (id: String, side: EdgeRouter.Side, ends: [End])] = [:]
        func centre(_ r: Rect, _ side: EdgeRouter.Side) -> Double {
            side == .top || side == .bottom ? Double(r.x) + Double(r.width - 1) / 2 : Double(r.y) + Double(r.height - 1) / 2
        }
        // The title of the frame whose top border runs just above a box (one free row
        // between): a line cannot come down through it into the box's top.
        func titleAbove(_ r: Rect) -> ClosedRange<Int>? {
            for (group, title) in titles { if let g = rects[group], g.y == r.y - 2, g.x < r.x, g.maxX > r.maxX { return title } }
            return nil
        }
        func range(_ r: Rect, _ side: EdgeRouter.Side, _ id: String) -> (Int, Int) {
            // The places a line may touch: not the corners, not a subgraph's title.
            if side == .top, let title = titles[id] ?? titleAbove(r), title.upperBound + 1 <= r.maxX - 2 {
                return (max(r.x + 1, title.upperBound + 1), r.maxX - 2)
            }
            return side == .top || side == .bottom ? (r.x + 1, r.maxX - 2) : (r.y + 1, max(r.y + 1, r.maxY - 2))
        }
        // A box whose whole top lies under its frame's title is entered and left by a side.
        func topBlocked(_ r: Rect) -> Bool {
            guard let title = titleAbove(r) else { return false }
            return title.lowerBound <= r.x + 1 && title.upperBound >= r.maxX - 2
        }
        var chosen: [Int: (EdgeRouter.Side, EdgeRouter.Side)] = [:]
        for (i, edge) in chart.edges.enumerated() where edge.stroke != .invisible {
            guard let a = rects[edge.from], let b = rects[edge.to], edge.from != edge.to else { continue }
            var (sa, sb) = EdgeRouter.sides(from: a, to: b, across: across)
            if sb == .top && topBlocked(b) { sb = a.x + a.width / 2 < b.x ? .left : .right }
            if sa == .top && topBlocked(a) { sa = b.x + b.width / 2 < a.x ? .left : .right }
            chosen[i] = (sa, sb)
            sides["\(edge.from)|\(sa)", default: (edge.from, sa, [])].ends.append(End(edge: i, source: true, other: b))
            sides["\(edge.to)|\(sb)", default: (edge.to, sb, [])].ends.append(End(edge: i, source: false, other: a))
        }
        // A left or right side with more edges than places (a box three rows high has one):
        // the edges whose other end lies above leave by the top, below by the bottom.
        for key in sides.keys.sorted() {
            let (id, side, ends) = sides[key]!
            guard side == .left || side == .right, let r = rects[id] else { continue }
            let (low, high) = range(r, side, id)
            let capacity = max(1, (high - low) / 2 + 1)
            guard ends.count > capacity else { continue }
            let middle = centre(r, side)
            let sorted = ends.sorted { centre($0.other, side) < centre($1.other, side) }
            var keep = sorted.filter { abs(centre($0.other, side) - middle) < 1 }
            for end in sorted where keep.count < capacity && !keep.contains(where: { $0.edge == end.edge }) { keep.append(end) }
            keep = Array(keep.prefix(capacity))
            var remaining: [End] = []
            for end in sorted {
                if keep.contains(where: { $0.edge == end.edge && $0.source == end.source }) { remaining.append(end); continue }
                let moved: EdgeRouter.Side = centre(end.other, side) < middle && !topBlocked(r) ? .top : .bottom
                sides["\(id)|\(moved)", default: (id, moved, [])].ends.append(end)
                if var pair = chosen[end.edge] {
                    if end.source { pair.0 = moved } else { pair.1 = moved }
                    chosen[end.edge] = pair
                }
            }
            sides[key]!.ends = remaining
        }
        var places: [Int: (Int, Int)] = [:]
        for key in sides.keys.sorted() {
            let (id, side, ends) = sides[key]!
            guard let r = rects[id], !ends.isEmpty else { continue }
            let (low, high) = range(r, side, id)
            guard high >= low else { continue }
            let sorted = ends.sorted { (a: End, b: End) in
                let ca = centre(a.other, side), cb = centre(b.other, side)
                return ca != cb ? ca < cb : a.edge < b.edge
            }
            let gap = sorted.count > 1 && (high - low) / (sorted.count - 1) >= 2 ? 2 : 1
            // As near as can be to the other end, in order, `gap` apart, within the side.
            var at = sorted.map { min(high, max(low, Int(centre($0.other, side).rounded()))) }
            for k in at.indices.dropFirst() where at[k] < at[k - 1] + gap { at[k] = at[k - 1] + gap }
            if let last = at.last, last > high {
                at[at.count - 1] = high
                for k in at.indices.dropLast().reversed() where at[k] > at[k + 1] - gap { at[k] = at[k + 1] - gap }
            }
            for (k, end) in sorted.enumerated() {
                let place = min(high, max(low, at[k]))
                var pair = places[end.edge] ?? (0, 0)
                if end.source { pair.0 = place } else { pair.1 = place }
                places[end.edge] = pair
            }
        }
        var out: [Int: Ports] = [:]
        for (edge, (sa, sb)) in chosen {
            let p = places[edge] ?? (0, 0)
            out[edge] = Ports(sourceSide: sa, source: p.0, targetSide: sb, target: p.1)
        }
        return out
    }

    // MARK: - Drawing

    /// A node's frame, the marks of its shape, and its label centred between the marks. A lit
    /// node (the hop's place, in the player) has a heavy frame and everything in `lit`'s style.
    public func drawNode(_ node: DiagramLayout.NodeBox, on grid: inout Grid, lit: Style? = nil) {
        let s = lit ?? style(for: node.classes)
        let outline = node.outline
        let rect = node.rect
        let frame = lit == nil ? outline.boxStyle(ascii: glyphs.ascii) : glyphs.ascii ? .ascii : .heavy
        if lit != nil { grid.fill(Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)) }
        grid.box(rect, style: frame, border: s)
        let inside = rect.width - 2
        var y = rect.y + 1
        if let top = outline.topRow {
            grid.put(ShapeOutline.row(top, width: inside, ascii: glyphs.ascii), x: rect.x + 1, y: y, style: s)
            y += 1
        }
        let left = glyphs.ascii ? ShapeOutline.ascii(outline.left, right: false) : outline.left
        let right = glyphs.ascii ? ShapeOutline.ascii(outline.right, right: true) : outline.right
        let textStyle = lit ?? (node.classes.isEmpty ? Style.plain : Style(s.role))
        // A box made taller for its lines' places keeps its text in the middle.
        let rows = rect.height - 2 - (outline.topRow == nil ? 0 : 1) - (outline.bottomRow == nil ? 0 : 1)
        y += max(0, (rows - node.lines.count) / 2)
        for (i, text) in node.lines.enumerated() {
            // Centred between the marks, which stand against the frame.
            let from = rect.x + 1 + CellWidth.of(left), to = rect.maxX - 1 - CellWidth.of(right)
            let x = from + (to - from - CellWidth.of(text)) / 2
            if !left.isEmpty { grid.put(left, x: rect.x + 1, y: y + i, style: s) }
            if !right.isEmpty { grid.put(right, x: rect.maxX - 1 - CellWidth.of(right), y: y + i, style: s) }
            grid.put(text, x: x, y: y + i, style: textStyle)
        }
        if let bottom = outline.bottomRow {
            grid.put(ShapeOutline.row(bottom, width: inside, ascii: glyphs.ascii), x: rect.x + 1, y: rect.maxY - 2, style: s)
        }
    }

    func style(for classes: [String]) -> Style {
        classes.first.map { Style(.diagramClass($0)) } ?? Style(.border)
    }

    public func draw(_ layout: DiagramLayout, chart: Flowchart) -> Grid {
        var grid = Grid(width: layout.width, height: layout.height)
        let groupStyle = Style(.border, dim: true)
        for group in layout.groups.sorted(by: { $0.depth < $1.depth }) {
            let classes = chart.subgraph(group.id)?.classes ?? []
            grid.box(group.rect, style: glyphs.ascii ? .ascii : .light, border: classes.isEmpty ? groupStyle : style(for: classes),
                     title: group.title, titleStyle: Style(.title, bold: true))
            for (i, line) in group.subtitle.enumerated() {
                grid.put(line, x: group.rect.x + (group.rect.width - CellWidth.of(line)) / 2, y: group.rect.y + 1 + i, style: Style(.muted))
            }
        }
        // Edges: each cell remembers which sides it connects, so crossings and corners draw right.
        var masks: [DiagramLayout.Point: (mask: Int, stroke: Stroke)] = [:]
        for laid in layout.edges {
            let edge = chart.edges[laid.index]
            let cells = laid.cells
            for (k, p) in cells.enumerated() {
                var mask = masks[p]?.mask ?? 0
                if k > 0 { mask |= bit(from: p, to: cells[k - 1]) }
                if k + 1 < cells.count { mask |= bit(from: p, to: cells[k + 1]) }
                if cells.count == 1 { mask |= 0b1010 }
                masks[p] = (mask, edge.stroke)
            }
        }
        for (p, entry) in masks {
            grid.put(line(entry.mask, entry.stroke), x: p.x, y: p.y, style: Style(.border))
        }
        for laid in layout.edges {
            let edge = chart.edges[laid.index]
            guard let last = laid.cells.last else { continue }
            let before = laid.cells.count > 1 ? laid.cells[laid.cells.count - 2] : last
            let head = arrowhead(edge.type, from: before, to: last)
            if let head { grid.put(head, x: last.x, y: last.y, style: Style(.border, bold: true)) }
            if edge.type.rawValue.hasPrefix("double"), laid.cells.count > 1, let first = laid.cells.first,
               let tail = arrowhead(edge.type, from: laid.cells[1], to: first) {
                grid.put(tail, x: first.x, y: first.y, style: Style(.border, bold: true))
            }
        }
        for node in layout.nodes { drawNode(node, on: &grid) }
        for laid in layout.edges {
            guard let at = laid.labelAt else { continue }
            grid.put(laid.label, x: at.x, y: at.y, style: Style(.caption, italic: true))
        }
        return grid
    }

    /// Bits: 1 up, 2 right, 4 down, 8 left.
    func bit(from p: DiagramLayout.Point, to q: DiagramLayout.Point) -> Int {
        if q.y < p.y { return 1 }
        if q.x > p.x { return 2 }
        if q.y > p.y { return 4 }
        return 8
    }

    func line(_ mask: Int, _ stroke: Stroke) -> Character {
        if glyphs.ascii {
            let vertical = mask & 5 != 0, horizontal = mask & 10 != 0
            if vertical && horizontal { return "+" }
            switch stroke {
            case .dotted: return vertical ? ":" : "."
            case .thick: return vertical ? "#" : "="
            default: return vertical ? "|" : "-"
            }
        }
        let sets: [Stroke: [Character]] = [
            // index by mask 0...15
            .normal: [" ", "│", "─", "└", "│", "│", "┌", "├", "─", "┘", "─", "┴", "┐", "┤", "┬", "┼"],
            .dotted: [" ", "┆", "┄", "└", "┆", "┆", "┌", "├", "┄", "┘", "┄", "┴", "┐", "┤", "┬", "┼"],
            .thick: [" ", "┃", "━", "┗", "┃", "┃", "┏", "┣", "━", "┛", "━", "┻", "┓", "┫", "┳", "╋"],
        ]
        return (sets[stroke] ?? sets[.normal]!)[mask & 15]
    }

    func arrowhead(_ type: ArrowType, from a: DiagramLayout.Point, to b: DiagramLayout.Point) -> Character? {
        switch type {
        case .arrow_open: return nil
        case .arrow_cross, .double_arrow_cross: return glyphs.ascii ? "x" : "✕"
        case .arrow_circle, .double_arrow_circle: return glyphs.ascii ? "o" : "●"
        case .arrow_point, .double_arrow_point:
            if b.y > a.y { return glyphs.ascii ? "v" : "▼" }
            if b.y < a.y { return glyphs.ascii ? "^" : "▲" }
            if b.x > a.x { return glyphs.ascii ? ">" : "▶" }
            return glyphs.ascii ? "<" : "◀"
        }
    }
}
