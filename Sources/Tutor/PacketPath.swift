import Canvas
import Scenes
import Drawing
import Mermaid
import NetSim

/// Where the packet is drawn at each hop of a flow, worked out once from the trace and the
/// drawing: the request's hops, then the reply's (a separate phase, drawn in its own style).
///
/// The packet travels along the arrows the author drew between the boxes the trace visits
/// (its "anchors"); a hop in a Node frame between two boxes is placed where that arrow
/// crosses the frame (leaving the source Node, entering the destination Node), the VXLAN
/// hop between the two frames; on the Nodes' network's hop the packet runs along the arrow
/// up to the next place (that network is this part of the way). Positions only move forward along the way, so the packet
/// is never ahead of the inspector nor back on a box it has left. A hop whose place the
/// drawing does not cross (the source Node's kernel after the packet was drawn at the
/// Service box) keeps the packet where it is while its frame lights.
public struct PacketPath: Sendable, Equatable {
    public enum Phase: Sendable, Equatable { case request, reply }

    public struct Step: Sendable, Equatable {
        public var hop: Hop
        public var phase: Phase
        /// The box or frame lit at this hop (nil: the drawing has nothing for its place).
        public var element: String?
        /// Index into `cells(of: phase)` where the packet is once the hop is reached.
        public var cell: Int?
        /// The drawing has no place for the hop on the packet's way: it waits where it is.
        public var waits: Bool
        /// The hop is drawn at the Service box while it happens in this Node's kernel
        /// (kube-proxy's rules, conntrack undoing the DNAT).
        public var inKernelOf: String?
        /// The boxes of the objects whose rules decided the hop (a NetworkPolicy, an Ingress,
        /// an HTTPRoute), lit with it.
        public var decidedBy: [String] = []
    }

    public var steps: [Step]
    public var requestCells: [DiagramLayout.Point]
    public var replyCells: [DiagramLayout.Point]

    public func cells(of phase: Phase) -> [DiagramLayout.Point] { phase == .request ? requestCells : replyCells }

    /// The cells the packet runs through to reach step `index` (empty when it does not move).
    public func travel(to index: Int) -> [DiagramLayout.Point] {
        guard let (from, to) = leg(to: index) else { return [] }
        return Array(cells(of: steps[index].phase)[(from + 1)...to])
    }

    /// How many cells the packet runs through to reach step `index` (`travel(to:)`'s count,
    /// without making the list: asked at every frame of an animation).
    public func length(to index: Int) -> Int {
        leg(to: index).map { $0.to - $0.from } ?? 0
    }

    /// The packet's cell `travelled` cells along its way to step `index`, nil once arrived.
    public func cell(to index: Int, travelled: Int) -> DiagramLayout.Point? {
        guard let (from, to) = leg(to: index), travelled >= 0, from + 1 + travelled <= to else { return nil }
        return cells(of: steps[index].phase)[from + 1 + travelled]
    }

    /// The indices in the phase's cells the way to step `index` runs between (after `from`,
    /// up to `to`), when the packet moves at all.
    private func leg(to index: Int) -> (from: Int, to: Int)? {
        guard steps.indices.contains(index), let to = steps[index].cell else { return nil }
        guard index > 0, steps[index - 1].phase == steps[index].phase, let from = steps[index - 1].cell, from < to else { return nil }
        return (from, to)
    }

    /// The cells of its phase the packet has run through before the one it is on, at step
    /// `index` and `travelled` cells along its way there: the trail drawn behind it.
    public func trail(to index: Int, travelled: Int) -> ArraySlice<DiagramLayout.Point> {
        guard steps.indices.contains(index) else { return [] }
        let cells = cells(of: steps[index].phase)
        var at = steps[index].cell
        if let (from, to) = leg(to: index), travelled >= 0, from + 1 + travelled <= to { at = from + 1 + travelled }
        guard let at, cells.indices.contains(at) else { return [] }
        return cells[..<at]
    }

    /// Where the packet rests at step `index`.
    public func rest(at index: Int) -> DiagramLayout.Point? {
        guard steps.indices.contains(index), let c = steps[index].cell else { return nil }
        let cells = cells(of: steps[index].phase)
        return cells.indices.contains(c) ? cells[c] : nil
    }
}

extension PacketPath {
    /// The plan for one trace over one drawing.
    public init(trace: Trace, chart: Flowchart, layout: DiagramLayout, entities: [String: DiagramScene.Entity]) {
        let map = DrawingMap(chart: chart, layout: layout, entities: entities)
        let service = trace.service.flatMap { map.find(.service($0)) }
        var request = map.places(for: trace.hops, service: service, viaService: false)
        // The Service box the request was drawn through: conntrack undoes its DNAT on the way back.
        let drawnService = request.last { $0.kernel != nil }?.element
        let target = trace.backend?.pod.flatMap { map.find(.pod($0)) }
        // Where the request starts, for a flow that never leaves (a name that does not resolve).
        let from = trace.request.from.split(separator: "/").map(String.init)
        let source = map.find(.pod(from.count == 2 ? ObjectName(from[0], from[1]) : ObjectName("default", trace.request.from)))
            ?? map.find(.client(trace.request.from))
        let requestCells = map.place(&request, target: target, source: source)
        var reply = map.places(for: trace.reply, service: drawnService, viaService: drawnService != nil)
        // Where no arrow links two boxes of the reply, it goes back the way the request came.
        let retrace: (String, String) -> [DiagramLayout.Point]? = { from, to in
            guard let a = request.lastIndex(where: { $0.element == from }).flatMap({ request[$0].cell }),
                  let b = request.firstIndex(where: { $0.element == to }).flatMap({ request[$0].cell }), b < a else { return nil }
            return Array(requestCells[b...a].reversed())
        }
        let replyCells = map.place(&reply, target: nil, retrace: retrace)
        func step(_ p: DrawingMap.Placed, _ phase: Phase) -> Step {
            Step(hop: p.hop, phase: phase, element: p.element, cell: p.cell, waits: p.waits, inKernelOf: p.kernel,
                 decidedBy: p.hop.reason.decidingObjects.compactMap { map.find(.decides(kind: $0.kind, name: $0.name)) })
        }
        steps = request.map { step($0, .request) } + reply.map { step($0, .reply) }
        self.requestCells = requestCells
        self.replyCells = replyCells
    }
}
