import Course
import Foundation
import Testing
import Words
@testable import Tutor

/// The help at 80x24, as a student sees it: it was cut after "r recharger le fichier" with
/// nothing saying that the diagram, presenting, course and quiz keys were below, and the `!`
/// line was cut at the edge ("(Entrée : a…").
@Suite struct HelpScreenTests {
    @Test func theHelpSaysWhatIsBelowAndCutsNoDescription() throws {
        var state = TutorFixtures.app([TutorFixtures.repository.appendingPathComponent("Lessons").path], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&state, "Enter", "?")
        var screen = TutorFixtures.screen(state)
        #expect(screen.contains { $0.contains("↓ ") && $0.contains("lignes de plus (j, PgDn)") }, "\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.contains("…") }, "no description cut:\n\(screen.joined(separator: "\n"))")
        // The `!` line goes on under its description, aligned with it.
        let bang = try #require(screen.firstIndex { $0.contains(" !   ") })
        let column = try #require(screen[bang].range(of: "les erreurs")).lowerBound
        let next = screen[bang + 1]
        #expect(next.prefix(upTo: next.index(next.startIndex, offsetBy: screen[bang].distance(from: screen[bang].startIndex, to: column))).allSatisfy { $0 == " " },
                "the rest of the `!` description under its start:\n\(screen[bang])\n\(next)")
        // Paging down reaches the end, where nothing is said to be below.
        for _ in 0..<10 { TutorFixtures.press(&state, "PgDn") }
        screen = TutorFixtures.screen(state)
        #expect(screen.contains { $0.contains("Quiz") }, "the quiz keys are at the end:\n\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.contains("lignes de plus") })
    }
}
