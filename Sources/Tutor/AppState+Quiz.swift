import Words
import Course
import Memory
import NetSim
import Quiz

extension AppState {
    /// `Q`: the current lesson's questions (due first, then new, then the rest).
    mutating func startLessonQuiz() {
        let index: Int
        if screen == .course { index = cursor } else if let ref = currentSlide { index = ref.lesson } else { return }
        guard lessons.indices.contains(index) else { return }
        let items = QuizPlan.order(QuestionBank.questions(for: lessons[index]), progress: progress, now: now, all: true)
        guard !items.isEmpty else {
            message = .noQuestionInLesson
            return
        }
        startQuiz(items)
    }

    /// Opens the quiz screen on these questions (`reseau quiz` starts here).
    public mutating func startQuiz(_ items: [QuizItem]) {
        quiz = QuizSession(items: items)
        quizReturn = screen == .quiz ? quizReturn : screen
        missedCursor = 0
        screen = .quiz
    }

    /// `1`…`9` or `a`…`i` on the quiz screen: the choice's index.
    static func choiceIndex(_ key: String) -> Int? {
        guard key.count == 1, let c = key.unicodeScalars.first else { return nil }
        if ("1"..."9").contains(c) { return Int(c.value) - 49 }
        if ("a"..."i").contains(c) { return Int(c.value) - 97 }
        return nil
    }

    mutating func handleQuiz(key: String) -> Bool {
        guard screen == .quiz, var session = quiz else { return false }
        defer { quiz = session }
        if session.result == nil, !session.isFinished, let n = Self.choiceIndex(key) {
            session.choose(n)
            return true
        }
        return false
    }

    /// Enter on the quiz screen: submit, then next; on the summary, reopen the missed question
    /// under the cursor.
    mutating func quizEnter() {
        guard var session = quiz else { return }
        if session.isFinished {
            let missed = session.missed
            if missed.indices.contains(missedCursor) { session.reopen(missed[missedCursor]) }
            quiz = session
            return
        }
        if session.result != nil {
            session.next(at: now)
            quiz = session
            return
        }
        guard let result = session.submit(at: now) else {
            message = .pickAnAnswer
            return
        }
        quiz = session
        // A learning step is practice: the scheduler records the first answer only.
        if result.counts { pendingReviews.append(PendingReview(id: result.item.id, lesson: result.item.lesson, passed: result.right)) }
        // An engine question: the real trace plays at once (Esc comes back to the answer).
        if result.item.replay != nil { replayQuizTrace() }
    }

    /// The player of the scene an engine question was computed from (its flow selected).
    func scenePlayer(for item: QuizItem) -> DiagramPlayer? {
        guard let replay = item.replay,
              let lessonIndex = lessons.firstIndex(where: { QuestionBank.lessonKey($0) == item.lesson }) else { return nil }
        let lesson = lessons[lessonIndex]
        guard let scene = lesson.scenes().first(where: { $0.number == replay.scene }),
              let block = lesson.allBlocks.first(where: { block in
                  switch block {
                  case .mermaid(let d): return d.line == scene.line
                  case .scene(let s): return s.line == scene.line
                  default: return false
                  }
              }),
              var p = DiagramPlayer.make(for: block, in: lesson, width: width, ascii: ascii, words: words) else { return nil }
        p.select(flow: replay.flow)
        return p
    }

    /// `v`: plays the trace the current (answered) engine question was computed from.
    mutating func replayQuizTrace() {
        // Only once answered: the trace gives the answer away.
        guard let session = quiz, let item = session.result?.item, var p = scenePlayer(for: item) else { return }
        p.playing = true
        player = p
        screen = .diagram
        let right = session.result?.right == true
        message = right ? .rightSeeTrace : .wrongSeeTrace
    }

    mutating func quizMove(_ delta: Int) {
        guard var session = quiz else { return }
        if session.isFinished {
            missedCursor = min(max(0, missedCursor + delta), max(0, session.missed.count - 1))
        } else {
            session.moveCursor(delta)
        }
        quiz = session
    }
}

