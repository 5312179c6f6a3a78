import Words
import ArgumentParser
import Course

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lessons: prints file:line:col: error|warning: message.",
        discussion: "Exit status: 0 when clean, 1 when an error is found (or a warning with --strict), 2 for bad usage.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Lesson files or folders.")
    var paths: [String]

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @Option(help: "Language of the messages: fr or en.")
    var lang: Language?

    func run() throws {
        let diagnostics = Curriculum.lint(paths: paths)
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
