import Facts
import Words
import Canvas
import Course
import Scenes
import Drawing
import Mermaid
import NetSim

/// A diagram in full screen with its flows: the packet moves cell by cell along the arrows
/// between the boxes each hop of the engine's trace visits, then the reply comes back, and
/// the inspector shows the hop. Time is an input (`advance(by:)`), so it plays the same in
/// tests; where the packet is at each hop is worked out once (`PacketPath`).
public struct DiagramPlayer: Sendable {
    public let chart: Flowchart
    public let layout: DiagramLayout
    /// What each diagram id stands for.
    public let entities: [String: DiagramScene.Entity]
    public let traces: [Trace]
    /// Per flow, for a diagram's numbered steps: what a label says that the engine
    /// contradicts, and the hop from which it is shown (the first that concerns it).
    public internal(set) var labelNotes: [[LabelNote]]
    /// Per flow, what its title shows as its target: the URL with the headers that tell
    /// flows apart, or the port-forward as written (`svc/web:80`).
    public let flowTargets: [String]
    /// What the drawing calls each Node the engine names by its id (`n1` → `Node 1`).
    public let nodeTitles: [String: String]
    /// The caption the lesson gives the diagram, shown under it full screen.
    public var caption: String?
    public private(set) var flow = 0
    /// The current step: the request's hops, then the reply's.
    public private(set) var hop = 0
    /// Cells travelled towards the current step's place, then time spent on it (in cells).
    public private(set) var progress = 0.0
    public var playing = false
    /// Cells per second.
    public private(set) var speed = 20.0
    /// Loop forever (presenter mode).
    public var loops = false
    /// How many times the flows were all played through (presenter mode moves on to the
    /// slide's next diagram after one).
    public private(set) var rounds = 0

    /// The diagram drawn once, without highlight or packet, and the glyphs it was drawn
    /// with: each frame copies it and draws the moving parts over it.
    public let drawing: Grid
    public let ascii: Bool
    /// For each flow, where the packet is at each step.
    public let paths: [PacketPath]

    public struct LabelNote: Sendable, Equatable {
        public var problem: Problem
        /// The first step (index into the flow's steps) the note concerns.
        public var fromStep: Int
    }

    /// Time spent on a hop once reached, in cells (0.6 s at the default speed): long enough to
    /// read the inspector's first line.
    static let dwell = 12.0
    /// Time spent on the last hop of a looping flow before the next one, in cells.
    static let endPause = 40.0

    public init(chart: Flowchart, layout: DiagramLayout, entities: [String: DiagramScene.Entity], traces: [Trace],
                labelNotes: [[LabelNote]] = [], flowTargets: [String] = [], nodeTitles: [String: String] = [:], ascii: Bool = false) {
        self.chart = chart
        self.layout = layout
        self.entities = entities
        self.traces = traces
        self.labelNotes = labelNotes
        self.flowTargets = flowTargets
        self.nodeTitles = nodeTitles
        self.ascii = ascii
        // Its blank bottom rows (the layout's margin) take no room on screen.
        drawing = DiagramRenderer(glyphs: Glyphs(ascii: ascii)).draw(layout, chart: chart).trimmingBlankBottom()
        paths = traces.map { PacketPath(trace: $0, chart: chart, layout: layout, entities: entities) }
    }

    /// A drawing with nothing to play or light (a sequence diagram, a mindmap, a git graph):
    /// shown full screen to be looked around. Its first `stickyRows` rows stay in sight when
    /// the view scrolls down (a sequence diagram's participants).
    public init(still drawing: Grid, title: String?, stickyRows: Int = 0, ascii: Bool) {
        var chart = Flowchart()
        chart.title = title
        self.chart = chart
        layout = .empty(width: drawing.width, height: drawing.height)
        entities = [:]
        traces = []
        labelNotes = []
        flowTargets = []
        nodeTitles = [:]
        self.ascii = ascii
        self.drawing = drawing
        paths = []
        isStill = true
        self.stickyRows = stickyRows
    }

    /// Drawn once and for all (see `init(still:)`): a change of glyphs cannot redraw it.
    public private(set) var isStill = false
    public private(set) var stickyRows = 0

    public var trace: Trace? { traces.indices.contains(flow) ? traces[flow] : nil }
    public var path: PacketPath? { paths.indices.contains(flow) ? paths[flow] : nil }
    public var steps: [PacketPath.Step] { path?.steps ?? [] }
    /// Every step's hop: the request's, then the reply's.
    public var hops: [Hop] { steps.map(\.hop) }
    public var currentStep: PacketPath.Step? { steps.indices.contains(hop) ? steps[hop] : nil }
    public var currentHop: Hop? { currentStep?.hop }
    public var isAnimating: Bool { playing && !steps.isEmpty }
    /// The request's hop count (the reply's steps come after).
    public var requestCount: Int { steps.filter { $0.phase == .request }.count }
    /// The target the title shows for the current flow.
    public var flowTarget: String { flowTargets.indices.contains(flow) ? flowTargets[flow] : trace?.request.url ?? "" }

    /// The diagram element lit at step `index`.
    public func element(at index: Int) -> String? {
        steps.indices.contains(index) ? steps[index].element : nil
    }

    /// The cells the packet runs through to reach the current step.
    public var segment: [DiagramLayout.Point] { path?.travel(to: hop) ?? [] }

    /// Where the packet glyph is: on its way while it travels, else where the step put it.
    public var packetCell: DiagramLayout.Point? {
        path?.cell(to: hop, travelled: Int(progress)) ?? path?.rest(at: hop)
    }

    /// The box or frame lit at the current step.
    public var litRect: Rect? {
        element(at: hop).flatMap { id in layout.node(id)?.rect ?? layout.groups.first { $0.id == id }?.rect }
    }

    /// The way the packet came in its phase (request or reply), behind it.
    public var trail: ArraySlice<DiagramLayout.Point> { path?.trail(to: hop, travelled: Int(progress)) ?? [] }

    /// The packet died at this step (the request's last hop, dropped or refused).
    public var packetDied: Bool {
        guard let trace, let step = currentStep, step.phase == .request, hop == requestCount - 1 else { return false }
        switch trace.verdict {
        case .dropped, .rejected: return true
        default: return step.hop.action == .drop || step.hop.action == .reject
        }
    }

    /// The label notes shown at the current step.
    public var currentNotes: [Problem] {
        guard labelNotes.indices.contains(flow) else { return [] }
        return labelNotes[flow].filter { hop >= $0.fromStep }.map(\.problem)
    }

    /// How long step `index` takes, in cells: the way there, then the dwell.
    func duration(of index: Int) -> Double {
        let base = Double(path?.length(to: index) ?? 0) + Self.dwell
        return loops && index == steps.count - 1 ? base + Self.endPause : base
    }

    /// Moves time on: the packet advances; after the dwell on a step, the next one.
    public mutating func advance(by seconds: Double) {
        guard isAnimating else { return }
        progress += seconds * speed
        while playing {
            let length = duration(of: hop)
            guard progress >= length else { break }
            progress -= length
            if hop + 1 < steps.count { hop += 1 }
            else if loops {
                hop = 0; progress = 0
                if traces.count > 1 { flow = (flow + 1) % traces.count }
                if flow == 0 { rounds += 1 }
            } else { playing = false; progress = Double(path?.length(to: hop) ?? 0) }
        }
    }

    public mutating func stepForward() { playing = false; if hop + 1 < steps.count { hop += 1 }; progress = Double(path?.length(to: hop) ?? 0) }
    public mutating func stepBack() { playing = false; if hop > 0 { hop -= 1 }; progress = Double(path?.length(to: hop) ?? 0) }
    public mutating func restart() { hop = 0; progress = 0 }
    public mutating func faster() { speed = min(160, speed * 2) }
    public mutating func slower() { speed = max(2.5, speed / 2) }
    /// Shows flow `index` from its first hop.
    public mutating func select(flow index: Int) {
        guard traces.indices.contains(index) else { return }
        flow = index
        restart()
    }
    /// Shows step `index` of the current flow, arrived (`render --hop`, tests).
    public mutating func show(step index: Int) {
        guard steps.indices.contains(index) else { return }
        playing = false
        hop = index
        progress = Double(path?.length(to: hop) ?? 0)
    }
    /// Takes over another player's place: its flow and hop (the nearest that still exist),
    /// whether it played and looped, its speed. A reload or a resize keeps what the user saw.
    public mutating func resume(from old: DiagramPlayer) {
        if !traces.isEmpty { flow = min(old.flow, traces.count - 1) }
        hop = min(old.hop, max(0, steps.count - 1))
        let travelled = Double(path?.length(to: hop) ?? 0)
        progress = old.hop == hop ? min(old.progress, travelled + Self.dwell) : travelled
        playing = old.playing
        loops = old.loops
        speed = old.speed
        rounds = old.rounds
    }

    public mutating func nextFlow() {
        guard !traces.isEmpty else { return }
        flow = (flow + 1) % traces.count
        restart()
    }
    public mutating func togglePlay() {
        if !playing && hop == steps.count - 1 { restart() }
        playing.toggle()
    }
}

extension DiagramPlayer {
    /// The player for a diagram block or scene block of a lesson, if it can play.
    public static func make(for block: Block, in lesson: Lesson, width: Int, ascii: Bool, words: any Phrasebook) -> DiagramPlayer? {
        let glyphs = Glyphs(ascii: ascii)
        switch block {
        case .mermaid(let d):
            guard let chart = d.diagram?.flowchart else { return still(d, width: width, glyphs: glyphs) }
            let layout = DiagramRenderer(glyphs: glyphs).layout(chart, maxWidth: width)
            // This diagram's scene only (as `Lesson.scenes()` reads it), not every scene of the lesson.
            let reading = DiagramScene.read(chart, file: lesson.file, line: d.line + 1, column: d.column, name: chart.title ?? lesson.title)
            let traces = reading?.scene.traces() ?? []
            let flows = reading?.scene.flows ?? []
            var player = DiagramPlayer(chart: chart, layout: layout, entities: reading?.entities ?? [:], traces: traces,
                                       flowTargets: flows.map(target), nodeTitles: reading?.nodeTitles ?? [:], ascii: ascii)
            // Each label note from the first hop it concerns, on the paths the player worked out.
            let found = reading.map { FlowCheck.perFlow($0, file: lesson.file) } ?? []
            player.labelNotes = found.enumerated().map { f, diagnostics in
                diagnostics.map { d in
                    LabelNote(problem: d.message, fromStep: firstStep(concerning: d.message, flow: flows.indices.contains(f) ? flows[f] : nil,
                                                                      path: player.paths.indices.contains(f) ? player.paths[f] : nil))
                }
            }
            player.caption = d.caption?.plainText
            return player
        case .scene(let s):
            let scene = ManifestScene.load(s.source, file: lesson.file, line: s.line + 1, column: s.column, name: "")
            let traces = scene.traces()
            let drawn = SceneDiagram.fitted(scene.cluster, traces: traces, maxWidth: width, renderer: DiagramRenderer(glyphs: glyphs), words: words)
            var player = DiagramPlayer(chart: drawn.chart, layout: drawn.layout, entities: drawn.entities, traces: traces,
                                       flowTargets: scene.flows.map(target), ascii: ascii)
            player.caption = s.caption?.plainText
            return player
        default:
            return nil
        }
    }

    /// The diagrams that are not flowcharts, full screen: state and class diagrams laid out
    /// as the flowcharts they are (with nothing to play), the others drawn once. A sequence
    /// diagram too wide for the page is drawn whole there, to pan over.
    static func still(_ d: DiagramSource, width: Int, glyphs: Glyphs) -> DiagramPlayer? {
        var player: DiagramPlayer
        switch d.diagram {
        case .state(let state)?:
            let chart = state.flowchart
            player = DiagramPlayer(chart: chart, layout: DiagramRenderer(glyphs: glyphs).layout(chart, maxWidth: width), entities: [:],
                                   traces: [], ascii: glyphs.ascii)
        case .classes(let classes)?:
            let chart = classes.flowchart
            player = DiagramPlayer(chart: chart, layout: DiagramRenderer(glyphs: glyphs).layout(chart, maxWidth: width), entities: [:],
                                   traces: [], ascii: glyphs.ascii)
        case .sequence(let sequence)?:
            player = DiagramPlayer(still: SequenceRenderer(glyphs: glyphs).whole(sequence, maxWidth: width), title: sequence.title,
                                   stickyRows: SequenceRenderer.headerRows, ascii: glyphs.ascii)
        case .mindmap(let map)?:
            player = DiagramPlayer(still: Grid(lines: MindmapRenderer(glyphs: glyphs).render(map, maxWidth: width)), title: map.title,
                                   ascii: glyphs.ascii)
        case .git(let graph)?:
            player = DiagramPlayer(still: Grid(lines: GitGraphRenderer(glyphs: glyphs).render(graph, maxWidth: width)), title: graph.title,
                                   ascii: glyphs.ascii)
        default:
            return nil
        }
        player.caption = d.caption?.plainText
        return player
    }

    /// What a flow's title shows as its target: the port-forward as written, or the URL with
    /// the method when not GET and the headers (`Host: app.example.com`) that tell flows apart.
    static func target(_ flow: Flow) -> String {
        if let forward = flow.portForward { return "port-forward \(forward)" }
        var text = flow.method == "GET" ? flow.to : "\(flow.method) \(flow.to)"
        for (key, value) in flow.headers.sorted(by: { $0.key < $1.key }) { text += " \(key): \(value)" }
        return text
    }

    /// The first step a label note concerns: where the packet reaches the box the step's
    /// arrow points to, else the box it leaves; a verdict note, the request's last hop.
    static func firstStep(concerning problem: Problem, flow: Flow?, path: PacketPath?) -> Int {
        guard let path else { return 0 }
        let lastRequest = max(0, path.steps.lastIndex { $0.phase == .request } ?? 0)
        guard case .flow(.step(let number, _)) = problem, let step = flow?.steps.first(where: { $0.number == number }) else {
            return lastRequest
        }
        if let i = path.steps.firstIndex(where: { $0.phase == .request && $0.element == step.toID }) { return i }
        if let i = path.steps.firstIndex(where: { $0.phase == .request && $0.element == step.fromID }) { return i }
        return 0
    }
}
