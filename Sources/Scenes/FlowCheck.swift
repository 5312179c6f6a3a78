import Facts
import Course
import NetSim

/// Compares what a diagram's numbered steps say with what the engine computes, so that
/// `reseau lint` can point at each step that a real cluster would contradict: an address
/// no Node, Service or Pod has, a port the target does not listen on, a Pod the Service
/// cannot reach, a request that would not arrive.
public enum FlowCheck {
    public static func check(_ reading: DiagramScene.Reading, file: String) -> [Diagnostic] {
        perFlow(reading, file: file).flatMap { $0 }
    }

    /// The same findings, flow by flow (in the order of `reading.scene.flows`).
    public static func perFlow(_ reading: DiagramScene.Reading, file: String) -> [[Diagnostic]] {
        let cluster = reading.scene.cluster
        var all: [[Diagnostic]] = []
        for (index, flow) in reading.scene.flows.enumerated() {
            var out: [Diagnostic] = []
            defer { all.append(out) }
            let trace = Tracer(cluster: cluster).trace(flow.request(seed: UInt64(index)))
            for step in flow.steps {
                func warn(_ problem: FlowProblem.StepProblem) {
                    out.append(Diagnostic(file: file, line: step.line, column: step.column, severity: .warning,
                                          message: .flow(.step(step.number, problem))))
                }
                // Only labels that carry an address say something the engine can check
                // (`forward`, `routage NodePort` describe the arrow).
                guard step.url.contains("://"), let url = RequestURL(step.url) else { continue }
                let target = reading.entities[step.toID]
                let isFirst = step == flow.steps.first
                if let ip = IPv4Address(url.host) {
                    if !DiagramScene.owns(cluster, ip) {
                        let real = DiagramScene.address(of: target, in: cluster).map { "\(step.toID)=\($0)" }
                        warn(.noSuchAddress(ip.description, hint: real))
                        continue
                    }
                    if let pod = cluster.pod(ip: ip) { checkPod(pod, url.port, trace, isFirst, warn) }
                    else if let node = cluster.node(ip: ip), isFirst, cluster.serviceByNodePort(url.port) == nil, node.ip == ip {
                        warn(.noNodePort(port: url.port, node: node.name))
                    } else if let service = cluster.service(clusterIP: ip), !service.ports.contains(where: { $0.port == url.port }) {
                        warn(.serviceLacksPort(service: service.name.name, port: url.port, ports: service.ports.map(\.port)))
                    }
                } else if let pod = cluster.pod(named: ObjectName("default", url.host)), !isFirst {
                    // A later step may name the Pod it reaches.
                    checkPod(pod, url.port, trace, isFirst, warn)
                } else if isFirst {
                    if case .nxdomain = trace.verdict { warn(.doesNotResolve(host: url.host, ending: trace.ending)) }
                    else if let service = trace.service.flatMap({ cluster.service(named: $0) }), !service.ports.contains(where: { $0.port == url.port }) {
                        warn(.serviceLacksPort(service: service.name.name, port: url.port, ports: service.ports.map(\.port)))
                    }
                } else {
                    warn(.noSuchHost(url.host))
                }
            }
            switch trace.verdict {
            case .delivered, .deliveredToNode: break
            default:
                out.append(Diagnostic(file: file, line: flow.line, column: flow.column, severity: .warning,
                                      message: .flow(.engineSays(verdict: trace.verdict.name, ending: trace.ending))))
            }
        }
        return all
    }

    static func checkPod(_ pod: Pod, _ port: Int, _ trace: Trace, _ isFirst: Bool, _ warn: (FlowProblem.StepProblem) -> Void) {
        if !pod.listens(on: port, protocol: .tcp) {
            warn(.podDoesNotListen(pod: pod.name.name, port: port, ports: pod.ports.map(\.port)))
        } else if !isFirst, trace.service != nil, !trace.candidates.contains(where: { $0.ip == pod.ip }) {
            warn(.notReachableEndpoint(pod.name.name))
        }
    }
}

extension Cluster {
    /// The Service port behind a node port, if any.
    public func serviceByNodePort(_ port: Int) -> Service? {
        services.first { $0.ports.contains { $0.nodePort == port } }
    }
}
