import Facts
import Words
import Canvas
import Course
import Scenes
import Drawing
import Mermaid
import NetSim

/// A diagram in full screen with its flows: the packet moves cell by cell along the arrows
/// between the boxes each hop of the engine's trace visits, and the inspector shows the
/// hop. Time is an input (`advance(by:)`), so it plays the same in tests.
public struct DiagramPlayer: Sendable {
    public let chart: Flowchart
    public let layout: DiagramLayout
    /// What each diagram id stands for.
    public let entities: [String: DiagramScene.Entity]
    public let traces: [Trace]
    /// Per flow, for a diagram's numbered steps: what each label says (shown when it and
    /// the engine disagree).
    public let labelNotes: [[Problem]]
    public private(set) var flow = 0
    public private(set) var hop = 0
    /// Cells travelled along the current segment.
    public private(set) var progress = 0.0
    public var playing = false
    /// Cells per second.
    public private(set) var speed = 20.0
    /// Loop forever (presenter mode).
    public var loops = false

    /// The diagram drawn once, without highlight or packet, and the glyphs it was drawn
    /// with: each frame copies it and draws the moving parts over it.
    public let drawing: Grid
    public let ascii: Bool
    /// For each flow, the element each hop shows in (worked out once: it looks back at
    /// every earlier hop).
    private var elements: [[String?]] = []

    public init(chart: Flowchart, layout: DiagramLayout, entities: [String: DiagramScene.Entity], traces: [Trace],
                labelNotes: [[Problem]] = [], ascii: Bool = false) {
        self.chart = chart
        self.layout = layout
        self.entities = entities
        self.traces = traces
        self.labelNotes = labelNotes
        self.ascii = ascii
        drawing = DiagramRenderer(glyphs: Glyphs(ascii: ascii)).draw(layout, chart: chart)
        var all: [[String?]] = []
        for f in traces.indices {
            flow = f
            var found: [String?] = []
            for index in hops.indices { found.append(uncachedElement(at: index, earlier: found)) }
            all.append(found)
        }
        flow = 0
        elements = all
    }

    public var trace: Trace? { traces.indices.contains(flow) ? traces[flow] : nil }
    public var hops: [Hop] { trace?.hops ?? [] }
    public var currentHop: Hop? { hops.indices.contains(hop) ? hops[hop] : nil }
    public var isAnimating: Bool { playing && !hops.isEmpty }

    func find(_ entity: DiagramScene.Entity) -> String? {
        entities.first { pair in pair.value == entity && (layout.node(pair.key) != nil || layout.groups.contains { $0.id == pair.key }) }?.key
    }

    func arrow(_ from: String, _ to: String) -> [DiagramLayout.Point]? {
        if let edge = layout.edges.first(where: { chart.edges[$0.index].from == from && chart.edges[$0.index].to == to }) { return edge.cells }
        if let edge = layout.edges.first(where: { chart.edges[$0.index].from == to && chart.edges[$0.index].to == from }) { return edge.cells.reversed() }
        return nil
    }

    /// The diagram element hop `index` happens in. kube-proxy's hops show on the Service's
    /// box when the diagram draws an arrow to it from where the packet has been, else on
    /// the Node that runs them.
    public func element(at index: Int) -> String? {
        guard elements.indices.contains(flow), elements[flow].indices.contains(index) else { return nil }
        return elements[flow][index]
    }

    /// `element(at:)` worked out, given the elements of the hops before.
    private func uncachedElement(at index: Int, earlier: [String?]) -> String? {
        guard hops.indices.contains(index) else { return nil }
        switch hops[index].place {
        case .pod(let name): return find(.pod(name))
        case .node(let name): return find(.node(name))
        case .kubeProxy(let node, _):
            if let service = trace?.service, let id = find(.service(service)) {
                if earlier.compactMap({ $0 }).contains(where: { arrow($0, id) != nil }) { return id }
            }
            return find(.node(node))
        case .client(let name): return find(.client(name))
        case .tunnel(_, let to): return find(.node(to))
        default: return nil
        }
    }

    public func element(for hop: Hop) -> String? {
        hops.firstIndex(of: hop).flatMap { element(at: $0) }
    }

    /// The element the packet was in before `index`, skipping hops that show nowhere.
    func element(before index: Int) -> String? {
        var i = index - 1
        while i >= 0 { if let e = element(at: i) { return e }; i -= 1 }
        return nil
    }

    /// The cells from the previous element to the current hop's, along the diagram's arrow
    /// from there, or else from an earlier place of the packet (the diagram's own step).
    public var segment: [DiagramLayout.Point] {
        guard let to = element(at: hop), let from = element(before: hop), from != to else { return [] }
        if let cells = arrow(from, to) { return cells }
        var i = hop - 1
        while i >= 0 {
            if let earlier = element(at: i), earlier != to, let cells = arrow(earlier, to) { return cells }
            i -= 1
        }
        return []
    }

    /// Where the packet glyph is: on the arrow while it travels, else on its box's border.
    public var packetCell: DiagramLayout.Point? {
        let path = segment
        if !path.isEmpty, Int(progress) < path.count { return path[Int(progress)] }
        guard let id = element(at: hop) ?? element(before: hop) else { return nil }
        let rect = layout.node(id)?.rect ?? layout.groups.first { $0.id == id }?.rect
        return rect.map { DiagramLayout.Point($0.x + $0.width / 2, $0.y) }
    }

    /// Moves time on: the packet advances; at the end of a segment, the next hop.
    public mutating func advance(by seconds: Double) {
        guard isAnimating else { return }
        progress += seconds * speed
        while playing {
            let length = Double(max(segment.count, 3))
            guard progress >= length else { break }
            progress -= length
            if hop + 1 < hops.count { hop += 1 }
            else if loops { hop = 0; progress = 0; if traces.count > 1 { flow = (flow + 1) % traces.count } }
            else { playing = false; progress = Double(max(segment.count - 1, 0)) }
        }
    }

    public mutating func stepForward() { playing = false; if hop + 1 < hops.count { hop += 1 }; progress = Double(max(segment.count - 1, 0)) }
    public mutating func stepBack() { playing = false; if hop > 0 { hop -= 1 }; progress = Double(max(segment.count - 1, 0)) }
    public mutating func restart() { hop = 0; progress = 0 }
    public mutating func faster() { speed = min(160, speed * 2) }
    public mutating func slower() { speed = max(2.5, speed / 2) }
    /// Shows flow `index` from its first hop.
    public mutating func select(flow index: Int) {
        guard traces.indices.contains(index) else { return }
        flow = index
        restart()
    }
    /// Takes over another player's place: its flow and hop (the nearest that still exist),
    /// whether it played and looped, its speed. A reload or a resize keeps what the user saw.
    public mutating func resume(from old: DiagramPlayer) {
        if !traces.isEmpty { flow = min(old.flow, traces.count - 1) }
        hop = min(old.hop, max(0, hops.count - 1))
        progress = old.hop == hop ? old.progress : Double(max(segment.count - 1, 0))
        playing = old.playing
        loops = old.loops
        speed = old.speed
    }

    public mutating func nextFlow() {
        guard !traces.isEmpty else { return }
        flow = (flow + 1) % traces.count
        restart()
    }
    public mutating func togglePlay() {
        if !playing && hop == hops.count - 1 { restart() }
        playing.toggle()
    }
}

extension DiagramPlayer {
    /// The player for a diagram block or scene block of a lesson, if it can play.
    public static func make(for block: Block, in lesson: Lesson, width: Int, ascii: Bool, words: any Phrasebook) -> DiagramPlayer? {
        let glyphs = Glyphs(ascii: ascii)
        switch block {
        case .mermaid(let d):
            guard let chart = d.diagram?.flowchart else { return nil }
            let layout = DiagramRenderer(glyphs: glyphs).layout(chart, maxWidth: width)
            let scene = lesson.scenes().first { $0.line == d.line }
            let traces = scene?.scene.traces() ?? []
            let notes = (scene?.reading.map { FlowCheck.check($0, file: lesson.file).map(\.message) }).map { [$0] } ?? []
            return DiagramPlayer(chart: chart, layout: layout, entities: scene?.reading?.entities ?? [:], traces: traces,
                                 labelNotes: notes, ascii: ascii)
        case .scene(let s):
            let scene = ManifestScene.load(s.source, file: lesson.file, line: s.line + 1, column: s.column, name: "")
            let drawn = SceneDiagram.fitted(scene.cluster, maxWidth: width, renderer: DiagramRenderer(glyphs: glyphs), words: words)
            return DiagramPlayer(chart: drawn.chart, layout: drawn.layout, entities: drawn.entities, traces: scene.traces(), ascii: ascii)
        default:
            return nil
        }
    }
}
