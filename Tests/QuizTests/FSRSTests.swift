import Speech
import Words
import Foundation
import Testing
@testable import Memory

/// FSRS-6 with its default parameters, checked against the formulas worked by hand
/// (github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm, FSRS-6).
struct FSRSTests {
    let fsrs = FSRS()
    let day = FSRS.secondsPerDay
    let start = 1_790_000_000.0

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }

    @Test func defaultParametersAreTheTwentyOnePublishedOnes() {
        #expect(FSRS.defaultParameters.count == 21)
        #expect(FSRS.defaultParameters.first == 0.2172)
        #expect(FSRS.defaultParameters.last == 0.2)
        // FACTOR = 0.9^(1/DECAY) − 1 = 0.9^(−1/0.2) − 1 = 0.9^−5 − 1 = 1/0.59049 − 1 = 0.693508…
        #expect(close(fsrs.factor, 1 / 0.59049 - 1))
        // At t = S the recall probability is 90 %, and the interval for r = 0.9 is S itself.
        #expect(close(fsrs.retrievability(elapsedDays: 7, stability: 7), 0.9))
        #expect(close(fsrs.interval(stability: 7), 7))
    }

    @Test func aSequenceOfPassAndFailReviews() throws {
        // 1. New question, right (Good): S0(3) = w2 = 3.2602.
        //    D0(3) = w4 − e^(w5·2) + 1 = 7.0114 − e^1.14 + 1 = 7.0114 − 3.126768 + 1 = 4.884632.
        //    I = S = 3.2602 → 3 days.
        let first = fsrs.review(nil, passed: true, at: start, lesson: "reseau")
        #expect(close(first.stability, 3.2602))
        #expect(close(first.difficulty, 4.884632, 1e-6))
        #expect(first.scheduledDays == 3)

        // 2. Right again after 3 days.
        //    R = (1 + 0.693509·3/3.2602)^−0.2 = 1.638159^−0.2 = 0.906001.
        //    S'r = S·(1 + e^w8·(11−D)·S^−w9·(e^(w10·(1−R)) − 1))
        //        = 3.2602·(1 + e^1.5261·6.115368·3.2602^−0.112·(e^(1.0178·0.093999) − 1)) = 11.326707.
        //    D' : ΔD = 0, D'' = w7·D0(4) + (1−w7)·D, D0(4) = 7.0114 − e^1.71 + 1 = 2.482439
        //       = 0.0069·2.482439 + 0.9931·4.884632 = 4.868057.
        //    I = 11.33 → 11 days.
        let second = fsrs.review(first, passed: true, at: start + 3 * day, lesson: "reseau")
        #expect(close(fsrs.retrievability(elapsedDays: 3, stability: 3.2602), 0.906001, 1e-6))
        #expect(close(second.stability, 11.326707, 1e-6))
        #expect(close(second.difficulty, 4.868057, 1e-6))
        #expect(second.scheduledDays == 11)

        // 3. Wrong (Again) after those 11 days.
        //    R = (1 + 0.693509·11/11.326707)^−0.2 = 0.902141.
        //    S'f = w11·D^−w12·((S+1)^w13 − 1)·e^(w14·(1−R))
        //        = 1.849·4.868057^−0.1133·(12.326707^0.3127 − 1)·e^(2.2934·0.097859) = 2.308317,
        //    below the cap S / e^(w17·w18) = 11.326707 / e^0.251100 = 8.811554.
        //    D' : ΔD = −w6·(1−3) = 4.1932, damped: 4.868057 + 4.1932·(10−4.868057)/9 = 7.259086,
        //    mean reversion: 0.0069·2.482439 + 0.9931·7.259086 = 7.226127.
        //    I = 2.31 → 2 days.
        let third = fsrs.review(second, passed: false, at: start + 14 * day, lesson: "reseau")
        #expect(close(third.stability, 2.308317, 1e-6))
        #expect(close(third.difficulty, 7.226127, 1e-6))
        #expect(third.scheduledDays == 2)
        #expect(third.lapses == 1)

        // 4. Right after 2 days: R = 0.910182, S'r = 5.801308, D' = 7.193396, I = 5.80 → 6 days.
        let fourth = fsrs.review(third, passed: true, at: start + 16 * day, lesson: "reseau")
        #expect(close(fourth.stability, 5.801308, 1e-6))
        #expect(close(fourth.difficulty, 7.193396, 1e-6))
        #expect(fourth.scheduledDays == 6)
        #expect(fourth.reps == 4)
    }

    @Test func aFirstWrongAnswerComesBackTheNextDay() {
        // S0(1) = w0 = 0.2172 → I = 0.22 days, rounded up to the one-day minimum; D0(1) = w4 = 7.0114.
        let state = fsrs.review(nil, passed: false, at: start, lesson: "l")
        #expect(close(state.stability, 0.2172))
        #expect(close(state.difficulty, 7.0114))
        #expect(state.scheduledDays == 1)
    }

    @Test func sameDayReviewUsesShortTermStability() {
        // S' = S·e^(w17·(G−3+w18))·S^−w19 = 3.2602·e^(0.7536·0.3332)·3.2602^−0.1437
        //    = 3.2602·1.285438·0.843814 = 3.536244 (≥ S, as Good must not lower it).
        let first = fsrs.review(nil, passed: true, at: start, lesson: "l")
        let again = fsrs.review(first, passed: true, at: start + 600, lesson: "l")
        let expected = 3.2602 * exp(0.7536 * 0.3332) * pow(3.2602, -0.1437)
        #expect(close(again.stability, expected))
        #expect(close(again.stability, 3.536244, 1e-5))
    }

    @Test func desiredRetentionChangesTheInterval() {
        // r = 0.8: I = S/FACTOR·(0.8^(1/−0.2) − 1) = 10/0.693509·(3.051758 − 1) = 29.585 days.
        let lenient = FSRS(desiredRetention: 0.8)
        #expect(close(lenient.interval(stability: 10), 29.585174, 1e-5))
        #expect(lenient.scheduledDays(stability: 10) == 30)
        #expect(FSRS(desiredRetention: 0.95).scheduledDays(stability: 10) < 10)
    }
}
