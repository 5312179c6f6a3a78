import Words
import ArgumentParser
import Course
@preconcurrency import Foundation
@preconcurrency import Glibc

/// The command line. Bad usage exits 2 (as `lint` promises), not ArgumentParser's 64.
@main
enum Main {
    static func main() {
        do {
            var command = try Reseau.parseAsRoot()
            try command.run()
            // What could not be written (a full disk, a closed pipe) is a failure, not success.
            if fflush(stdout) != 0 || ferror(stdout) != 0 { exit(1) }
        } catch {
            fflush(stdout)
            let code = Reseau.exitCode(for: error)
            if code == .validationFailure {
                printError(Reseau.fullMessage(for: error))
                exit(2)
            }
            Reseau.exit(withError: error)
        }
    }
}

struct Reseau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseau",
        abstract: said(.kubernetesNetworkingTaughtInTheTerminal),
        discussion: said(.withNoSubcommandOpensTheCourseAt),
        subcommands: [Open.self, Present.self, Console.self, Outline.self, Lint.self, RenderCommand.self, MermaidCommand.self, TraceCommand.self, DNSCommand.self, QuizCommand.self, ProgressCommand.self],
        defaultSubcommand: Open.self)
}

/// Where the bundled lessons are: `Lessons/` in the working folder (as `make run` starts
/// it), else beside the executable.
func bundledLessons() -> String {
    let local = "Lessons"
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory.boolValue {
        return local
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("Lessons").path
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
