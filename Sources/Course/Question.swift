import YAMLGuard
import Facts


/// One quiz question: a prompt, its choices and the indices of the right ones.
public struct Question: Sendable, Equatable, Identifiable {
    /// Stable across edits elsewhere in the lesson: a hash of the prompt and the choices.
    public var id: String
    public var prompt: String
    public var choices: [String]
    /// Indices into `choices`; more than one makes a multiple-answer question.
    public var answers: [Int]
    public var explanation: String?
    /// The line of the lesson file where the question starts.
    public var line: Int
    /// `shuffle: false`: the choices keep the author's order (for "all of the above" and the
    /// like); otherwise they are shown in `order`.
    public var shuffles: Bool

    public init(prompt: String, choices: [String], answers: [Int], explanation: String?, line: Int, shuffles: Bool = true) {
        self.prompt = prompt
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
        self.line = line
        self.shuffles = shuffles
        self.id = Question.stableID(prompt: prompt, choices: choices)
    }

    /// The order the choices are shown in, on the slide and in the quiz: the author's indices
    /// shuffled by a generator seeded with the question's id, so a question looks the same
    /// every time it comes back and the right answer is not always where the author wrote it.
    public var order: [Int] {
        guard shuffles else { return Array(choices.indices) }
        var rng = SplitMix(seed: id)
        return Array(choices.indices).shuffled(using: &rng)
    }

    public var isMultipleAnswer: Bool { answers.count > 1 }

    /// FNV-1a over the prompt and the choices, as 16 hex digits: the same text gives the
    /// same id on every machine and every run (Swift's `hashValue` is seeded per run). The
    /// choices count as a set: an author who reorders them (lint asks it when every answer
    /// stands first) keeps the students' progress.
    public static func stableID(prompt: String, choices: [String]) -> String {
        stableHash([prompt] + choices.sorted())
    }

    /// FNV-1a (64 bits) over the parts joined by U+001F, as 16 hex digits.
    public static func stableHash(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reads the YAML of a `quiz` fence: one question (a mapping) or a list of them.
enum QuizParser {
    /// `origin` is where the YAML's first line and column stand in the lesson file.
    static func parse(_ text: String, line origin: Int, column: Int, file: String)
        -> ([Question], [Diagnostic]) {
        let yaml = YAMLAliasGuard.withEditorLineBreaks(text)
        var diagnostics: [Diagnostic] = []
        func report(_ mark: Mark?, _ message: QuizProblem) {
            diagnostics.append(Diagnostic(
                file: file, line: origin + (mark?.line ?? 1) - 1,
                column: column + (mark?.column ?? 1) - 1, severity: .error,
                message: .quiz(message)))
        }
        if let refusal = YAMLAliasGuard.check(yaml) {
            diagnostics.append(Diagnostic(file: file, line: origin + refusal.line - 1,
                                          column: refusal.line == 1 ? column + refusal.column - 1 : refusal.column,
                                          severity: .error, message: .yaml(.quiz, refusal.problem)))
            return ([], diagnostics)
        }
        let root: Node?
        do {
            root = try YAMLRead.compose(yaml)
        } catch {
            let (l, c, message) = YAMLText.describe(error, line: origin, column: column)
            diagnostics.append(Diagnostic(file: file, line: l, column: c, severity: .error, message: .yaml(.quiz, message)))
            return ([], diagnostics)
        }
        guard let root else {
            report(nil, .empty)
            return ([], diagnostics)
        }
        let items: [Node]
        switch root {
        case .sequence(let seq): items = Array(seq)
        case .mapping: items = [root]
        default:
            report(root.mark, .notQuestions)
            return ([], diagnostics)
        }
        var questions: [Question] = []
        for item in items {
            guard case .mapping(let map) = item else {
                report(item.mark, .notAQuestion)
                continue
            }
            guard let prompt = YAMLText.string(map["question"]), !prompt.trimmingSpaces().isEmpty else {
                report(item.mark, .missingQuestion)
                continue
            }
            guard let choices = YAMLText.strings(map["choices"]), choices.count >= 2 else {
                report(map["choices"]?.mark ?? item.mark, .tooFewChoices)
                continue
            }
            guard let answerNode = map["answer"] ?? map["answers"],
                  let answerTexts = YAMLText.strings(answerNode), !answerTexts.isEmpty else {
                report(item.mark, .missingAnswer)
                continue
            }
            var answers: [Int] = []
            var bad: String?
            for text in answerTexts {
                if let index = choices.firstIndex(of: text) {
                    if !answers.contains(index) { answers.append(index) }
                } else {
                    bad = text
                }
            }
            if let bad {
                report(answerNode.mark, .answerNotAChoice(bad))
                continue
            }
            let explanation = YAMLText.string(map["explain"] ?? map["explanation"])
            let shuffles = YAMLText.string(map["shuffle"]).map { !["false", "no", "non"].contains($0.lowercased()) } ?? true
            questions.append(Question(prompt: prompt, choices: choices, answers: answers.sorted(),
                                      explanation: explanation,
                                      line: origin + (item.mark?.line ?? 1) - 1, shuffles: shuffles))
        }
        return (questions, diagnostics)
    }
}

/// A small deterministic generator (SplitMix64), seeded by text: a question's choices come
/// in the same order every time it is asked (and the monkey test's keys replay from their seed).
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    public init(seed: String) { state = UInt64(Question.stableHash([seed]), radix: 16) ?? 0 }
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
