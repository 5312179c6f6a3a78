import Facts
import ArgumentParser
import Course
import Drawing
import FoundationEssentials
import Glibc
import Memory
import Quiz
import Scenes
import Words

/// `reseau lab list|start|check`: exercises the engine checks.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lab", abstract: said(.labsTheEngineChecks),
                                                    subcommands: [LabList.self, LabStart.self, LabCheckCommand.self])
}

/// The lab a `LESSON.md#N` names, or an error said in the reader's language (exit 2).
func findLab(_ reference: String, language: Language) throws -> (lesson: Lesson, lab: Lab, number: Int) {
    let words = language.words
    guard let (path, number) = LabFolder.reference(reference) else {
        printError(words.lab(.noSuchLab(reference, count: 0)))
        throw ExitCode(2)
    }
    let lesson = Lesson.load(path: path)
    for d in lesson.diagnostics where d.severity == .error && d.line <= 1 { printError(words.line(d)) }
    let labs = lesson.labs
    guard labs.indices.contains(number - 1) else {
        printError(words.lab(.noSuchLab(reference, count: labs.count)))
        throw ExitCode(2)
    }
    guard let lab = labs[number - 1].lab else {
        for d in labs[number - 1].diagnostics { printError(words.line(d)) }
        throw ExitCode(2)
    }
    return (lesson, lab, number)
}

struct LabList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: said(.listTheLabs))

    @Argument(help: said(.lessonFilesOrFolders))
    var paths: [String] = []
    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?

    func run() throws {
        let curriculum = Curriculum.load(paths: paths.isEmpty ? [try bundledLessons()] : paths)
        let language = uiLanguage(lang, lessons: curriculum.lessons)
        var any = false
        for lesson in curriculum.lessons {
            for source in lesson.labs {
                any = true
                emit(language.words.lab(.listLine(ref: "\(lesson.file)#\(source.number)", title: source.lab?.title ?? "?")), ascii: false)
            }
        }
        if !any { printError(language.words.lab(.noLabs)) }
    }
}

struct LabStart: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: said(.writeALabsStartingFiles))

    @Argument(help: said(.labReference))
    var lab: String
    @Argument(help: said(.labFolder))
    var folder: String?
    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?

    func run() throws {
        let language = uiLanguage(lang, scene: lab)
        let words = language.words
        let (lesson, found, number) = try findLab(lab, language: language)
        let folder = self.folder ?? LabFolder.defaultFolder(lesson: lesson.file, number: number)
        for written in try LabFolder.start(found, in: folder) {
            switch written {
            case .wrote(let path): emit(words.lab(.wrote(path)), ascii: false)
            case .kept(let path): emit(words.lab(.kept(path)), ascii: false)
            }
        }
        emit(words.lab(.startedIn(folder)), ascii: false)
    }
}

struct LabCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: said(.checkALab))

    @Argument(help: said(.labReference))
    var lab: String
    @Argument(help: said(.labFolder))
    var folder: String?
    @Flag(help: said(.checkTheLabsOwnCorrection))
    var correction = false
    @Flag(help: said(.labResultAsJSON))
    var json = false
    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?

    func run() throws {
        let language = uiLanguage(lang, scene: lab)
        let words = language.words
        let (lesson, found, number) = try findLab(lab, language: language)
        let check: LabCheck
        if correction {
            check = LabCheck.run(found, files: found.correction, lessonFile: lesson.file, folder: nil)
        } else {
            let folder = self.folder ?? LabFolder.defaultFolder(lesson: lesson.file, number: number)
            guard let files = LabFolder.read(folder) else {
                printError(words.lab(.folderMissing(folder)))
                throw ExitCode(2)
            }
            check = LabCheck.run(found, files: files, lessonFile: lesson.file, folder: folder)
        }
        if json {
            print(JSONValue(LabReport.json(check, words: words)).text())
        } else {
            // Where the locale cannot show Unicode: the marks as [x] / [ ], the letters folded.
            for d in check.diagnostics { emit(words.line(d), ascii: false) }
            for line in LabReport.lines(check, words: words, ascii: !outputIsUTF8) { emit(line, ascii: false) }
        }
        guard check.passed else { throw ExitCode(1) }
        // Passed from the student's folder: the progress file remembers it, with the day.
        if !correction { recordLabPassed(lesson: lesson, number: number) }
    }
}

/// Records a lab as passed (the first day it was) in the progress file; a progress file that
/// cannot be written leaves the check's answer as it is.
func recordLabPassed(lesson: Lesson, number: Int) {
    _ = recordLabPassed(key: "\(QuestionBank.lessonKey(lesson))#\(number)", store: ProgressStore(directory: ProgressStore.defaultDirectory()))
}

/// Records `key` (`lessonKey#N`) as passed today, in the student's calendar, unless it was
/// already; the labs passed as saved, or nil when the file could not be written.
func recordLabPassed(key: String, store: ProgressStore, now: Date = Date()) -> [String: LabPassed]? {
    (try? store.update { progress in
        if progress.labs[key] == nil {
            progress.labs[key] = LabPassed(date: cTime("%Y-%m-%d", seconds: now.timeIntervalSince1970), at: now.timeIntervalSince1970)
        }
    })?.labs
}
