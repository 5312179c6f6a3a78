import Words
import ArgumentParser
import Course
import Quiz

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: said(.checkLessonsPrintsFileLineColError),
        discussion: said(.exitStatus0WhenClean1When))

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: said(.lessonFilesOrFolders))
    var paths: [String]

    @Flag(help: said(.treatWarningsAsErrorsForTheExit))
    var strict = false

    @Option(help: said(.outputFormatTextOrJson))
    var format: Format = .text
    @Option(help: said(.languageOfTheMessagesFrOrEn))
    var lang: Language?

    func run() throws {
        // The quiz's own findings (answers always first, colliding questions) join the lessons'.
        let lessonPaths = paths.filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") }
        let diagnostics = (Curriculum.lint(paths: paths)
            + Curriculum.load(paths: lessonPaths).lessons.flatMap(QuestionBank.lint)).sortedByPosition()
        let lessons = paths.filter { $0.hasSuffix(".md") }.prefix(1).map { Lesson.load(path: $0) }
        let language = uiLanguage(lang, lessons: lessons.isEmpty ? Curriculum.load(paths: paths.filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") }).lessons : lessons)
        switch format {
        case .text: for line in Report.lintText(diagnostics, language: language) { print(line) }
        case .json: print(Report.lintJSON(diagnostics, language: language))
        }
        let failed = diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
    }
}
