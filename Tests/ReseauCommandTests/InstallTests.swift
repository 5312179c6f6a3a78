import Foundation
import Testing

/// ArgumentParser's manual generator, built beside the debug reseau.
enum ManualTool {
    static var path: String? {
        let folder = CommandTests.executable.deletingLastPathComponent()
        return ["generate-manual", "generate-manual-tool"].map { folder.appendingPathComponent($0).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// `make install` as a new user would have it: into a temporary PREFIX, then the installed
/// reseau run from `/` with LANG unset (#19: outside the source folder it could not open its
/// own course, and `quiz` said "nothing to review" with exit 0).
@Suite(.enabled(if: ManualTool.path != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/make"),
                "make or the manual generator is not there (make test builds it: swift build --product generate-manual): the install is not tried"))
struct InstallTests {
    static var manualTool: String? { ManualTool.path }

    static func make(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let child = try Child("/usr/bin/make", ["-C", CommandTests.repository.path] + arguments,
                              environment: ProcessInfo.processInfo.environment)
        defer { child.clean() }
        let exit = child.wait(timeout: 120)
        return (exit.status, child.out + child.err)
    }

    /// The installed program, run from `/` with no LANG (nor LC_*) and a fresh data folder.
    static func installed(_ program: String, _ arguments: [String], data: String, input: String = "", extra: [String: String] = [:])
        throws -> (status: Int32, out: String, err: String) {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LC_") && $0.key != "LANG" && $0.key != "RESEAU_LESSONS" }
        environment["XDG_DATA_HOME"] = data
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment.merge(extra) { _, new in new }
        // A program file just written may be held open for writing a moment by a child another
        // test forked meanwhile (it inherited the descriptor): exec says "Text file busy".
        for _ in 0..<50 {
            let child = try Child(program, arguments, environment: environment, directory: "/", input: .text(input))
            defer { child.clean() }
            let exit = child.wait(timeout: 60)
            if exit.status == 126, child.err.contains("Text file busy") { usleep(100_000); continue }
            return (exit.status, child.out, child.err)
        }
        return (126, "", "Text file busy")
    }

    @Test func anInstalledReseauFindsItsCourseFromAnywhere() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-install-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix").path, data = root.appendingPathComponent("data").path
        let install = try Self.make(["install-files", "PREFIX=\(prefix)", "PROGRAM=\(CommandTests.executable.path)", "MANUAL=\(Self.manualTool!)"])
        #expect(install.status == 0, "\(install.out)")

        let files = FileManager.default
        // Installed stripped, and it still runs (below).
        let built = try files.attributesOfItem(atPath: CommandTests.executable.path)[.size] as? Int ?? 0
        let installedSize = try files.attributesOfItem(atPath: prefix + "/bin/reseau")[.size] as? Int ?? 0
        #expect(installedSize < built, "installed \(installedSize) bytes, built \(built)")
        let lessons = try files.contentsOfDirectory(atPath: prefix + "/share/reseau/Lessons").filter { $0.hasSuffix(".md") }
        #expect(lessons.count == 13)
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/reseau.1", encoding: .utf8)
        #expect(manual.contains(".Nm reseau") && manual.contains("outline") && manual.contains("quiz"))
        for completion in ["bash-completion/completions/reseau", "zsh/site-functions/_reseau", "fish/vendor_completions.d/reseau.fish"] {
            let text = try String(contentsOfFile: prefix + "/share/" + completion, encoding: .utf8)
            #expect(text.contains("outline") && text.contains("quiz"), "\(completion)")
        }

        // From `/`, LANG unset: the 13 lessons, in the language of the lessons (French).
        let program = prefix + "/bin/reseau"
        let outline = try Self.installed(program, ["outline"], data: data)
        #expect(outline.status == 0, "\(outline.err)")
        let listed = outline.out.split(separator: "\n").filter { $0.contains(prefix + "/share/reseau/Lessons/") }
        #expect(listed.count == 13, "\(outline.out.prefix(400))")
        #expect(outline.out.contains("Les trois réseaux d'un cluster"))
        let quiz = try Self.installed(program, ["quiz", "--plain"], data: data, input: "q\n")
        #expect(quiz.out.contains("[1/"), "\(quiz.out.prefix(300)) \(quiz.err)")
        #expect(!quiz.out.contains("Rien à réviser"))

        // Through a symlink elsewhere (~/bin/reseau → the installed one): the same course.
        let link = root.appendingPathComponent("bin/reseau").path
        try files.createDirectory(atPath: root.appendingPathComponent("bin").path, withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: link, withDestinationPath: program)
        #expect(try Self.installed(link, ["outline"], data: data).out.split(separator: "\n").filter { $0.contains("/share/reseau/Lessons/") }.count == 13)

        // RESEAU_LESSONS chooses another course; a wrong one is said, exit 1.
        let fixtures = CommandTests.repository.appendingPathComponent("Tests/Fixtures/lessons").path
        #expect(try Self.installed(program, ["outline"], data: data, extra: ["RESEAU_LESSONS": fixtures]).out.contains("Tous les blocs"))
        let wrong = try Self.installed(program, ["outline"], data: data, extra: ["RESEAU_LESSONS": root.path + "/nowhere"])
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("nowhere") && wrong.err.contains("RESEAU_LESSONS"))

        // Uninstalled: every file it put there is gone.
        let uninstall = try Self.make(["uninstall", "PREFIX=\(prefix)"])
        #expect(uninstall.status == 0, "\(uninstall.out)")
        let left = (files.enumerator(atPath: prefix)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: prefix + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        #expect(left.isEmpty, "\(left)")
    }

    /// A copy of the program with no course anywhere near it says where it looked, in the
    /// command line's language, and fails (it opened an empty course, exit 0).
    @Test func noCourseAnywhereIsSaidWhereItLooked() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-nocourse-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(atPath: root.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CommandTests.executable.path, toPath: root.path + "/bin/reseau")
        for (arguments, language) in [(["outline"], "en"), (["quiz", "--plain", "--lang", "fr"], "fr")] {
            let run = try Self.installed(root.path + "/bin/reseau", arguments, data: root.path + "/data",
                                         extra: ["XDG_DATA_DIRS": root.path + "/share"])
            #expect(run.status == 1, "\(arguments)")
            #expect(run.err.contains(root.path + "/share/reseau/Lessons"), "\(run.err)")
            #expect(run.err.contains(language == "fr" ? "le cours fourni est introuvable" : "the bundled course is nowhere to be found"), "\(run.err)")
        }
    }
}

/// #19: the program links no Foundation, whose ICU data (34 MB) made the installed binary
/// 83 MB and its start touch ICU's pages. The debug build links the Swift libraries
/// dynamically, so what the program needs is what the loader lists: FoundationEssentials
/// (no ICU) may be there, Foundation, FoundationInternationalization and _FoundationICU
/// may not. A single `String.contains("=")` that resolves to Foundation's brings them back.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd"), "ldd is not there: the libraries are not listed"))
struct LinkedLibrariesTests {
    @Test func theProgramLinksNoFoundationNorICU() throws {
        let child = try Child("/usr/bin/ldd", [CommandTests.executable.path], environment: ProcessInfo.processInfo.environment)
        defer { child.clean() }
        #expect(child.wait(timeout: 60).status == 0, "\(child.err)")
        let libraries = child.out.split(separator: "\n").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
        #expect(libraries.contains { $0.hasPrefix("libFoundationEssentials") }, "\(libraries)")
        for forbidden in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so", "libicu"] {
            #expect(!libraries.contains { $0.hasPrefix(forbidden) }, "reseau links \(forbidden): \(libraries)")
        }
    }
}
