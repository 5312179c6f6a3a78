import FoundationEssentials
import Glibc

/// What the scheduler remembers of one question.
public struct MemoryState: Sendable, Equatable, Codable {
    /// Days for the recall probability to fall to 90 %.
    public var stability: Double
    /// 1 (easy) … 10 (hard).
    public var difficulty: Double
    /// Seconds since 1970 (UTC) of the last review.
    public var lastReview: Double
    /// Seconds since 1970 (UTC) when the question is next due.
    public var due: Double
    public var reps: Int
    public var lapses: Int
    /// The lesson the question comes from (its file name without `.md`), for `reseau progress`.
    public var lesson: String
    /// When the question was first answered (seconds since 1970): the daily limit of new
    /// questions counts those of today. Absent in files written before it existed.
    public var introduced: Double?

    public init(stability: Double, difficulty: Double, lastReview: Double, due: Double, reps: Int, lapses: Int,
                lesson: String) {
        self.stability = stability
        self.difficulty = difficulty
        self.lastReview = lastReview
        self.due = due
        self.reps = reps
        self.lapses = lapses
        self.lesson = lesson
    }

    /// Whole days between the last review and the due date.
    public var scheduledDays: Int { Int(((due - lastReview) / FSRS.secondsPerDay).rounded()) }
}

/// FSRS-6, the Free Spaced Repetition Scheduler, with its 21 published default parameters.
///
/// Formulas from "The Algorithm" (github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm,
/// FSRS-6 section), as py-fsrs 6 (`fsrs/scheduler.py`) and ts-fsrs 5 (`src/fsrs/algorithm.ts`)
/// implement them. Answers are graded pass/fail: a right answer is Good (3), a wrong one Again (1).
/// There are no learning steps: every review schedules whole days (at least one), and a question
/// answered twice the same day takes FSRS-6's short-term stability formula.
public struct FSRS: Sendable {
    /// `DEFAULT_PARAMETERS` of py-fsrs 6 and `default_w` of ts-fsrs (FSRS-6, w0 … w20).
    public static let defaultParameters: [Double] = [
        0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178,
        1.849, 0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2,
    ]
    public static let secondsPerDay = 86_400.0

    public enum Grade: Int, Sendable { case again = 1, hard = 2, good = 3, easy = 4 }

    public let w: [Double]
    public let desiredRetention: Double
    public let maximumInterval: Int

    public init(desiredRetention: Double = 0.9, parameters: [Double] = FSRS.defaultParameters,
                maximumInterval: Int = 36_500) {
        precondition(parameters.count == 21, "FSRS-6 has 21 parameters")
        self.w = parameters
        self.desiredRetention = desiredRetention
        self.maximumInterval = maximumInterval
    }

    /// DECAY = −w20; FACTOR = 0.9^(1/DECAY) − 1, so that R(S, S) = 0.9.
    public var decay: Double { -w[20] }
    public var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// R(t, S) = (1 + FACTOR · t / S)^DECAY
    public func retrievability(elapsedDays t: Double, stability s: Double) -> Double {
        pow(1 + factor * t / s, decay)
    }

    /// I(r, S) = S / FACTOR · (r^(1/DECAY) − 1), in days, before rounding.
    public func interval(stability s: Double) -> Double {
        s / factor * (pow(desiredRetention, 1 / decay) - 1)
    }

    /// The interval rounded to whole days, between 1 and the maximum.
    public func scheduledDays(stability s: Double) -> Int {
        min(max(Int(interval(stability: s).rounded()), 1), maximumInterval)
    }

    /// S0(G) = w[G−1]
    public func initialStability(_ g: Grade) -> Double { max(w[g.rawValue - 1], 0.001) }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1, unclamped (mean reversion uses D0(4) as is).
    func rawInitialDifficulty(_ g: Grade) -> Double { w[4] - exp(w[5] * Double(g.rawValue - 1)) + 1 }

    public func initialDifficulty(_ g: Grade) -> Double { clampDifficulty(rawInitialDifficulty(g)) }

    /// ΔD = −w6·(G−3); D' = D + ΔD·(10−D)/9 (linear damping);
    /// D'' = w7·D0(4) + (1−w7)·D' (mean reversion), clamped to [1, 10].
    public func nextDifficulty(_ d: Double, _ g: Grade) -> Double {
        let delta = -w[6] * Double(g.rawValue - 3)
        let damped = d + delta * (10 - d) / 9
        return clampDifficulty(w[7] * rawInitialDifficulty(.easy) + (1 - w[7]) * damped)
    }

    /// S'r = S · (1 + e^w8 · (11−D) · S^(−w9) · (e^(w10·(1−R)) − 1) · w15 (Hard) · w16 (Easy))
    public func recallStability(difficulty d: Double, stability s: Double, retrievability r: Double,
                                grade g: Grade) -> Double {
        let hard = g == .hard ? w[15] : 1
        let easy = g == .easy ? w[16] : 1
        return s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1) * hard * easy)
    }

    /// S'f = w11 · D^(−w12) · ((S+1)^w13 − 1) · e^(w14·(1−R)), at most S / e^(w17·w18).
    public func forgetStability(difficulty d: Double, stability s: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r))
        let shortTerm = s / exp(w[17] * w[18])
        return max(min(longTerm, shortTerm), 0.001)
    }

    /// Same-day review: S' = S · e^(w17·(G−3+w18)) · S^(−w19), never lower than S for Good and Easy.
    public func shortTermStability(_ s: Double, _ g: Grade) -> Double {
        var increase = exp(w[17] * (Double(g.rawValue) - 3 + w[18])) * pow(s, -w[19])
        if g.rawValue >= 3 { increase = max(increase, 1) }
        return s * increase
    }

    /// The state after answering at `now` (seconds since 1970); `state` nil for a new question.
    public func review(_ state: MemoryState?, passed: Bool, at now: Double, lesson: String) -> MemoryState {
        let grade: Grade = passed ? .good : .again
        guard let state else {
            let s = initialStability(grade)
            var first = MemoryState(stability: s, difficulty: initialDifficulty(grade), lastReview: now,
                                    due: now + Double(scheduledDays(stability: s)) * FSRS.secondsPerDay,
                                    reps: 1, lapses: passed ? 0 : 1, lesson: lesson)
            first.introduced = now
            return first
        }
        let elapsed = max(0, (now - state.lastReview) / FSRS.secondsPerDay)
        let s: Double
        if elapsed < 1 {
            s = shortTermStability(state.stability, grade)
        } else {
            let r = retrievability(elapsedDays: elapsed, stability: state.stability)
            s = passed
                ? recallStability(difficulty: state.difficulty, stability: state.stability, retrievability: r, grade: grade)
                : forgetStability(difficulty: state.difficulty, stability: state.stability, retrievability: r)
        }
        var next = MemoryState(stability: s, difficulty: nextDifficulty(state.difficulty, grade), lastReview: now,
                               due: now + Double(scheduledDays(stability: s)) * FSRS.secondsPerDay,
                               reps: state.reps + 1, lapses: state.lapses + (passed ? 0 : 1), lesson: state.lesson)
        next.introduced = state.introduced
        return next
    }

    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }
}
