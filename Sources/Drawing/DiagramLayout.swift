import Canvas
import Mermaid

/// Where everything of a flowchart goes on the cell grid.
public struct DiagramLayout: Sendable {
    public struct NodeBox: Sendable {
        public var id: String
        public var rect: Rect
        public var lines: [String]
        public var shape: Shape
        public var classes: [String]
        /// The frame and marks that suggest the shape (a cylinder's lip, a circle's `(( ))`).
        var outline: ShapeOutline
    }

    public struct GroupBox: Sendable {
        public var id: String
        public var rect: Rect
        /// The first line of the subgraph's title, written in its top border.
        public var title: String
        /// The title's other lines (a Node's address, its ports), written inside at the top.
        public var subtitle: [String]
        public var depth: Int
    }

    public struct LaidEdge: Sendable {
        /// Index into the chart's edges.
        public var index: Int
        /// The cells the edge runs through, from its source to its target: the path a
        /// packet follows when the edge is animated.
        public var cells: [Point]
        public var label: String
        /// Where the label is written (nil when it went to the legend).
        public var labelAt: Point?
    }

    public struct Point: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public init(_ x: Int, _ y: Int) { self.x = x; self.y = y }
    }

    public var width: Int
    public var height: Int
    public var nodes: [NodeBox]
    public var groups: [GroupBox]
    public var edges: [LaidEdge]
    /// Labels that found no room beside their edge, numbered.
    public var legend: [String]

    public func node(_ id: String) -> NodeBox? { nodes.first { $0.id == id } }

    /// The same drawing moved `dx` columns to the right (left when negative).
    func shifted(by dx: Int) -> DiagramLayout {
        var moved = self
        moved.width += dx
        for i in moved.nodes.indices { moved.nodes[i].rect.x += dx }
        for i in moved.groups.indices { moved.groups[i].rect.x += dx }
        for i in moved.edges.indices {
            moved.edges[i].cells = moved.edges[i].cells.map { Point($0.x + dx, $0.y) }
            moved.edges[i].labelAt = moved.edges[i].labelAt.map { Point($0.x + dx, $0.y) }
        }
        return moved
    }

    /// Cells two lines go through (a crossing, or lines run together).
    var sharedCells: Int {
        var seen = Set<Point>(), shared = 0
        for edge in edges { for c in Set(edge.cells) where !seen.insert(c).inserted { shared += 1 } }
        return shared
    }

    /// The first column anything is drawn in (a box, a frame, a line or a label).
    var leftmost: Int {
        let xs = nodes.map(\.rect.x) + groups.map(\.rect.x) + edges.flatMap { $0.cells.map(\.x) } + edges.compactMap { $0.labelAt?.x }
        return xs.min() ?? 0
    }

    /// The layout of a drawing that has no boxes of its own to light (a sequence diagram, a
    /// mindmap, a git graph shown full screen): only its size.
    public static func empty(width: Int, height: Int) -> DiagramLayout {
        DiagramLayout(width: width, height: height, nodes: [], groups: [], edges: [], legend: [])
    }
}

/// The layered layout, done block by block: a subgraph is laid out on its own (its
/// members in ranks, ordered to reduce crossings), then placed as one box in its parent's
/// layout. Boxes of siblings therefore never overlap, and nesting is exact.
struct DiagramLayouter {
    let chart: Flowchart
    let compact: Bool
    /// Room for labels (dagre's label nodes), so that each label sits on its own edge, for
    /// labels up to this width (0: none): left to right, the gap between two ranks is as wide
    /// as the labels that cross it; top-down, a box keeps its widest label's width on its
    /// right, beside the lines it sends.
    let labelRoom: Int
    /// Extra columns between the boxes of a top-down rank: room for labels beside the lines
    /// that run between them, tried when labels found none.
    let spread: Int
    /// The widest line of a box's text: longer lines are wrapped at their spaces.
    let wrap: Int
    /// Top-down, the first rank's boxes that send labelled lines get a row of their own
    /// above the rest (which move one rank down, with room kept in it for those lines):
    /// tried when labels found no room beside lines that leave a rank full of other lines
    /// (a client above a row of Services, at 80 columns).
    let lift: Bool
    /// Node ids that are also subgraph ids stand for the subgraph.
    let subgraphIDs: Set<String>
    /// For every node and subgraph, the subgraph that directly holds it (nil: the root).
    var parent: [String: String] = [:]
    /// The lines drawn out of and into each node (self-loops and invisible links aside).
    var outDegree: [String: Int] = [:], inDegree: [String: Int] = [:]
    /// Each node's lines as drawn (wrapped at `wrap`), worked out once: sizing asks for them
    /// again on every pass.
    var labelLines: [String: [String]] = [:]
    /// Where each node and subgraph is in the chart's lists (the first of an id, as
    /// `Flowchart.node(_:)` finds it): looked up for every box on every pass.
    var nodeIndex: [String: Int] = [:], subgraphIndex: [String: Int] = [:]

    static let maxLabelWidth = 28
    /// The narrower wrap of boxes' text tried left to right, so that labels get their room.
    static let narrowWrap = 16
    /// Rows between stacked boxes: an arrow comes in sideways, then down into the box.
    static let stackGap = 2

    init(chart: Flowchart, compact: Bool, labelRoom: Int = 0, spread: Int = 0, wrap: Int = Self.maxLabelWidth, lift: Bool = false) {
        self.chart = chart
        self.lift = lift
        self.compact = compact
        self.labelRoom = labelRoom
        self.spread = spread
        self.wrap = wrap
        subgraphIDs = Set(chart.subgraphs.map(\.id))
        for edge in chart.edges where edge.stroke != .invisible && edge.from != edge.to {
            outDegree[edge.from, default: 0] += 1
            inDegree[edge.to, default: 0] += 1
        }
        for subgraph in chart.subgraphs {
            for member in subgraph.nodes where parent[member] == nil && !holds(member, subgraph.id) {
                parent[member] = subgraph.id
            }
        }
        for (i, node) in chart.nodes.enumerated() where nodeIndex[node.id] == nil { nodeIndex[node.id] = i }
        for (i, subgraph) in chart.subgraphs.enumerated() where subgraphIndex[subgraph.id] == nil { subgraphIndex[subgraph.id] = i }
        for node in chart.nodes where labelLines[node.id] == nil { labelLines[node.id] = wrappedLines(node) }
    }

    func node(_ id: String) -> Node? { nodeIndex[id].map { chart.nodes[$0] } }
    func subgraph(_ id: String) -> Subgraph? { subgraphIndex[id].map { chart.subgraphs[$0] } }

    /// Whether `outer` is `inner` or holds it, through the parents known so far. A subgraph
    /// never becomes its own member, nor the member of one it holds: such text (a subgraph
    /// listing itself, two that list each other) would make the nesting endless.
    func holds(_ outer: String, _ inner: String) -> Bool {
        var current: String? = inner
        var steps = 0
        while let c = current, steps <= parent.count {
            if c == outer { return true }
            current = parent[c]
            steps += 1
        }
        return false
    }

    /// A laid-out block: its size and where its members go, relative to its top left.
    struct Block {
        var width: Int
        var height: Int
        var places: [(id: String, rect: Rect)]
    }

    func members(of group: String?) -> [String] {
        var ids: [String] = []
        var seen = Set<String>()
        if let group {
            // A subgraph written twice under one id is one frame holding both's members, as
            // mermaid draws it.
            for subgraph in chart.subgraphs where subgraph.id == group {
                for m in subgraph.nodes where parent[m] == group && seen.insert(m).inserted { ids.append(m) }
            }
        } else {
            // The root's members in the order they are written: it decides which way
            // cycles are broken, so what comes first in the source comes first on screen.
            var written: [(line: Int, id: String)] = []
            for s in chart.subgraphs where parent[s.id] == nil { written.append((s.line, s.id)) }
            for n in chart.nodes where parent[n.id] == nil && !subgraphIDs.contains(n.id) { written.append((n.line, n.id)) }
            for (_, id) in written.sorted(by: { $0.line < $1.line }) where seen.insert(id).inserted { ids.append(id) }
        }
        return ids.filter { subgraphIDs.contains($0) || node($0) != nil }
    }

    /// The member of `group` that holds `id` (itself, or the subgraph it is nested in).
    func memberOf(_ id: String, in group: String?) -> String? {
        var current: String? = id
        while let c = current {
            if parent[c] == group { return c }
            current = parent[c]
        }
        return nil
    }

    /// Lays out a group's members; records every nested block in `blocks`.
    @discardableResult
    func layout(group: String?, depth: Int, blocks: inout [String: Block]) -> Block {
        var ids = members(of: group)
        var sizes: [String: (Int, Int)] = [:]
        for id in ids { sizes[id] = size(of: id, depth: depth, blocks: &blocks) }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })

        // Edges between members: each chart edge counted at the level where its ends part.
        var out = Array(repeating: Set<Int>(), count: ids.count)
        var inn = Array(repeating: Set<Int>(), count: ids.count)
        // The widest label of the edges between two members, by pair.
        var labelWidth: [(Int, Int, Int)] = []
        for edge in chart.edges {
            guard let a = memberOf(edge.from, in: group).flatMap({ index[$0] }),
                  let b = memberOf(edge.to, in: group).flatMap({ index[$0] }), a != b else { continue }
            out[a].insert(b); inn[b].insert(a)
            if labelRoom > 0, !edge.label.isEmpty { labelWidth.append((a, b, CellWidth.of(edge.labelLines.joined(separator: " ")))) }
        }
        // Cycles broken by a depth-first search: edges back to the path are reversed.
        var state = Array(repeating: 0, count: ids.count)
        var forward = Array(repeating: Set<Int>(), count: ids.count)
        func visit(_ u: Int) {
            state[u] = 1
            for v in out[u].sorted() {
                if state[v] == 1 { forward[v].insert(u); continue }
                forward[u].insert(v)
                if state[v] == 0 { visit(v) }
            }
            state[u] = 2
        }
        for u in ids.indices where state[u] == 0 { visit(u) }
        // Ranks: longest path from the sources.
        var rank = Array(repeating: 0, count: ids.count)
        var changed = true
        var guardCount = 0
        while changed && guardCount < ids.count + 1 {
            changed = false
            guardCount += 1
            for u in ids.indices { for v in forward[u] where rank[v] < rank[u] + 1 { rank[v] = rank[u] + 1; changed = true } }
        }
        if lift && group == nil && (compact || chart.direction.isVertical) {
            liftLabelledSources(ids: &ids, sizes: &sizes, forward: &forward, inn: &inn, rank: &rank)
        }
        let rankCount = (rank.max() ?? 0) + 1
        var ranks: [[Int]] = Array(repeating: [], count: rankCount)
        for u in ids.indices { ranks[rank[u]].append(u) }
        // Compact: a rank of unrelated members too wide for a line is stacked instead.
        // Crossings reduced by barycenter sweeps.
        var position = Array(repeating: 0.0, count: ids.count)
        for r in ranks.indices { for (i, u) in ranks[r].enumerated() { position[u] = Double(i) } }
        var up = Array(repeating: [Int](), count: ids.count)
        var down = Array(repeating: [Int](), count: ids.count)
        for u in ids.indices { for v in forward[u] { down[u].append(v); up[v].append(u) } }
        for sweep in 0..<4 {
            let order = sweep % 2 == 0 ? Array(ranks.indices.dropFirst()) : Array(ranks.indices.dropLast().reversed())
            for r in order {
                let reference = sweep % 2 == 0 ? up : down
                let bary = ranks[r].map { u -> (Int, Double) in
                    let ns = reference[u]
                    return (u, ns.isEmpty ? position[u] : ns.map { position[$0] }.reduce(0, +) / Double(ns.count))
                }
                ranks[r] = bary.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
                for (i, u) in ranks[r].enumerated() { position[u] = Double(i) }
            }
        }
        // Few members: every order of every rank is tried and the one with the fewest
        // crossings kept (the sweeps can settle where no single swap helps: a Service's
        // fan-out and a client's line waiting on each other's move).
        ranks = Self.fewestCrossings(ranks, down: down)
        var dir = group.flatMap { subgraph($0)?.direction } ?? chart.direction
        // Compact: a left-to-right diagram too wide for the page is drawn top-down.
        if compact && !dir.isVertical { dir = dir == .leftRight ? .topBottom : .bottomTop }
        let vertical = dir.isVertical
        let reversed = dir == .bottomTop || dir == .rightLeft
        let labelled = chart.edges.contains { !$0.label.isEmpty }
        // Room between ranks for the lines (and their labels) that cross it.
        let crossing = ids.indices.reduce(0) { $0 + forward[$1].count }
        // Left to right with room made for labels, a gap that no label crosses stays narrow.
        // Top-down, a fan of n lines out of (or into) one box turns on n/2 rows of its own
        // each side, nested, and the gap holds them.
        let fan = ids.indices.map { max(forward[$0].count, inn[$0].count) }.max() ?? 0
        let rankGap = vertical ? max((labelled ? 5 : 3) + min(3, crossing / 3), fan > 2 ? (fan + 1) / 2 + 3 : 0)
            : (labelled && labelRoom == 0 ? 12 : 6)
        let itemGap = vertical ? (compact ? 2 : 3) + spread : 1
        // The gap after each rank (in drawing order): left to right, as wide as the widest
        // label that crosses it and a margin each side, up to a label's longest line.
        var gapAfter = Array(repeating: rankGap, count: rankCount)
        if !vertical {
            for (a, b, w) in labelWidth {
                let (lo, hi) = (min(rank[a], rank[b]), max(rank[a], rank[b]))
                for r in lo..<hi { gapAfter[r] = max(gapAfter[r], w <= labelRoom ? w + 4 : 12) }
            }
            if reversed { gapAfter = Array(gapAfter.dropLast().reversed()) + [rankGap] }
        }

        // Top-down with room for labels: a box whose labelled lines leave it keeps the width
        // of its widest label free on its right, where the label goes beside its line
        // (dagre gives labels room the same way, as nodes of their own).
        var room: [Int: Int] = [:]
        if vertical && labelRoom > 0 {
            for (a, _, w) in labelWidth where !subgraphIDs.contains(ids[a]) { room[a] = max(room[a] ?? 0, min(w, labelRoom) + 3) }
        }
        // Each rank as a line (TD) or a column (LR) of members. Compact: the members of a
        // subgraph that holds only boxes, all unrelated (one rank), are stacked instead
        // (the Pods of a Node), which keeps a cluster of Nodes side by side.
        var lines: [[[Int]]] = ranks.map { [$0] }
        let leafGroup = group != nil && !ids.contains { subgraphIDs.contains($0) }
        if compact, vertical, leafGroup, rankCount == 1, ranks[0].count > 1 {
            lines = [ranks[0].map { [$0] }]
        }
        var places: [(id: String, rect: Rect)] = []
        var cursor = 0
        var across = 0
        var rankExtents: [(start: Int, size: Int, items: [(Int, Int)])] = []
        for (r, rankMembers) in (reversed ? Array(lines.reversed()) : lines).enumerated() {
            // rankMembers: groups of members that share a row (TD) or column (LR).
            var extent = 0
            var items: [(Int, Int)] = []   // (member, offset along the rank)
            var rowCursor = 0
            for (k, row) in rankMembers.enumerated() {
                if k > 0 { rowCursor += stackGap(before: row, ids: ids) }
                var along = 0
                var thickness = 0
                for u in row {
                    let (w, h) = sizes[ids[u]]!
                    items.append((u, along))
                    along += (vertical ? w + (room[u] ?? 0) : h) + itemGap
                    thickness = max(thickness, vertical ? h : w)
                }
                across = max(across, along - itemGap)
                rowCursor += thickness
                extent = max(extent, thickness)
            }
            if rankMembers.count > 1 { extent = rowCursor }
            rankExtents.append((cursor, extent, items))
            cursor += extent + (r < gapAfter.count ? gapAfter[r] : rankGap)
        }
        let depthExtent = max(0, cursor - (gapAfter.last ?? rankGap))
        let along = alignedPositions(lines: lines, sizes: sizes, ids: ids, up: up, down: down, vertical: vertical, gap: itemGap,
                                     room: room, across: &across)
        // Place: centre each rank across the widest one.
        for (r, entry) in rankExtents.enumerated() {
            let rankMembers = (reversed ? Array(lines.reversed()) : lines)[r]
            if rankMembers.count > 1 {
                // Stacked: one member per row, centred.
                var offset = entry.start
                for (k, row) in rankMembers.enumerated() {
                    if k > 0 { offset += stackGap(before: row, ids: ids) }
                    for u in row {
                        let (w, h) = sizes[ids[u]]!
                        let x = vertical ? (across - w) / 2 : offset
                        let y = vertical ? offset : (across - h) / 2
                        places.append((ids[u], Rect(x: x, y: y, width: w, height: h)))
                        offset += vertical ? h : w
                    }
                }
                continue
            }
            for (u, _) in entry.items {
                let (w, h) = sizes[ids[u]]!
                let position = along[u] ?? 0
                let rect = vertical
                    ? Rect(x: position, y: entry.start + (entry.size - h) / 2, width: w, height: h)
                    : Rect(x: entry.start + (entry.size - w) / 2, y: position, width: w, height: h)
                places.append((ids[u], rect))
            }
        }
        let block = Block(width: vertical ? across : depthExtent, height: vertical ? depthExtent : across, places: places)
        if let group { blocks[group] = block }
        return block
    }

    /// The whole layout, absolute: groups' blocks placed inside their boxes.
    func run() -> DiagramLayout {
        var blocks: [String: Block] = [:]
        let root = layout(group: nil, depth: 0, blocks: &blocks)
        var nodes: [DiagramLayout.NodeBox] = []
        var groups: [DiagramLayout.GroupBox] = []
        let margin = 1
        func place(_ block: Block, at x: Int, _ y: Int, depth: Int) {
            for (id, rect) in block.places {
                let abs = Rect(x: x + rect.x, y: y + rect.y, width: rect.width, height: rect.height)
                if subgraphIDs.contains(id), let s = subgraph(id), let inner = blocks[id] {
                    let subtitle = groupSubtitle(s)
                    groups.append(DiagramLayout.GroupBox(id: id, rect: abs, title: groupTitle(s), subtitle: subtitle, depth: depth))
                    let innerX = abs.x + (abs.width - inner.width) / 2
                    place(inner, at: innerX, abs.y + 2 + subtitle.count + (subtitle.isEmpty ? 0 : 2), depth: depth + 1)
                } else if let node = node(id) {
                    nodes.append(DiagramLayout.NodeBox(id: id, rect: abs, lines: nodeLines(node), shape: node.shape ?? .square,
                                                       classes: node.classes, outline: outline(node)))
                }
            }
        }
        place(root, at: margin, margin, depth: 0)
        return DiagramLayout(width: root.width + 2 * margin, height: root.height + 2 * margin, nodes: nodes, groups: groups,
                             edges: [], legend: [])
    }
}
