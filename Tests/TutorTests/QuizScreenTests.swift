import Speech
import Words
import Canvas
import Course
import Foundation
import NetSim
import Testing
@testable import Tutor

/// The quiz screen driven by keys: `Q` from a lesson, numbers and letters, Space, Enter.
struct QuizScreenTests {
    @Test func aRoundFromALessonWithRightAndWrongShownInWords() throws {
        var s = TutorFixtures.app([TutorFixtures.fixture("quiz.md")])
        TutorFixtures.press(&s, "Q")
        #expect(s.screen == .quiz)
        var screen = TutorFixtures.screen(s)
        #expect(screen[0].hasPrefix(" reseau · Quiz · 1/6 · score 0/0 · streak 0"))
        #expect(screen.contains { $0.contains("Quel composant programme les règles iptables des Services ?") })
        #expect(screen.contains { $0.contains("› ( ) 1. kubelet") })
        // b = the second choice; Enter submits.
        TutorFixtures.press(&s, "b")
        #expect(TutorFixtures.screen(s).contains { $0.contains("(•) 2. kube-proxy") })
        TutorFixtures.press(&s, "Enter")
        screen = TutorFixtures.screen(s)
        #expect(screen.contains { $0.contains("(•) 2. kube-proxy  ✓ right answer") })
        #expect(screen.contains { $0.contains("✓ Right!") })
        #expect(screen.contains { $0.contains("kube-proxy écrit les chaînes KUBE-SERVICES") })
        #expect(s.pendingReviews.map(\.passed) == [true])
        try TutorFixtures.snapshot(screen, "quiz-answered")

        // Multiple answers: 1 ticks, Space on the cursor (moved with j) ticks 3; wrong.
        TutorFixtures.press(&s, "Enter", "1", "j", "j", "Space", "Enter")
        screen = TutorFixtures.screen(s)
        #expect(screen[0].contains("2/6 · score 1/2 · streak 0"))
        #expect(screen.contains { $0.contains("[x] 1. ClusterIP  ✓ right answer") })
        #expect(screen.contains { $0.contains("[ ] 2. NodePort  ✓ right answer") })
        #expect(screen.contains { $0.contains("[x] 3. ExternalName  ✗ wrong") })
        #expect(screen.contains { $0.contains("✗ Wrong.") })
        #expect(s.pendingReviews.map(\.passed) == [true, false])

        // Enter with nothing picked says so and does not grade.
        TutorFixtures.press(&s, "Enter", "Enter")
        #expect(s.message?.en == "Pick an answer (1-9 or a-i).")
        #expect(s.pendingReviews.count == 2)
    }

    @Test func theSummaryListsMissedQuestionsAndReopensThem() throws {
        var s = TutorFixtures.app([TutorFixtures.fixture("quiz.md")], language: .fr)
        TutorFixtures.press(&s, "Q")
        for _ in 0..<6 { TutorFixtures.press(&s, "1", "Enter", "Enter") }
        // The missed ones come back (learning steps) until answered right twice.
        var guardCount = 0
        while let item = s.quiz?.current, guardCount < 20 {
            for a in item.answers { TutorFixtures.press(&s, "\(a + 1)") }
            TutorFixtures.press(&s, "Enter", "Enter")
            guardCount += 1
        }
        #expect(s.quiz?.isFinished == true)
        let missed = try #require(s.quiz?.missed)
        #expect(!missed.isEmpty)
        let screen = TutorFixtures.screen(s)
        #expect(screen[0].contains("Quiz · bilan"))
        #expect(screen.contains { $0.contains("Score : \(6 - missed.count)/6") })
        #expect(screen.contains { $0.contains("Questions manquées (Entrée : la reposer) :") })
        #expect(screen.contains { $0.contains("› ✗ " + missed[0].prompt.fr) })
        TutorFixtures.press(&s, "Enter")
        #expect(s.quiz?.current?.id == missed[0].id)
        #expect(s.screen == .quiz)
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide)
        #expect(s.quiz == nil)
    }

    @Test func quizKeysAreInTheHelpTable() {
        let help = KeyMap.helpLines(.en)
        #expect(help.contains("Quiz"))
        #expect(help.contains { $0.hasPrefix("  1-9 a-i") && $0.contains("pick an answer") })
        #expect(help.contains { $0.hasPrefix("  Q ") && $0.contains("quiz on the lesson") })
        #expect(help.contains { $0.hasPrefix("  v ") && $0.contains("trace") })
    }

    @Test(.enabled(if: TutorFixtures.hasSeed))
    func anEngineQuestionPlaysTheRealTraceAfterAnswering() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 120, height: 40)
        TutorFixtures.press(&s, "Q")
        // The eight table questions come first; the ninth is the engine's (scene 2).
        for _ in 0..<8 { TutorFixtures.press(&s, "1", "Enter", "Enter") }
        let item = try #require(s.quiz?.current)
        #expect(item.replay != nil)
        for n in item.answers { TutorFixtures.press(&s, String(n + 1)) }
        TutorFixtures.press(&s, "Enter")
        #expect(s.screen == .diagram)
        #expect(s.player?.playing == true)
        #expect(s.player?.trace?.request.url == "http://green:82")
        #expect(s.message?.en == "✓ Right. The real trace; Esc: back to the question.")
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .quiz)
        #expect(TutorFixtures.screen(s).contains { $0.contains("✓ Right!") })
        TutorFixtures.press(&s, "v")
        #expect(s.screen == .diagram)
    }
}
