/// `kubectl port-forward`: kubectl opens a stream to the API server, which hands it to the
/// kubelet of the Pod's Node, which connects to the port inside the Pod's network
/// namespace (kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/).
/// No Service IP, no kube-proxy, no load balancing: `svc/NAME` picks one Pod, once.
extension Tracer {
    /// `target` is `pod/NAME`, `svc/NAME` or `NAME` (a Pod), optionally `ns/` first after
    /// the kind (`svc/shop/web`); `port` is the Pod's port, or the Service's for `svc/`.
    public func portForward(from: String, target: String, port: Int, seed: UInt64 = 0) -> Trace {
        let request = Request(from: from, url: "tcp://\(target.replacingOccurrences(of: "/", with: "."))::\(port)", seed: seed)
        var trace = Trace(request: request, verdict: .invalid, summary: Localized(fr: "", en: ""), hops: [], reply: [],
                          dns: [], candidates: [], masqueraded: true, service: nil, backend: nil)
        func fail(_ fr: String, _ en: String) -> Trace {
            trace.summary = Localized(fr: fr, en: en)
            return trace
        }
        let apiServer = cluster.nodes[0]
        let clientIP: IPv4Address
        switch cluster.source(from) {
        case .client(let c)?: clientIP = c.ip
        case .outside(let ip)?: clientIP = ip
        case .node(let n)?: clientIP = n.ip
        case .pod(let p)?: clientIP = p.ip
        case nil: return fail("Source inconnue : \(from).", "Unknown source: \(from).")
        }
        var parts = target.split(separator: "/").map(String.init)
        var kind = "pod"
        if parts.count > 1, ["pod", "pods", "po", "svc", "service", "services"].contains(parts[0]) { kind = parts.removeFirst() }
        let name = parts.count == 2 ? ObjectName(parts[0], parts[1]) : ObjectName("default", parts.last ?? "")
        var pod: Pod?
        var podPort = port
        if kind.hasPrefix("s") {
            guard let svc = cluster.service(named: name), let portIndex = svc.ports.firstIndex(where: { $0.port == port }) else {
                return fail("Aucun Service \(name) avec le port \(port).", "No Service \(name) with port \(port).")
            }
            // kubectl resolves the Service to its first ready Pod and maps the port to the targetPort.
            guard let first = cluster.backends(of: name, port: portIndex).first(where: \.ready) else {
                return fail("Le Service \(name) n'a aucun Pod prêt : kubectl ne trouve rien à joindre.", "Service \(name) has no ready Pod: kubectl finds nothing to reach.")
            }
            pod = first.pod.flatMap { cluster.pod(named: $0) }
            podPort = first.port
            trace.service = svc.name
        } else {
            pod = cluster.pod(named: name)
        }
        guard let pod else { return fail("Aucun Pod \(name).", "No Pod \(name).") }
        let node = cluster.node(named: pod.nodeName)!
        let stream1 = Packet(src: clientIP, srcPort: 32768 + Int(seed % 28232), dst: apiServer.ip, dstPort: 6443, protocol: .tcp)
        let stream2 = Packet(src: apiServer.ip, srcPort: 40000, dst: node.ip, dstPort: 10250, protocol: .tcp)
        let local = Packet(src: IPv4Address("127.0.0.1")!, srcPort: 45000, dst: IPv4Address("127.0.0.1")!, dstPort: podPort, protocol: .tcp)
        trace.hops.append(Hop(place: .client(from), action: .send, before: stream1, after: stream1,
            rule: "kubectl port-forward \(target) \(port)",
            explanation: Localized(fr: "kubectl ouvre un flux HTTPS (WebSocket/SPDY) vers l'API server, \(apiServer.ip):6443.",
                                   en: "kubectl opens an HTTPS stream (WebSocket/SPDY) to the API server, \(apiServer.ip):6443.")))
        trace.hops.append(Hop(place: .node(apiServer.name), action: .proxy, before: stream1, after: stream2,
            rule: "POST /api/v1/namespaces/\(pod.name.namespace)/pods/\(pod.name.name)/portforward",
            explanation: Localized(fr: "L'API server authentifie la demande et la relaie au kubelet de \(node.name) (port 10250).",
                                   en: "The API server authenticates the request and relays it to \(node.name)'s kubelet (port 10250).")))
        trace.hops.append(Hop(place: .node(node.name), action: .proxy, before: stream2, after: local,
            explanation: Localized(fr: "Le kubelet demande au runtime de conteneurs une connexion vers localhost:\(podPort) dans l'espace réseau de \(pod.name.name) : ni Service, ni kube-proxy, ni NetworkPolicy.",
                                   en: "The kubelet asks the container runtime for a connection to localhost:\(podPort) inside \(pod.name.name)'s network namespace: no Service, no kube-proxy, no NetworkPolicy.")))
        trace.candidates = [Candidate(ip: pod.ip, port: podPort, pod: pod.name, node: node.name, probability: 1)]
        trace.backend = trace.candidates[0]
        guard pod.listens(on: podPort, protocol: .tcp) else {
            trace.hops.append(Hop(place: .pod(pod.name), action: .reject, before: local, after: local,
                explanation: Localized(fr: "Rien n'écoute \(podPort) dans \(pod.name.name) : connexion refusée.", en: "Nothing listens on \(podPort) in \(pod.name.name): connection refused.")))
            trace.verdict = .rejected
            return fail("Refusé : \(pod.name.name) n'écoute pas le port \(podPort).", "Refused: \(pod.name.name) does not listen on port \(podPort).")
        }
        trace.hops.append(Hop(place: .pod(pod.name), action: .deliver, before: local, after: local,
            explanation: Localized(fr: "\(pod.name.name) reçoit la connexion sur son port \(podPort), venue de 127.0.0.1.",
                                   en: "\(pod.name.name) receives the connection on its port \(podPort), from 127.0.0.1.")))
        trace.verdict = .delivered(pod.name)
        trace.summary = Localized(fr: "Remis à \(pod.name.name):\(podPort) par le tunnel de kubectl (toujours ce Pod-là, sans répartition).",
                                  en: "Delivered to \(pod.name.name):\(podPort) through kubectl's tunnel (always this one Pod, no load balancing).")
        return trace
    }
}
