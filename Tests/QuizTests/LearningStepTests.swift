import Course
import Foundation
import Memory
import Quiz
import Speech
import Testing
import Words

/// Learning steps and the daily limit of new questions (issue "A quiz that teaches"; Anki's
/// defaults: steps of 1 and 10 minutes, 20 new cards a day).
@Suite struct LearningStepTests {
    static func item(_ n: Int) -> QuizItem {
        QuizItem(id: "l/q\(n)", lesson: "l", source: .author, prompt: .literal("Q\(n)"), choices: [.literal("a"), .literal("b")],
                 answers: [0], explanation: nil, line: n)
    }

    func answer(_ session: inout QuizSession, right: Bool, at now: Double) -> QuizSession.Result? {
        session.choose(right ? 0 : 1)
        let r = session.submit(at: now)
        session.next(at: now)
        return r
    }

    @Test func aMissedQuestionComesBackAfterOneMinuteThenTen() {
        var session = QuizSession(items: (1...6).map(Self.item))
        #expect(answer(&session, right: false, at: 0)?.counts == true)     // Q1 missed at t=0
        #expect(session.current?.id == "l/q2")
        _ = answer(&session, right: true, at: 20)                           // Q2
        #expect(session.current?.id == "l/q3", "one minute has not passed")
        _ = answer(&session, right: true, at: 61)                           // Q3 at t=61: Q1's step is due
        #expect(session.current?.id == "l/q1", "Q1 comes back after a minute")
        let again = answer(&session, right: true, at: 70)
        #expect(again?.counts == false, "a learning step is not a second review for the scheduler")
        #expect(session.current?.id == "l/q4")
        _ = answer(&session, right: true, at: 100)                          // Q4
        _ = answer(&session, right: true, at: 200)                          // Q5
        #expect(session.current?.id == "l/q6", "the 10-minute step has not come")
        _ = answer(&session, right: true, at: 300)                          // Q6: the round has nothing left
        #expect(session.current?.id == "l/q1", "learnt ahead at the end of the round")
        _ = answer(&session, right: true, at: 310)
        #expect(session.isFinished, "right at its last step, Q1 is learnt")
        #expect(session.score == 5 && session.answered == 6, "first answers only: 5 right of 6")
        #expect(session.missed.map(\.id) == ["l/q1"])
    }

    @Test func missedAgainItStartsOver() {
        var session = QuizSession(items: [Self.item(1), Self.item(2)])
        _ = answer(&session, right: false, at: 0)
        _ = answer(&session, right: true, at: 5)
        #expect(session.current?.id == "l/q1")
        _ = answer(&session, right: false, at: 10)
        #expect(session.current?.id == "l/q1", "nothing else left: back at once, from the first step")
        _ = answer(&session, right: true, at: 20)
        #expect(session.current?.id == "l/q1", "then its second step")
        _ = answer(&session, right: true, at: 30)
        #expect(session.isFinished)
    }

    @Test func atMostTwentyNewQuestionsADayDueOnesFirst() throws {
        let items = (1...40).map(Self.item)
        var progress = StudyProgress()
        let now = Date().timeIntervalSince1970
        let fsrs = FSRS()
        // Five answered earlier today; two from long ago, due now.
        for n in 1...5 { progress.cards["l/q\(n)"] = fsrs.review(nil, passed: true, at: now - 60, lesson: "l") }
        for n in 6...7 {
            var old = fsrs.review(nil, passed: true, at: now - 30 * 86_400, lesson: "l")
            old.due = now - 10
            progress.cards["l/q\(n)"] = old
        }
        let round = QuizPlan.order(items, progress: progress, now: now, newLimit: 20)
        #expect(round.prefix(2).map(\.id) == ["l/q6", "l/q7"], "due reviews first")
        #expect(round.count == 2 + 15, "20 new a day, 5 already introduced today: 15 more")
        #expect(QuizPlan.order(items, progress: progress, now: now).count == 2 + 33, "no limit: every new question")
    }

    @Test func lessonsAreFoundByFileNameOrTitleWords() {
        let lessons = Curriculum.load(paths: [QuizFairnessTests.repository.appendingPathComponent("Lessons").path]).lessons
        #expect(LessonFinder.find(["04-clusterip"], in: lessons).found.map(\.title) == ["ClusterIP : l'adresse virtuelle"])
        #expect(LessonFinder.find(["Lessons/02-dns.md"], in: lessons).found.count == 1)
        #expect(LessonFinder.find(["trois reseaux"], in: lessons).found.first?.title == "Les trois réseaux d'un cluster", "accents aside")
        #expect(LessonFinder.find(["zzz"], in: lessons).unknown == ["zzz"])
    }
}
