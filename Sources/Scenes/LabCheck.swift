import Facts
import Course
import FoundationEssentials
import NetSim

/// A lab's goals asked of a cluster: the student's files with the lab's fixed part, read as
/// one scene. Pure: the files are given as text, the answers come from the engine.
public struct LabCheck: Sendable {
    /// What the engine found for one goal.
    public enum Observation: Sendable {
        case flow(Trace)
        case endpoints(Int)
        case dns(DNSLookup)
        /// A goal about a Service or a Pod the cluster does not have.
        case missing(String)
    }

    public struct Result: Sendable {
        public var number: Int
        public var goal: Lab.Goal
        public var passed: Bool
        public var observation: Observation
        public var trace: Trace? { if case .flow(let t) = observation { return t }; return nil }
    }

    public var results: [Result]
    /// What reading the files found, each at its file, line and column.
    public var diagnostics: [Diagnostic]
    public var scene: Scene

    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.passed) }

    /// `files`: the student's files, by name, in `folder` (diagnostics name them:
    /// `reseau-lab-03-1/service.yaml:4:3`); with no folder, files of the lesson (the
    /// correction), named by the lesson's file and lines.
    public static func run(_ lab: Lab, files: [Lab.File], lessonFile: String, folder: String?) -> LabCheck {
        // One YAML stream: the fixed part, then each file, each part's lines remembered.
        var parts: [(file: String, start: Int, origin: Int)] = []
        var text = ""
        func add(_ body: String, file: String, origin: Int) {
            if !text.isEmpty { text += "---\n" }
            parts.append((file, text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }, origin))
            text += body
            if !text.hasSuffix("\n") { text += "\n" }
        }
        if let fixed = lab.fixed { add(fixed.text, file: lessonFile, origin: fixed.line) }
        // A student's file is its own: its lines count from 1.
        for f in files { add(f.text, file: folder.map { Paths.appending($0, f.name) } ?? lessonFile, origin: folder == nil ? f.line : 1) }
        var scene = ManifestScene.load(text, file: "", line: 1, column: 1, name: lab.title)
        // Each diagnostic back to the file and line it came from.
        scene.diagnostics = scene.diagnostics.map { d in
            guard let part = parts.last(where: { $0.start <= d.line }) else { return d }
            var moved = d
            moved.file = part.file
            moved.line = part.origin + d.line - part.start
            return moved
        }
        let cluster = scene.cluster
        let tracer = Tracer(cluster: cluster)
        var results: [Result] = []
        for (i, goal) in lab.goals.enumerated() {
            let observation: Observation
            var passed = false
            switch goal.kind {
            case .flow(let from, let to, let forward, let method, let headers, let proto):
                let trace: Trace
                if let forward, let colon = forward.lastIndex(of: ":"), let port = Int(forward[forward.index(after: colon)...]) {
                    trace = tracer.portForward(from: from, target: String(forward[..<colon]), port: port, seed: UInt64(i))
                } else {
                    trace = tracer.trace(Request(from: from, url: to ?? "", protocol: TransportProtocol(rawValue: proto.uppercased()) ?? .tcp,
                                                 method: method, headers: headers, seed: UInt64(i)))
                }
                observation = .flow(trace)
                passed = Self.flowPasses(goal, trace, cluster: cluster)
            case .endpoints(let name, let count):
                if let service = Self.service(name, in: cluster) {
                    // Backends are kept by the port's place in the Service.
                    let ready = Set(service.ports.indices.flatMap { cluster.backends(of: service.name, port: $0).filter(\.ready).map(\.ip) })
                    observation = .endpoints(ready.count)
                    passed = ready.count == count
                } else {
                    observation = .missing(name)
                }
            case .dns(let name, let from, let answer):
                guard let pod = Self.pod(from, in: cluster) else { observation = .missing(from); break }
                let lookup = DNSResolver(cluster: cluster).lookup(name, type: .A, from: pod)
                observation = .dns(lookup)
                passed = answer.lowercased() == "nxdomain" ? lookup.isNXDomain : lookup.answers.contains(answer)
            }
            results.append(Result(number: i + 1, goal: goal, passed: passed, observation: observation))
        }
        return LabCheck(results: results, diagnostics: scene.diagnostics, scene: scene)
    }

    /// Which part of a flow goal the trace misses first.
    public enum FlowMiss: Sendable { case verdict, service, pod, source, certificate, shares }

    static func flowPasses(_ goal: Lab.Goal, _ trace: Trace, cluster: Cluster) -> Bool { flowMiss(goal, trace, cluster: cluster) == nil }

    public static func flowMiss(_ goal: Lab.Goal, _ trace: Trace, cluster: Cluster) -> FlowMiss? {
        if let expect = goal.expect, trace.verdict.name != expect { return .verdict }
        if let via = goal.via {
            guard let service = trace.service, Self.service(via, in: cluster)?.name == service else { return .service }
        }
        if !goal.reach.isEmpty {
            guard case .delivered(let pod) = trace.verdict,
                  goal.reach.contains(where: { pod.name == $0 || pod.name.hasPrefix($0 + "-") || pod.description == $0 }) else { return .pod }
        }
        if let source = goal.source, (source == "masqueraded") != trace.masqueraded { return .source }
        if let wanted = goal.certificate {
            guard let served = servedCertificate(trace), served.name == wanted || served.description == wanted else { return .certificate }
        }
        if !goal.shares.isEmpty, goal.shares.contains(where: { abs(share(of: $0.key, trace) - $0.value) > 0.5 }) { return .shares }
        return nil
    }

    /// The percentage of requests like this one that end at Pods named `name` (or `name-…`).
    public static func share(of name: String, _ trace: Trace) -> Double {
        100 * trace.candidates.filter { c in c.pod.map { $0.name == name || $0.name.hasPrefix(name + "-") || $0.description == name } ?? false }
            .reduce(0) { $0 + $1.probability }
    }

    /// The TLS Secret the Ingress or the Gateway's listener served the request with; nil for
    /// ingress-nginx's own fake certificate (no Secret for the host), a listener missing its
    /// certificate, or no TLS at all.
    public static func servedCertificate(_ trace: Trace) -> ObjectName? {
        for hop in trace.hops {
            var fact: TLSFact?
            switch hop.reason {
            case .ingressProxies(_, _, _, _, _, let tls): fact = tls
            case .ingressNoRule(_, _, _, let tls): fact = tls
            case .gatewayProxies(let choice): fact = choice.tls
            default: continue
            }
            switch fact {
            case .ingressSecret(let name, _)?: return name
            case .listenerCertificates(_, let secrets)?: return secrets.first
            default: continue
            }
        }
        return nil
    }

    /// `ns/name`, or `name` in the only namespace that has it (`default` first).
    static func service(_ name: String, in cluster: Cluster) -> Service? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return cluster.service(named: ObjectName(parts[0], parts[1])) }
        return cluster.service(named: ObjectName("default", name)) ?? cluster.services.first { $0.name.name == name }
    }

    static func pod(_ name: String, in cluster: Cluster) -> Pod? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return cluster.pod(named: ObjectName(parts[0], parts[1])) }
        return cluster.pod(named: ObjectName("default", name)) ?? cluster.pods(named: name).first
    }
}
