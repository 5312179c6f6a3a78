import Foundation
import Testing

/// `reseau lab list|start|check` end to end (#21): what a student types and reads.
@Suite(.serialized) struct LabCommandTests {
    static let lesson = CommandTests.fixture("lab.md")

    static func temporary() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-lab-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func run(_ arguments: [String], data: String) throws -> CommandTests.Run {
        try CommandTests.run(arguments, environment: ["LANG": "C.UTF-8", "XDG_DATA_HOME": data])
    }

    @Test func listNamesEachLabByItsLessonAndNumber() throws {
        let run = try CommandTests.run(["lab", "list", "--lang", "fr", Self.lesson])
        #expect(run.status == 0)
        #expect(run.out == "\(Self.lesson)#1  Le sélecteur de web\n\(Self.lesson)#2  Cassé\n")
        let bundled = try CommandTests.run(["lab", "list", "Lessons"])
        #expect(bundled.out.split(separator: "\n").count >= 10 && bundled.out.contains("Lessons/11-networkpolicy.md#1"))
    }

    @Test func startWritesTheFilesAndNeverOverwritesOne() throws {
        let root = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/labo"
        let first = try Self.run(["lab", "start", "--lang", "fr", Self.lesson + "#1", folder], data: root)
        #expect(first.status == 0)
        #expect(first.out.hasPrefix("écrit : \(folder)/service.yaml\n"), "\(first.out)")
        let written = try String(contentsOfFile: folder + "/service.yaml", encoding: .utf8)
        #expect(written.contains("selector: {app: wbe}"))
        // The student's work is never lost: a second start keeps it and says so.
        try "# à moi\n".write(toFile: folder + "/service.yaml", atomically: true, encoding: .utf8)
        let again = try Self.run(["lab", "start", "--lang", "fr", Self.lesson + "#1", folder], data: root)
        #expect(again.status == 0)
        #expect(again.out.hasPrefix("gardé (il existe déjà, rien n'est écrasé) : \(folder)/service.yaml\n"), "\(again.out)")
        #expect(try String(contentsOfFile: folder + "/service.yaml", encoding: .utf8) == "# à moi\n")
    }

    @Test func checkSaysWhatHappenedInsteadUntilTheStudentFixesIt() throws {
        let root = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/labo"
        _ = try Self.run(["lab", "start", Self.lesson + "#1", folder], data: root)
        let before = try Self.run(["lab", "check", "--lang", "fr", Self.lesson + "#1", folder], data: root)
        #expect(before.status == 1)
        #expect(before.out.split(separator: "\n").map(String.init) == [
            "\(folder)/service.yaml:1:1: attention: Service default/web : son sélecteur app=wbe ne désigne aucun Pod",
            "✗ 1. le Service web a 1 endpoint prêt — il n'en a aucun",
            "✗ 2. client → http://web/ : remis (jusqu'à web-1) — à node-1 KUBE-SERVICES : Rejeté : default/web n'a aucun endpoint prêt.",
            "✓ 3. depuis client, absent.default.svc.cluster.local répond NXDOMAIN (nom inconnu)",
            "1/3 objectifs atteints",
        ])
        // The student fixes the selector.
        let fixed = try String(contentsOfFile: folder + "/service.yaml", encoding: .utf8).replacingOccurrences(of: "app: wbe", with: "app: web")
        try fixed.write(toFile: folder + "/service.yaml", atomically: true, encoding: .utf8)
        let after = try Self.run(["lab", "check", "--lang", "fr", Self.lesson + "#1", folder], data: root)
        #expect(after.status == 0, "\(after.out)")
        #expect(after.out.hasSuffix("Tous les objectifs sont atteints : labo réussi.\n"))
        // Passed: the progress file says so, with the day.
        let progress = try String(contentsOfFile: root + "/reseau/progress.json", encoding: .utf8)
        #expect(progress.contains("\"lab#1\"") && progress.contains("\"date\""), "\(progress)")
        let standing = try Self.run(["progress", "--lang", "fr", Self.lesson], data: root)
        #expect(standing.out.contains("  ✓ lab#1  Le sélecteur de web — réussi le 20"), "\(standing.out)")
        #expect(standing.out.contains("  ○ lab#2  Cassé — à faire"))
        // A locale that cannot show Unicode: ASCII marks and letters, nothing garbled.
        let plain = try CommandTests.run(["lab", "check", "--lang", "fr", Self.lesson + "#1", folder],
                                         environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": "", "XDG_DATA_HOME": root])
        #expect(plain.status == 0 && plain.out.contains("[x] 1. le Service web a 1 endpoint pret"), "\(plain.out)")
        #expect(plain.out.utf8.allSatisfy { $0 < 0x80 })
        let json = try Self.run(["lab", "check", "--json", Self.lesson + "#1", folder], data: root)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == true && (object?["goals"] as? [[String: Any]])?.count == 3)
    }

    @Test func theCorrectionPassesAndMistakesOfUsageSayWhy() throws {
        let root = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let correction = try Self.run(["lab", "check", "--correction", "--lang", "en", Self.lesson + "#1"], data: root)
        #expect(correction.status == 0 && correction.out.hasSuffix("Every goal is met: lab passed.\n"))
        #expect(!FileManager.default.fileExists(atPath: root + "/reseau/progress.json"), "the correction is not the student's pass")
        let missing = try Self.run(["lab", "check", "--lang", "en", Self.lesson + "#1", root + "/nowhere"], data: root)
        #expect(missing.status == 2 && missing.err == "no folder \(root)/nowhere: run `reseau lab start` first\n")
        let noSuch = try Self.run(["lab", "check", "--lang", "en", Self.lesson + "#7"], data: root)
        #expect(noSuch.status == 2 && noSuch.err == "\(Self.lesson)#7: no lab with that number (the lesson has 2)\n")
    }
}

/// The lab view in a real terminal: a goal turns ✓ when the student saves the file.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed"), .serialized)
struct LabViewEndToEndTests {
    @Test func savingTheFixedFileTurnsTheGoalsGreenWhileTheLabIsOpen() throws {
        let tmux = try TmuxSession(lesson: LabCommandTests.lesson, language: "fr", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("Un sélecteur à corriger")
        tmux.keys("Enter")
        try tmux.waitFor("1/3 objectifs atteints")
        let screen = try tmux.capture()
        #expect(screen.contains("✗ 1. le Service web a 1 endpoint prêt — il n'en a aucun"), "\(screen)")
        // The starting file is in the folder the program was started in.
        let file = tmux.folder.appendingPathComponent("reseau-lab-lab-1/service.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("app: wbe"))
        // Saved as an editor saves: a new file renamed over the old one.
        let temporary = tmux.folder.appendingPathComponent("reseau-lab-lab-1/.service.yaml.swp")
        try text.replacingOccurrences(of: "app: wbe", with: "app: web").write(to: temporary, atomically: false, encoding: .utf8)
        _ = rename(temporary.path, file.path)
        try tmux.waitFor("Tous les objectifs sont atteints")
        #expect(try tmux.capture().contains("✓ 1. le Service web a 1 endpoint prêt"))
        tmux.keys("Escape")
        try tmux.waitFor("Un sélecteur à corriger")
        tmux.keys("q")
        try tmux.waitForExit()
        let progress = try String(contentsOf: tmux.folder.appendingPathComponent("data/reseau/progress.json"), encoding: .utf8)
        #expect(progress.contains("\"lab#1\""), "the pass is recorded: \(progress)")
    }
}
