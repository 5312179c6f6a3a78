import Course
import Foundation
import Quiz
import Speech
import Testing
import Words

/// A quiz that cannot be passed without reading (issue "A quiz that teaches").
@Suite struct QuizFairnessTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessons = Curriculum.load(paths: [repository.appendingPathComponent("Lessons").path]).lessons

    static func rights(_ item: QuizItem) -> Set<String> { Set(item.answers.map { English().quiz(item.choices[$0]) }) }

    @Test func writtenRightAnswersStandAtSeveralPositions() {
        var positions: [Int: Int] = [:]
        var count = 0
        for lesson in Self.lessons {
            for item in QuestionBank.authorQuestions(lesson) where !item.isMultipleAnswer {
                positions[item.answers[0], default: 0] += 1
                count += 1
            }
        }
        #expect(count >= 60)
        #expect(positions.keys.count >= 3, "right answers at \(positions)")
        #expect(positions.values.allSatisfy { $0 * 2 <= count }, "no position holds half the right answers: \(positions)")
    }

    @Test func aQuestionLooksTheSameEachTime() {
        for lesson in Self.lessons.prefix(3) {
            #expect(QuestionBank.authorQuestions(lesson) == QuestionBank.authorQuestions(Lesson.load(path: lesson.file)))
        }
    }

    @Test func noTwoQuestionsReadTheSameWithDifferentAnswers() {
        for lesson in Self.lessons {
            var byWording: [String: Set<String>] = [:]
            for item in QuestionBank.questions(for: lesson) {
                let wording = English().quiz(item.prompt)
                if let earlier = byWording[wording] { #expect(earlier == Self.rights(item), Comment(rawValue: lesson.file + ": " + wording)) }
                byWording[wording] = Self.rights(item)
            }
            #expect(Set(QuestionBank.questions(for: lesson).map { English().quiz($0.prompt) }).count == QuestionBank.questions(for: lesson).count,
                    Comment(rawValue: lesson.file + " asks a wording twice"))
        }
    }

    @Test func noEngineAnswerDependsOnTheDraw() {
        for lesson in Self.lessons {
            let base = Dictionary(QuestionBank.engineQuestions(lesson).map { ($0.id, Self.rights($0)) }, uniquingKeysWith: { a, _ in a })
            for seed: UInt64 in [1, 2, 5, 11] {
                let other = Dictionary(QuestionBank.engineQuestions(lesson, seed: seed).map { ($0.id, Self.rights($0)) }, uniquingKeysWith: { a, _ in a })
                #expect(Set(other.keys) == Set(base.keys), Comment(rawValue: lesson.file + ": seed \(seed) asks other questions"))
                for (id, answers) in base { #expect(other[id] == answers, Comment(rawValue: lesson.file + " " + id + ": seed \(seed) changes the answer")) }
            }
        }
    }

    @Test func singleAnswerQuestionsDoNotAskForEveryRightAnswer() {
        for lesson in Self.lessons {
            // The author's own prompts are theirs; the screen adds the check-box hint to those.
            for item in QuestionBank.questions(for: lesson) where item.source != .author {
                let prompt = French().quiz(item.prompt)
                #expect(prompt.contains("toutes les bonnes réponses") == item.isMultipleAnswer, Comment(rawValue: prompt))
            }
        }
    }
}
