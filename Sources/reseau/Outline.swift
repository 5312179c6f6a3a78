import Facts
import Words
import ArgumentParser
import Canvas
import Course
import FoundationEssentials
import Glibc
import NetSim

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: said(.listTheLessonsAndForEachSlide))

    @Argument(help: said(.lessonFilesOrFolders))
    var paths: [String] = []
    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?

    func run() throws {
        let curriculum = Curriculum.load(paths: paths.isEmpty ? [try bundledLessons()] : paths)
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
    // Each command's name given: otherwise ArgumentParser makes it from the type's name with
    // `String(describing:)`, at every start (3.6 % of opening the course, measured).
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: said(.openTheCourseInTheTerminalDefault))

    @Argument(help: said(.lessonFilesOrFolders))
    var paths: [String] = []
    @Flag(help: said(.linearModeForScreenReadersAndPipes))
    var plain = false
    @Flag(help: said(.asciiLineArtAlsoWhenTheLocale))
    var ascii = false
    @Option(help: said(.languageOfTheProgramFrOrEn2))
    var lang: Language?
    @Option(help: said(.themeDarkLightProjectorOrMono))
    var theme: String = "dark"
    @Option(help: said(.widthForPlainDefaultColumnsOr80))
    var width: Int?

    func validate() throws {
        guard Theme.Name(rawValue: theme) != nil else { throw ValidationError(said(.themeMustBeDarkLightProjectorOr)) }
        // `reseau --lang fr present FILE`: ArgumentParser takes a command named after an
        // option for a lesson's path; say how to write it, unless such a file exists.
        let commands = Reseau.configuration.subcommands.map { $0._commandName }
        if let command = paths.first(where: { commands.contains($0) && RawPath.status($0) == nil }) {
            throw ValidationError(commandLanguage.words.usage(.commandAfterOptions(command)))
        }
    }

    func run() throws {
        let paths = self.paths.isEmpty ? [try bundledLessons()] : self.paths
        if plain || isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 {
            let columns = width ?? Environment.value("COLUMNS").flatMap(Int.init) ?? 80
            try runPlain(paths: paths, lang: lang, ascii: ascii, width: max(20, columns))
            return
        }
        try runTerminal(paths: paths, lang: lang, ascii: ascii, presenter: false, theme: Theme.Name(rawValue: theme)!)
    }
}

/// `reseau present PATH`: presenter mode from the start.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: said(.presentTheCourseProjectorThemeNoChrome))

    @Argument(help: said(.lessonFilesOrFolders))
    var paths: [String] = []
    @Flag(help: said(.asciiLineArt))
    var ascii = false
    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?
    @Option(help: said(.presentThemeDefaultProjector))
    var theme: String = "projector"
    @Option(help: said(.talkDurationCountdown))
    var duration: String?

    func validate() throws {
        guard Theme.Name(rawValue: theme) != nil else { throw ValidationError(said(.themeMustBeDarkLightProjectorOr)) }
        if let duration, Self.seconds(duration) == nil { throw ValidationError(said(.durationMustBe)) }
    }

    /// `45m`, `1h30m`, `90s`, `1h`; a bare number is minutes.
    static func seconds(_ text: String) -> Double? {
        let t = text.trimmingBlanks().lowercased()
        if let minutes = Double(t), minutes > 0 { return minutes * 60 }
        var total = 0.0
        var number = ""
        var any = false
        for c in t {
            if c.isNumber || c == "." { number.append(c); continue }
            guard let n = Double(number), let unit = ["h": 3600.0, "m": 60, "s": 1][c] else { return nil }
            total += n * unit
            number = ""
            any = true
        }
        return any && number.isEmpty && total > 0 ? total : nil
    }

    func run() throws {
        let paths = self.paths.isEmpty ? [try bundledLessons()] : self.paths
        // A presentation needs a terminal to draw on and a keyboard: with a pipe or a file
        // instead it would wait forever for keys that never come.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("reseau present: " + uiLanguage(lang, lessons: Curriculum.load(paths: paths).lessons).words.ui(.needsTerminal))
            throw ExitCode(1)
        }
        try runTerminal(paths: paths, lang: lang, ascii: ascii, presenter: true, theme: Theme.Name(rawValue: theme)!,
                        duration: duration.flatMap(Self.seconds))
    }
}
