import Course
import Foundation
import Speech
import Testing
import Words
@testable import Tutor

/// Issue "The course author's loop": a block that could not be read shows its diagnostics
/// where it would be, never an invented drawing; the header counts the lesson's problems and
/// `!` lists them, each leading to its slide.
@Suite struct BrokenBlockTests {
    static let path = TutorFixtures.fixture("broken-blocks.md")

    @Test func brokenBlocksShowTheirDiagnosticsInPlace() throws {
        var state = TutorFixtures.app([Self.path], width: 80, height: 24, language: .fr)
        state.checkLessons(Curriculum.load(paths: [Self.path]))
        let first = TutorFixtures.screen(state)
        try TutorFixtures.snapshot(first, "broken-scene")
        #expect(first.contains { $0.contains("Bloc illisible") })
        #expect(first.contains { $0.contains("broken-blocks.md:2:8: erreur: en-tête (frontmatter) : YAML") }, "the frontmatter at the top")
        #expect(first.contains { $0.contains("broken-blocks.md:10:11: erreur: scène : YAML") })
        #expect(!first.contains { $0.contains("node-1") }, "no invented cluster")
        #expect(first[0].contains("⚠ 3 erreurs (!)"), "the frontmatter, the scene and the quiz: \(first[0])")
        TutorFixtures.press(&state, "Space")
        let second = TutorFixtures.screen(state)
        #expect(second.contains { $0.contains("Bloc illisible") })
        #expect(second.contains { $0.contains("broken-blocks.md:18:11: erreur: quiz : YAML") })
        #expect(!second.contains { $0.contains("Quiz · 0 question") })
    }

    /// Seen: `reseau --lang fr /nope.md Lessons/01-trois-reseaux.md` opened lesson 1 with a
    /// clean header; that `/nope.md` could not be opened was only on `!`.
    @Test func aPathThatCouldNotBeOpenedIsCountedOnEverySlide() throws {
        let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/01-trois-reseaux.md").path
        let missing = "/nope-\(getpid()).md"
        var state = TutorFixtures.app([missing, lesson], width: 80, height: 24, language: .fr)
        let first = TutorFixtures.screen(state)
        #expect(first[0].hasPrefix(" reseau · Les trois réseaux d'un cluster · 1/5"), "\(first[0])")
        #expect(first[0].hasSuffix("⚠ 1 erreur (!)"), "\(first[0])")
        TutorFixtures.press(&state, "Space")
        #expect(TutorFixtures.screen(state)[0].contains("⚠ 1 erreur (!)"), "on the next slide too")
        TutorFixtures.press(&state, "!")
        #expect(TutorFixtures.screen(state).contains { $0.contains("nope-\(getpid()).md: erreur: aucun fichier ni dossier de ce nom") })
        // A lesson opened alone has no such count.
        let clean = TutorFixtures.screen(TutorFixtures.app([lesson], width: 80, height: 24, language: .fr))
        #expect(!clean[0].contains("⚠"), "\(clean[0])")
    }

    @Test func bangListsTheProblemsAndEnterGoesToTheSlide() throws {
        var state = TutorFixtures.app([Self.path], width: 80, height: 24, language: .en)
        state.checkLessons(Curriculum.load(paths: [Self.path]))
        TutorFixtures.press(&state, "!")
        #expect(state.screen == .problems)
        let list = TutorFixtures.screen(state)
        #expect(list.contains { $0.contains("broken-blocks.md:2:8: error: frontmatter: invalid") })
        #expect(list.contains { $0.contains("broken-blocks.md:18:11: error: quiz: invalid YAML") })
        TutorFixtures.press(&state, "j", "j", "Enter")
        #expect(state.screen == .slide)
        #expect(state.current == 1, "the quiz's error leads to its slide")
        TutorFixtures.press(&state, "!", "Esc")
        #expect(state.screen == .slide)
    }
}
