import Facts
import Words
import ArgumentParser
import Course
import FoundationEssentials
import Glibc
import Memory
import NetSim
import Quiz

/// `reseau progress [--reset [LESSON]]`: what is due and how each lesson stands.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: said(.showWhatIsDueAndHowEach))

    @Argument(help: said(.lessonFilesOrFoldersWhoseQuestionsCount))
    var paths: [String] = []
    @Flag(help: said(.eraseTheProgressOfTheLessonsNamed))
    var reset = false
    @Flag(help: said(.withResetDoNotAsk))
    var yes = false
    @Option(help: said(.languageOfTheProgramFrOrEn2))
    var lang: Language?

    func run() throws {
        let language = uiLanguage(lang, lessons: Curriculum.load(paths: paths.isEmpty || reset ? [try bundledLessons()] : paths).lessons)
        let words = language.words
        // The recall shown is R(t, S), which the desired retention does not change.
        let memory = MemoryContext(retention: 0.9)
        if reset {
            // `reseau progress --reset services`, `--reset Lessons/services.md` or words of the
            // title (`--reset "adresse virtuelle"`): the lessons' keys. A name that is the key
            // of saved progress counts even when the lesson is no longer there.
            let known = Curriculum.load(paths: [try bundledLessons()]).lessons
            let saved = Set(memory.load().cards.values.map(\.lesson))
            var keys: [String] = []
            for name in paths {
                let key = QuestionBank.lessonKey(path: name)
                let hits = LessonFinder.find([name], in: known).found.map(QuestionBank.lessonKey)
                if !hits.isEmpty { keys += hits } else if saved.contains(key) || name.hasSuffix(".md") { keys.append(key) } else {
                    printError("reseau: " + words.ui(.unknownLesson(name, lessons: LessonFinder.listing(known))))
                    throw ExitCode(1)
                }
            }
            return try erase(keys, memory: memory, words: words)
        }
        let paths = self.paths.isEmpty ? [try bundledLessons()] : self.paths
        let curriculum = Curriculum.load(paths: paths)
        let missing = curriculum.diagnostics.filter { $0.severity == .error }
        for d in missing { printError(words.line(d)) }
        // A path that is not there is a failure, not an empty standing.
        guard missing.isEmpty else { throw ExitCode(1) }
        let progress = memory.load()
        for n in memory.store.notices { printError("reseau: " + language.words.ui(.progressNotice(n))) }
        let now = Date().timeIntervalSince1970
        let standings = LessonStanding.standings(questions: curriculum.lessons.flatMap(QuestionBank.questions(for:)),
                                                 progress: progress, now: now, fsrs: memory.fsrs)
        print(words.ui(.progressFile(memory.store.path)))
        defer { printLabs(curriculum, progress: progress, words: words) }
        guard !standings.isEmpty else {
            print(words.ui(.noQuestionYet))
            return
        }
        let header = words.ui(.progressColumns).split(separator: "\t").map(String.init)
        var rows = [header]
        for s in standings {
            rows.append([s.lesson, "\(s.total)", "\(s.seen)", "\(s.due)",
                         s.retention.map { cFormat("%.0f %%", $0 * 100) } ?? "-",
                         s.nextDue.map(formatDate) ?? "-"])
        }
        let widths = (0..<header.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { c, cell in cell + String(repeating: " ", count: widths[c] - cell.count) }
                .joined(separator: "  ").trimmingBlanks())
        }
        let due = standings.reduce(0) { $0 + $1.due }, new = standings.reduce(0) { $0 + $1.total - $1.seen }
        print(words.ui(.dueNow(due: due, new: new)))
    }

    /// Each lab of the lessons, passed (the day it was) or to do.
    func printLabs(_ curriculum: Curriculum, progress: StudyProgress, words: any Phrasebook) {
        let labs = curriculum.lessons.flatMap { lesson in lesson.labs.map { (lesson, $0) } }
        guard !labs.isEmpty else { return }
        print(words.lab(.progressHeader))
        for (lesson, source) in labs {
            let key = "\(QuestionBank.lessonKey(lesson))#\(source.number)"
            print("  " + words.lab(.progressLine(ref: key, title: source.lab?.title ?? "?", passed: progress.labs[key]?.date)))
        }
    }

    func erase(_ lessons: [String], memory: MemoryContext, words: any Phrasebook) throws {
        let progress = memory.load()
        let all = lessons.isEmpty
        let named = lessons.map { words.ui(.quoted($0)) }.joined(separator: ", ")
        let count = progress.cards.values.filter { all || lessons.contains($0.lesson) }.count
        let questions = words.count(count, .question)
        guard count > 0 else {
            print(words.ui(all ? .nothingToErase : .nothingToEraseFor(named)))
            return
        }
        if !yes {
            let what = words.ui(all ? .allProgress : .progressOf(named))
            print(words.ui(.eraseConfirm(what: what, questions: questions)), terminator: "")
            fflush(nil)
            let answer = (readLine() ?? "").trimmingBlanks().lowercased()
            guard ["y", "yes", "o", "oui"].contains(answer) else {
                print(words.ui(.nothingErased))
                return
            }
        }
        try memory.store.update { p in p.cards = p.cards.filter { !all && !lessons.contains($0.value.lesson) } }
        print(words.ui(.erased(questions)))
    }
}
