import Speech
import YAMLGuard
import Scenes
import Words
import Foundation
import Testing
@testable import Course
import Mermaid
import NetSim

/// Scenes from manifests (`Tests/Fixtures/scenes`) and from the seed's cluster diagrams.
struct ManifestSceneTests {
    static func scenePath(_ name: String) -> String {
        Paths.repository.appendingPathComponent("Tests/Fixtures/scenes").appendingPathComponent(name).path
    }
    let shop = SceneLocator.load(ManifestSceneTests.scenePath("shop.yaml"))

    @Test func shopLoadsCleanly() throws {
        let scene = try #require(shop.0)
        #expect(shop.1.isEmpty, "\(shop.1)")
        #expect(scene.cluster.nodes.map(\.name) == ["node-1", "node-2"])
        #expect(scene.flows.map(\.from) == ["laptop", "toolbox", "toolbox"])
    }

    @Test func deploymentsAndStatefulSetsBecomePodsNamedAsTheirControllersDo() throws {
        let cluster = try #require(shop.0).cluster
        let web = cluster.pods.filter { $0.labels["app"] == "web" }.map(\.name.name)
        #expect(web.count == 3)
        // <deployment>-<pod-template-hash (10)>-<suffix (5)>, all with the same hash.
        #expect(web.allSatisfy { $0.split(separator: "-").map(\.count) == [3, 10, 5] })
        #expect(Set(web.map { $0.split(separator: "-")[1] }).count == 1)
        let db = cluster.pods.filter { $0.labels["app"] == "db" }
        #expect(db.map(\.name.name) == ["db-0", "db-1"])
        #expect(db.map(\.hostname) == ["db-0", "db-1"])
        #expect(db.map(\.subdomain) == ["db", "db"])
    }

    @Test func kubectlOutputIsUsedAsGiven() throws {
        let toolbox = try #require(shop.0?.cluster.pod(named: ObjectName("shop", "toolbox")))
        #expect(toolbox.ip == IPv4Address("10.244.0.100"))
        #expect(toolbox.nodeName == "node-1")
    }

    @Test func everyFlowOfTheShopArrives() throws {
        let scene = try #require(shop.0)
        let verdicts = scene.traces().map(\.verdict.name)
        #expect(verdicts == ["delivered", "delivered", "delivered"])
        let viaNodePort = scene.traces()[0]
        #expect(viaNodePort.masqueraded)
        #expect(viaNodePort.candidates.count == 3)
        #expect(viaNodePort.candidates.allSatisfy { $0.port == 8080 }, "targetPort: http resolves to the containers' 8080")
    }

    @Test func brokenScenesAreAnsweredWithLocatedDiagnostics() {
        let messages = Curriculum.lint(paths: [ManifestSceneTests.scenePath("broken.yaml")]).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.text)" }
        #expect(messages == [
            "5:1: error: Node node-2: address 10.0.0.1 is already Node node-1's",
            "7:5: error: flow: no Pod, Node or client named ghost",
            "15:1: error: Pod default/b: IP 10.244.0.7 is already Pod default/a's",
            "21:1: error: Service default/web: clusterIP 172.16.0.1 is outside the service CIDR 10.96.0.0/12",
            "29:1: warning: Service default/lonely: its selector app=nobody matches no Pod",
            "37:7: warning: Ingress default/shop has no rules and no defaultBackend: it routes nothing",
            "41:7: warning: unknown kind example.com/v1/Widget: ignored",
        ])
    }

    @Test func invalidYAMLIsLocated() {
        let messages = Curriculum.lint(paths: [ManifestSceneTests.scenePath("bad-syntax.yaml")]).map(\.description)
        #expect(messages == ["\(ManifestSceneTests.scenePath("bad-syntax.yaml")):4:9: error: scene: invalid YAML: while parsing a flow sequence did not find expected ',' or ']' (5:1)"])
    }

    /// Found by fuzzing: YAML counts U+2028 and U+2029 as line breaks, editors do not; an
    /// error after one was reported lines too low.
    @Test func aParagraphSeparatorDoesNotShiftTheLines() {
        let yaml = "apiVersion: reseau/v1\nkind: Scene\nnodes:\n  - {name: \"a\u{2029}b\u{2028}c\"}\n  - {ip: 10.0.0.9}\n"
        let scene = ManifestScene.load(yaml, file: "p.yaml", line: 1, column: 1, name: "p")
        #expect(scene.diagnostics.map(\.description) == ["p.yaml:5:5: error: Scene: a node needs a `name`"])
    }

    @Test func anAliasBombIsRefusedNotExpanded() {
        let messages = Curriculum.lint(paths: [ManifestSceneTests.scenePath("alias-bomb.yaml")]).map(\.text)
        #expect(messages == ["scene: the YAML expands to more than 200,000 nodes (aliases): not read"])
    }

    /// Found by fuzzing: a mapping key made of aliases made Yams hash billions of nodes
    /// (to look for duplicate keys) before anything could count them. Refused from libyaml's
    /// events, before Yams builds the tree.
    @Test func aKeyMadeOfAliasesIsRefusedBeforeYamsBuildsIt() {
        let yaml = """
        a: &a [x, x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d:
          ? [*c, *c]
          : value
        """
        let scene = ManifestScene.load(yaml, file: "k.yaml", line: 1, column: 1, name: "k")
        #expect(scene.diagnostics.map(\.description) == [
            "k.yaml:5:5: error: scene: a mapping key made of aliases stands for more than 1,000 nodes: not read",
        ])
        #expect(YAMLAliasGuard.check("a: &a [1, 2]\nb: *a\n") == nil, "a few aliases are fine")
        #expect(YAMLAliasGuard.check("no anchors: here") == nil)
    }

    @Test func aHugeSceneIsRefused() {
        let huge = String(repeating: "# padding line of a scene that is far too large\n", count: 100_000)
        let scene = ManifestScene.load(huge, file: "huge.yaml", line: 1, column: 1, name: "huge")
        #expect(scene.diagnostics.map(\.text) == ["scene: 4800000 bytes is more than the 4194304 a scene may hold: not read"])
    }

    @Test func aSceneBlockInALessonIsLocatedInTheLesson() {
        let text = "---\ntitle: t\n---\n\n```yaml scene\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: x}, ports: [{port: 80}]}\n```\n"
        let lesson = Lesson.parse(text: text, file: "t.md")
        #expect(lesson.lint().map(\.description) == ["t.md:6:1: warning: Service default/s: its selector app=x matches no Pod"])
    }
}

/// The seed's diagrams replayed as scenes: the ClusterIP and NodePort flows animate, and
/// the steps a real cluster contradicts are reported.
@Suite(.enabled(if: Paths.hasShared, Paths.sharedMissing))
struct SeedSceneTests {
    let lesson = Lesson.load(path: Paths.seedPage)

    @Test func fiveOfTheEightDiagramsAreClusters() {
        let scenes = lesson.scenes()
        #expect(scenes.map(\.scene.name) == [
            "ClusterIP Multi-Nodes",
            "Communication entre Pods par ClusterIP - par Pod 1",
            "Communication entre Pods par ClusterIP - par Pod 2",
            "NodePort sur port 30001 du Node 1",
            "NodePort sur port 30002 du Node 1",
        ])
        let cluster = scenes[0].scene.cluster
        #expect(cluster.nodes.map(\.name) == ["node1", "node2", "node3"])
        #expect(cluster.service(named: ObjectName("default", "green"))?.clusterIP == IPv4Address("10.0.0.7"))
        #expect(cluster.backends(of: ObjectName("default", "green"), port: 0).map(\.endpointString) == ["10.4.32.6:8282", "10.4.32.8:8282"])
    }

    @Test func clusterIPFlowsGoWhereTheDiagramsSay() throws {
        let scenes = lesson.scenes()
        for (index, pod) in [(1, "pod-green-1"), (2, "pod-green-2")] {
            let trace = try #require(scenes[index].scene.traces().first)
            #expect(trace.request.from == "default/pod-blue-1")
            #expect(trace.request.url == "http://green:82")
            #expect(trace.verdict == .delivered(ObjectName("default", pod)))
            #expect(trace.candidates.count == 2)
        }
    }

    @Test func nodePortFlowFollowsTheArrowNotTheMistypedAddress() throws {
        let scene = lesson.scenes()[3].scene
        #expect(scene.cluster.node(named: "node1")?.ip == IPv4Address("172.10.10.1"))
        let trace = try #require(scene.traces().first)
        #expect(trace.request.url == "http://172.10.10.1:30001/")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-blue-1")))
        #expect(trace.masqueraded)
    }

    @Test func lintReportsWhatARealClusterContradicts() {
        let steps = lesson.lint().filter { $0.text.hasPrefix("flow") }.map { "\($0.line):\($0.column): \($0.text)" }
        #expect(steps == [
            "228:13: flow step 1: no Node, Service or Pod has the address 127.10.10.1 (the arrow points at node1, whose address is 172.10.10.1)",
            "274:13: flow step 1: no Node, Service or Pod has the address 127.10.10.1 (the arrow points at node1, whose address is 172.10.10.1)",
            "275:13: flow step 2: pod-green-2 does not listen on port 8181 (it listens on 8282)",
        ])
    }
}

/// The seed's "Ingress by hostname" as manifests (Tests/Fixtures/scenes/ingress.yaml).
struct IngressSceneTests {
    let loaded = SceneLocator.load(ManifestSceneTests.scenePath("ingress.yaml"))

    @Test func hostsLeadToTheirServices() throws {
        let scene = try #require(loaded.0)
        #expect(loaded.1.isEmpty, "\(loaded.1)")
        let traces = scene.traces()
        #expect(traces.map(\.service?.name) == ["service1", "service2"])
        #expect(traces.map { $0.backend?.port } == [8080, 9090])
        #expect(traces.map(\.verdict.name) == ["delivered", "delivered"])
        let tls = try #require(traces[1].hops.first { $0.action == .proxy })
        #expect(tls.explanation.fr.contains("TLS terminé avec le certificat du Secret default/bar-tls"))
    }
}

/// NetworkPolicies from manifests (Tests/Fixtures/scenes/policy.yaml): default deny, DNS
/// allowed out, the frontend allowed to the API by egress and ingress, an intruder not.
struct PolicySceneTests {
    @Test func onlyWhatBothEndsAllowGetsThrough() throws {
        let (scene, diagnostics) = SceneLocator.load(ManifestSceneTests.scenePath("policy.yaml"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let traces = try #require(scene).traces()
        #expect(traces.map(\.verdict.name) == ["delivered", "dropped"])
        #expect(traces[0].hops.filter { $0.action == .filter }.compactMap(\.ruleText) == [
            "NetworkPolicy shop/allow-dns (Egress)",
            "NetworkPolicy shop/frontend-to-api (Egress)",
            "NetworkPolicy shop/api-from-frontend (Ingress)",
        ])
        // The intruder is isolated for egress by both namespace-wide policies; neither lets it reach the API.
        #expect(traces[1].hops.last?.ruleText == "NetworkPolicy shop/allow-dns, shop/default-deny (Egress)")
    }
}

/// A diagram whose Node shows no Pod: that Node still gets a pod range of its own, so what
/// it masquerades to is its own address, not another Node's.
struct DiagramNodeRangeTests {
    @Test func aNodeWithoutPodsGetsItsOwnRange() throws {
        let text = """
        ```mermaid
        flowchart TD
            svc["Service web<br/>NodePort 10.96.0.30<br/>port 80<br/>nodePort 30080"]
            subgraph n1 ["Node 1<br/>192.168.56.11<br/>:30080"]
                vide["rien"]
            end
            subgraph n2 ["Node 2<br/>192.168.56.12<br/>:30080"]
                web1["web-1<br/>10.244.2.8<br/>port 8080"]
            end
            svc -.-> web1
            user(["User"])
            user e1@-->|"1 - http:// 192.168.56.11:30080"| n1
            e1@{ animate: true }
        ```
        """
        let lesson = Lesson.parse(text: "# D\n\n" + text + "\n", file: "d.md")
        let scene = try #require(lesson.scenes().first).scene
        let ranges = scene.cluster.nodes.map { $0.podCIDR.description }
        #expect(ranges == ["10.244.0.0/24", "10.244.2.0/24"])
        let snat = try #require(scene.traces()[0].hops.first { $0.action == .snat })
        #expect(snat.after.src.description == "10.244.0.0")
    }
}

/// `expect:` on a flow: what the lesson says happens, held against the engine by lint.
struct FlowExpectationTests {
    static func policyScene(expecting first: String, _ second: String) -> String {
        let text = try! String(contentsOfFile: ManifestSceneTests.scenePath("policy.yaml"), encoding: .utf8)
        return text
            .replacingOccurrences(of: "{from: frontend, to: \"http://api.shop/\"}", with: "{from: frontend, to: \"http://api.shop/\", expect: \(first)}")
            .replacingOccurrences(of: "{from: intruder, to: \"http://api.shop/\"}", with: "{from: intruder, to: \"http://api.shop/\", expect: \(second)}")
    }

    @Test func whatTheEngineConfirmsIsSilent() {
        let scene = ManifestScene.load(Self.policyScene(expecting: "delivered", "dropped"), file: "p.yaml", line: 1, column: 1, name: "p")
        #expect(scene.flows.map(\.expect) == ["delivered", "dropped"])
        #expect(scene.expectationDiagnostics(file: "p.yaml").isEmpty)
    }

    @Test func aWrongExpectationIsAnErrorAtTheFlow() {
        let scene = ManifestScene.load(Self.policyScene(expecting: "delivered", "delivered"), file: "p.yaml", line: 1, column: 1, name: "p")
        let diagnostics = scene.expectationDiagnostics(file: "p.yaml")
        #expect(diagnostics.map(\.description) == [
            "p.yaml:7:5: error: flow intruder → http://api.shop/: the lesson expects delivered, the engine says dropped: \(scene.traces()[1].summary.en)",
        ])
    }

    static let emptyService = """
    apiVersion: reseau/v1
    kind: Scene
    nodes: [{name: node-1}]
    flows:
      - {from: client, to: "http://vide/", expect: EXPECT}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: client}
    spec: {containers: [{name: c, image: curl}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: vide}
    spec: {selector: {app: personne}, ports: [{port: 80}]}
    """

    /// A lesson that shows an empty Service on purpose says so with `expect: rejected`.
    @Test func anEmptyServiceShownOnPurposeIsNotWarnedAbout() {
        let onPurpose = ManifestScene.load(Self.emptyService.replacingOccurrences(of: "EXPECT", with: "rejected"),
                                           file: "s.yaml", line: 1, column: 1, name: "s")
        #expect(onPurpose.diagnostics.map(\.text) == ["Service default/vide: its selector app=personne matches no Pod"])
        #expect(onPurpose.lint(file: "s.yaml").isEmpty)
        let mistaken = ManifestScene.load(Self.emptyService.replacingOccurrences(of: "EXPECT", with: "delivered"),
                                          file: "s.yaml", line: 1, column: 1, name: "s")
        #expect(mistaken.lint(file: "s.yaml").map(\.severity) == [.warning, .error])
    }

    @Test func aPortForwardFlowGoesThroughTheKubelet() throws {
        let text = Self.emptyService.replacingOccurrences(of: "to: \"http://vide/\", expect: EXPECT", with: "portForward: \"pod/client:8080\"")
        let scene = ManifestScene.load(text, file: "s.yaml", line: 1, column: 1, name: "s")
        let flow = try #require(scene.flows.first)
        #expect(flow.portForward == "pod/client:8080")
        #expect(flow.to == "kubectl port-forward pod/client:8080")
        #expect(scene.traces()[0].hops.contains { $0.explanation.en.contains("kubelet") })
        let bad = ManifestScene.load(Self.emptyService.replacingOccurrences(of: "to: \"http://vide/\", expect: EXPECT", with: "portForward: svc/vide"),
                                     file: "s.yaml", line: 1, column: 1, name: "s")
        #expect(bad.flows.isEmpty)
        #expect(bad.diagnostics.contains { $0.line == 5 && $0.text == "Scene: `portForward: svc/vide` is not TARGET:PORT (svc/web:80, pod/web-0:8080)" })
    }

    @Test func anUnknownVerdictIsNamed() {
        let scene = ManifestScene.load(Self.policyScene(expecting: "arrives", "dropped"), file: "p.yaml", line: 1, column: 1, name: "p")
        #expect(scene.diagnostics.contains { $0.line == 6 && $0.severity == .error && $0.text.contains("`expect: arrives` is not one of delivered, delivered-to-node") })
    }
}

/// A canary with the Gateway API (Tests/Fixtures/scenes/gateway.yaml).
struct GatewaySceneTests {
    @Test func weightsAndAHeaderMatch() throws {
        let (scene, diagnostics) = SceneLocator.load(ManifestSceneTests.scenePath("gateway.yaml"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let traces = try #require(scene).traces()
        #expect(traces.map(\.verdict.name) == ["delivered", "delivered"])
        #expect(traces[0].candidates.map(\.probability) == [0.45, 0.45, 0.1])
        #expect(traces[1].service?.name == "app-v2", "the header match wins over the weighted rule")
        #expect(traces[1].candidates.count == 1)
    }

    /// The same Gateway as a cluster dumps it: no `spec.addresses`, the address its
    /// implementation published in `status.addresses` (gateway_types.go GatewayStatus.Addresses),
    /// which requests reach (#18: they were `no-route`).
    @Test func theAddressInStatusIsReached() throws {
        let text = try String(contentsOfFile: ManifestSceneTests.scenePath("gateway.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  addresses: [{type: IPAddress, value: 198.51.100.50}]\n", with: "")
            .replacingOccurrences(of: "    - {name: http, protocol: HTTP, port: 80, hostname: \"*.example.com\"}\n",
                                  with: "    - {name: http, protocol: HTTP, port: 80, hostname: \"*.example.com\"}\nstatus:\n  addresses: [{type: IPAddress, value: 198.51.100.50}]\n")
        #expect(!text.contains("spec:\n  gatewayClassName: eg\n  addresses"))
        #expect(text.contains("status:\n  addresses"))
        let scene = ManifestScene.load(text, file: "gateway.yaml", line: 1, column: 1, name: "g")
        #expect(scene.traces().map(\.verdict.name) == ["delivered", "delivered"])
    }
}

/// cert-manager from manifests (Tests/Fixtures/scenes/tls.yaml).
struct CertManagerSceneTests {
    @Test func issuersCertificatesAndTheIngressShim() throws {
        let (scene, diagnostics) = SceneLocator.load(ManifestSceneTests.scenePath("tls.yaml"))
        #expect(diagnostics.map(\.text) == ["Certificate default/broken: no ClusterIssuer missing: Secret broken-tls is not created."])
        let cluster = try #require(scene).cluster
        #expect(cluster.certificates.map { "\($0.certificate.name.name) \($0.ready)" } == ["api true", "broken false", "shop-tls true"])
        #expect(cluster.tlsSecrets == [ObjectName("default", "api-tls"), ObjectName("default", "shop-tls")])
        let trace = try #require(scene?.traces().first)
        #expect(trace.verdict.name == "delivered")
        #expect(trace.hops.first { $0.action == .proxy }?.explanation.en.contains("ClusterIssuer letsencrypt-prod issued") == true)
    }
}
