import Speech
import Scenes
import Words
import Foundation
import Testing

/// The `reseau` command run as a user runs it: arguments in, text and exit status out.
struct CommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Tests/Fixtures/lessons").appendingPathComponent(name).path
    }

    /// The built executable, next to the test bundle.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("reseau")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/reseau")
    }()

    struct Run { var status: Int32; var out: String; var err: String }

    /// The environment reseau runs in: ours, with `extra` over it.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Starts reseau in the repository.
    static func start(_ arguments: [String], input: Child.Input = .none, environment extra: [String: String] = [:]) throws -> Child {
        try Child(executable.path, arguments, environment: environment(extra), directory: repository.path, input: input)
    }

    /// Runs reseau to its end with `input` on its standard input.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        let child = try start(arguments, input: .text(input), environment: environment)
        defer { child.clean() }
        let exit = child.wait()
        return Run(status: exit.status, out: child.out, err: child.err)
    }

    func reseau(_ arguments: String...) throws -> Run { try Self.run(arguments) }

    @Test func outlineListsSlidesWithSectionsHeadingsAndBlocks() throws {
        let run = try reseau("outline", "--lang", "en", Self.fixture("every-block.md"))
        #expect(run.status == 0)
        #expect(run.out.split(separator: "\n").map(String.init) == [
            "Tous les blocs — \(Self.fixture("every-block.md")) — 4 slides",
            "  1  Blocs simples | Blocs simples | heading, paragraph, footnote",
            "  2  Blocs simples › Listes | Listes | heading, list, quote",
            "  3  Blocs simples › Listes | - | code:yaml, table",
            "  4  Blocs simples › Listes | - | tip, warning, correction, list, mermaid, scene, paragraph",
        ])
    }

    /// Under a locale that is not UTF-8, `render` draws as `--ascii` does: folding the Unicode
    /// drawing afterwards lost a struck word's stroke (the correction read as plain text).
    @Test func renderWithoutUTF8DrawsAsASCIIDoes() throws {
        let path = NSTemporaryDirectory() + "reseau-struck-\(getpid()).md"
        try "---\ntitle: t\n---\n\n# Titre\n\nIl ~~n'utilise pas~~ etcd.\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = try Self.run(["render", path], environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        let ascii = try Self.run(["render", "--ascii", path], environment: ["LANG": "C.UTF-8"])
        let unicode = try Self.run(["render", path], environment: ["LANG": "C.UTF-8"])
        #expect(plain.status == 0 && plain.out.contains("Il ~~n'utilise pas~~ etcd."), "\(plain.out)")
        #expect(plain.out == ascii.out)
        #expect(unicode.out.contains("Il n\u{336}'\u{336}u\u{336}t\u{336}i\u{336}l\u{336}i\u{336}s\u{336}e\u{336} p\u{336}a\u{336}s\u{336} etcd."), "\(unicode.out)")
    }

    @Test func lintCleanFileExitsZero() throws {
        let run = try reseau("lint", Self.fixture("old-slide-marker.md"))
        #expect(run.status == 0)
        #expect(run.out == "")
    }

    @Test func lintErrorExitsOneWithLocatedLines() throws {
        let path = Self.fixture("unclosed-directive.md")
        let run = try reseau("lint", "--lang", "en", path)
        #expect(run.status == 1)
        #expect(run.out == "\(path):9:1: error: directive `:::warning` is never closed (a line `:::` must end it); its content is kept\n")
    }

    @Test func lintWarningFailsOnlyWhenStrict() throws {
        let path = Self.fixture("unknown-directive.md")
        #expect(try reseau("lint", path).status == 0)
        let strict = try reseau("lint", "--strict", "--lang", "en", path)
        #expect(strict.status == 1)
        #expect(strict.out.hasPrefix("\(path):5:1: warning: unknown directive `:::remarque`"))
    }

    @Test func lintJSON() throws {
        let path = Self.fixture("binary.md")
        let run = try reseau("lint", "--format", "json", path)
        #expect(run.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 1)
        #expect(decoded?.first?["line"] as? Int == 1)
        #expect(decoded?.first?["column"] as? Int == 1)
        #expect(decoded?.first?["severity"] as? String == "error")
        #expect(decoded?.first?["file"] as? String == path)
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try reseau("lint").status == 2)
        #expect(try reseau("lint", "--format", "xml", Self.fixture("binary.md")).status == 2)
        #expect(try reseau("lint", "--nope", Self.fixture("binary.md")).status == 2)
    }

    @Test func lintAFolderReadsEveryLesson() throws {
        let run = try reseau("lint", Self.repository.appendingPathComponent("Tests/Fixtures/lessons").path)
        #expect(run.status == 1)
        for name in ["bad-frontmatter.md", "bad-quiz.md", "binary.md", "unclosed-directive.md", "control-characters.md"] {
            #expect(run.out.contains("/\(name):"), "nothing reported for \(name)")
        }
    }
}

/// `reseau mermaid`: how a diagram is read, as text or JSON in mermaid's names.
struct MermaidCommandTests {
    let base = CommandTests()

    @Test func readsAMermaidFileAsText() throws {
        let path = NSTemporaryDirectory() + "reseau-test-\(getpid()).mmd"
        try "flowchart LR\n  a([client]) -. requête .-> b{{Gateway}}\n  b e1@==> c[(base)]\n  e1@{ animate: true }\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try base.reseau("mermaid", "--lang", "en", path)
        #expect(run.status == 0)
        #expect(run.out.split(separator: "\n").map(String.init) == [
            "flowchart LR",
            "  node a [stadium] \"client\"",
            "  node b [hexagon] \"Gateway\"",
            "  node c [cylinder] \"base\"",
            "  edge a -.-> b \"requête\" (dotted, arrow_point, length 1)",
            "  edge e1: b ==> c (thick, arrow_point, length 1) animated",
        ])
    }

    /// A Mermaid file is nobody's lesson: an ESC in a label is printed as an escape.
    @Test func controlCharactersArePrintedAsEscapes() throws {
        let run = try CommandTests.run(["mermaid", "-"], input: "flowchart TD\n  A[\"x\u{1B}[31my\"] --> B\n")
        #expect(run.status == 0)
        #expect(run.out.contains("  node A [square] \"x\\u{1B}[31my\""))
        #expect(!run.out.contains("\u{1B}"))
    }

    @Test func jsonUsesMermaidNamesAndReadsStandardInput() throws {
        let run = try CommandTests.run(["mermaid", "--json", "-"], input: "graph TD;A--xB;")
        let data = Data(run.out.utf8)
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let edge = (json?["edges"] as? [[String: Any]])?.first
        #expect(edge?["type"] as? String == "arrow_cross")
        #expect(edge?["stroke"] as? String == "normal")
        #expect(json?["kind"] as? String == "flowchart")
    }

    @Test func errorsAreLocatedInTheLessonAndExitOne() throws {
        let path = NSTemporaryDirectory() + "reseau-test-\(getpid()).md"
        try "---\ntitle: t\n---\n\n```mermaid\nflowchart TD\n  A[bad (text)]\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try base.reseau("mermaid", "--lang", "en", path)
        #expect(run.status == 1)
        #expect(run.err.contains("\(path):7:9: error: unexpected `(` in node text: put the text in quotes"))
        #expect(run.out.hasPrefix("line 5:\nflowchart TB"))
    }
}

/// `reseau trace` and `reseau dns` on a scene file and on a lesson's scene.
struct TraceCommandTests {
    let base = CommandTests()
    let shop = CommandTests.repository.appendingPathComponent("Tests/Fixtures/scenes/shop.yaml").path

    @Test func traceTextShowsHopsVerdictAndEndpoints() throws {
        let run = try base.reseau("trace", "--scene", shop, "--from", "toolbox", "--to", "http://web.shop/", "--lang", "en")
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "request: toolbox → http://web.shop/")
        #expect(lines.contains("DNS: web.shop resolves to web.shop.svc.cluster.local: 10.96.0.2 (after 1 NXDOMAIN tries of the search list, ndots:5)."))
        #expect(lines.contains { $0.hasPrefix(" 3  node-1 KUBE-SERVICES") })
        #expect(lines.contains { $0.hasPrefix("verdict: delivered — Delivered to web-") })
        #expect(lines.contains("source masqueraded (SNAT): no"))
    }

    @Test func traceSpeaksFrench() throws {
        let run = try base.reseau("trace", "--scene", shop, "--from", "toolbox", "--to", "http://web.shop/", "--lang", "fr")
        #expect(run.out.contains("verdict : remis — Remis à web-"))
        #expect(run.out.contains("source masquée (SNAT) : non"))
    }

    /// A lesson's drawn scene: its Nodes as the drawing calls them, in the table and the sentences.
    @Test func aDrawnScenesNodesAreCalledAsDrawn() throws {
        let lesson = CommandTests.repository.appendingPathComponent("Lessons/01-trois-reseaux.md").path
        let run = try base.reseau("trace", "--scene", lesson + "#1", "--from", "front-1", "--to", "http://10.244.2.7:8080", "--lang", "fr")
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(" 3  VXLAN Node 1 → Node 2") }, "\(run.out)")
        #expect(lines.contains("    Sur Node 2, 10.244.2.7 est un Pod local : pont cni0 puis veth de api-1."))
        #expect(!run.out.contains(" n2") && !run.out.contains("Node n1"), "\(run.out)")
    }

    @Test func traceJSON() throws {
        let run = try base.reseau("trace", "--scene", shop, "--from", "laptop", "--to", "http://192.168.56.11:30080/", "--json")
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        #expect(json?["verdict"] as? String == "delivered")
        #expect(json?["masquerade"] as? Bool == true)
        #expect((json?["candidates"] as? [[String: Any]])?.count == 3)
        #expect((json?["hops"] as? [[String: Any]])?.first?["action"] as? String == "send")
        #expect((json?["backend"] as? [String: Any])?["port"] as? Int == 8080)
    }

    @Test func traceALessonScene() throws {
        guard FileManager.default.fileExists(atPath: CommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path) else { return }
        let seed = CommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
        let run = try base.reseau("trace", "--scene", seed + "#2", "--from", "pod-blue-1", "--to", "http://green:82", "--lang", "en")
        #expect(run.status == 0)
        #expect(run.out.contains("verdict: delivered"))
        let ambiguous = try base.reseau("trace", "--scene", seed, "--from", "pod-blue-1", "--to", "http://green:82", "--lang", "en")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.err.contains("this lesson has 5 scenes: name one with"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try base.reseau("trace", "--scene", shop, "--from", "toolbox", "--to", "http://web.shop/", "--protocol", "icmp").status == 2)
        #expect(try base.reseau("trace", "--scene", shop, "--from", "toolbox").status == 2)
        let unknown = try base.reseau("trace", "--scene", shop, "--from", "nobody", "--to", "http://web.shop/")
        #expect(unknown.status == 1)
    }

    /// #20: a refused scene (invalid YAML, over the 4 MiB cap) used to trace "what was read"
    /// (nothing) and exit 0, so a CI step checking a broken scene passed.
    @Test func aRefusedSceneIsAFailureEvenWhenTheTraceRuns() throws {
        let broken = NSTemporaryDirectory() + "reseau-broken-\(getpid()).yaml"
        let large = NSTemporaryDirectory() + "reseau-large-\(getpid()).yaml"
        try "pods:\n  - name: [\n".write(toFile: broken, atomically: true, encoding: .utf8)
        try String(repeating: "a", count: 5_000_000).write(toFile: large, atomically: true, encoding: .utf8)
        defer { for p in [broken, large] { try? FileManager.default.removeItem(atPath: p) } }
        for path in [broken, large] {
            let run = try base.reseau("trace", "--scene", path, "--from", "10.0.0.1", "--to", "http://10.0.0.2/", "--lang", "en")
            #expect(run.out.contains("verdict: no-route"), "the trace still answers with what was read")
            #expect(run.err.hasPrefix("\(path):"), "the refusal names the file")
            #expect(run.status == 1)
            let dns = try base.reseau("dns", "--scene", path, "kubernetes.default", "--lang", "en")
            #expect(dns.status == 1)
        }
        let good = try base.reseau("dns", "--scene", shop, "db", "--from", "shop/toolbox")
        #expect(good.status == 0, "a scene read whole still exits 0")
    }

    @Test func dnsAnswersAsAPodWould() throws {
        let run = try base.reseau("dns", "--scene", shop, "db", "--from", "shop/toolbox", "--lang", "en")
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("  ✓ db.shop.svc.cluster.local\n"))
        #expect(run.out.contains("db.shop.svc.cluster.local A "))
        let srv = try base.reseau("dns", "--scene", shop, "_pg._tcp.db.shop.svc.cluster.local", "--type", "SRV")
        #expect(srv.out.contains("SRV db-0.db.shop.svc.cluster.local:5432"))
        let missing = try base.reseau("dns", "--scene", shop, "nothing")
        #expect(missing.status == 1)
    }
}

/// `--plain`: slides as text, commands read line by line, for screen readers and pipes.
struct PlainModeTests {
    @Test func slidesAndCommandsThroughAPipe() throws {
        let run = try CommandTests.run(["--plain", "--lang", "en", "--width", "60", CommandTests.fixture("every-block.md")],
                                       input: "n\n4\nzz\nq\n")
        let text = run.out
        #expect(run.status == 0)
        #expect(text.contains("── 1/4 · Blocs simples "))
        #expect(text.contains("── 2/4 · Blocs simples › Listes "))
        #expect(text.contains("── 4/4 "))
        #expect(text.contains("Unknown command: zz"))
        #expect(text.contains("[n next, p previous, a number, q quit]"))
        #expect(!text.contains("\u{1B}["), "no escape sequence in plain mode")
    }
}

/// `reseau render --hop`: the full-screen diagram view at one hop, as text (#15).
struct RenderHopCommandTests {
    let base = CommandTests()
    static let lesson = CommandTests.repository.appendingPathComponent("Lessons/11-networkpolicy.md").path

    @Test func printsTheDiagramViewAtAHopWithThePacketAndTheInspector() throws {
        let run = try base.reseau("render", Self.lesson, "--slide", "3", "--flow", "2", "--hop", "3", "--width", "100", "--height", "40", "--lang", "fr")
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 40, "one screen of 40 rows")
        #expect(lines.contains { $0.contains("●") }, "the packet")
        #expect(lines.contains { $0.contains("▶  3 Pod banque/intrus") }, "the inspector's hop list")
        #expect(lines.contains { $0.contains("flux 2/3 : banque/intrus → http://comptes.banque/ — jeté") })
    }

    @Test func theLastHopOfADroppedFlowIsMarkedWhereItDied() throws {
        let run = try base.reseau("render", Self.lesson, "--slide", "3", "--flow", "2", "--hop", "7", "--width", "100", "--height", "40", "--lang", "fr")
        #expect(run.status == 0)
        #expect(run.out.contains("✗ Jeté par NetworkPolicy"))
        #expect(!run.out.contains("●"), "the packet is drawn ✗ where it died")
    }

    @Test func aHopPastTheLastIsAnErrorNamingHowManyThereAre() throws {
        let run = try base.reseau("render", Self.lesson, "--slide", "3", "--flow", "2", "--hop", "8", "--lang", "fr")
        #expect(run.status == 2)
        #expect(run.err.contains("le flux a 7 sauts (aller puis réponse), pas 8"))
        #expect(run.out.isEmpty)
        let flow = try base.reseau("render", Self.lesson, "--slide", "3", "--flow", "9", "--lang", "en")
        #expect(flow.status == 2 && flow.err.contains("the diagram has 3 flow(s), not 9"))
        let diagram = try base.reseau("render", Self.lesson, "--slide", "1", "--hop", "1", "--lang", "en")
        #expect(diagram.status == 2 && diagram.err.contains("this slide has no diagram to animate"))
        let noSlide = try base.reseau("render", Self.lesson, "--hop", "1", "--lang", "en")
        #expect(noSlide.status != 0 && noSlide.err.contains("--diagram, --flow and --hop need --slide"))
    }
}

/// `reseau present --theme` and `--duration` are checked before anything is drawn.
struct PresentOptionsTests {
    let base = CommandTests()

    @Test func aDurationThatIsNotOneIsRefusedInTheUsersLanguage() throws {
        let run = try base.reseau("present", "--lang", "fr", "--duration", "bientôt", "Lessons/01-trois-reseaux.md")
        #expect(run.status != 0)
        #expect(run.err.contains("--duration doit être une durée comme 45m, 1h30m ou 90s"), "\(run.err)")
        let theme = try base.reseau("present", "--lang", "en", "--theme", "neon", "Lessons/01-trois-reseaux.md")
        #expect(theme.status != 0 && theme.err.contains("--theme must be dark, light, projector or mono"))
    }

    /// Accepted durations get past the check (and stop at the missing terminal: the tests
    /// have none); the others are refused.
    @Test func durationsReadAsATeacherWritesThem() throws {
        for good in ["45m", "1h30m", "90s", "20"] {
            let run = try base.reseau("present", "--lang", "en", "--duration", good, "Lessons/01-trois-reseaux.md")
            #expect(!run.err.contains("--duration must be"), "\(good): \(run.err)")
        }
        for bad in ["m", "1x", "0", "5q"] {
            let run = try base.reseau("present", "--lang", "en", "--duration", bad, "Lessons/01-trois-reseaux.md")
            #expect(run.err.contains("--duration must be"), "\(bad) is refused")
        }
    }
}
