import Course
import Foundation
import Speech
import Testing
import Words
@testable import Tutor

/// Issue "The course author's loop": the table of contents grouped by lesson, the current
/// lesson open, at 80x24.
@Suite struct ContentsTests {
    @Test func theContentsAreGroupedByLessonTheCurrentOneOpen() throws {
        var state = TutorFixtures.app([TutorFixtures.repository.appendingPathComponent("Lessons").path], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&state, "j", "j", "j", "Enter")            // the fourth lesson
        TutorFixtures.press(&state, "t")
        let screen = TutorFixtures.screen(state)
        try TutorFixtures.snapshot(screen, "contents-grouped")
        #expect(screen.contains { $0.contains("▸ Les trois réseaux d'un cluster") })
        #expect(screen.contains { $0.contains("▾ ClusterIP : l'adresse virtuelle") })
        #expect(screen.filter { $0.contains("Vérifier ses acquis") }.count == 1, "one lesson's sections only")
        #expect(screen.contains { $0.contains("▸ Cas d'usage") }, "every lesson fits at 80x24")
        // Enter on another lesson's title opens it; its sections show next time.
        TutorFixtures.press(&state, "k", "Enter")
        #expect(state.currentSlide.map { state.lessons[$0.lesson].title } == "Service et labels")
        TutorFixtures.press(&state, "t")
        #expect(TutorFixtures.screen(state).contains { $0.contains("▾ Service et labels") })
    }
}
