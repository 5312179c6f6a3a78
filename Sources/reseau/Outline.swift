import Words
import ArgumentParser
import Canvas
import Course
import Foundation
import NetSim

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the lessons and, for each slide, its section, first heading and blocks.")

    @Argument(help: "Lesson files or folders.")
    var paths: [String]
    @Option(help: "Language of the program: fr or en.")
    var lang: Language?

    func run() throws {
        let curriculum = Curriculum.load(paths: paths)
        let language = uiLanguage(lang, lessons: curriculum.lessons)
        for line in Report.outline(curriculum, language: language) { print(line) }
        let errors = curriculum.allDiagnostics.filter { $0.severity == .error }
        for diagnostic in errors { printError(language.words.line(diagnostic)) }
        // A path that is not there, or a lesson that could not be read, is a failure.
        if !curriculum.diagnostics.filter({ $0.severity == .error }).isEmpty { throw ExitCode(1) }
    }
}

/// `reseau [PATH...]`: the course in the terminal.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the course in the terminal (default: the bundled Lessons/).")

    @Argument(help: "Lesson files or folders.")
    var paths: [String] = []
    @Flag(help: "Linear mode for screen readers and pipes: slides as text, commands read line by line.")
    var plain = false
    @Flag(help: "ASCII line art (also when the locale is not UTF-8).")
    var ascii = false
    @Option(help: "Language of the program: fr or en (default: from LANG).")
    var lang: Language?
    @Option(help: "Theme: dark, light, projector or mono.")
    var theme: String = "dark"
    @Option(help: "Width for --plain (default: COLUMNS or 80).")
    var width: Int?

    func validate() throws {
        guard Theme.Name(rawValue: theme) != nil else { throw ValidationError("--theme must be dark, light, projector or mono") }
    }

    func run() throws {
        let paths = self.paths.isEmpty ? [bundledLessons()] : self.paths
        if plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            let columns = width ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
            try runPlain(paths: paths, lang: lang, ascii: ascii, width: max(20, columns))
            return
        }
        try runTerminal(paths: paths, lang: lang, ascii: ascii, presenter: false, theme: Theme.Name(rawValue: theme)!)
    }
}

/// `reseau present PATH`: presenter mode from the start.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Present the course: projector theme, no chrome, flows playing in a loop.")

    @Argument(help: "Lesson files or folders.")
    var paths: [String] = []
    @Flag(help: "ASCII line art.")
    var ascii = false
    @Option(help: "Language of the program: fr or en.")
    var lang: Language?

    func run() throws {
        let paths = self.paths.isEmpty ? [bundledLessons()] : self.paths
        try runTerminal(paths: paths, lang: lang, ascii: ascii, presenter: true, theme: .projector)
    }
}
