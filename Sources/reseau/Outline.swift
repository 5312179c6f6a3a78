import ArgumentParser
import Course

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the lessons and, for each slide, its section, first heading and blocks.")

    @Argument(help: "Lesson files or folders.")
    var paths: [String]

    func run() throws {
        let curriculum = Curriculum.load(paths: paths)
        for line in Report.outline(curriculum) { print(line) }
        for diagnostic in curriculum.allDiagnostics where diagnostic.severity == .error {
            printError(diagnostic.description)
        }
    }
}

/// Opening the course in the terminal is the terminal issue's work; until it lands the
/// default command prints the outline and says so, rather than pretend.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the course (default: the bundled Lessons/).")

    @Argument(help: "Lesson files or folders.")
    var paths: [String] = []

    func run() throws {
        let paths = self.paths.isEmpty ? [bundledLessons()] : self.paths
        printError("reseau: the interactive terminal viewer is not built yet; here is the outline.")
        let curriculum = Curriculum.load(paths: paths)
        for line in Report.outline(curriculum) { print(line) }
        for diagnostic in curriculum.allDiagnostics { printError(diagnostic.description) }
    }
}
