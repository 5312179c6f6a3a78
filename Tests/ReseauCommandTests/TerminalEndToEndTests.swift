import Course
import Speech
import Words
import Foundation
import Testing
import Quiz

/// The real program in a real terminal (tmux): walk the slides, play an animation, resize,
/// quit by q, SIGTERM and SIGINT; after each, the shell is back and `stty -a` is as before.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end terminal tests are skipped"), .serialized)
struct TerminalEndToEndTests {
    static let seed = CommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
    /// The seed when ../shared is there, else a project fixture.
    static var lesson: String {
        FileManager.default.fileExists(atPath: seed) ? seed : CommandTests.fixture("every-block.md")
    }

    @Test func walkAnimateResizeAndQuit() throws {
        let tmux = try TmuxSession(lesson: Self.lesson)
        defer { tmux.close() }
        try tmux.waitFor(" reseau · ")
        let count = Int(try tmux.capture().split(separator: "\n").first.flatMap { line in
            line.split(separator: "·").dropFirst(2).first?.split(separator: "/").last?.split(separator: " ").first.map(String.init)
        } ?? "1") ?? 1
        for _ in 1..<count { tmux.keys("Space"); usleep(60_000) }
        try tmux.waitFor("\(count)/\(count)")
        // The ClusterIP animation (the seed's slide 5), played to its end.
        if Self.lesson == Self.seed {
            tmux.keys("5", "G")
            try tmux.waitFor("5/24")
            tmux.keys("Enter")
            try tmux.waitFor("flow 1/1")
            tmux.keys("+", "+", "Space")
            try tmux.waitFor("→ Delivered to pod-green-1", timeout: 20)
            tmux.keys("Escape")
        }
        for (w, h) in [(40, 12), (200, 60), (100, 40), (30, 8), (100, 40)] {
            tmux.resize(width: w, height: h)
            usleep(300_000)
            let screen = try tmux.capture()
            if w >= 40 { #expect(screen.contains("reseau ·"), "at \(w)×\(h)") } else { #expect(screen.contains("Terminal too small")) }
        }
        tmux.keys("q")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0)
        #expect(try tmux.sttyUnchanged())
    }

    @Test func quizInTheTerminalSavesEachAnswer() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-e2e-xdg-\(UInt32.random(in: 0...UInt32.max))").path
        let tmux = try TmuxSession(lesson: CommandTests.fixture("quiz.md"), environment: "XDG_DATA_HOME='\(data)'", command: "quiz")
        defer { tmux.close(); try? FileManager.default.removeItem(atPath: data) }
        try tmux.waitFor("Quiz · 1/6")
        tmux.keys("2", "Enter")
        try tmux.waitFor("✓ Right!")
        tmux.keys("Enter")
        try tmux.waitFor("Quiz · 2/6")
        tmux.keys("1", "c", "Enter")
        try tmux.waitFor("✗ Wrong.")
        tmux.keys("q")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0)
        #expect(try tmux.sttyUnchanged())
        let saved = try String(contentsOfFile: data + "/reseau/progress.json", encoding: .utf8)
        #expect(saved.components(separatedBy: "\"lesson\" : \"quiz\"").count - 1 == 2)
    }

    /// A French lesson with `LANG=C.UTF-8` (no language named): French screens at 80x24, the
    /// diagram's inspector included; `--lang en` turns them English.
    @Test func aFrenchLessonSpeaksFrenchInTheTerminal() throws {
        let lesson = CommandTests.repository.appendingPathComponent("Lessons/04-clusterip.md").path
        let french = try TmuxSession(lesson: lesson, language: nil, width: 80, height: 24)
        defer { french.close() }
        try french.waitFor("q quitter")
        french.keys("Space")
        try french.waitFor("Entrée ouvrir")
        french.keys("Enter")
        try french.waitFor("flux 1/1 : ")
        french.keys(".", ".", ".")
        try french.waitFor("4/10")
        let screen = try french.capture()
        #expect(screen.contains("Échap revenir · Espace lecture/pause"))
        for english in [" the ", "packet", "receives", "flow ", "Esc back", "Space play"] { #expect(!screen.contains(english), "\(english) in:\n\(screen)") }
        french.keys("q")
        try french.waitForExit()
        #expect(try french.exitCode() == 0)

        let english = try TmuxSession(lesson: lesson, language: "en", width: 80, height: 24)
        defer { english.close() }
        try english.waitFor("q quit")
        english.keys("Space", "Enter")
        try english.waitFor("flow 1/1: ")
        let shown = try english.capture()
        for french in ["paquet", "quitter", "flux ", "Espace"] { #expect(!shown.contains(french), "\(french) in:\n\(shown)") }
        english.keys("q")
        try english.waitForExit()
    }

    /// TERM empty or dumb: no ncurses error, the line mode with a note (the audit's finding).
    @Test(arguments: ["TERM=", "TERM=dumb"]) func anUnknownTerminalGetsTheLineMode(_ term: String) throws {
        let tmux = try TmuxSession(lesson: CommandTests.repository.appendingPathComponent("Lessons/04-clusterip.md").path,
                                   environment: term, width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("TERM names no terminal")
        try tmux.waitFor("── 1/6 · ")
        tmux.keys("q", "Enter")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0)
        #expect(!(try tmux.capture()).contains("Error opening terminal"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession(lesson: Self.lesson)
        defer { tmux.close() }
        try tmux.waitFor(" reseau · ")
        tmux.signal("TERM")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 143)
        #expect(try tmux.sttyUnchanged())
    }

    /// The audit: every signal whose default ends the process restores the terminal first
    /// (SIGQUIT used to let the Swift backtracer draw over the screen and freeze 30 s).
    @Test(arguments: [("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("USR2", SIGUSR2), ("ALRM", SIGALRM), ("PIPE", SIGPIPE)])
    func otherEndingSignalsRestoreTheTerminal(_ name: String, _ number: Int32) throws {
        let tmux = try TmuxSession(lesson: Self.lesson)
        defer { tmux.close() }
        try tmux.waitFor(" reseau · ")
        tmux.signal(name)
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 128 + Int(number))
        #expect(try tmux.sttyUnchanged())
        #expect(!(try tmux.capture()).contains("Backtracing"))
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let tmux = try TmuxSession(lesson: Self.lesson, environment: "RESEAU_TEST_CRASH=1")
        defer { tmux.close() }
        try tmux.waitForExit()
        #expect(try tmux.exitCode() > 128, "killed by the signal of the trap")
        #expect(try tmux.sttyUnchanged())
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let tmux = try TmuxSession(lesson: Self.lesson)
        defer { tmux.close() }
        try tmux.waitFor(" reseau · ")
        tmux.keys("C-c")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 130)
        #expect(try tmux.sttyUnchanged())
    }
}

/// The monkey: random keys and random window sizes, on the seed page and on the bundled
/// course, then quit. The program must never stop on its own, must quit with 0 when asked,
/// and must leave the terminal as it found it. RESEAU_MONKEY_SECONDS sets how long each run
/// types (default 8 s, as CI runs it; BENCHMARKS.md reports a 60 s run); the seed is printed
/// so a failure can be replayed with RESEAU_MONKEY_SEED.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed: the monkey is skipped"), .serialized)
struct MonkeyTests {
    /// Every key the tables bind except the ones that quit (q, Ctrl-C), plus a few bound to nothing.
    static let keys = ["Space", "Right", "Left", "Up", "Down", "l", "h", "n", "p", "BSpace", "Q", "1", "2", "3", "4", "9",
                       "a", "b", "i", "Enter", "Enter", "v", "j", "k", "NPage", "PPage", "g", "G", "Home", "End", ":", "/",
                       "N", "t", "Escape", "Escape", "c", ".", ",", "+", "-", "Tab", "0", "P", "r", "?", "x", "z", "é", "5"]

    static var seconds: Double {
        Double(ProcessInfo.processInfo.environment["RESEAU_MONKEY_SECONDS"] ?? "") ?? 8
    }

    func monkey(on lesson: String) throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["RESEAU_MONKEY_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        print("monkey on \(lesson): seed \(seed), \(Self.seconds) s")
        var rng = SplitMix(state: seed)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-monkey-\(seed)").path
        let tmux = try TmuxSession(lesson: lesson, environment: "XDG_DATA_HOME='\(data)'")
        defer { tmux.close(); try? FileManager.default.removeItem(atPath: data) }
        try tmux.waitFor("reseau")
        let deadline = Date().addingTimeInterval(Self.seconds)
        var sent = 0
        while Date() < deadline {
            if rng.next() % 12 == 0 {
                tmux.resize(width: Int(rng.next() % 180) + 20, height: Int(rng.next() % 55) + 6)
            } else {
                let burst = Int(rng.next() % 4) + 1
                tmux.keys(contentsOf: (0..<burst).map { _ in Self.keys[Int(rng.next() % UInt64(Self.keys.count))] })
                sent += burst
            }
            if sent % 25 < 4 {
                let screen = try tmux.capture()
                #expect(!screen.contains("DONE-READY"), "the program stopped by itself (seed \(seed)):\n\(screen)")
                if screen.contains("DONE-READY") { return }
            }
            usleep(UInt32(rng.next() % 40_000))
        }
        tmux.resize(width: 100, height: 40)
        for _ in 0..<5 {
            tmux.keys("Escape")
            usleep(150_000)
        }
        tmux.keys("q")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0, "seed \(seed), \(sent) keys")
        #expect(try tmux.sttyUnchanged(), "seed \(seed)")
    }

    @Test func onTheSeedPage() throws {
        try monkey(on: TerminalEndToEndTests.lesson)
    }

    @Test func onTheBundledCourse() throws {
        try monkey(on: CommandTests.repository.appendingPathComponent("Lessons").path)
    }
}

/// A detached tmux session running reseau under a small shell script that records `stty -a`
/// before and after, and the exit code.
struct TmuxSession {
    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let name: String
    let folder: URL

    /// `language`: the `--lang` given (nil: none, the program chooses).
    /// `directory`: where the program runs (a lab's folder is made there); the session's own
    /// folder by default.
    init(lesson: String, environment: String = "", command: String = "", language: String? = "en", width: Int = 100, height: Int = 40,
         directory: String? = nil) throws {
        name = "reseau-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // `trap : INT`: like an interactive shell, the script survives the Ctrl-C meant for
        // the program (a handler, not SIG_IGN, so the program starts with the default).
        let script = """
        trap : INT
        cd '\(directory ?? folder.path)'
        stty -a > '\(folder.path)/before'
        LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no XDG_DATA_HOME='\(folder.path)/data' \(environment) sh -c 'echo $$ > "$0"; exec "$@"' '\(folder.path)/pid' '\(CommandTests.executable.path)' \(command) \(language.map { "--lang \($0)" } ?? "") \(lesson.isEmpty ? "" : "'\(lesson)'")
        echo $? > '\(folder.path)/rc'
        stty -a > '\(folder.path)/after'
        echo DONE-READY
        exec sh
        """
        try script.write(to: folder.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
        try Self.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh \(folder.path)/run.sh"])
    }

    /// Runs tmux to its end (at most 20 s) and returns what it printed.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let child = try Child("/usr/bin/env", ["tmux"] + arguments, environment: ProcessInfo.processInfo.environment)
        defer { child.clean() }
        let exit = child.wait(timeout: 20)
        if exit.timedOut { throw Timeout(description: "tmux \(arguments.joined(separator: " ")) did not end") }
        return child.out
    }

    func keys(_ keys: String...) { self.keys(contentsOf: keys) }
    func keys(contentsOf keys: [String]) { _ = try? Self.tmux(["send-keys", "-t", name] + keys) }
    func resize(width: Int, height: Int) { _ = try? Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }
    func capture() throws -> String { try Self.tmux(["capture-pane", "-p", "-t", name]) }

    /// Sends a signal to this session's program only (its pid, written as it started: other
    /// tests run reseau at the same time).
    func signal(_ name: String) {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            Issue.record("no pid for the program of \(self.name)"); return
        }
        let number: Int32 = ["TERM": SIGTERM, "INT": SIGINT, "KILL": SIGKILL, "QUIT": SIGQUIT, "USR1": SIGUSR1, "USR2": SIGUSR2,
                             "ALRM": SIGALRM, "PIPE": SIGPIPE][name] ?? SIGTERM
        kill(pid, number)
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    func waitFor(_ text: String, timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return }
            usleep(100_000)
        }
        throw Timeout(description: "waited for \(text); the screen was:\n\(screen)")
    }

    /// The program has ended and the shell is back (its prompt after the marker).
    func waitForExit() throws {
        try waitFor("DONE-READY")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let last = try capture().split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if let last, ["#", "$"].contains(last.trimmingCharacters(in: .whitespaces)) { return }
            usleep(100_000)
        }
        throw Timeout(description: "no shell prompt after the program ended:\n\(try capture())")
    }

    func exitCode() throws -> Int {
        Int(try String(contentsOf: folder.appendingPathComponent("rc"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `stty -a` after is what it was before (the size line aside: tests resize the window).
    func sttyUnchanged() throws -> Bool {
        func settings(_ file: String) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                .filter { !$0.contains("rows") }.map(String.init)
        }
        return try settings("before") == settings("after")
    }

    func close() {
        _ = try? Self.tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: folder)
    }
}

/// With no locale at all (LANG, LC_ALL unset: the C locale), a French lesson keeps its
/// letters on screen (ncursesw deleted them: "Vrifier ses acquis"); with `--ascii` every cell
/// is ASCII, a flow's title and the footer included (#19).
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct LocaleScreenTests {
    static let lesson = CommandTests.repository.appendingPathComponent("Lessons/05-nodeport.md").path

    @Test func noLocaleKeepsFrenchLetters() throws {
        let tmux = try TmuxSession(lesson: Self.lesson, environment: "LANG= LC_ALL= LC_CTYPE= LC_MESSAGES=", language: nil,
                                   width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("NodePort : entrer par les Nodes")
        tmux.keys("Escape")
        try tmux.waitFor("Vérifier ses acquis")
        #expect(try tmux.capture().contains("› ◐ NodePort"))
        tmux.keys("q")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0)
    }

    @Test func asciiScreensAreASCII() throws {
        let tmux = try TmuxSession(lesson: Self.lesson, command: "--ascii", language: "fr", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("NodePort : entrer par les Nodes")
        tmux.keys("2", "G")
        try tmux.waitFor("2/5")
        tmux.keys("Enter")
        try tmux.waitFor("flux 1/")
        tmux.keys(".", ".", ".")
        usleep(500_000)
        for screen in [try tmux.capture()] {
            let lines = screen.split(separator: "\n").filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
            #expect(lines.isEmpty, "\(lines.prefix(4))\n\(screen)")
            #expect(screen.contains("Verifier") || screen.contains("flux 1/"), "\(screen)")
        }
        tmux.keys("Escape", "Escape")
        try tmux.waitFor("Verifier ses acquis")
        #expect(try tmux.capture().split(separator: "\n").allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        tmux.keys("q")
        try tmux.waitForExit()
    }
}

/// A frame that takes long (a chart of 1,000 boxes and 4,000 tangled arrows) says so on
/// screen, and q or Ctrl-C during it ends the program at once, the terminal restored (#20:
/// q took 35 s and Ctrl-C 17 s, after the frame).
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct LongFrameTests {
    static func lesson() throws -> (String, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-long-frame-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["flowchart LR"]
        for g in 0..<10 {
            lines.append("  subgraph g\(g) [\"Groupe \(g)\"]")
            for i in (g * 100)..<(g * 100 + 100) { lines.append("    n\(i)[\"Pod \(i)<br/>10.4.\(i / 250).\(i % 250)\"]") }
            lines.append("  end")
        }
        for e in 0..<4000 { lines.append("  n\(e % 1000) --> n\((e * 7 + 13) % 1000)") }
        let file = folder.appendingPathComponent("enorme.md")
        try "---\ntitle: Énorme\n---\n\n# Énorme\n\n```mermaid\n\(lines.joined(separator: "\n"))\n```\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return (file.path, folder)
    }

    @Test(arguments: ["q", "C-c"])
    func aLongFrameSaysSoAndStopsAtOnce(key: String) throws {
        let (lesson, folder) = try Self.lesson()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(lesson: lesson, language: "fr", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("Calcul en cours…")
        #expect(try tmux.capture().contains("q pour quitter"))
        tmux.keys(key)
        // The drawing takes far longer than this wait (minutes in a debug build).
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == (key == "q" ? 0 : 130))
        #expect(try tmux.sttyUnchanged())
    }
}

/// Saving the lesson reloads it on screen, with no key pressed.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"))
struct AutoReloadTests {
    /// Written as editors do (a new file renamed over the old one, or the same file
    /// rewritten), at once or later. The files are watched from one second after the start
    /// (closing a watch costs the kernel a grace period, 22 ms, at every exit): a save in that
    /// first second is caught by the files' times, a later one by the watch.
    @Test(arguments: [(0.0, true), (0.0, false), (1.6, false), (3.0, true)])
    func aSavedLessonIsReadAgain(after seconds: Double, renamed: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-reload-\(getpid())-\(Int(seconds * 10))-\(renamed)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("lesson.md")
        try "---\ntitle: Avant\n---\n\n## Premier titre\n\nTexte.\n".write(to: lesson, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(lesson: lesson.path)
        defer { tmux.close() }
        try tmux.waitFor("Premier titre")
        usleep(UInt32(seconds * 1_000_000))
        let corrected = "---\ntitle: Après\n---\n\n## Titre corrigé \(seconds)\n\nTexte.\n"
        if renamed {
            try corrected.write(to: lesson, atomically: true, encoding: .utf8)
        } else {
            let handle = try FileHandle(forWritingTo: lesson)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(corrected.utf8))
            try handle.close()
        }
        try tmux.waitFor("Titre corrigé \(seconds)")
        try tmux.waitFor("Reloaded.")
        tmux.keys("q")
        try tmux.waitForExit()
    }
}

/// What ncurses is given, one call per run of cells of one style (#19): the terminal shows
/// each character in its column, a wide one taking two with the text after it in place, each
/// run in its look; a frame written by difference (slide 2, then back) leaves the screen as
/// the first full frame drew it.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct CellRunTests {
    @Test func wideCharactersStylesAndARepaintByDifferenceShowTheSlide() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-cells-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = folder.appendingPathComponent("cellules.md")
        try """
        ---
        title: Cellules
        ---

        ## Un 🚀 départ

        Texte **gras** puis `code` 🙂 fin, 日本 ok.

        ## Deuxième

        Autre chose, plus long que la première ligne pour tout changer.

        """.write(to: lesson, atomically: true, encoding: .utf8)
        // 256 colours whatever terminal the tests run in (tmux keeps each cell's colour), and
        // colours on (the test runner sets NO_COLOR).
        let tmux = try TmuxSession(lesson: lesson.path, environment: "TERM=xterm-256color NO_COLOR=", language: "fr", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("Texte gras")
        let first = try tmux.capture()
        #expect(first.contains("Texte gras puis code 🙂 fin, 日本 ok."), "\(first)")
        #expect(first.contains("Un 🚀 départ"), "\(first)")
        // In its look: the bold word and the code each drawn with their attributes (the space
        // before a styled word takes its style, as the slide renderer gives it).
        let styled = try TmuxSession.tmux(["capture-pane", "-p", "-e", "-t", tmux.name])
        let line = styled.split(separator: "\n").first { $0.contains("Texte") }.map(String.init) ?? ""
        #expect(line.range(of: "\u{1B}\\[(?:[0-9;]*;)?1(?:;[0-9;]*)?m ?gras", options: .regularExpression) != nil, "bold: \(line.debugDescription)")
        #expect(line.range(of: "\u{1B}\\[(?:[0-9;]*;)?38;5;[0-9]+(?:;[0-9;]*)?m ?code", options: .regularExpression) != nil, "coloured: \(line.debugDescription)")
        tmux.keys("Space")
        try tmux.waitFor("Autre chose")
        tmux.keys("BSpace")
        try tmux.waitFor("Texte gras")
        usleep(200_000)
        #expect(try tmux.capture() == first)
        tmux.keys("q")
        try tmux.waitForExit()
        #expect(try tmux.exitCode() == 0)
    }
}
