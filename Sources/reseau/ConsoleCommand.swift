import Facts
import Words
import ArgumentParser
import Canvas
import Course
import CursesTerminal
import FoundationEssentials
import Glibc
import Tutor

/// `reseau console`: the speaker's screen, in a second terminal of the same user. It
/// follows the newest presentation (`reseau present`, or `P` in the course) over the
/// presenter link; every key but `q` is sent to it.
struct Console: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: said(.followThePresenter))

    @Option(help: said(.languageOfTheProgramFrOrEn))
    var lang: Language?
    @Flag(help: said(.asciiLineArt))
    var ascii = false

    func run() throws {
        let language = uiLanguage(lang, lessons: [])
        let client: ConsoleClient
        do { client = try ConsoleClient() } catch {
            printError("reseau console: " + language.words.ui(linkFailure(error)))
            throw ExitCode(1)
        }
        defer { client.stop() }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, Terminal.canDraw() else {
            printError("reseau console: " + language.words.ui(.needsTerminal))
            throw ExitCode(1)
        }
        let terminal = Terminal(theme: Theme(.dark))
        terminal.asciiOnly = ascii
        terminal.channels = [client.descriptor]
        var paths: [String] = []
        var state = AppState(curriculum: Curriculum.load(paths: []), paths: [], width: terminal.width, height: terminal.height,
                             language: language, ascii: ascii || !terminal.unicode)
        var view = ConsoleView()
        func apply(_ line: String) {
            guard let object = JSONValue.parse(Array(line.utf8)), case .object = object else { return }
            if let given = object["paths"]?.strings, given != paths {
                paths = given
                // The same lessons as the presenter, in the console's language.
                let curriculum = Curriculum.load(paths: paths)
                state = AppState(curriculum: curriculum, paths: paths, width: terminal.width, height: terminal.height,
                                 language: lang.map { _ in language } ?? uiLanguage(nil, lessons: curriculum.lessons), ascii: state.ascii)
            }
            view.slide = object["slide"]?.int ?? view.slide
            view.elapsed = Double(object["elapsed"]?.int ?? Int(view.elapsed))
            view.duration = object["duration"]?.double
            view.hop = object["hop"]?.string
        }
        terminal.present(Screens.console(state, view))
        while terminal.quitSignal == 0 {
            guard let key = terminal.readKey(timeout: nil) else { continue }
            switch key {
            case .channel:
                guard let lines = client.read() else {
                    view.ended = true
                    terminal.channels = []
                    terminal.present(Screens.console(state, view))
                    continue
                }
                for line in lines { apply(line) }
            case .resize: state.resize(width: terminal.width, height: terminal.height)
            case .character("q"), .control("c"): terminal.stop(); return
            case .fileChanged: break
            default: if !view.ended { client.send(key: keyName(key)) }
            }
            terminal.present(Screens.console(state, view))
        }
        terminal.stop()
    }
}
