import Foundation
import Speech
import Words
import Testing
@testable import Tutor

/// A diagram that fits the screen is shown whole, with no mark saying lines are hidden (the
/// layout's blank margin at the bottom took rows, so at 80x24 lesson 01's two Nodes were
/// scrolled by one line and "↑ 1 ligne de plus" sat on Node 2's title).
struct DiagramFitTests {
    @Test func lessonOnesTwoNodesFitAt80x24() {
        let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/01-trois-reseaux.md").path
        var s = TutorFixtures.app([lesson], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "Space", "Space", "Enter", ".", ".", ".", ".")
        let screen = TutorFixtures.screen(s)
        let text = screen.joined(separator: "\n")
        #expect(s.player != nil, "\(text)")
        #expect(!text.contains("de plus"), "\(text)")
        #expect(screen.contains { $0.contains("Node 1") && $0.contains("Node 2") }, "both frames' titles:\n\(text)")
        #expect(screen.contains { $0.contains("1 - http:// 10.244.2.7:8080") }, "the label on its arrow")
        #expect(screen.contains { $0.contains("Sur Node 2, 10.244.2.7 est un Pod local") }, "\(text)")
    }

    /// When a mark must be shown it never hides the drawing: at every hop of the seed's
    /// Service and NodePort diagrams at 80x24, the cells under a mark were blank in the
    /// drawing, or the mark has its row to itself (counting it). Seen: "↓ 13 lignes de plus"
    /// written over Node 3's frame on slide 7.
    @Test(arguments: [(5, 1), (5, 2), (7, 1), (7, 2)])
    func aMarkNeverHidesTheDrawing(slide: Int, diagram: Int) throws {
        guard TutorFixtures.hasSeed else { return }
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "\(slide)", "G", "Enter")
        for _ in 1..<diagram { TutorFixtures.press(&s, "d") }
        var marks = 0
        for _ in 0..<24 {
            let player = try #require(s.player)
            let drawing = Screens.frame(player, ascii: false)
            let view = Screens.diagramView(s)
            let x = drawing.width <= s.width ? (s.width - drawing.width) / 2 : -view.x
            let grid = Screens.render(s)
            let screen = grid.lines()
            for (y, line) in screen.enumerated() where line.contains("↓") || line.contains("↑") {
                let row = y - 1 + view.y
                guard row >= 0, row < drawing.height, y >= 1 else { continue }
                marks += 1
                let cells = Array(line)
                // The mark: from its arrow to the end of its words.
                let start = try #require(cells.firstIndex { $0 == "↓" || $0 == "↑" })
                let end = cells[start...].lastIndex { $0 != " " }!
                let own = cells.enumerated().allSatisfy { i, c in (start...end).contains(i) || c == " " }
                if own { continue }
                for col in start...end where col - x >= 0 && col - x < drawing.width {
                    #expect(drawing[col - x, row].character == " ", "slide \(slide) hop \(player.hop): the mark hides \"\(drawing[col - x, row].character)\":\n\(screen.joined(separator: "\n"))")
                }
            }
            TutorFixtures.press(&s, ".")
        }
        #expect(marks > 0, "the drawing is taller than the screen, so marks are shown")
    }
}
