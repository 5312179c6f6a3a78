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

    /// When a mark must be shown, it goes where the drawing is blank on its row.
    @Test func aMarkDoesNotHideTheDrawing() throws {
        guard TutorFixtures.hasSeed else { return }
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "7", "G", "Enter")
        let screen = TutorFixtures.screen(s)
        // Slide 7's NodePort drawing runs the user's lines down its left edge: the mark is at
        // the right end of its row, and the lines on that row stay seen.
        let mark = try #require(screen.first { $0.contains("lignes de plus") }, "\(screen.joined(separator: "\n"))")
        let trimmed = mark.trimmingCharacters(in: .whitespaces)
        #expect(trimmed.hasSuffix("lignes de plus"), "\(mark)")
        #expect(trimmed.hasPrefix("│") && trimmed.filter { "│┆".contains($0) }.count >= 4, "\(mark)")
    }

    /// When a row has no room for the whole mark (slide 7's three Nodes fill the bottom rows
    /// at 80x24, Node 1 lit), the count alone goes where the row is blank, rather than the
    /// mark writing over Node 3's frame.
    @Test func aMarkWithNoRoomSaysItsCountWhereTheRowIsBlank() throws {
        guard TutorFixtures.hasSeed else { return }
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "7", "G", "Enter", ".", ".")
        let screen = TutorFixtures.screen(s)
        let text = screen.joined(separator: "\n")
        let row = try #require(screen.firstIndex { $0.hasSuffix(" ↓ 13") || $0.hasSuffix(" ↓ 13 ") }, "\(text)")
        // Node 3's frame keeps both its sides on that row and the one above.
        #expect(screen[row].contains("│                 │      ↓ 13"), "\(screen[row])")
        #expect(screen[row - 1].contains("│  :30001 :30002  │"), "\(text)")
    }
}
