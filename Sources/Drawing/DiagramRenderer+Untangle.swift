import Canvas
import Mermaid

/// Lines that cross or run together, untangled by moving their ends: ordering the ports by
/// the other end's box does not see where a line must go round it (a webhook called and
/// answering on the same side of its caller, a Pod stacked under another).
extension DiagramRenderer {
    /// Whole routings a chart may try while untangling (each is every edge routed again),
    /// and the search work they may take: twice the first routing's (at least what a small
    /// chart needs, a few milliseconds), never more than a few tens of milliseconds, so that
    /// a scene of many Pods is not held up.
    static let untangleBudget = (routings: 32, times: 2, floor: 30_000, expansions: 300_000)

    /// Two ends on one side of a box trade places, then an end tries its box's other sides,
    /// when that leaves fewer cells shared. Only the ends of lines that share a cell move (swaps: both lines).
    /// `first`: the search work of the routing being untangled.
    static func untangle(chart: Flowchart, rects: [String: Rect], ports: inout [Int: Ports],
                         edges: inout [DiagramLayout.LaidEdge], router: EdgeRouter, work first: Int) {
        var score = tangle(edges)
        guard score.shared > 0 else { return }
        var work = min(untangleBudget.expansions, max(untangleBudget.floor, untangleBudget.times * first))
        var routings = untangleBudget.routings
        var budget: Int { work > 0 && routings > 0 ? 1 : 0 }
        func tried(_ trial: [Int: Ports]) -> ([DiagramLayout.LaidEdge], (shared: Int, length: Int, tangled: Set<Int>)) {
            let (routed, spent) = routeEdges(chart: chart, rects: rects, ports: trial, router: router)
            routings -= 1
            work -= spent
            return (routed, tangle(routed))
        }
        var sides: [String: [(edge: Int, source: Bool)]] = [:]
        for i in ports.keys.sorted() {
            let p = ports[i]!, e = chart.edges[i]
            sides["\(e.from)|\(p.sourceSide)", default: []].append((i, true))
            sides["\(e.to)|\(p.targetSide)", default: []].append((i, false))
        }
        for key in sides.keys.sorted() {
            let ends = sides[key]!
            for m in ends.indices { for n in ends.indices where n > m {
                let (a, b) = (ends[m], ends[n])
                guard score.shared > 0, budget > 0, score.tangled.contains(a.edge), score.tangled.contains(b.edge) else { continue }
                var trial = ports
                let placeA = a.source ? trial[a.edge]!.source : trial[a.edge]!.target
                let placeB = b.source ? trial[b.edge]!.source : trial[b.edge]!.target
                guard placeA != placeB else { continue }
                if a.source { trial[a.edge]!.source = placeB } else { trial[a.edge]!.target = placeB }
                if b.source { trial[b.edge]!.source = placeA } else { trial[b.edge]!.target = placeA }
                let (routed, s) = tried(trial)
                if (s.shared, s.length) < (score.shared, score.length) { (ports, edges, score) = (trial, routed, s) }
            } }
        }
        // Of the moves to another side the best is kept (then the same again): the fewest
        // shared cells, then the fewest ends by the side turned away from the other box.
        for _ in 0..<2 where score.shared > 0 && budget > 0 {
            var best: (ports: [Int: Ports], edges: [DiagramLayout.LaidEdge], score: (shared: Int, length: Int, tangled: Set<Int>), away: Int)?
            let away = turnedAway(ports, chart: chart, rects: rects)
            for i in ports.keys.sorted() where score.tangled.contains(i) { for source in [true, false] {
                let e = chart.edges[i]
                guard let r = rects[source ? e.from : e.to] else { continue }
                let current = source ? ports[i]!.sourceSide : ports[i]!.targetSide
                for side in [EdgeRouter.Side.top, .bottom, .left, .right] where side != current && budget > 0 {
                    var trial = ports
                    let place = side == .top || side == .bottom ? r.x + r.width / 2 : r.y + r.height / 2
                    if source { (trial[i]!.sourceSide, trial[i]!.source) = (side, place) }
                    else { (trial[i]!.targetSide, trial[i]!.target) = (side, place) }
                    let (routed, s) = tried(trial)
                    let a = turnedAway(trial, chart: chart, rects: rects)
                    let mine = (s.shared, a, s.length)
                    let bar = best.map { ($0.score.shared, $0.away, $0.score.length) } ?? (score.shared, away, score.length)
                    if s.shared < score.shared, mine < bar { best = (trial, routed, s, a) }
                }
            } }
            guard let best else { break }
            (ports, edges, score) = (best.ports, best.edges, best.score)
        }
    }

    /// Every edge's ends first, their approaches kept free, then the lines, in chart order.
    static func routeEdges(chart: Flowchart, rects: [String: Rect], ports: [Int: Ports], router start: EdgeRouter)
        -> (edges: [DiagramLayout.LaidEdge], expansions: Int) {
        var router = start
        var ends: [(edge: Int, start: EdgeRouter.Point, goal: EdgeRouter.Point, p: Ports)] = []
        for (i, edge) in chart.edges.enumerated() where edge.stroke != .invisible {
            guard let a = rects[edge.from], let b = rects[edge.to], edge.from != edge.to, let p = ports[i] else { continue }
            let start = router.freePort(a, p.sourceSide, at: p.source), goal = router.freePort(b, p.targetSide, at: p.target)
            router.approach(start, p.sourceSide, reserve: true)
            router.approach(goal, p.targetSide, reserve: true)
            ends.append((i, start, goal, p))
        }
        var laid: [DiagramLayout.LaidEdge] = []
        for (i, start, goal, p) in ends {
            router.approach(start, p.sourceSide, reserve: false)
            router.approach(goal, p.targetSide, reserve: false)
            let path = router.route(from: start, leaving: p.sourceSide, to: goal, entering: p.targetSide) ?? [start, goal]
            laid.append(DiagramLayout.LaidEdge(index: i, cells: path, label: chart.edges[i].labelLines.joined(separator: " "), labelAt: nil))
        }
        return (laid, router.expansions - start.expansions)
    }

    /// The ends that leave or enter by the side turned away from the box at their other end
    /// (a line out of a box's top to a box wholly below it).
    static func turnedAway(_ ports: [Int: Ports], chart: Flowchart, rects: [String: Rect]) -> Int {
        func away(_ side: EdgeRouter.Side, _ r: Rect, _ o: Rect) -> Bool {
            switch side {
            case .top: o.y >= r.maxY
            case .bottom: o.maxY <= r.y
            case .left: o.x >= r.maxX
            case .right: o.maxX <= r.x
            }
        }
        var count = 0
        for (i, p) in ports {
            guard let a = rects[chart.edges[i].from], let b = rects[chart.edges[i].to] else { continue }
            if away(p.sourceSide, a, b) { count += 1 }
            if away(p.targetSide, b, a) { count += 1 }
        }
        return count
    }

    /// How tangled routed edges are: the cells two of them share (a crossing is one, lines
    /// run together are several), their whole length, and the edges that share a cell.
    static func tangle(_ edges: [DiagramLayout.LaidEdge]) -> (shared: Int, length: Int, tangled: Set<Int>) {
        var seen: [DiagramLayout.Point: Int] = [:]
        var shared = 0, length = 0
        var tangled = Set<Int>()
        for (k, e) in edges.enumerated() {
            length += e.cells.count
            for p in Set(e.cells) {
                if let other = seen[p] {
                    shared += 1
                    tangled.insert(e.index); tangled.insert(edges[other].index)
                } else { seen[p] = k }
            }
        }
        return (shared, length, tangled)
    }
}
