import Course
import NetSim
import Words

/// One question the quiz asks, whatever wrote it: a lesson's `quiz` block, a two-column
/// table, or the engine tracing a scene.
public struct QuizItem: Sendable, Equatable, Identifiable {
    public enum Source: Sendable, Equatable {
        /// A `quiz` block, written by the course author.
        case author
        /// A row of a two-column table.
        case table
        /// Computed by NetSim from a scene's flow; the trace is replayed after answering.
        case engine(EngineKind)
    }

    public enum EngineKind: String, Sendable, Equatable, CaseIterable {
        case candidates, nextHop, sourcePreserved, dns, backend, policy
    }

    /// The scene and flow an engine question was computed from, to animate afterwards.
    public struct Replay: Sendable, Equatable {
        /// 1-based scene number in the lesson (`LESSON.md#N`).
        public var scene: Int
        public var flow: Int
    }

    /// `lesson/kind-hash`: the lesson's file name and a hash of the content the question is made
    /// of (never its position), so editing elsewhere in the lesson keeps the progress.
    public var id: String
    /// The lesson's file name without `.md`.
    public var lesson: String
    public var source: Source
    public var prompt: QuizText
    public var choices: [QuizText]
    public var answers: [Int]
    public var explanation: QuizText?
    /// The line of the lesson file the question comes from.
    public var line: Int
    public var replay: Replay?

    public init(id: String, lesson: String, source: Source, prompt: QuizText, choices: [QuizText], answers: [Int],
                explanation: QuizText?, line: Int, replay: Replay? = nil) {
        self.id = id
        self.lesson = lesson
        self.source = source
        self.prompt = prompt
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
        self.line = line
        self.replay = replay
    }

    public var isMultipleAnswer: Bool { answers.count > 1 }

    /// True when exactly the right choices were picked.
    public func isRight(_ picked: Set<Int>) -> Bool { picked == Set(answers) }
}

extension QuizText {
    /// What a lesson's author wrote, a table's cells: the same in every language.
    static func same(_ text: String) -> QuizText { .literal(text) }
}

/// The id hash questions share with the loader's `quiz` blocks.
func stableHash(_ parts: [String]) -> String { Question.stableHash(parts) }
