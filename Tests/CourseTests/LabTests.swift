import Course
import Facts
import Foundation
import Scenes
import Testing
import Words

/// The lab block (#21): read with its mistakes at their line and column; checked by the
/// engine; held by lint to teach something (its start misses a goal, its correction meets all).
struct LabTests {
    static let fixture = Paths.repository.appendingPathComponent("Tests/Fixtures/lessons/lab.md").path

    @Test func aLabIsReadWithItsFilesGoalsHintsAndCorrection() throws {
        let lesson = Lesson.load(path: Self.fixture)
        let labs = lesson.labs
        #expect(labs.count == 2 && labs.map(\.number) == [1, 2])
        let lab = try #require(labs[0].lab)
        #expect(lab.title == "Le sélecteur de web")
        #expect(lab.files.map(\.name) == ["service.yaml"] && lab.files[0].line == 13, "the file's first line in the lesson")
        #expect(lab.goals.count == 3 && lab.goals.map(\.line) == [37, 39, 43])
        #expect(lab.hints == ["Le sélecteur doit reprendre les labels des Pods."])
        #expect(lab.correction.map(\.name) == ["service.yaml"])
    }

    @Test func aBrokenBlockSaysWhatAndWhereAndSetsAsideWhatItCannotUse() {
        let said = Lesson.load(path: Self.fixture).diagnostics.filter { $0.line > 60 }.map { "\($0.line):\($0.column): \(English().problem($0.message))" }
        #expect(said == [
            "64:1: lab: unknown key `couleur` (title, statement, files, fixed, goals, hints, correction): ignored",
            "66:3: lab: `../ailleurs.yaml` is not the name of a .yaml file in the lab's folder: ignored",
            "68:8: lab: `goals` is missing",
        ])
    }

    @Test func theStartMissesAGoalAndTheCorrectionMeetsThemAll() throws {
        let lesson = Lesson.load(path: Self.fixture)
        let lab = try #require(lesson.labs[0].lab)
        let start = LabCheck.run(lab, files: lab.files, lessonFile: lesson.file, folder: "dossier")
        #expect(start.results.map(\.passed) == [false, false, true])
        #expect(!start.passed)
        // The start's own mistake is said at its file and line in the student's folder.
        #expect(start.diagnostics.map { "\($0.file):\($0.line)" } == ["dossier/service.yaml:1"])
        let correction = LabCheck.run(lab, files: lab.correction, lessonFile: lesson.file, folder: nil)
        #expect(correction.passed && correction.diagnostics.isEmpty)
    }

    static func lesson(_ labYAML: String) -> Lesson {
        Lesson.parse(text: "---\ntitle: t\n---\n\n# Labo\n\n```yaml lab\n" + labYAML + "```\n", file: "t.md")
    }

    static let fixed = """
    fixed: |
      apiVersion: reseau/v1
      kind: Scene
      metadata: {name: l}
      nodes: [{name: node-1, ip: 192.168.56.11}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client}
      spec: {nodeName: node-1, containers: [{name: c, image: curl}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, labels: {app: web}}
      spec: {nodeName: node-1, containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}

    """
    static func service(_ selector: String) -> String {
        "    apiVersion: v1\n    kind: Service\n    metadata: {name: web}\n    spec: {selector: {app: \(selector)}, ports: [{port: 80, targetPort: 8080}]}\n"
    }

    @Test func lintRefusesALabWhoseStartAlreadyPasses() {
        let lesson = Self.lesson("title: t\nfiles:\n  s.yaml: |\n" + Self.service("web") + Self.fixed
                                 + "goals:\n  - {from: client, to: \"http://web/\", expect: delivered}\ncorrection:\n  s.yaml: |\n" + Self.service("web"))
        #expect(lesson.lint().map { "\($0.line): \(English().problem($0.message))" } == [
            "7: lab: the starting files already meet every goal: there is nothing to do",
        ])
    }

    @Test func lintRefusesALabWhoseCorrectionMissesAGoalAtThatGoal() {
        let lesson = Self.lesson("title: t\nfiles:\n  s.yaml: |\n" + Self.service("wbe") + Self.fixed
                                 + "goals:\n  - {from: client, to: \"http://web/\", expect: delivered}\ncorrection:\n  s.yaml: |\n" + Self.service("nope"))
        let said = lesson.lint().filter { $0.severity == .error }.map { "\($0.line):\($0.column): \(English().problem($0.message))" }
        #expect(said == ["31:5: lab: the correction misses goal 1 (`reseau lab check LESSON.md#1 --correction` says what happens)"], "\(said)")
    }

    @Test func everyBundledLabTeachesSomething() throws {
        let lessons = try FileManager.default.contentsOfDirectory(atPath: Paths.repository.appendingPathComponent("Lessons").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        var count = 0
        for name in lessons {
            let lesson = Lesson.load(path: Paths.repository.appendingPathComponent("Lessons/" + name).path)
            let number = Int(name.prefix(2)) ?? 0
            if (3...12).contains(number) { #expect(!lesson.labs.isEmpty, "\(name) has a lab") }
            for source in lesson.labs {
                count += 1
                let lab = try #require(source.lab, "\(name)#\(source.number): \(source.diagnostics)")
                #expect(!LabCheck.run(lab, files: lab.files, lessonFile: lesson.file, folder: "d").passed, "\(name)#\(source.number) starts done")
                #expect(LabCheck.run(lab, files: lab.correction, lessonFile: lesson.file, folder: nil).passed, "\(name)#\(source.number) correction")
            }
        }
        #expect(count >= 8)
    }

    /// A goal on how a Gateway shares the requests (HTTPRoute weights, Gateway API's
    /// `backendRefs[].weight`): the engine's candidates add up to the shares asked.
    @Test func aSharesGoalReadsTheRoutesWeights() throws {
        let lesson = Lesson.load(path: Paths.repository.appendingPathComponent("Lessons/09-gateway-api.md").path)
        let lab = try #require(lesson.labs.dropFirst().first?.lab)
        #expect(lab.goals.first?.shares == ["site-v1-a": 80, "site-v2-a": 20])
        let start = LabCheck.run(lab, files: lab.files, lessonFile: lesson.file, folder: "d")
        let trace = try #require(start.results.first?.trace)
        #expect(LabCheck.share(of: "site-v1-a", trace) == 100 && !start.passed)
        let corrected = LabCheck.run(lab, files: lab.correction, lessonFile: lesson.file, folder: nil)
        let after = try #require(corrected.results.first?.trace)
        #expect(abs(LabCheck.share(of: "site-v2-a", after) - 20) < 0.01 && corrected.passed)
    }

    /// A certificate goal on a Gateway's HTTPS listener (Gateway API: `listeners[].tls.certificateRefs`
    /// name kubernetes.io/tls Secrets): met only when the Secret the listener names exists.
    @Test func aCertificateGoalReadsTheGatewayListener() throws {
        let gateway = """
            apiVersion: reseau/v1
            kind: Scene
            metadata: {name: g}
            nodes: [{name: node-1, ip: 192.168.56.11}]
            clients: [{name: testeur, ip: 203.0.113.30}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: envoy}
            spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: publique}
            spec:
              gatewayClassName: envoy
              addresses: [{type: IPAddress, value: 198.51.100.60}]
              listeners:
                - {name: https, protocol: HTTPS, port: 443, hostname: site.example.com, tls: {certificateRefs: [{name: site-tls}]}}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: site}
            spec: {parentRefs: [{name: publique}], hostnames: [site.example.com], rules: [{backendRefs: [{name: site, port: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: site-1, labels: {app: site}}
            spec: {nodeName: node-1, containers: [{name: c, image: site, ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: site}
            spec: {selector: {app: site}, ports: [{port: 80, targetPort: 8080}]}

        """
        func secret(_ name: String) -> String {
            "    apiVersion: v1\n    kind: Secret\n    type: kubernetes.io/tls\n    metadata: {name: \(name)}\n    data: {tls.crt: Y2VydA==, tls.key: a2V5}\n"
        }
        let lesson = Self.lesson("title: t\nfiles:\n  secret.yaml: |\n" + secret("site-cert") + "fixed: |\n" + gateway
                                 + "goals:\n  - {from: testeur, to: \"https://198.51.100.60/\", headers: {Host: site.example.com}, certificate: site-tls}\n"
                                 + "correction:\n  secret.yaml: |\n" + secret("site-tls"))
        let lab = try #require(lesson.labs.first?.lab, "\(lesson.diagnostics)")
        let start = LabCheck.run(lab, files: lab.files, lessonFile: lesson.file, folder: "d")
        #expect(!start.passed)
        let correction = LabCheck.run(lab, files: lab.correction, lessonFile: lesson.file, folder: nil)
        let trace = try #require(correction.results.first?.trace)
        #expect(LabCheck.servedCertificate(trace)?.name == "site-tls" && correction.passed, "\(trace.verdict)")
    }
}
