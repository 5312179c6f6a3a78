import Facts
import Words
import ArgumentParser
import Course
import Scenes
import FoundationEssentials
import Glibc
import NetSim

extension Language: ExpressibleByArgument {}

/// The UI language: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it
/// names a language, else the language of the lessons read (`lang:`), else English.
func uiLanguage(_ option: Language?, lessons: [Lesson] = []) -> Language {
    Language.choose(flag: option, lessonLanguage: lessons.first?.frontmatter.lang)
}

/// The language for a command that reads a scene: a lesson's scene speaks its lesson's language.
func uiLanguage(_ option: Language?, scene spec: String) -> Language {
    let path = spec.split(separator: "#").first.map(String.init) ?? spec
    guard option == nil, path.hasSuffix(".md") else { return uiLanguage(option) }
    return uiLanguage(option, lessons: [Lesson.load(path: path)])
}

/// Loads a scene, its errors printed as `file:line:col` lines; exits 1 when nothing could be
/// read. `refused` says that part of it was not read (invalid YAML, too large, an object
/// refused): the command still answers with what was read, then exits 1 (a CI step that
/// traces a broken scene must fail).
func loadScene(_ spec: String, language: Language) throws -> (scene: Scene, refused: Bool) {
    let (scene, diagnostics) = SceneLocator.load(spec)
    for d in diagnostics where d.severity == .error || scene == nil { printError(language.words.line(d)) }
    guard let scene else { throw ExitCode(1) }
    return (scene, diagnostics.contains { $0.severity == .error })
}

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: said(.followARequestThroughASceneHop),
        discussion: said(.srcIsAYamlFileOrLesson))

    @Option(name: .long, help: said(.theSceneAYamlFileOrLesson))
    var scene: String
    @Option(name: .long, help: said(.whereTheRequestStarts))
    var from: String
    @Option(name: .long, help: said(.theUrlHttpGreen82Tcp10))
    var to: String?
    @Option(name: .customLong("port-forward"), help: said(.insteadOfToKubectlPortForwardTarget))
    var portForward: String?
    @Option(name: .customLong("protocol"), help: said(.tcpOrUdp))
    var transport: String = "tcp"
    @Option(help: said(.httpMethod))
    var method: String = "GET"
    @Option(name: .customLong("header"), help: said(.aRequestHeaderKVRepeatable))
    var headers: [String] = []
    @Option(help: said(.seedForTheChoicesAClusterMakes))
    var seed: UInt64 = 0
    @Flag(help: said(.printJson))
    var json = false
    @Option(help: said(.languageOfTheExplanationsFrOrEn))
    var lang: Language?

    func validate() throws {
        guard (to == nil) != (portForward == nil) else { throw ValidationError(said(.giveToUrlOrPortForwardTarget)) }
        if let pf = portForward, pf.split(separator: ":").count != 2 || Int(pf.split(separator: ":")[1]) == nil {
            throw ValidationError(said(.portForwardTakesTargetPortPodWeb))
        }
        guard TransportProtocol(rawValue: transport.uppercased()) != nil, transport.lowercased() != "sctp" else {
            throw ValidationError(said(.protocolMustBeTcpOrUdp))
        }
        for header in headers where !header.utf8.contains(UInt8(ascii: "=")) { throw ValidationError(commandLanguage.words.usage(.headerNotKV(header))) }
    }

    func run() throws {
        let language = uiLanguage(lang, scene: scene)
        let (scene, refused) = try loadScene(scene, language: language)
        var headerMap: [String: String] = [:]
        for header in headers {
            let parts = header.split(separator: "=", maxSplits: 1)
            headerMap[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let tracer = Tracer(cluster: scene.cluster)
        let trace: Trace
        if let pf = portForward {
            let parts = pf.split(separator: ":")
            trace = tracer.portForward(from: from, target: String(parts[0]), port: Int(parts[1])!, seed: seed)
        } else {
            trace = tracer.trace(Request(from: from, url: to!, protocol: TransportProtocol(rawValue: transport.uppercased())!,
                                         method: method, headers: headerMap, seed: seed))
        }
        if json {
            print(JSONValue(TraceReport.json(trace, language: language)).text())
        } else {
            // A drawn scene's Nodes as the drawing calls them (`Node 2`, not the id `n2`).
            for line in TraceReport.text(trace.renamingNodes(scene.nodeTitles), language: language) { print(line) }
        }
        if trace.verdict == .invalid || refused { throw ExitCode(1) }
    }
}

struct DNSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dns",
        abstract: said(.askTheClusterDnsOfAScene))

    @Option(name: .long, help: said(.theSceneAYamlFileOrLesson))
    var scene: String
    @Argument(help: said(.theNameToLookUp))
    var name: String
    @Option(name: .long, help: said(.aAaaaSrvOrCname))
    var type: String = "A"
    @Option(name: .long, help: said(.thePodThatAsksItsNamespaceDecides))
    var from: String?
    @Option(help: said(.languageOfTheExplanationsFrOrEn))
    var lang: Language?

    func validate() throws {
        guard DNSLookup.RecordType(rawValue: type.uppercased()) != nil else { throw ValidationError(said(.typeMustBeAAaaaSrvOr)) }
    }

    func run() throws {
        let language = uiLanguage(lang, scene: scene)
        let (scene, refused) = try loadScene(scene, language: language)
        let cluster = scene.cluster
        var pod: Pod?
        if let from {
            guard case .pod(let p)? = cluster.source(from) else {
                printError("reseau dns: " + language.words.ui(.notAPod(from)))
                throw ExitCode(1)
            }
            pod = p
        } else {
            pod = cluster.pods.first
        }
        let lookup = DNSResolver(cluster: cluster).lookup(name, type: DNSLookup.RecordType(rawValue: type.uppercased())!, from: pod)
        for attempt in lookup.attempts {
            print("  \(attempt.found ? "✓" : "✗") \(attempt.name)")
        }
        if let cname = lookup.cname { print("\(lookup.answeredName ?? name) CNAME \(cname)") }
        for answer in lookup.answers { print("\(lookup.answeredName ?? name) \(lookup.type.rawValue) \(answer)") }
        print(language.words.dns(lookup.reason))
        if lookup.isNXDomain || refused { throw ExitCode(1) }
    }
}
