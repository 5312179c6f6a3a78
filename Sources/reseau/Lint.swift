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

    func run() throws {
        let diagnostics = Curriculum.lint(paths: paths)
        switch format {
        case .text: for line in Report.lintText(diagnostics) { print(line) }
        case .json: print(Report.lintJSON(diagnostics))
        }
        let failed = diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
    }
}
