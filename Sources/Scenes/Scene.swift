import Facts
import Course
import NetSim

/// A cluster plus the flows a lesson animates in it.
public struct Scene: Sendable {
    public var name: String
    public var cluster: Cluster
    public var flows: [Flow]
    /// Problems found while reading or building the scene, located in the lesson file.
    public var diagnostics: [Diagnostic]
    /// A drawn scene's Nodes as the drawing calls them, by engine id (`n2` → `Node 2`).
    public var nodeTitles: [String: String] = [:]

    /// The request of each flow, traced.
    public func traces() -> [Trace] {
        let tracer = Tracer(cluster: cluster)
        return flows.enumerated().map { index, flow in
            if let target = flow.portForward, let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) {
                return tracer.portForward(from: flow.from, target: String(target[..<colon]), port: port, seed: UInt64(index))
            }
            return tracer.trace(flow.request(seed: UInt64(index)))
        }
    }

    /// What lint reports for a manifest scene: what loading found, then each flow whose
    /// `expect` the engine contradicts. A Service whose selector matches no Pod is a mistake
    /// a lesson may show on purpose; a flow to it that expects `rejected` says so, and the
    /// warning is not repeated.
    public func lint(file: String) -> [Diagnostic] {
        let traces = traces()
        let shown = Set(zip(flows, traces).compactMap { flow, trace in
            flow.expect == "rejected" ? trace.service?.description : nil
        })
        let kept = diagnostics.filter { d in
            guard d.severity == .warning, case .cluster(.selectorMatchesNothing(let service, _)) = d.message else { return true }
            return !shown.contains(service)
        }
        return kept + expectationDiagnostics(file: file, traces: traces)
    }

    /// Each flow whose `expect` the engine contradicts, as an error at the flow.
    public func expectationDiagnostics(file: String) -> [Diagnostic] {
        expectationDiagnostics(file: file, traces: traces())
    }

    func expectationDiagnostics(file: String, traces: [Trace]) -> [Diagnostic] {
        zip(flows, traces).compactMap { flow, trace in
            guard let expect = flow.expect, expect != trace.verdict.name else { return nil }
            return Diagnostic(file: file, line: flow.line, column: flow.column, severity: .error,
                              message: .flow(.unexpected(from: flow.from, to: flow.to, expected: expect, verdict: trace.verdict.name, ending: trace.ending)))
        }
    }
}

/// One request to animate: from a Pod, Node or client, to a URL.
public struct Flow: Sendable, Equatable {
    public var from: String
    /// The URL; for a port-forward, `kubectl port-forward TARGET PORT` as written.
    public var to: String
    /// `kubectl port-forward` instead of a request: `svc/web:80`, `pod/web-0:8080`.
    public var portForward: String?
    public var `protocol`: TransportProtocol = .tcp
    public var method: String = "GET"
    public var headers: [String: String] = [:]
    /// The Pod the lesson shows answering (a diagram's last step), followed when possible.
    public var expectedBackend: IPv4Address?
    /// What the lesson says happens (`expect:` in a scene, a verdict's name: `delivered`,
    /// `rejected`, `dropped`…); lint holds the engine to it.
    public var expect: String?
    /// For a diagram flow: its numbered steps, as written.
    public var steps: [FlowStep] = []
    /// Where the flow is written in the lesson file.
    public var line: Int
    public var column: Int

    public func request(seed: UInt64) -> Request {
        Request(from: from, url: to, protocol: self.protocol, method: method, headers: headers, seed: seed,
                preferredBackend: expectedBackend)
    }
}

/// A numbered step of a diagram's flow: `2 - http:// 10.4.32.6:8282` on an arrow.
public struct FlowStep: Sendable, Equatable {
    public var number: Int
    public var label: String
    public var url: String
    /// The diagram ids at the arrow's ends.
    public var fromID: String
    public var toID: String
    public var line: Int
    public var column: Int
}
