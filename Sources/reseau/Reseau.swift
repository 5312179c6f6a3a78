import Words
import ArgumentParser
import Course
import Facts
@preconcurrency import FoundationEssentials
@preconcurrency import Glibc

/// The command line. Bad usage exits 2 (as `lint` promises), not ArgumentParser's 64.
@main
enum Main {
    static func main() {
        // Paths named by bytes that are not UTF-8 keep those bytes.
        RawPath.registerArguments()
        do {
            var command = try Reseau.parseAsRoot(helpArguments(Array(CommandLine.arguments.dropFirst())))
            try command.run()
            // What could not be written (a full disk, a closed pipe) is a failure, not success.
            if fflush(stdout) != 0 || ferror(stdout) != 0 { exit(1) }
        } catch {
            fflush(stdout)
            let code = Reseau.exitCode(for: error)
            let message = parserMessage(Reseau.fullMessage(for: error))
            if code == .validationFailure {
                printError(message)
                exit(2)
            }
            // A help asked for goes to stdout (as ArgumentParser's `exit(withError:)` does).
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(fflush(stdout) == 0 && ferror(stdout) == 0 ? 0 : 1)
            }
            if !message.isEmpty { printError(message) }
            exit(code.rawValue)
        }
    }

    /// `reseau help present --lang fr`: ArgumentParser's `help` takes no option and refused
    /// `--lang` ("Unknown option"), which the help's language was already chosen by
    /// (`commandLanguage`); for `help`, `--lang` and its value are set aside.
    /// So is `reseau --help --lang fr`, which the default command (`open`) took for its own
    /// help, without the list of commands `reseau --help` gives.
    static func helpArguments(_ arguments: [String]) -> [String] {
        let onlyHelp = arguments.contains { $0 == "--help" || $0 == "-h" }
            && arguments.enumerated().allSatisfy { i, a in
                ["--help", "-h", "--lang"].contains(a) || a.hasPrefix("--lang=") || (i > 0 && arguments[i - 1] == "--lang")
            }
        guard arguments.first == "help" || onlyHelp else { return arguments }
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--lang" { skipNext = true; continue }
            if argument.hasPrefix("--lang=") { continue }
            kept.append(argument)
        }
        return kept
    }

    /// ArgumentParser's help or usage error in the command line's language. A completion
    /// script or the JSON of `--experimental-dump-help` is left as written.
    static func parserMessage(_ text: String) -> String {
        let verbatim = ["--generate-completion-script", "--experimental-dump-help"]
        if CommandLine.arguments.contains(where: { a in verbatim.contains { a.hasPrefix($0) } }) { return text }
        return ParserOutput.translate(text, commandLanguage.words)
    }
}

struct Reseau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseau",
        abstract: said(.kubernetesNetworkingTaughtInTheTerminal),
        discussion: said(.withNoSubcommandOpensTheCourseAt),
        subcommands: [Open.self, Present.self, Console.self, Outline.self, Lint.self, RenderCommand.self, MermaidCommand.self, TraceCommand.self, DNSCommand.self, QuizCommand.self, ProgressCommand.self, LabCommand.self],
        defaultSubcommand: Open.self)
}

/// Where the bundled course is, and where it was looked for. In order: `RESEAU_LESSONS`;
/// `../share/reseau/Lessons` beside the running program (an installed reseau, found through
/// its symlinks by /proc/self/exe, so a link in ~/bin works too); the `Lessons/` of the
/// checkout the program was built in (`.build/…/reseau`, from anywhere: before any installed
/// course, which may be older); `reseau/Lessons` under each folder of `XDG_DATA_DIRS` (by
/// default /usr/local/share and /usr/share); `Lessons/` in the working folder.
enum BundledCourse {
    static func locate(environment: [String: String] = Environment.values(["RESEAU_LESSONS", "XDG_DATA_DIRS"]),
                       executable: String? = runningExecutable(), workingFolder: String = FileManager.default.currentDirectoryPath)
        -> (path: String?, looked: [String]) {
        // RESEAU_LESSONS, when given, is the only answer: a wrong one is said, not passed over.
        if let chosen = environment["RESEAU_LESSONS"], !chosen.isEmpty {
            return (isFolder(chosen) ? chosen : nil, [chosen])
        }
        var places: [String] = []
        if let executable {
            let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            places.append(folder.deletingLastPathComponent().appendingPathComponent("share/reseau/Lessons").path)
            // A checkout: the package folder holding `Package.swift` and `Lessons/`, a few folders up.
            var up = folder
            for _ in 0..<5 {
                up = up.deletingLastPathComponent()
                if FileManager.default.fileExists(atPath: up.appendingPathComponent("Package.swift").path) {
                    places.append(up.appendingPathComponent("Lessons").path)
                    break
                }
            }
        }
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for dir in dataDirs.split(separator: ":") where dir.hasPrefix("/") { places.append(dir + "/reseau/Lessons") }
        places.append(URL(fileURLWithPath: workingFolder).appendingPathComponent("Lessons").path)
        var seen = Set<String>()
        places = places.filter { seen.insert($0).inserted }
        return (places.first(where: isFolder), places)
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The program's own file, symlinks resolved (not argv[0], which may be a bare name).
    static func runningExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The bundled course's folder; when there is none, says where it looked (in the command
/// line's language) and ends with exit 1.
func bundledLessons() throws -> String {
    let (path, looked) = BundledCourse.locate()
    guard let path else {
        printError("reseau: " + commandLanguage.words.ui(.courseNotFound(looked: looked)))
        throw ExitCode(1)
    }
    return path
}

/// The language of the command line's own texts (help, usage errors), chosen before any
/// lesson is read: `--lang` among the arguments, else the locale, else English.
let commandLanguage: Language = {
    let arguments = CommandLine.arguments
    var flag: Language?
    for (i, argument) in arguments.enumerated() {
        if argument == "--lang", i + 1 < arguments.count { flag = Language(rawValue: arguments[i + 1]) }
        if argument.hasPrefix("--lang=") { flag = Language(rawValue: String(argument.dropFirst("--lang=".count))) }
    }
    return Language.choose(flag: flag, lessonLanguage: nil)
}()

/// A text of the command line in `commandLanguage`.
func said(_ text: CommandText) -> String { commandLanguage.words.command(text) }

func said(_ text: CommandText) -> ArgumentHelp { ArgumentHelp(stringLiteral: said(text)) }
