import Foundation
import Testing

/// #16 in a real terminal at 80x24: the course list to lesson 13 and back, reopening where
/// the student stopped, help's quiz section, search with its count, a clicker leaving an
/// animated slide, blanking, and `reseau console` following and driving a presentation.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed: the end-to-end terminal tests are skipped"), .serialized)
struct FindingYourWayEndToEndTests {
    static let lessons = CommandTests.repository.appendingPathComponent("Lessons").path

    static func temporary(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-\(name)-\(UInt32.random(in: 0...UInt32.max))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// `reseau present` (with `options`) and, sharing its runtime folder, a `reseau console`, at 80x24.
    static func presenting(_ lesson: String, _ options: String = "", runtime: String) throws -> TmuxSession {
        try TmuxSession(lesson: lesson, environment: "XDG_RUNTIME_DIR='\(runtime)'", command: "present " + options, language: "fr",
                        width: 80, height: 24)
    }

    static func console(runtime: String) throws -> TmuxSession {
        try TmuxSession(lesson: "", environment: "XDG_RUNTIME_DIR='\(runtime)'", command: "console", language: "fr", width: 80, height: 24)
    }

    @Test func theCourseListReachesLesson13AndTheProgramReopensWhereTheStudentStopped() throws {
        let data = Self.temporary("data")
        defer { try? FileManager.default.removeItem(atPath: data) }
        var tmux = try TmuxSession(lesson: Self.lessons, environment: "XDG_DATA_HOME='\(data)'", language: "fr", width: 80, height: 24)
        try tmux.waitFor("reseau · cours")
        for _ in 0..<12 { tmux.keys("j") }
        try tmux.waitFor("› ○ Cas d'usage")
        tmux.keys("Enter")
        try tmux.waitFor("reseau · Cas d'usage : quel Service choisir ? · ")
        tmux.keys("Space")
        tmux.keys("Escape")
        try tmux.waitFor("› ◐ Cas d'usage")
        tmux.keys("Enter")
        try tmux.waitFor("reseau · Cas d'usage : quel Service choisir ? · ")
        tmux.keys("Space")
        // The second slide of the lesson (a slide with a scene takes a while in a debug build
        // on a busy machine: waited for, not slept on).
        try tmux.waitFor("Cas d'usage : quel Service choisir ? · 71/")
        let slide = try tmux.capture().split(separator: "\n").first.map(String.init) ?? ""
        tmux.keys("q")
        try tmux.waitForExit()
        tmux.close()
        // Opened again: the same slide, not the course list.
        tmux = try TmuxSession(lesson: Self.lessons, environment: "XDG_DATA_HOME='\(data)'", language: "fr", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor(" reseau · ")
        usleep(300_000)
        #expect(try tmux.capture().split(separator: "\n").first.map(String.init) == slide, "reopened at \(slide)")
        tmux.keys("?")
        for _ in 0..<10 { tmux.keys("NPage") }
        try tmux.waitFor("choisir une réponse")
        tmux.keys("Escape", "/")
        tmux.keys("-l", "reseau des pods")
        tmux.keys("Enter")
        try tmux.waitFor("« reseau des pods » : 1/2")
        tmux.keys("q")
        try tmux.waitForExit()
    }

    @Test func aClickerLeavesAnAnimatedSlideBlanksAndTheConsoleFollows() throws {
        let runtime = Self.temporary("runtime")
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let lesson = Self.lessons + "/04-clusterip.md"
        let present = try Self.presenting(lesson, "--duration 45m", runtime: runtime)
        defer { present.close() }
        try present.waitFor("1/6 · 00:0")
        present.keys("NPage")
        try present.waitFor("2/6 · 00:")
        try present.waitFor("●", timeout: 5)
        let console = try Self.console(runtime: runtime)
        defer { console.close() }
        try console.waitFor("console de l'orateur · 2/6")
        try console.waitFor("reste 4")
        // The flow plays; the clicker still leaves the slide, and the console follows.
        present.keys("NPage")
        try present.waitFor("3/6 · 00:")
        try console.waitFor("console de l'orateur · 3/6")
        // A key in the console drives the presentation.
        console.keys("PPage")
        try present.waitFor("2/6 · 00:")
        try console.waitFor("console de l'orateur · 2/6")
        present.keys("b")
        usleep(400_000)
        #expect(try present.capture().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "b blanks the projection")
        present.keys("Right")
        try present.waitFor("2/6 · 00:")
        present.keys("q")
        try present.waitForExit()
        try console.waitFor("La présentation est terminée.")
        console.keys("q")
        try console.waitForExit()
    }

    /// Speaker notes: the console shows them, the audience never.
    @Test func speakerNotesShowInTheConsoleOnly() throws {
        let runtime = Self.temporary("runtime")
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let lesson = CommandTests.fixture("notes.md")
        let present = try Self.presenting(lesson, runtime: runtime)
        defer { present.close() }
        try present.waitFor("Ce que le public lit.")
        #expect(!(try present.capture()).contains("Rappeler que le Service"))
        let console = try Self.console(runtime: runtime)
        defer { console.close() }
        try console.waitFor("Rappeler que le Service n'existe que dans les règles des Nodes.")
        try console.waitFor("Suivante : 2. Deuxième diapositive")
        present.keys("q")
        try present.waitForExit()
    }

    /// A console with no presentation, or a link folder others can open, says so and stops.
    @Test func aConsoleRefusesAFolderOthersCanOpenAndSaysWhenNothingRuns() throws {
        let runtime = Self.temporary("runtime")
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let none = try CommandTests.run(["console", "--lang", "fr"], environment: ["XDG_RUNTIME_DIR": runtime])
        #expect(none.status == 1 && none.err.contains("aucune présentation en cours"), "\(none.err)")
        chmod(runtime + "/reseau", 0o755)
        let open = try CommandTests.run(["console", "--lang", "en"], environment: ["XDG_RUNTIME_DIR": runtime])
        #expect(open.status == 1 && open.err.contains("is not a folder of yours with mode 0700: refused"), "\(open.err)")
    }
}
