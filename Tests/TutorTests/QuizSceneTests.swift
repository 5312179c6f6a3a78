import Course
import Foundation
import Quiz
import Speech
import Testing
import Words
@testable import Tutor

/// A question computed from a scene shows the scene (issue "A quiz that teaches").
@Suite struct QuizSceneTests {
    static let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/02-dns.md").path

    @Test func aDNSQuestionIsAskedWithItsSceneDrawn() throws {
        var state = TutorFixtures.app([Self.lesson], width: 120, height: 40, language: .fr)
        let items = QuestionBank.questions(for: state.lessons[0]).filter { $0.source == .engine(.dns) }
        let dns = try #require(items.first)
        state.startQuiz([dns])
        let screen = TutorFixtures.screen(state)
        #expect(screen.contains { $0.contains("que répond le DNS du cluster") })
        // Every address of the right answer is on the drawing above the question: it is read, not recalled.
        let right = try #require(dns.answers.first.map { French().quiz(dns.choices[$0]) })
        let question = try #require(screen.firstIndex { $0.contains("que répond le DNS du cluster") })
        let drawing = screen[..<question].joined(separator: "\n")
        #expect(drawing.contains("┌") || drawing.contains("╭"), "a drawing above the question")
        for address in right.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            #expect(drawing.contains(address), "\(address) is not on the drawing:\n\(screen.joined(separator: "\n"))")
        }
    }

    @Test func atEightyColumnsTheSceneMakesRoomOrSaysSo() throws {
        var state = TutorFixtures.app([Self.lesson], width: 80, height: 24, language: .fr)
        let dns = try #require(QuestionBank.questions(for: state.lessons[0]).first { $0.source == .engine(.dns) })
        state.startQuiz([dns])
        let screen = TutorFixtures.screen(state)
        #expect(screen.contains { $0.contains("que répond le DNS") }, "the question is always on screen")
        #expect(screen.contains { $0.contains("1. ") }, "and its choices:\n\(screen.joined(separator: "\n"))")
    }

    /// Seen at 80×24: "sur quels Pods la requête peut-elle arriver ?" under the top of the
    /// scene, its Services and CoreDNS; the Pods asked about were below the cut.
    @Test func atEightyColumnsThePodsAskedAboutAreOnTheSceneShown() throws {
        var state = TutorFixtures.app([Self.lesson], width: 80, height: 24, language: .fr)
        let items = QuestionBank.questions(for: state.lessons[0]).filter { $0.source == .engine(.candidates) }
        #expect(!items.isEmpty)
        for item in items {
            state.startQuiz([item])
            let screen = TutorFixtures.screen(state)
            let question = try #require(screen.firstIndex { $0.contains("sur quels Pods") }, "\(screen.joined(separator: "\n"))")
            let drawing = screen[..<question].joined(separator: "\n")
            guard drawing.contains("┌") || drawing.contains("╭") else { continue }
            let player = try #require(state.scenePlayer(for: item))
            for choice in item.choices.map({ French().quiz($0) }) {
                let name = String(choice.split(separator: "/").last ?? "")
                guard player.layout.nodes.contains(where: { $0.lines.contains { $0.contains(name) } }) else { continue }
                #expect(drawing.contains(name), "\(choice) is drawn in the scene but not on screen:\n\(screen.joined(separator: "\n"))")
            }
        }
    }

    /// Seen at 80x24: a wrong answer opens the real trace, under a header naming the lesson
    /// and slide the quiz was started from ("Les trois réseaux d'un cluster · 1/73"), whatever
    /// lesson the question came from. The header names the question.
    @Test func theTraceOfAnAnswerIsHeadedByItsQuestion() throws {
        let all = TutorFixtures.repository.appendingPathComponent("Lessons").path
        var state = TutorFixtures.app([all], width: 80, height: 24, language: .fr)
        let dns = try #require(state.lessons.lazy.flatMap { QuestionBank.questions(for: $0) }.first { $0.source == .engine(.dns) })
        state.startQuiz([dns])
        let wrong = try #require(dns.choices.indices.first { !dns.answers.contains($0) })
        TutorFixtures.press(&state, "\(wrong + 1)", "Enter")
        #expect(state.screen == .diagram, "a wrong answer opens the trace")
        let screen = TutorFixtures.screen(state)
        #expect(screen[0].hasPrefix(" reseau · Quiz · 1/1 · "), "\(screen.joined(separator: "\n"))")
        #expect(!screen[0].contains("/\(state.slides.count)"), "not the slide the quiz began on: \(screen[0])")
    }

    @Test func theTraceIsNotShownBeforeTheAnswer() throws {
        var state = TutorFixtures.app([Self.lesson], width: 120, height: 40, language: .fr)
        let dns = try #require(QuestionBank.questions(for: state.lessons[0]).first { $0.source == .engine(.dns) })
        state.startQuiz([dns])
        TutorFixtures.press(&state, "v")
        #expect(state.screen == .quiz, "v before answering would give the answer away")
    }

    @Test func escapeLeavesReseauQuiz() throws {
        var state = TutorFixtures.app([Self.lesson], width: 80, height: 24, language: .fr)
        state.startQuiz(QuestionBank.authorQuestions(state.lessons[0]))
        state.leavesAfterQuiz = true
        TutorFixtures.press(&state, "Esc")
        #expect(state.quit, "reseau quiz: Esc leaves the program (its score is printed after)")
        var fromLesson = TutorFixtures.app([Self.lesson], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&fromLesson, "Q", "Esc")
        #expect(!fromLesson.quit && fromLesson.screen == .slide, "Q from a lesson: Esc goes back to it")
    }
}
