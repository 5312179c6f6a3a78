import Facts
import Canvas
import Course
import Scenes
import Drawing
import Foundation
import Mermaid
import NetSim

/// What each fuzz target does with one input, and the properties it holds the code to. A
/// property that fails stops the program (`fatalError`), so that libFuzzer keeps the input
/// as a crash. The same functions replay saved inputs in the regression tests.
public enum FuzzTargets {
    public static let names = ["loader", "mermaid", "scene", "trace", "render"]

    /// Runs target `name` on `bytes`; false for an unknown name.
    @discardableResult
    public static func run(_ name: String, _ bytes: [UInt8]) -> Bool {
        switch name {
        case "loader": loader(bytes)
        case "mermaid": mermaid(bytes)
        case "scene": scene(bytes)
        case "trace": trace(bytes)
        case "render": render(bytes)
        default: return false
        }
        return true
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property broken: \(message())") }
    }

    /// A control character (the one rule), or a line feed: never on a drawn line.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ControlCharacters.isControl($0) || $0 == "\n" }
    }

    /// Lines as the loader counts them: LF, CRLF and a lone CR each end one.
    /// The control characters of `text`, as U+XXXX.
    static func controls(_ text: String) -> String {
        text.unicodeScalars.filter { hasControl(String($0)) }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            .joined(separator: " ")
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (i, byte) in bytes.enumerated() where byte == 10 || (byte == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10)) {
            count += 1
        }
        return count
    }

    /// The lesson loader and its lint (scenes from manifests and diagrams, their flows):
    /// diagnostics point inside the file, and no block's text holds a control character.
    public static func loader(_ bytes: [UInt8]) {
        let lesson = Lesson.parse(bytes: bytes, file: "fuzz.md")
        let lines = lineCount(bytes)
        for d in lesson.lint() {
            check(d.line >= 1 && d.line <= lines + 1 && d.column >= 1, "diagnostic outside the file (\(lines) lines): \(d)")
        }
        for block in lesson.allBlocks {
            // Newlines separate a block's parts (scalar by scalar: "\n" and a combining mark
            // make one Character).
            let text = String(String.UnicodeScalarView(block.searchText.unicodeScalars.filter { $0 != "\n" }))
            check(!hasControl(text), "a control character in a block: \(controls(text)) in \(text.debugDescription)")
        }
    }

    /// The loader, then every slide drawn at 80 columns (diagrams laid out and routed,
    /// scenes drawn): no drawn line is wider than 80 cells or holds a control character.
    public static func render(_ bytes: [UInt8]) {
        let lesson = Lesson.parse(bytes: bytes, file: "fuzz.md")
        let renderer = SlideRenderer(width: 80)
        for slide in lesson.slides {
            for line in renderer.render(slide) {
                check(line.width <= 80, "a line of \(line.width) cells at 80 columns: \(line.text)")
                check(!hasControl(line.text), "a control character on screen: \(line.text.debugDescription)")
            }
        }
    }

    /// The Mermaid parser: diagnostics inside the text, every edge between known ids.
    /// (Drawing is the `render` target's: a lesson's diagrams are drawn there.)
    public static func mermaid(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let result = Mermaid.parse(text)
        let lines = lineCount(bytes)
        for d in result.diagnostics {
            check(d.line >= 1 && d.line <= lines + 1 && d.column >= 1, "diagnostic outside the text (\(lines) lines): \(d)")
        }
        if let chart = result.diagram?.flowchart {
            let ids = Set(chart.nodes.map(\.id) + chart.subgraphs.map(\.id))
            for edge in chart.edges {
                check(ids.contains(edge.from) && ids.contains(edge.to), "an edge to an unknown id: \(edge.from) → \(edge.to)")
            }
        }
    }

    /// The scene loader on YAML, then its flows traced: every trace ends, within a bounded
    /// number of hops.
    public static func scene(_ bytes: [UInt8]) {
        // As `reseau trace --scene FILE` reads a file: decoded, CR and CRLF made LF.
        guard let text = SourceDecoder.decode(bytes, file: "fuzz.yaml").text else { return }
        let scene = ManifestScene.load(text, file: "fuzz.yaml", line: 1, column: 1, name: "fuzz")
        // The loader makes YAML's other line breaks (NEL, LS, PS) spaces: lines are LF's.
        let lines = lineCount(Array(text.utf8))
        for d in scene.diagnostics {
            check(d.line >= 1 && d.line <= lines + 1 && d.column >= 1, "diagnostic outside the text (\(lines) lines): \(d)")
        }
        for trace in scene.traces() { checkTrace(trace) }
    }

    static func checkTrace(_ trace: Trace) {
        check(trace.hops.count <= 200, "a trace of \(trace.hops.count) hops")
        if case .delivered(let pod) = trace.verdict {
            check(trace.hops.last?.action == .deliver, "delivered to \(pod) without a deliver hop")
        }
    }

    /// The fixed scene the trace target asks: two Nodes, a NodePort and a ClusterIP Service,
    /// a headless StatefulSet, an Ingress, a Gateway, NetworkPolicies.
    static let fixed: Cluster = ManifestScene.load(fixedScene, file: "fixed.yaml", line: 1, column: 1, name: "fixed").cluster

    /// A request against the fixed scene: line 1 the source, line 2 the URL, then
    /// `Name: value` headers; a first line `pf` asks a port-forward (`pf`, source, target, port).
    public static func trace(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tracer = Tracer(cluster: fixed)
        if lines.first == "pf", lines.count >= 4 {
            checkTrace(tracer.portForward(from: lines[1], target: lines[2], port: Int(lines[3]) ?? 0))
            return
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst(2) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(from: lines.first ?? "", url: lines.count > 1 ? lines[1] : "", headers: headers,
                              seed: UInt64(bytes.count))
        checkTrace(tracer.trace(request))
    }

    static let fixedScene = """
    apiVersion: reseau/v1
    kind: Scene
    cluster: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/16, cni: overlay}
    nodes: [{name: node-1, ip: 192.168.56.11}, {name: node-2, ip: 192.168.56.12}]
    clients: [{name: laptop, ip: 203.0.113.5}]
    ingressControllers: [{class: nginx, ip: 198.51.100.7}]
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: shop, labels: {team: shop}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, namespace: shop}
    spec:
      replicas: 3
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: c, image: web, ports: [{name: http, containerPort: 8080}]}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop}
    spec: {type: NodePort, selector: {app: web}, ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: toolbox, namespace: shop, labels: {app: toolbox}}
    spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db, namespace: shop}
    spec:
      serviceName: db
      replicas: 2
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec: {containers: [{name: pg, image: postgres, ports: [{name: pg, containerPort: 5432}]}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: db, namespace: shop}
    spec: {clusterIP: None, selector: {app: db}, ports: [{name: pg, port: 5432}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: bank, namespace: shop}
    spec: {type: ExternalName, externalName: api.bank.example}
    ---
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: shop, namespace: shop}
    spec:
      ingressClassName: nginx
      rules:
        - host: shop.example.com
          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db-from-web, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: db}}
      ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
    """
}
