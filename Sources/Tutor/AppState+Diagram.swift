import Words
import Course
import FoundationEssentials
import Memory
import NetSim
import Quiz
import Scenes

/// The full-screen diagram: which of the slide's diagrams plays, presenting's autoplay, the
/// clock, looking around a large drawing, and `render --hop`'s view.
extension AppState {
    /// Presenter mode plays each slide's flows in a loop, each diagram of the slide in turn:
    /// the first with a flow from `diagramIndex` on.
    mutating func autoplay() {
        guard let ref = currentSlide else { return }
        let count = playableBlocks(ref).count
        for offset in 0..<count {
            let index = (diagramIndex + offset) % count
            guard var p = makePlayer(ref, index: index), !p.traces.isEmpty else { continue }
            diagramIndex = index
            p.loops = true
            p.playing = true
            // Slow enough to talk over: 10 cells a second, 1.2 s on each hop.
            p.slower()
            player = p
            screen = .diagram
            return
        }
    }

    /// Which of the slide's diagrams `Enter` opens: the one with the most lines on screen
    /// (the first when none shows).
    func diagramOnScreen(_ ref: SlideRef) -> Int {
        let playable = playableBlocks(ref)
        guard playable.count > 1 else { return 0 }
        let visible = scroll..<(scroll + max(1, bodyHeight))
        var best = (index: 0, shown: 0)
        var index = 0
        for (block, lines) in Screens.renderer(self).blockRanges(ref.slide) {
            let inside = block.allBlocks.filter(\.isPlayable).count
            guard inside > 0 else { continue }
            let shown = lines.clamped(to: visible).count
            if shown > best.shown { best = (index, shown) }
            index += inside
        }
        return min(best.index, playable.count - 1)
    }

    /// The slide's diagrams and scenes that can be opened full screen.
    func playableBlocks(_ ref: SlideRef) -> [Block] { ref.slide.allBlocks.filter(\.isPlayable) }

    /// The player of the slide's diagram `index` (default: `diagramIndex`).
    func makePlayer(_ ref: SlideRef, index: Int? = nil) -> DiagramPlayer? {
        let blocks = playableBlocks(ref)
        guard !blocks.isEmpty else { return nil }
        let i = min(max(0, index ?? diagramIndex), blocks.count - 1)
        return DiagramPlayer.make(for: blocks[i], in: lessons[ref.lesson], width: width, ascii: ascii, words: words)
    }

    /// Why `showDiagram` could not show what was asked.
    public enum DiagramViewProblem: Error, Equatable {
        case noSuchSlide(Int, count: Int), noSuchDiagram(Int, count: Int), noSuchFlow(Int, count: Int), noSuchHop(Int, count: Int)
    }

    /// Opens slide `slide`'s diagram `diagram` full screen at `hop` of `flow` (all 1-based),
    /// paused: what `reseau render --hop` prints.
    public mutating func showDiagram(slide: Int, diagram: Int, flow: Int, hop: Int) -> DiagramViewProblem? {
        guard slides.indices.contains(slide - 1) else { return .noSuchSlide(slide, count: slides.count) }
        go(to: slide - 1)
        guard let ref = currentSlide else { return .noSuchSlide(slide, count: slides.count) }
        let count = playableBlocks(ref).count
        guard diagram >= 1, diagram <= count else { return .noSuchDiagram(diagram, count: count) }
        diagramIndex = diagram - 1
        guard var p = makePlayer(ref) else { return .noSuchDiagram(diagram, count: count) }
        guard p.traces.isEmpty ? flow == 1 : p.traces.indices.contains(flow - 1) else { return .noSuchFlow(flow, count: p.traces.count) }
        p.select(flow: flow - 1)
        guard p.steps.isEmpty ? hop == 1 : p.steps.indices.contains(hop - 1) else { return .noSuchHop(hop, count: p.steps.count) }
        p.show(step: hop - 1)
        player = p
        screen = .diagram
        return nil
    }

    /// `d`: the slide's next diagram (the first after the last), playing as this one did.
    mutating func openNextDiagram() {
        guard let ref = currentSlide, let old = player else { return }
        let count = playableBlocks(ref).count
        guard count > 1 else { return }
        diagramIndex = (diagramIndex + 1) % count
        guard var p = makePlayer(ref) else { return }
        p.loops = old.loops
        p.playing = old.playing && !p.traces.isEmpty
        player = p
        pan = nil
    }

    /// Moves the clock on (animation).
    public mutating func advance(by seconds: Double) {
        elapsed += seconds
        let rounds = player?.rounds
        player?.advance(by: seconds)
        // Presenting: once a diagram's flows have all played, the slide's next diagram.
        if presenter, screen == .diagram, let rounds, player?.rounds != rounds, let ref = currentSlide, playableBlocks(ref).count > 1 {
            diagramIndex = (diagramIndex + 1) % playableBlocks(ref).count
            autoplay()
        }
    }

    /// Whether anything moves: the loop sleeps in input when not.
    public var needsTimer: Bool { player?.isAnimating == true || presenter }

    /// Arrows and hjkl on a drawing larger than the screen: move the view by hand. Looking
    /// around pauses the flow, so the view does not jump back to the packet.
    mutating func look(_ action: Action) {
        // A lab's correction on screen: the keys scroll it.
        if labSession?.showCorrection == true {
            if action == .panDown { scroll += 3 } else if action == .panUp { scroll = max(0, scroll - 3) }
            return
        }
        player?.playing = false
        let view = Screens.diagramView(self)
        var p = pan ?? (view.x, view.y)
        switch action {
        case .panUp: p.y -= 3
        case .panDown: p.y += 3
        case .panLeft: p.x -= 8
        default: p.x += 8
        }
        pan = (min(max(0, p.x), view.maxX), min(max(0, p.y), view.maxY))
    }
}
