import Canvas
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Orthogonal edge routing on the cell grid with A*: node boxes are walls, subgraph
/// borders may be crossed but not followed, other edges may be crossed at a cost, and
/// every turn costs, so paths come out short and straight.
struct EdgeRouter {
    typealias Point = DiagramLayout.Point

    let width: Int
    let height: Int
    var blocked: [Bool]
    var border: [Bool]
    var used: [Int]
    /// Cells already given to an edge's end.
    var portsTaken = Set<Point>()
    /// The cells just outside the ports of edges not yet routed (where their line turns
    /// straight into the box): another line crossing there would leave that edge only a
    /// sideways way in, so it costs (ELK keeps a port's approach free the same way).
    var approaches: [Int] = []
    /// The search's scratch, kept from one route to the next: a state's cost and previous
    /// state count only when its stamp is the current search's (clearing width × height × 4
    /// cells for every edge made a 1,000-node chart take seconds).
    private var states: SearchStates?
    /// States a search may expand before it settles for a path found fast rather than the
    /// best one, per edge and for the whole chart: far more than any chart a person reads needs
    /// (an 80×60 drawing has 19,200 states), so only a chart of hundreds of tangled edges
    /// reaches them (2,000 random edges across 1,000 nodes took eight minutes to route best).
    var budget = (edge: 400_000, chart: 10_000_000)
    private(set) var expansions = 0

    init(width: Int, height: Int, nodes: [Rect], groups: [Rect], titles: [Rect] = []) {
        self.width = width
        self.height = height
        blocked = Array(repeating: false, count: width * height)
        border = Array(repeating: false, count: width * height)
        used = Array(repeating: 0, count: width * height)
        approaches = Array(repeating: 0, count: width * height)
        for r in nodes { for y in r.y..<r.maxY { for x in r.x..<r.maxX where x >= 0 && y >= 0 && x < width && y < height { blocked[y * width + x] = true } } }
        // Group titles are walls too: a line never runs through a title.
        for r in nodes + titles { for y in r.y..<r.maxY { for x in r.x..<r.maxX where x >= 0 && y >= 0 && x < width && y < height { blocked[y * width + x] = true } } }
        for r in groups {
            for x in r.x..<r.maxX {
                mark(x, r.y); mark(x, r.maxY - 1)
            }
            for y in r.y..<r.maxY { mark(r.x, y); mark(r.maxX - 1, y) }
        }
    }

    private mutating func mark(_ x: Int, _ y: Int) {
        if x >= 0, y >= 0, x < width, y < height { border[y * width + x] = true }
    }

    enum Side { case top, bottom, left, right }

    /// The sides an edge leaves its source and enters its target by.
    static func sides(from a: Rect, to b: Rect, across: Bool = false) -> (Side, Side) {
        if across {
            if b.x >= a.maxX { return (.right, .left) }
            if b.maxX <= a.x { return (.left, .right) }
        }
        if b.y >= a.maxY { return (.bottom, .top) }
        if b.maxY <= a.y { return (.top, .bottom) }
        if b.x >= a.maxX { return (.right, .left) }
        return (.left, .right)
    }

    /// The cell just outside a rectangle's side, at its middle (nudged by `shift` so that
    /// several edges do not share one port).
    static func port(_ r: Rect, _ side: Side, shift: Int) -> Point {
        switch side {
        case .top: return Point(min(r.maxX - 2, max(r.x + 1, r.x + r.width / 2 + shift)), r.y - 1)
        case .bottom: return Point(min(r.maxX - 2, max(r.x + 1, r.x + r.width / 2 + shift)), r.maxY)
        case .left: return Point(r.x - 1, min(r.maxY - 1, max(r.y, r.y + r.height / 2 + shift)))
        case .right: return Point(r.maxX, min(r.maxY - 1, max(r.y, r.y + r.height / 2 + shift)))
        }
    }

    /// A port whose cell and the cell beyond it are free, as near the side's middle as can be.
    /// Each port once: two edges never end on the same cell (one arrowhead would hide the other).
    mutating func freePort(_ r: Rect, _ side: Side, shift: Int) -> Point {
        let along = side == .top || side == .bottom ? r.width : r.height
        for pass in 0..<2 {
            for delta in [0] + (1..<max(2, along)).flatMap({ [$0, -$0] }) {
                let p = Self.port(r, side, shift: shift + delta)
                let b = Self.beyond(p, side)
                guard pass == 1 || !portsTaken.contains(p) else { continue }
                if inside(p), inside(b), !blocked[p.y * width + p.x], !blocked[b.y * width + b.x] { portsTaken.insert(p); return p }
            }
        }
        return Self.port(r, side, shift: shift)
    }

    /// The port at `place` along the side (an x for top and bottom, a y for left and right),
    /// or the nearest free one.
    mutating func freePort(_ r: Rect, _ side: Side, at place: Int) -> Point {
        let middle = side == .top || side == .bottom ? r.x + r.width / 2 : r.y + r.height / 2
        return freePort(r, side, shift: place - middle)
    }

    /// The cell one step further from the box than a port.
    static func beyond(_ p: Point, _ side: Side) -> Point {
        switch side {
        case .top: return Point(p.x, p.y - 1)
        case .bottom: return Point(p.x, p.y + 1)
        case .left: return Point(p.x - 1, p.y)
        case .right: return Point(p.x + 1, p.y)
        }
    }

    /// Keeps the cell beyond a port for the edge that will end there (`reserve`), or gives
    /// it back once that edge is routed.
    mutating func approach(_ port: Point, _ side: Side, reserve: Bool) {
        let b = Self.beyond(port, side)
        guard inside(b) else { return }
        approaches[b.y * width + b.x] += reserve ? 1 : -1
    }

    /// A path that leaves the source straight out of its side and enters the target
    /// straight into its side, so the arrowhead points at the box.
    mutating func route(from start: Point, leaving: Side, to goal: Point, entering: Side) -> [Point]? {
        let a = Self.beyond(start, leaving), b = Self.beyond(goal, entering)
        guard inside(a), inside(b), !blocked[a.y * width + a.x], !blocked[b.y * width + b.x] else { return route(from: start, to: goal) }
        // The way between must not run through either end (it would come back on itself
        // there and leave a stub beyond the arrowhead).
        var ends: [Int] = []
        for p in [start, goal] where inside(p) && p != a && p != b && !blocked[p.y * width + p.x] {
            ends.append(p.y * width + p.x)
            blocked[p.y * width + p.x] = true
        }
        let found = route(from: a, to: b)
        for cell in ends { blocked[cell] = false }
        guard let middle = found else { return nil }
        for p in [start, goal] where inside(p) { used[p.y * width + p.x] += 1 }
        return [start] + middle + [goal]
    }

    /// The path from `start` to `goal` (both included), or nil when there is none.
    mutating func route(from start: Point, to goal: Point) -> [Point]? {
        guard inside(start), inside(goal) else { return nil }
        // The cheapest path; past the budget, a search led almost only by the distance left
        // (weighted A*, nearly greedy): a path found in about its own length, with more turns
        // and crossings than the best.
        let budget = min(self.budget.edge, self.budget.chart - expansions)
        let best = budget > 0 ? search(from: start, to: goal, weight: 1, budget: budget) : nil
        guard let found = best ?? search(from: start, to: goal, weight: 100, budget: nil) else { return nil }
        var state = found
        var path: [Point] = []
        while state >= 0 {
            let cell = state / 4
            let p = Point(cell % width, cell / width)
            if path.last != p { path.append(p) }
            state = states!.previous[state]
        }
        path.reverse()
        for p in path { used[p.y * width + p.x] += 1 }
        return path
    }

    /// A* over (cell, direction) states; the goal's state, or nil when there is no path or
    /// the budget of expansions ran out.
    private mutating func search(from start: Point, to goal: Point, weight: Int, budget: Int?) -> Int? {
        let moves = [(0, -1), (1, 0), (0, 1), (-1, 0)]
        let count = width * height * 4
        if states?.count != count { states = SearchStates(count: count) }
        let table = states!
        let cost = table.cost, previous = table.previous, stamp = table.stamp
        let search = table.next()
        var heap = Heap()
        for d in 0..<4 {
            let s = (start.y * width + start.x) * 4 + d
            cost[s] = 0
            previous[s] = -1
            stamp[s] = search
            heap.push(s, priority: weight * distance(start, goal))
        }
        var expanded = 0
        while let (state, priority) = heap.pop() {
            let cell = state / 4, dir = state % 4
            let x = cell % width, y = cell / width
            // A state pushed again at a lower cost was expanded then: this older entry adds nothing.
            if priority > cost[state] + weight * distance(Point(x, y), goal) { continue }
            if x == goal.x && y == goal.y { return state }
            expanded += 1
            expansions += 1
            if let budget, expanded > budget { return nil }
            for (nd, (dx, dy)) in moves.enumerated() {
                let nx = x + dx, ny = y + dy
                guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                let ncell = ny * width + nx
                if blocked[ncell] && !(nx == goal.x && ny == goal.y) { continue }
                var step = 1
                if nd != dir { step += 3 }
                if border[ncell] { step += (nd == dir ? 4 : 12) }
                // Running along a frame (border cell to border cell) instead of across it.
                if border[ncell] && border[cell] { step += 40 }
                // Running beside a frame, one cell off it: hard to tell from the frame itself.
                // (Two cells looked at, not an array made: this runs for every state expanded.)
                if !border[ncell], dx == 0 ? isBorder(nx - 1, ny) || isBorder(nx + 1, ny) : isBorder(nx, ny - 1) || isBorder(nx, ny + 1) {
                    step += Self.besideFrameCost
                }
                step += used[ncell] * 4 + approaches[ncell] * 24
                let next = ncell * 4 + nd
                let newCost = cost[state] + step
                if stamp[next] != search || newCost < cost[next] {
                    stamp[next] = search
                    cost[next] = newCost
                    previous[next] = state
                    heap.push(next, priority: newCost + weight * distance(Point(nx, ny), goal))
                }
            }
        }
        return nil
    }

    /// What a step beside a frame costs: enough to take the next column when it is free.
    static let besideFrameCost = 1

    private func isBorder(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height && border[y * width + x] }

    func inside(_ p: Point) -> Bool { p.x >= 0 && p.y >= 0 && p.x < width && p.y < height }
    func distance(_ a: Point, _ b: Point) -> Int { abs(a.x - b.x) + abs(a.y - b.y) }
}

/// The per-state arrays of the router's search (cost, previous state, stamp), allocated and
/// never filled: width × height × 4 states, of which one edge's search touches a few
/// thousand. malloc and calloc take big blocks from mmap, so only the pages a search writes
/// are ever faulted in (page faults were 23 % of a 1,000-node chart's profile, 17 % after).
/// A state's cost and previous are read only once its stamp is the current search's. Copies
/// of a router share the table; searches run one at a time, each with a new stamp.
final class SearchStates {
    let count: Int
    let cost: UnsafeMutablePointer<Int>
    let previous: UnsafeMutablePointer<Int>
    let stamp: UnsafeMutablePointer<UInt32>
    private var current: UInt32 = 0

    init(count: Int) {
        self.count = count
        cost = .allocate(capacity: count)
        previous = .allocate(capacity: count)
        stamp = calloc(count, MemoryLayout<UInt32>.stride)!.assumingMemoryBound(to: UInt32.self)
    }

    deinit {
        cost.deallocate()
        previous.deallocate()
        free(stamp)
    }

    /// A stamp no state holds yet.
    func next() -> UInt32 {
        current &+= 1
        if current == 0 {
            stamp.update(repeating: 0, count: count)
            current = 1
        }
        return current
    }
}

/// A binary min-heap of integer states.
struct Heap {
    private var items: [(state: Int, priority: Int)] = []

    mutating func push(_ state: Int, priority: Int) {
        items.append((state, priority))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].priority < items[parent].priority else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (state: Int, priority: Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].priority < items[m].priority { m = l }
                if r < items.count, items[r].priority < items[m].priority { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
