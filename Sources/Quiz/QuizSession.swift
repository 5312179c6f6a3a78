import FoundationEssentials
import Memory
import NetSim

/// One round of questions: what is asked, what was picked, the score and streak, the misses.
/// A value with no I/O: the terminal screen and the line mode both drive it.
public struct QuizSession: Sendable {
    public struct Result: Sendable, Equatable {
        public var item: QuizItem
        public var right: Bool
        /// The question's first answer of the round: the only one the scheduler records (a
        /// relearning step is practice, not a review).
        public var counts: Bool = true
    }

    /// Anki's default learning steps: a question missed comes back after 1 minute of the
    /// round's clock, then, answered right, after 10 more; right again, it is learnt.
    public static let learningSteps: [Double] = [60, 600]

    /// A missed question waiting to come back: at which step, and when.
    struct Learning: Sendable, Equatable {
        var item: QuizItem
        var step: Int
        var due: Double
    }
    var learning: [Learning] = []

    public private(set) var items: [QuizItem]
    public private(set) var index = 0
    /// The choices ticked for the current question.
    public var picked: Set<Int> = []
    /// The choice under the cursor (Space ticks it).
    public var cursor = 0
    /// The current question's answer, once submitted (the screen shows right/wrong and the explanation).
    public private(set) var result: Result?
    public private(set) var results: [Result] = []
    public private(set) var streak = 0
    public private(set) var bestStreak = 0

    public init(items: [QuizItem]) { self.items = items }

    public var current: QuizItem? { items.indices.contains(index) ? items[index] : nil }
    public var isFinished: Bool { index >= items.count }
    /// Right first answers (a learning step does not score twice).
    public var score: Int { results.filter { $0.counts && $0.right }.count }
    /// Questions answered at least once.
    public var answered: Int { results.filter(\.counts).count }
    /// The questions missed at least once this round, each once.
    public var missed: [QuizItem] {
        var seen = Set<String>()
        return results.filter { !$0.right && seen.insert($0.item.id).inserted }.map(\.item)
    }

    /// Choice `n` (0-based) by its number or letter: ticked or unticked in a multiple-answer
    /// question, chosen in a single-answer one.
    public mutating func choose(_ n: Int) {
        guard result == nil, let item = current, item.choices.indices.contains(n) else { return }
        cursor = n
        if item.isMultipleAnswer {
            if picked.contains(n) { picked.remove(n) } else { picked.insert(n) }
        } else {
            picked = [n]
        }
    }

    /// Space: ticks the choice under the cursor.
    public mutating func toggleCursor() { choose(cursor) }

    public mutating func moveCursor(_ delta: Int) {
        guard let item = current, !item.choices.isEmpty else { return }
        cursor = min(max(0, cursor + delta), item.choices.count - 1)
    }

    /// Enter: grades the current question (nothing ticked: nothing happens) and returns the
    /// result, to be recorded by the caller.
    /// `now`: the round's clock (seconds), which times the learning steps.
    @discardableResult
    public mutating func submit(at now: Double = 0) -> Result? {
        guard result == nil, let item = current, !picked.isEmpty else { return nil }
        let right = item.isRight(picked)
        let step = learning.firstIndex { $0.item.id == item.id }
        let r = Result(item: item, right: right, counts: !results.contains { $0.item.id == item.id })
        result = r
        results.append(r)
        streak = right ? streak + 1 : 0
        bestStreak = max(bestStreak, streak)
        // Learning steps: missed, it comes back at the first step; right while relearning,
        // it moves to the next step, and past the last it is learnt.
        if !right {
            if let step { learning.remove(at: step) }
            learning.append(Learning(item: item, step: 0, due: now + Self.learningSteps[0]))
        } else if let step {
            let next = learning[step].step + 1
            learning.remove(at: step)
            if next < Self.learningSteps.count { learning.append(Learning(item: item, step: next, due: now + Self.learningSteps[next])) }
        }
        return r
    }

    /// After the explanation: the next question: a missed one whose step has come, else the
    /// next of the round; when the round has none left, the missed ones come back at once
    /// (Anki's "learn ahead").
    public mutating func next(at now: Double = 0) {
        guard result != nil else { return }
        result = nil
        picked = []
        cursor = 0
        let dueLearning = learning.enumerated().filter { $0.element.due <= now }.min { $0.element.due < $1.element.due }
        let roundLeft = index + 1 < items.count
        if let (i, waiting) = dueLearning ?? (roundLeft ? nil : learning.enumerated().min { $0.element.due < $1.element.due }) {
            items.insert(waiting.item, at: index + 1)
            learning[i].due = .infinity
        }
        index += 1
    }

    /// The questions waiting for a learning step.
    public var waitingToComeBack: Int { learning.filter { $0.due.isFinite }.count }

    /// Asks a missed question again, at the end of the round.
    public mutating func reopen(_ item: QuizItem) {
        items.append(item)
        if isFinished { index = items.count - 1 }
    }
}

/// Which questions a round asks, in which order.
public enum QuizPlan {
    /// Due questions first (most overdue first), then new ones in lesson order; with `all`,
    /// the questions not due yet follow (soonest due first).
    /// `newLimit`: at most this many new questions a day (those first answered since the
    /// start of today count), due reviews first, as Anki's "new cards/day".
    public static func order(_ items: [QuizItem], progress: StudyProgress, now: Double, all: Bool = false,
                             newLimit: Int? = nil) -> [QuizItem] {
        var due: [(QuizItem, Double)] = [], new: [QuizItem] = [], later: [(QuizItem, Double)] = []
        var seen = Set<String>()
        for item in items where seen.insert(item.id).inserted {
            if let state = progress.cards[item.id] {
                if state.due <= now { due.append((item, state.due)) } else { later.append((item, state.due)) }
            } else {
                new.append(item)
            }
        }
        if let newLimit {
            let today = Calendar.current.startOfDay(for: Date(timeIntervalSince1970: now)).timeIntervalSince1970
            let introducedToday = progress.cards.values.filter { ($0.introduced ?? 0) >= today }.count
            new = Array(new.prefix(max(0, newLimit - introducedToday)))
        }
        var out = due.sorted { $0.1 < $1.1 }.map(\.0) + new
        if all { out += later.sorted { $0.1 < $1.1 }.map(\.0) }
        return out
    }
}

/// What `reseau progress` says about one lesson.
public struct LessonStanding: Sendable, Equatable {
    public var lesson: String
    public var total: Int
    public var seen: Int
    public var due: Int
    /// Mean retrievability now of the questions seen, 0…1.
    public var retention: Double?
    /// The soonest due date of a question seen and not due (seconds since 1970).
    public var nextDue: Double?

    public static func standings(questions: [QuizItem], progress: StudyProgress, now: Double, fsrs: FSRS) -> [LessonStanding] {
        var order: [String] = []
        var byLesson: [String: [QuizItem]] = [:]
        for q in questions {
            if byLesson[q.lesson] == nil { order.append(q.lesson) }
            byLesson[q.lesson, default: []].append(q)
        }
        // Lessons with progress but no longer among the paths given still show.
        for state in progress.cards.values where byLesson[state.lesson] == nil && !order.contains(state.lesson) {
            order.append(state.lesson)
        }
        return order.map { lesson in
            let items = byLesson[lesson] ?? []
            let ids = Set(items.map(\.id))
            let states = progress.cards.filter { $0.value.lesson == lesson && (ids.isEmpty || ids.contains($0.key)) }.map(\.value)
            let recall = states.map { fsrs.retrievability(elapsedDays: max(0, now - $0.lastReview) / FSRS.secondsPerDay, stability: $0.stability) }
            return LessonStanding(
                lesson: lesson, total: items.isEmpty ? states.count : items.count, seen: states.count,
                due: states.filter { $0.due <= now }.count,
                retention: recall.isEmpty ? nil : recall.reduce(0, +) / Double(recall.count),
                nextDue: states.filter { $0.due > now }.map(\.due).min())
        }
    }
}
