import Canvas
import Scenes
import Drawing
import Mermaid
import NetSim

/// What the drawing offers a packet: boxes, frames and the arrows between them.
struct DrawingMap {
    let chart: Flowchart
    let layout: DiagramLayout
    let entities: [String: DiagramScene.Entity]

    /// A hop's place in the drawing, before positions are worked out.
    enum Spot: Equatable {
        case none
        case box(String)
        case frame(String)
        case between(from: String?, to: String?)
        /// Lit while the packet stays where it is: CoreDNS answers the name before the
        /// request leaves (a side exchange, not a place on the request's way).
        case side(String)
        /// The network between the machines (the Nodes' network, the route to a Node): no
        /// box of its own, it is the arrow. The packet runs along it during this hop, up to
        /// the cell before the place it is carried to.
        case wire
    }

    struct Placed {
        var hop: Hop
        var spot: Spot
        var element: String?
        var cell: Int?
        var waits = false
        var kernel: String?
    }

    func find(_ entity: DiagramScene.Entity) -> String? {
        entities.filter { pair in pair.value == entity && (layout.node(pair.key) != nil || layout.groups.contains { $0.id == pair.key }) }
            .keys.sorted().first
    }

    func isBox(_ id: String) -> Bool { layout.node(id) != nil }

    func rect(_ id: String) -> Rect? { layout.node(id)?.rect ?? layout.groups.first { $0.id == id }?.rect }

    /// The frame `id` is drawn in, as the layout placed it.
    func frame(_ frame: String, holds id: String) -> Bool {
        guard let outer = rect(frame), let inner = rect(id) else { return false }
        return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width
            && inner.y + inner.height <= outer.y + outer.height
    }

    static func inside(_ p: DiagramLayout.Point, _ r: Rect) -> Bool {
        p.x >= r.x && p.y >= r.y && p.x < r.x + r.width && p.y < r.y + r.height
    }

    /// The drawn way from `a` to `b`: an arrow between them (the author's solid arrows before
    /// dotted endpoint links, invisible ones never), walked from `a`.
    func arrow(_ a: String, _ b: String) -> [DiagramLayout.Point]? {
        var best: (rank: Int, cells: [DiagramLayout.Point])?
        for laid in layout.edges where !laid.cells.isEmpty {
            let edge = chart.edges[laid.index]
            guard edge.stroke != .invisible else { continue }
            let forward = edge.from == a && edge.to == b
            guard forward || (edge.from == b && edge.to == a) else { continue }
            let rank = (edge.stroke == .dotted ? 2 : 0) + (forward ? 0 : 1)
            if best == nil || rank < best!.rank { best = (rank, forward ? laid.cells : laid.cells.reversed()) }
        }
        return best?.cells
    }

    /// Where the packet sits on a box or frame when no arrow brings it: the middle of its top border.
    func restCell(_ id: String) -> DiagramLayout.Point? {
        rect(id).map { DiagramLayout.Point($0.x + $0.width / 2, $0.y) }
    }

    /// Each hop's spot. kube-proxy's hops (and on the reply, conntrack undoing the DNAT) are
    /// drawn at the Service box when the author drew the way through it; the engine's truth,
    /// the Node's kernel, is kept for the inspector.
    func places(for hops: [Hop], service: String?, viaService: Bool) -> [Placed] {
        func box(_ e: DiagramScene.Entity) -> Spot {
            guard let id = find(e) else { return .none }
            return isBox(id) ? .box(id) : .frame(id)
        }
        // The boxes the packet was in so far: when the author drew an arrow from one of them
        // to the Service, the way goes through the Service box.
        var seen: [String] = []
        func drawnThrough(_ s: String) -> Bool { (viaService && s == service) || seen.contains { arrow($0, s) != nil } }
        // The Service kube-proxy is matching: the one the first rule of its chain names.
        var current = service
        return hops.map { hop in
            var placed = Placed(hop: hop, spot: .none)
            defer {
                switch hop.place {
                case .pod, .client, .loadBalancer: if let e = placed.element, isBox(e) { seen.append(e) }
                default: break
                }
            }
            switch hop.place {
            case .pod(let p): placed.spot = box(.pod(p))
            case .client(let c): placed.spot = box(.client(c))
            case .node(let n):
                if hop.action == .conntrack, viaService, let service {
                    placed.spot = .box(service)
                    placed.kernel = n
                } else if Self.isAPIServer(hop.reason), let api = find(.apiServer) {
                    placed.spot = .box(api)
                } else {
                    placed.spot = box(.node(n))
                }
            case .kubeProxy(let n, _):
                if let named = Self.service(named: hop.reason), let id = find(.service(named)) { current = id }
                if let s = current, drawnThrough(s) {
                    placed.spot = .box(s)
                    placed.kernel = n
                } else {
                    placed.spot = box(.node(n))
                }
            case .tunnel(let from, let to): placed.spot = .between(from: find(.node(from)), to: find(.node(to)))
            case .loadBalancer(let ip):
                placed.spot = box(.loadBalancer(ip.description))
                if placed.spot == .none, let s = current { placed.spot = .box(s) }
            case .dns: placed.spot = find(.dns).map { .side($0) } ?? .none
            case .underlay: placed.spot = .wire
            }
            switch placed.spot {
            case .box(let id), .frame(let id), .side(let id): placed.element = id
            default: break
            }
            return placed
        }
    }

    /// The API server relaying a port-forward, one way or the other.
    static func isAPIServer(_ reason: HopReason) -> Bool {
        switch reason {
        case .apiServerRelays: return true
        case .proxyRelaysReply(let proxy): return proxy == "kube-apiserver"
        default: return false
        }
    }

    /// The Service a kube-proxy rule is about, when its reason names one.
    static func service(named reason: HopReason) -> ObjectName? {
        switch reason {
        case .recognisedClusterIP(let s, _, _), .nodePortOf(let s, _), .recognisedExternalIP(let s, _), .noReadyEndpoint(let s, _),
             .serviceIPWrongPort(_, let s, _, _):
            return s
        default: return nil
        }
    }

    /// Positions along the way, for one phase; returns the cells of the way. `target`: the
    /// box the packet was going to, for hops after the last box (a drop on the way).
    func place(_ steps: inout [Placed], target: String?, source: String? = nil,
               retrace: (String, String) -> [DiagramLayout.Point]? = { _, _ in nil }) -> [DiagramLayout.Point] {
        func way(_ a: String, _ b: String) -> [DiagramLayout.Point]? { arrow(a, b) ?? retrace(a, b) }
        var cells: [DiagramLayout.Point] = []
        var anchor: String?
        var position: Int?
        var pending: [Int] = []

        func append(_ p: DiagramLayout.Point) {
            if cells.last != p { cells.append(p) }
            position = cells.count - 1
        }
        /// Places the pending frame hops on a leg that starts at `base` in `cells` (the leg
        /// runs from `from` to `to`, boxes).
        func placePending(base: Int, count: Int, from: String?, to: String?) {
            guard count > 0 else {
                for j in pending {
                    steps[j].cell = position
                    steps[j].waits = steps[j].spot != .none && steps[j].spot != .wire
                }
                pending = []
                return
            }
            let leg = Array(cells[base..<(base + count)])
            var indices: [Int?] = pending.map { j in
                switch steps[j].spot {
                case .frame(let g):
                    return crossing(of: g, on: leg, from: from, to: to)
                case .between(let a, let b):
                    let exit = a.flatMap { crossing(of: $0, on: leg, from: from, to: nil, leaving: true) }
                    let entry = b.flatMap { crossing(of: $0, on: leg, from: nil, to: to, entering: true) }
                    if let exit, let entry, entry > exit { return (exit + entry + 1) / 2 }
                    if let exit { return min(leg.count - 1, exit + 1) }
                    if let entry { return max(0, entry - 1) }
                    return nil
                default: return nil
                }
            }
            // The network's hop: the packet is carried along the arrow to the cell before the
            // next place on this leg (a frame it enters, else the box the leg ends on).
            for k in pending.indices where steps[pending[k]].spot == .wire {
                let next = indices[(k + 1)...].lazy.compactMap { $0 }.first ?? leg.count - 1
                indices[k] = max(0, next - 1)
            }
            for (k, j) in pending.enumerated() {
                steps[j].cell = position
                let start = max(0, (position ?? base) - base)
                if let index = indices[k] {
                    position = base + max(index, start)
                    steps[j].cell = position
                } else {
                    steps[j].waits = steps[j].spot != .none
                }
            }
            pending = []
        }

        for i in steps.indices {
            switch steps[i].spot {
            case .box(let id) where id == anchor:
                placePending(base: cells.count, count: 0, from: anchor, to: id)
                steps[i].cell = position
            case .box(let id):
                if let from = anchor, let leg = way(from, id), !leg.isEmpty {
                    let base = join(leg, to: &cells)
                    placePending(base: base, count: cells.count - base, from: from, to: id)
                    position = cells.count - 1
                } else if anchor == nil, let next = nextPlace(after: i, in: steps), let leg = arrow(id, next), let first = leg.first {
                    // The first box: the packet starts where its arrow leaves it (to the next
                    // box, or to a frame drawn as the arrow's end: `User --> node1`).
                    placeLeading(&steps, pending, &cells)
                    pending = []
                    append(first)
                } else {
                    placeLeading(&steps, pending, &cells)
                    pending = []
                    if let p = restCell(id) { append(p) }
                }
                steps[i].cell = position
                anchor = id
            case .frame(let g) where g == anchor:
                // After a hop still waiting for its place on the way, it waits with it.
                if pending.isEmpty { steps[i].cell = position } else { pending.append(i) }
            case .frame(let g):
                // An arrow drawn to the frame itself (`User --> node1`): the packet follows it
                // (carried by the network's hops before it, if any).
                if let from = anchor, pending.allSatisfy({ steps[$0].spot == .wire }), let leg = arrow(from, g), !leg.isEmpty {
                    let base = join(leg, to: &cells)
                    placePending(base: base, count: cells.count - base, from: from, to: g)
                    position = cells.count - 1
                    steps[i].cell = position
                    anchor = g
                } else {
                    pending.append(i)
                }
            case .between:
                pending.append(i)
            case .wire:
                if anchor == nil || steps[(i + 1)...].contains(where: { Self.isPlace($0.spot) }) { pending.append(i) }
                else { steps[i].cell = position }
            case .none, .side:
                if anchor == nil || !pending.isEmpty { pending.append(i) } else { steps[i].cell = position }
            }
        }
        // Hops after the last box: on the way to the box the packet was going to, cut where
        // it stopped; else on their frames.
        if !pending.isEmpty, let from = anchor, let target, target != from, let leg = arrow(from, target), !leg.isEmpty {
            let base = join(leg, to: &cells)
            placePending(base: base, count: cells.count - base, from: from, to: target)
            let keep = max(position ?? 0, base)
            if keep + 1 < cells.count { cells.removeSubrange((keep + 1)...) }
        } else if !pending.isEmpty {
            placeLeading(&steps, pending, &cells)
        }
        // Hops before anything was drawn: where the packet starts.
        if cells.isEmpty, let source, let p = restCell(source) { cells.append(p) }
        for i in steps.indices where steps[i].cell == nil && !cells.isEmpty { steps[i].cell = 0 }
        for i in steps.indices { if case .side = steps[i].spot { steps[i].waits = true } }
        return cells
    }

    /// A spot the packet is carried to (a box, a frame, the tunnel between two frames).
    static func isPlace(_ spot: Spot) -> Bool {
        switch spot {
        case .box, .frame, .between: return true
        case .none, .side, .wire: return false
        }
    }

    /// Appends a leg to the way (its first cell once when the way already ends there);
    /// returns where the leg starts in `cells`.
    private func join(_ leg: [DiagramLayout.Point], to cells: inout [DiagramLayout.Point]) -> Int {
        if let last = cells.last, last == leg.first {
            cells += leg.dropFirst()
            return cells.count - leg.count
        }
        cells += leg
        return cells.count - leg.count
    }

    /// Hops before the first box (a flow from a Node, a client not drawn): on their frames.
    private func placeLeading(_ steps: inout [Placed], _ pending: [Int], _ cells: inout [DiagramLayout.Point]) {
        let firstBox = steps.lazy.compactMap { step -> String? in if case .box(let id) = step.spot { return id }; return nil }.first
        for j in pending {
            switch steps[j].spot {
            // A Node's hops before its Pod sends (a policy letting the DNS query out): the
            // packet waits where it starts, in the Pod.
            case .frame(let g) where cells.isEmpty && firstBox.map({ frame(g, holds: $0) }) == true:
                steps[j].cell = nil
                continue
            case .frame(let g), .between(_, let g?):
                if let p = restCell(g), cells.last != p { cells.append(p) }
            default: break
            }
            steps[j].cell = cells.isEmpty ? nil : cells.count - 1
        }
    }

    /// The next place the packet goes after box `i`: another box, or a frame the box has an
    /// arrow to.
    private func nextPlace(after i: Int, in steps: [Placed]) -> String? {
        guard case .box(let current) = steps[i].spot else { return nil }
        for j in steps.indices.dropFirst(i + 1) {
            switch steps[j].spot {
            case .box(let id) where id != current: return id
            case .frame(let g) where arrow(current, g) != nil: return g
            default: continue
            }
        }
        return nil
    }

    /// Where a leg crosses frame `g`: leaving it when the leg starts in it, entering it when
    /// the leg ends in it, else the middle of the crossing. Nil when the leg does not cross it.
    func crossing(of g: String, on leg: [DiagramLayout.Point], from: String?, to: String?,
                  leaving: Bool = false, entering: Bool = false) -> Int? {
        guard let r = rect(g) else { return nil }
        var runs: [ClosedRange<Int>] = []
        for (i, p) in leg.enumerated() where Self.inside(p, r) {
            if let last = runs.last, last.upperBound == i - 1 { runs[runs.count - 1] = last.lowerBound...i }
            else { runs.append(i...i) }
        }
        guard let first = runs.first, let last = runs.last else { return nil }
        let holdsStart = from.map { frame(g, holds: $0) } ?? false
        let holdsEnd = to.map { frame(g, holds: $0) } ?? false
        if holdsStart && holdsEnd { return (first.lowerBound + last.upperBound) / 2 }
        if holdsStart || leaving { return first.upperBound }
        if holdsEnd || entering { return last.lowerBound }
        return (first.lowerBound + first.upperBound) / 2
    }
}
