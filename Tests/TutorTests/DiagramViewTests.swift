import Canvas
import Drawing
import Testing
@testable import Tutor

/// #14, in the terminal: at 80x24 and 120x40, every box of every bundled scene and seed
/// diagram can be brought on screen with the arrow keys, and while a flow plays the packet
/// and the lit element of its hop are on screen.
struct DiagramViewTests {
    static let sizes = [(80, 24), (120, 40)]

    /// The drawing's rectangle on screen for the current view: its first column and row in
    /// the drawing, where the view starts on screen, and its size.
    static func view(_ s: AppState) -> (x: Int, y: Int, left: Int, width: Int, height: Int)? {
        guard let player = s.player else { return nil }
        let height = Screens.layoutDiagram(s, player).diagramHeight
        let view = Screens.diagramView(s, height: height)
        let drawing = player.drawing
        // As `Screens.diagram` blits it: centred when it fits, else from the view's column.
        let left = drawing.width <= s.width ? (s.width - drawing.width) / 2 : -view.x
        return (view.x, view.y, left, s.width, height)
    }

    static func shows(_ r: Rect, in v: (x: Int, y: Int, left: Int, width: Int, height: Int), whole: Bool) -> Bool {
        let (top, bottom) = (r.y - v.y, r.y + r.height - v.y)
        let (first, last) = (r.x + v.left, r.x + r.width + v.left)
        if whole { return top >= 0 && bottom <= v.height && first >= 0 && last <= v.width }
        return top < v.height && bottom > 0 && first < v.width && last > 0
    }

    /// Every (slide, diagram) of the course loaded in `s` that has a drawing to open.
    static func diagrams(_ s: AppState) -> [(slide: Int, diagram: Int)] {
        s.slides.indices.flatMap { i in
            (0..<s.playableBlocks(s.slides[i]).count).map { (i + 1, $0 + 1) }
        }
    }

    static func check(_ paths: [String]) -> (diagrams: Int, hops: Int, problems: [String]) {
        var problems: [String] = []
        var diagrams = 0, hops = 0
        for (width, height) in sizes {
            let base = TutorFixtures.app(paths, width: width, height: height, language: .fr)
            for (slide, diagram) in Self.diagrams(base) {
                var s = base
                guard s.showDiagram(slide: slide, diagram: diagram, flow: 1, hop: 1) == nil, let player = s.player,
                      !player.isStill else { continue }
                diagrams += 1
                let file = s.currentSlide.map { s.lessons[$0.lesson].file.split(separator: "/").last.map(String.init) ?? "" } ?? ""
                let at = "\(width)x\(height) \(file) slide \(s.currentSlide?.slide.number ?? 0) diagram \(diagram)"
                // Looked over with the arrows: every box is whole on screen at some point (a
                // box taller or wider than the view, at least in part).
                var seen = Set<String>()
                let maxY = max(0, player.drawing.height - (Self.view(s)?.height ?? 0))
                let maxX = max(0, player.drawing.width - width)
                // From the top left corner (the view opens on the packet).
                for _ in 0...(maxY / 3 + 1) { TutorFixtures.press(&s, "k") }
                for _ in 0...(maxX / 8 + 1) { TutorFixtures.press(&s, "h") }
                for _ in 0...(maxY / 3 + 1) {
                    var across = s
                    for _ in 0...(maxX / 8 + 1) {
                        if let v = Self.view(across) {
                            for node in player.layout.nodes {
                                let whole = node.rect.height <= v.height && node.rect.width <= v.width
                                if Self.shows(node.rect, in: v, whole: whole) { seen.insert(node.id) }
                            }
                        }
                        TutorFixtures.press(&across, "l")
                    }
                    TutorFixtures.press(&s, "j")
                }
                let missing = Set(player.layout.nodes.map(\.id)).subtracting(seen)
                if !missing.isEmpty { problems.append("\(at): never on screen: \(missing.sorted())") }
                // Played hop by hop: the packet and what its hop lights are on screen.
                var p = s
                p.pan = nil
                for f in player.traces.indices {
                    p.player?.select(flow: f)
                    for h in player.paths[f].steps.indices {
                        p.player?.show(step: h)
                        guard let shown = p.player, let v = Self.view(p) else { continue }
                        hops += 1
                        // The element the inspector speaks of, always; the packet too, but on a
                        // hop it waits on far from that element (CoreDNS answering).
                        let litShown = shown.litRect.map { Self.shows($0, in: v, whole: false) } ?? true
                        if !litShown {
                            problems.append("\(at) flow \(f + 1) hop \(h + 1): the lit \(shown.element(at: h) ?? "?") is off screen")
                        }
                        if let cell = shown.packetCell, !Self.shows(Rect(x: cell.x, y: cell.y, width: 1, height: 1), in: v, whole: true),
                           !(shown.currentStep?.waits == true && shown.litRect != nil) {
                            problems.append("\(at) flow \(f + 1) hop \(h + 1): the packet at \(cell) is off screen")
                        }
                    }
                }
            }
        }
        return (diagrams, hops, problems)
    }

    @Test func everyBundledBoxAndHopComesOnScreen() {
        let result = Self.check([PacketPathTests.bundled])
        #expect(result.diagrams >= 30, "\(result.diagrams) drawings opened")
        #expect(result.hops >= 500, "\(result.hops) hops played")
        #expect(result.problems.isEmpty, "\(result.problems.prefix(20).joined(separator: "\n"))")
    }

    @Test(.enabled(if: TutorFixtures.hasSeed, "../shared is absent: the seed's diagrams are not looked over"))
    func everySeedBoxAndHopComesOnScreen() {
        let result = Self.check([TutorFixtures.seed])
        #expect(result.diagrams >= 8, "\(result.diagrams) drawings opened")
        #expect(result.problems.isEmpty, "\(result.problems.prefix(20).joined(separator: "\n"))")
    }
}
