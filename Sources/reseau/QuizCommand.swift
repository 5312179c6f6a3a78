import Facts
import Words
import ArgumentParser
import Canvas
import Course
import FoundationEssentials
import Glibc
import Memory
import NetSim
import Quiz

/// The progress file and the scheduler, as the commands use them.
struct MemoryContext {
    let store: ProgressStore
    let fsrs: FSRS

    init(retention: Double, directory: String = ProgressStore.defaultDirectory()) {
        store = ProgressStore(directory: directory)
        fsrs = FSRS(desiredRetention: retention)
    }

    /// The saved progress; nothing (and a message kept in `store.notices`) when it cannot be read.
    func load() -> StudyProgress {
        do { return try store.load() } catch {
            printError("reseau: " + commandLanguage.words.failure(error))
            return StudyProgress()
        }
    }

    /// Records that `slide` of `lesson` was read now (atomically, under the lock, like answers).
    func saveReading(lesson: String, slide: Int, now: Double) -> Result<StudyProgress, Error> {
        Result {
            try store.update { progress in
                let old = progress.reading[lesson] ?? LessonReading(read: [], last: slide, at: now)
                progress.reading[lesson] = old.reading(slide, at: now)
            }
        }
    }

    /// Records answers, each applied to the latest saved state (another reseau may have written).
    func save(_ reviews: [PendingReview], now: Double) -> Result<StudyProgress, Error> {
        Result {
            try store.update { progress in
                for r in reviews {
                    progress.cards[r.id] = fsrs.review(progress.cards[r.id], passed: r.passed, at: now, lesson: r.lesson)
                }
            }
        }
    }
}

struct QuizStart {
    var items: [QuizItem]
    var memory: MemoryContext
}

/// `reseau quiz [PATH...]`: due questions first, then new ones.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: said(.beQuizzedOnLessonsDueQuestionsFirst),
        discussion: said(.progressIsKeptInXdgDataHome))

    @Argument(help: said(.lessonFilesOrFoldersDefaultTheBundled))
    var paths: [String] = []
    @Flag(help: said(.lineModeNumberedChoicesAnswersReadLine))
    var plain = false
    @Flag(help: said(.alsoAskTheQuestionsNotDueYet))
    var all = false
    @Option(help: said(.desiredRetentionTheRecallProbabilityReviewsAim))
    var retention: Double = 0.9
    @Option(help: said(.atMostThisManyQuestions))
    var limit: Int?
    @Option(name: .customLong("new"), help: said(.newPerDay))
    var newPerDay: Int = 20
    @Option(name: .customLong("lesson"), help: said(.lessonByName))
    var lessonNames: [String] = []
    @Option(help: said(.languageOfTheProgramFrOrEn2))
    var lang: Language?
    @Flag(help: said(.asciiLineArt))
    var ascii = false

    func validate() throws {
        guard (0.7...0.99).contains(retention) else { throw ValidationError(said(.retentionMustBeBetween07And)) }
        if let limit, limit < 1 { throw ValidationError(said(.limitMustBeAtLeast1)) }
        if newPerDay < 0 { throw ValidationError(said(.newMustBePositive)) }
    }

    func run() throws {
        let paths = self.paths.isEmpty ? [try bundledLessons()] : self.paths
        let curriculum = Curriculum.load(paths: paths)
        let language = uiLanguage(lang, lessons: curriculum.lessons)
        for d in curriculum.allDiagnostics where d.severity == .error { printError(language.words.line(d)) }
        // A path that is not there is a failure, not "nothing to review".
        let missing = curriculum.diagnostics.contains { $0.severity == .error }
        let memory = MemoryContext(retention: retention)
        let progress = memory.load()
        let now = Date().timeIntervalSince1970
        var lessons = curriculum.lessons
        if !lessonNames.isEmpty {
            let (found, unknown) = LessonFinder.find(lessonNames, in: lessons)
            for name in unknown { printError("reseau: " + language.words.ui(.unknownLesson(name, lessons: LessonFinder.listing(lessons)))) }
            guard unknown.isEmpty else { throw ExitCode(1) }
            lessons = found
        }
        var items = QuizPlan.order(lessons.flatMap(QuestionBank.questions(for:)), progress: progress, now: now, all: all,
                                   newLimit: newPerDay)
        if let limit { items = Array(items.prefix(limit)) }
        guard !items.isEmpty else {
            let next = progress.cards.values.map(\.due).filter { $0 > now }.min()
            print(language.words.ui(.nothingDue(next: next.map(formatDate))))
            for n in memory.store.notices { printError("reseau: " + language.words.ui(.progressNotice(n))) }
            if missing { throw ExitCode(1) }
            return
        }
        if plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            runPlainQuiz(items, lessons: curriculum.lessons, language: language, memory: memory)
            return
        }
        try runTerminal(paths: paths, lang: language, ascii: ascii, presenter: false, theme: .dark,
                        quiz: QuizStart(items: items, memory: memory))
    }
}

/// Line mode: each question with numbered choices; an answer is a line of numbers or letters
/// (`2`, `1 3`, `a,c`); an empty line or end of input stops. Each answer is saved at once.
func runPlainQuiz(_ items: [QuizItem], lessons: [Lesson], language: Language, memory: MemoryContext) {
    let words = language.words
    var session = QuizSession(items: items)
    var lastReplay: (String, QuizItem.Replay)?
    for n in memory.store.notices { printError("reseau: " + language.words.ui(.progressNotice(n))) }
    asking: while let item = session.current {
        say("")
        say("[\(session.index + 1)/\(session.items.count)] " + item.prompt.text(language))
        for (i, choice) in item.choices.enumerated() { say("  \(i + 1). " + choice.text(language)) }
        say(item.isMultipleAnswer
              ? words.ui(.severalAnswersPrompt)
              : words.ui(.yourAnswer))
        var picked: Set<Int>?
        while picked == nil {
            guard let line = readLine() else { break asking }
            let text = line.trimmingBlanks()
            if text.isEmpty || text == "q" { break asking }
            picked = parseAnswer(text, count: item.choices.count)
            if picked == nil || (!item.isMultipleAnswer && picked!.count > 1) {
                picked = nil
                say(words.ui(.answerNotUnderstood(choices: item.choices.count)))
            }
        }
        guard let picked else { break }
        for n in picked.sorted() { session.choose(n) }
        let now = Date().timeIntervalSince1970
        guard let result = session.submit(at: now) else { break }
        // Saved before the verdict is printed: a shown answer is never lost. A learning step
        // is practice: the scheduler records the first answer only.
        if result.counts, case .failure(let error) = memory.save([PendingReview(id: item.id, lesson: item.lesson, passed: result.right)], now: now) {
            printError("reseau: " + words.ui(.progressNotSaved(words.failure(error))))
        }
        let rightText = item.answers.map { "\($0 + 1). " + item.choices[$0].text(language) }.joined(separator: "; ")
        say(result.right ? words.ui(.rightDot) : words.ui(.wrongRightAnswer(rightText)))
        if let explanation = item.explanation { say("  " + explanation.text(language)) }
        // The trace once per flow, not after each of its questions.
        if let replay = item.replay, lastReplay.map({ $0.0 != item.lesson || $0.1 != replay }) ?? true,
           let trace = replayTrace(item, in: lessons) {
            lastReplay = (item.lesson, replay)
            say(words.ui(.realTrace))
            for (i, hop) in trace.hops.enumerated() {
                say("   \(i + 1). \(words.place(hop.place)) · \(words.action(hop.action)) · \(hop.after)")
            }
        }
        session.next(at: Date().timeIntervalSince1970)
    }
    say("")
    say(words.ui(.scoreLine(score: session.score, of: session.answered, best: session.bestStreak)))
    let missed = session.missed
    if !missed.isEmpty {
        say(words.ui(.questionsMissed))
        for item in missed { say("  ✗ " + item.prompt.text(language)) }
    }
}

/// `2`, `1 3`, `a,c`, `B`: 0-based choice indices, nil when something is not a choice.
func parseAnswer(_ text: String, count: Int) -> Set<Int>? {
    var out = Set<Int>()
    for token in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
        if let n = Int(token), (1...count).contains(n) { out.insert(n - 1); continue }
        if token.count == 1, let c = token.unicodeScalars.first, ("a"..."z").contains(c), Int(c.value) - 97 < count {
            out.insert(Int(c.value) - 97); continue
        }
        return nil
    }
    return out.isEmpty ? nil : out
}

/// The trace an engine question was computed from, traced again from its lesson.
func replayTrace(_ item: QuizItem, in lessons: [Lesson]) -> Trace? {
    guard let replay = item.replay,
          let lesson = lessons.first(where: { QuestionBank.lessonKey($0) == item.lesson }),
          let scene = lesson.scenes().first(where: { $0.number == replay.scene }) else { return nil }
    let traces = scene.scene.traces()
    return traces.indices.contains(replay.flow) ? traces[replay.flow] : nil
}

func formatDate(_ seconds: Double) -> String {
    cTime("%Y-%m-%d %H:%M", seconds: seconds)
}
