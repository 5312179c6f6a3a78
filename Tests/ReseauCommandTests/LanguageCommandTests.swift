import Canvas
import Foundation
import Speech
import Testing

/// Issue "One language at a time", from the command line: which language each command
/// speaks, and a missing path failing every command.
@Suite struct LanguageCommandTests {
    static let lesson = CommandTests.repository.appendingPathComponent("Lessons/04-clusterip.md").path

    func run(_ arguments: [String], lang: String?) throws -> CommandTests.Run {
        var environment = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]
        if let lang { environment["LANG"] = lang }
        return try CommandTests.run(arguments, environment: environment)
    }

    @Test func aFrenchLessonSpeaksFrenchWhenTheLocaleNamesNoLanguage() throws {
        for lang in ["C.UTF-8", "C", "fr_FR.UTF-8"] as [String?] + [nil] {
            let outline = try run(["outline", Self.lesson], lang: lang)
            #expect(outline.status == 0)
            #expect(outline.out.contains("— 6 diapositives"), "LANG=\(lang ?? "unset"): \(outline.out.prefix(120))")
            let trace = try run(["trace", "--scene", Self.lesson + "#1", "--from", "front-1", "--to", "http://api:80/"], lang: lang)
            #expect(trace.out.contains("requête : front-1 → http://api:80/"), "LANG=\(lang ?? "unset")")
            #expect(trace.out.contains("verdict : remis — Remis à api-"))
            #expect(!trace.out.contains("packet") && !trace.out.contains("receives"))
        }
    }

    @Test func anEnglishLocaleOrFlagSpeaksEnglish() throws {
        let outline = try run(["outline", Self.lesson], lang: "en_GB.UTF-8")
        #expect(outline.out.contains("— 6 slides"))
        let trace = try run(["trace", "--scene", Self.lesson + "#1", "--from", "front-1", "--to", "http://api:80/", "--lang", "en"], lang: "fr_FR.UTF-8")
        #expect(trace.out.contains("verdict: delivered — Delivered to api-"))
        #expect(!trace.out.contains("paquet") && !trace.out.contains("requête"))
    }

    @Test func lintSpeaksTheLessonsLanguageAsCompilersDo() throws {
        let path = CommandTests.repository.appendingPathComponent("Tests/Fixtures/lessons/unclosed-directive.md").path
        let french = try run(["lint", path, "--lang", "fr"], lang: "C.UTF-8")
        #expect(french.status == 1)
        #expect(french.out == "\(path):9:1: erreur: la directive `:::warning` n'est jamais fermée (une ligne `:::` doit la terminer) ; son contenu est gardé\n")
        let json = try run(["lint", path, "--format", "json", "--lang", "fr"], lang: "C.UTF-8")
        #expect(json.out.contains("\"severity\" : \"error\""), "JSON keeps machine names")
        #expect(json.out.contains("n'est jamais fermée"))
    }

    @Test func helpAndUsageErrorsFollowTheFlag() throws {
        let help = try run(["trace", "--help", "--lang", "fr"], lang: "C.UTF-8")
        #expect(help.out.contains("Suivre une requête dans une scène, saut par saut."))
        let usage = try run(["render", Self.lesson, "--width", "5", "--lang", "fr"], lang: "C.UTF-8")
        #expect(usage.status == 2)
        #expect(usage.err.contains("--width doit valoir au moins 20"))
        let english = try run(["render", Self.lesson, "--width", "5"], lang: "en_US.UTF-8")
        #expect(english.err.contains("--width must be at least 20"))
    }

    @Test(arguments: [
        ["outline", "/nope"], ["lint", "/nope"], ["render", "/nope"], ["quiz", "--plain", "/nope"], ["progress", "/nope"],
        ["mermaid", "/nope.mmd"], ["trace", "--scene", "/nope.yaml", "--from", "a", "--to", "http://x/"],
        ["dns", "--scene", "/nope.yaml", "x"], ["--plain", "/nope"],
    ])
    func aMissingPathFailsEveryCommand(_ arguments: [String]) throws {
        let result = try run(arguments, lang: "C.UTF-8")
        #expect(result.status == 1, "reseau \(arguments.joined(separator: " ")) exits \(result.status)")
        #expect((result.out + result.err).contains("/nope"), "the path is named")
    }

    @Test func aMissingPathIsSaidInFrench() throws {
        let result = try run(["outline", "/nope", "--lang", "fr"], lang: "C.UTF-8")
        #expect(result.status == 1)
        #expect(result.err == "/nope: erreur: aucun fichier ni dossier de ce nom\n")
    }

    /// Seen presenting: `reseau --lang fr present FILE` said "present: no such file or folder".
    @Test func aCommandNamedAfterItsOptionsIsExplained() throws {
        let result = try run(["--lang", "fr", "present", "/nope.md"], lang: "C.UTF-8")
        #expect(result.status == 2, "a usage error")
        #expect(result.err.contains("present est une commande : donnez-la d'abord, puis ses options (reseau present --lang fr FICHIER)"), "\(result.err)")
        #expect(!result.err.contains("aucun fichier"), "\(result.err)")
    }

    /// Seen under `--lang fr`: a mistyped option got `Error: Unknown option '--nope'` and
    /// `Usage:`, and the French help sat under `OVERVIEW:` and `Show help information.`.
    @Test func argumentParsersOwnWordsFollowTheFlag() throws {
        let mistyped = try run(["present", "--lang", "fr", "--nope"], lang: "C.UTF-8")
        #expect(mistyped.status == 2)
        #expect(mistyped.err == """
            Erreur : option inconnue « --nope »
            Utilisation : reseau present [<paths> ...] [--ascii] [--lang <lang>] [--theme <theme>] [--duration <duration>]
              Voir « reseau present --help » pour en savoir plus.

            """, "\(mistyped.err)")
        let value = try run(["outline", "--lang", "de", Self.lesson], lang: "fr_FR.UTF-8")
        #expect(value.status == 2)
        #expect(value.err.hasPrefix("Erreur : la valeur « de » ne convient pas à « --lang <lang> ». Choisissez « fr » ou « en ».\nAide :  --lang <lang>  Langue du programme"), "\(value.err)")
        let missing = try run(["outline", "--lang", "fr", "--lang"], lang: "C.UTF-8")
        #expect(missing.err.hasPrefix("Erreur : il manque la valeur de « --lang <lang> »\n"), "\(missing.err)")
        let help = try run(["trace", "--help", "--lang", "fr"], lang: "C.UTF-8")
        #expect(help.status == 0)
        for heading in ["RÉSUMÉ : Suivre une requête", "\nUTILISATION : reseau trace ", "\nOPTIONS :\n", "  -h, --help              Afficher l'aide.\n"] {
            #expect(help.out.contains(heading), "\(heading) in \(help.out)")
        }
        for english in ["OVERVIEW", "USAGE", "OPTIONS:", "Show help", "(default:", "(values:"] {
            #expect(!help.out.contains(english), "\(english) in \(help.out)")
        }
        // `help`, ArgumentParser's, refused `--lang`: it is the help's language.
        for arguments in [["help", "present", "--lang", "fr"], ["help", "--lang=fr", "present"]] {
            let asked = try run(arguments, lang: "C.UTF-8")
            #expect(asked.status == 0, "\(arguments): \(asked.err)")
            #expect(asked.out.hasPrefix("RÉSUMÉ : Présenter le cours"), "\(arguments): \(asked.out.prefix(120))")
        }
        // `reseau --help --lang fr` lists the commands, as `reseau --help` does.
        let root = try run(["--help", "--lang", "fr"], lang: "C.UTF-8")
        #expect(root.out.contains("UTILISATION : reseau <subcommand>") && root.out.contains("\nSOUS-COMMANDES :\n"), "\(root.out)")
        #expect(root.out.contains("present"))
        // English stays ArgumentParser's own, and a completion script is left as written.
        let english = try run(["present", "--lang", "en", "--nope"], lang: "C.UTF-8")
        #expect(english.err.hasPrefix("Error: Unknown option '--nope'\nUsage: reseau present "), "\(english.err)")
        let script = try run(["--generate-completion-script", "zsh", "--lang", "fr"], lang: "C.UTF-8")
        #expect(script.status == 0)
        #expect(script.out.hasPrefix("#compdef reseau") && script.out.contains("[Show help information.]"), "\(script.out.prefix(200))")
    }

    /// #19: a missing path was reported at a meaningless 1:1; a problem with the whole file
    /// gives no position, on the terminal and in JSON, while a lesson's problems keep theirs.
    @Test func aProblemWithTheWholeFileHasNoPosition() throws {
        let json = try run(["lint", "/nope", "--format", "json", "--lang", "en"], lang: "C.UTF-8")
        #expect(json.status == 1)
        #expect(json.out.contains("\"file\" : \"/nope\""), "\(json.out)")
        #expect(!json.out.contains("\"line\""), "no line for a missing file: \(json.out)")
        let lesson = CommandTests.repository.appendingPathComponent("Tests/Fixtures/lessons/unclosed-directive.md").path
        let located = try run(["lint", lesson, "--format", "json", "--lang", "en"], lang: "C.UTF-8")
        #expect(located.out.contains("\"line\" : 9"), "a lesson's problem keeps its line: \(located.out)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-empty-\(getpid())").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let folder = try run(["lint", empty, "--lang", "fr"], lang: "C.UTF-8")
        #expect(folder.out.hasPrefix("\(empty): attention: "), "\(folder.out)")
    }
}

/// Lint's warnings about a lesson's questions (issue "A quiz that teaches").
@Suite struct QuizLintTests {
    @Test func answersAlwaysFirstAreWarnedAbout() throws {
        let path = CommandTests.fixture("answers-first.md")
        let run = try CommandTests.run(["lint", "--strict", "--lang", "en", path], environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.out.contains("\(path):8:1: warning: quiz: the right answer of all 3 single-answer questions is choice 1 in the source"))
        // The ids do not depend on the choices' order: reordering them as lint asks keeps progress.
        let bundled = try CommandTests.run(["lint", "--strict", "Lessons/"], environment: ["LANG": "C.UTF-8"])
        #expect(bundled.status == 0, "\(bundled.out)")
    }
}

/// Issue "The course author's loop": lint reads well.
@Suite struct LintReadsWellTests {
    @Test func theSeedPagesFindingsComeBeforeOneEncodingLine() throws {
        let seed = CommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
        guard FileManager.default.fileExists(atPath: seed) else { return }
        let run = try CommandTests.run(["lint", "--lang", "en", seed], environment: ["LANG": "C.UTF-8"])
        let lines = run.out.split(separator: "\n").map(String.init)
        // Teaching findings first (the three labels the engine contradicts, the Pods of three
        // Nodes drawn in one /24, Nodes drawn without addresses), then one encoding line.
        #expect(lines.filter { $0.contains("flow step") }.count == 3, "\(lines)")
        #expect(lines.contains { $0.contains("share 10.4.32.0/24: each Node has a pod range of its own") })
        #expect(lines.contains { $0.contains("Node 1 has no address in the drawing: the engine gives it 192.168.1.11") })
        #expect(lines.filter { $0.contains("double-encoded") }.count == 1)
        #expect(lines.last?.hasSuffix("46 characters lost, dropped, on lines 12, 14, 15, … (46)") == true)
        // Tools keep one record a line.
        let json = try CommandTests.run(["lint", "--format", "json", "--lang", "en", seed], environment: ["LANG": "C.UTF-8"])
        #expect(json.out.components(separatedBy: "lost in the double encoding").count - 1 == 46, "one record per line lost")
    }
}

@Suite struct RenderNumberingTests {
    /// One numbering: a slide's number in `render` is its place in the course, as the total is.
    @Test func renderNumbersSlidesAcrossTheCourse() throws {
        for n in [1, 6, 73] {
            let run = try CommandTests.run(["render", "Lessons", "--slide", "\(n)", "--width", "60"], environment: ["LANG": "C.UTF-8"])
            #expect(run.out.hasPrefix("── \(n)/73 · "), "\(run.out.prefix(60))")
        }
    }
}

/// Issue "Never … leave the terminal broken" (the audit): output that cannot be written.
@Suite struct FailingOutputTests {
    func shell(_ script: String) throws -> CommandTests.Run {
        let child = try Child("/bin/sh", ["-c", script], environment: CommandTests.environment(["LANG": "C.UTF-8", "RESEAU": CommandTests.executable.path]),
                              directory: CommandTests.repository.path, input: .none)
        defer { child.clean() }
        let exit = child.wait()
        return CommandTests.Run(status: exit.status, out: child.out, err: child.err)
    }

    @Test(arguments: ["2>/dev/full", "2>&-"])
    func aFailingStandardErrorNeverTraps(_ redirection: String) throws {
        let run = try shell("\"$RESEAU\" outline /nope \(redirection); echo \"status $?\"")
        #expect(run.out.contains("status 1"), "exit 1 (not 132, a trap): \(run.out)")
    }

    @Test func aHugeFirstLineIsQuotedShort() throws {
        let run = try CommandTests.run(["mermaid", "-", "--lang", "en"], input: String(repeating: "x", count: 1_000_000) + "\n",
                                       environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.err.utf8.count < 300, "\(run.err.utf8.count) bytes of error for a 1 MB line")
        #expect(run.err.contains("unknown diagram kind `xxxx") && run.err.contains("…`"))
    }

    /// It waited forever for keys from /dev/null, burning a core.
    @Test func presentWithoutATerminalSaysSoAndLeaves() throws {
        let run = try shell("\"$RESEAU\" present --lang en Lessons/04-clusterip.md < /dev/null > /dev/null; echo \"status $?\" >&2")
        #expect(run.err.contains("reseau present: it needs a terminal"), "\(run.err)")
        #expect(run.err.contains("status 1"))
    }

    @Test func outputLostToAFullDiskFails() throws {
        let run = try shell("\"$RESEAU\" outline Lessons/ >/dev/full; echo \"status $?\" >&2")
        #expect(run.err.contains("status 1"), "\(run.err)")
    }
}

/// The audit's findings on inputs: why a file cannot be read, the size cap, linked folders.
@Suite struct InputFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFIFOIsRefusedAtOnceSayingWhy() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("lesson.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try CommandTests.run(["lint", "--lang", "en", fifo], environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.out == "\(fifo): error: a FIFO, not a file: not read (it would wait for a writer)\n")
    }

    @Test func aLessonOverEightMebibytesIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.md").path
        try String(repeating: "a", count: 9_000_000).write(toFile: big, atomically: true, encoding: .utf8)
        let run = try CommandTests.run(["lint", "--lang", "en", big], environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 1)
        #expect(run.out.contains("9,000,000 bytes, more than the 8,388,608 a lesson may hold: not read"))
    }

    @Test func aSymlinkedFolderIsFollowed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("cours").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: CommandTests.repository.appendingPathComponent("Lessons").path)
        let run = try CommandTests.run(["outline", "--lang", "fr", link], environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("Les trois réseaux d'un cluster — \(link)/01-trois-reseaux.md — 5 diapositives"))
        #expect(!run.err.contains("aucune leçon"))
    }
}

/// Output where the locale cannot show Unicode, and `--ascii` (#19).
struct ASCIIOutputTests {
    static func render(_ arguments: [String], locale: [String: String]) throws -> CommandTests.Run {
        try CommandTests.run(["render"] + arguments, environment: ["LC_ALL": "", "LC_CTYPE": "", "LC_MESSAGES": ""].merging(locale) { _, new in new })
    }

    /// LANG unset or C: render prints ASCII, every French letter there as its plain letter,
    /// each line exactly as many cells as in UTF-8.
    @Test(arguments: [["LANG": ""], ["LANG": "C"], ["LANG": "POSIX"], ["LANG": "fr_FR.ISO-8859-1"]])
    func renderInACLocaleKeepsLetters(locale: [String: String]) throws {
        let arguments = ["Lessons/05-nodeport.md", "--slide", "5", "--width", "70"]
        let utf8 = try Self.render(arguments, locale: ["LANG": "fr_FR.UTF-8"])
        let plain = try Self.render(arguments, locale: locale)
        #expect(plain.status == 0)
        #expect(utf8.out.contains("Vérifier ses acquis"))
        #expect(plain.out.contains("Verifier ses acquis"), "\(plain.out.prefix(300))")
        #expect(plain.out.utf8.allSatisfy { $0 < 0x80 })
        let a = utf8.out.split(separator: "\n", omittingEmptySubsequences: false)
        let b = plain.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(CellWidth.of(x) == y.count, "\(x) / \(y)") }
    }

    /// `--ascii` is ASCII everywhere: every slide of the course, diagrams and scenes included,
    /// and the full-screen view of a flow (its title said `→ — ·`).
    @Test func asciiIsASCIIEverywhere() throws {
        let all = try Self.render(["Lessons", "--ascii", "--width", "80"], locale: ["LANG": "C.UTF-8"])
        #expect(all.status == 0)
        let bad = all.out.split(separator: "\n").filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
        #expect(bad.isEmpty, "\(bad.prefix(5))")
        #expect(all.out.contains("reseau") && all.out.contains("Verifier"))
        let flow = try Self.render(["Lessons/05-nodeport.md", "--ascii", "--slide", "3", "--diagram", "1", "--hop", "4"], locale: ["LANG": "C.UTF-8"])
        #expect(flow.out.contains("flux") || flow.out.contains("flow"), "\(flow.out.prefix(200)) \(flow.err)")
        #expect(flow.out.utf8.allSatisfy { $0 < 0x80 }, "\(flow.out.split(separator: "\n").filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.prefix(3))")
    }
}
