/// `kubectl port-forward`: kubectl opens a stream to the API server, which hands it to the
/// kubelet of the Pod's Node, which connects to the port inside the Pod's network
/// namespace (kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/).
/// No Service IP, no kube-proxy, no load balancing: `svc/NAME` picks one Pod, once.
extension Tracer {
    /// `target` is `pod/NAME`, `svc/NAME` or `NAME` (a Pod), optionally `ns/` first after
    /// the kind (`svc/shop/web`); `port` is the Pod's port, or the Service's for `svc/`.
    public func portForward(from: String, target: String, port: Int, seed: UInt64 = 0) -> Trace {
        let request = Request(from: from, url: "tcp://\(target.replacing("/", with: "."))::\(port)", seed: seed)
        var trace = Trace(request: request, verdict: .invalid, ending: .none, hops: [], reply: [],
                          dns: [], candidates: [], masqueraded: true, service: nil, backend: nil)
        func fail(_ ending: Ending) -> Trace {
            trace.ending = ending
            return trace
        }
        let clientIP: IPv4Address
        switch cluster.source(from) {
        case .client(let c)?: clientIP = c.ip
        case .outside(let ip)?: clientIP = ip
        case .node(let n)?: clientIP = n.ip
        case .pod(let p)?: clientIP = p.ip
        case nil: return fail(.unknownSource(from))
        }
        var parts = target.split(separator: "/").map(String.init)
        var kind = "pod"
        let workloadKinds = ["deployment": "deployment", "deployments": "deployment", "deploy": "deployment",
                             "replicaset": "replicaset", "replicasets": "replicaset", "rs": "replicaset",
                             "statefulset": "statefulset", "statefulsets": "statefulset", "sts": "statefulset"]
        if parts.count > 1, ["pod", "pods", "po", "svc", "service", "services"].contains(parts[0]) || workloadKinds[parts[0]] != nil {
            kind = parts.removeFirst()
        }
        let name = parts.count == 2 ? ObjectName(parts[0], parts[1]) : ObjectName("default", parts.last ?? "")
        var pod: Pod?
        var podPort = port
        if kind.hasPrefix("s") {
            guard let svc = cluster.service(named: name), let portIndex = svc.ports.firstIndex(where: { $0.port == port }) else {
                return fail(.portForwardNoService(service: name.description, port: port))
            }
            if let selector = svc.selector, !selector.isEmpty {
                // kubectl takes the Service's selector, its most active Pod, and maps the port to the targetPort.
                guard let chosen = Self.mostActive(cluster.pods.filter { $0.name.namespace == name.namespace && $0.labels.matches(selector) }) else {
                    return fail(.portForwardNoReadyPod(service: name.description))
                }
                pod = chosen
                switch svc.ports[portIndex].targetPort {
                case .number(let n): podPort = n
                case .name(let portName): podPort = chosen.ports.first { $0.name == portName }?.port ?? port
                }
            } else {
                // Endpoints written by hand: the first ready one that is a Pod.
                guard let first = cluster.backends(of: name, port: portIndex).first(where: { $0.ready && $0.pod != nil }) else {
                    return fail(.portForwardNoReadyPod(service: name.description))
                }
                pod = first.pod.flatMap { cluster.pod(named: $0) }
                podPort = first.port
            }
            trace.service = svc.name
        } else if let workload = workloadKinds[kind] {
            // kubectl takes the workload's selector and its most active Pod; the port is the Pod's.
            guard let selector = cluster.workloadSelectors["\(workload)/\(name)"] else {
                return fail(.portForwardNoPod("\(kind)/\(name)"))
            }
            pod = Self.mostActive(cluster.pods.filter { $0.name.namespace == name.namespace && !selector.isEmpty && $0.labels.matches(selector) })
        } else {
            pod = cluster.pod(named: name)
        }
        guard let pod else { return fail(.portForwardNoPod(name.description)) }
        return forward(trace, from: from, target: target, port: port, to: pod, podPort: podPort, clientIP: clientIP, seed: seed)
    }

    /// The Pod kubectl attaches to among a selector's (polymorphichelpers
    /// attachablePodForObject: GetFirstPod sorted by `sort.Reverse(podutils.ActivePods)`):
    /// ready before not ready; of two ready, the one Ready for longer (an unknown time counts
    /// as the shortest); fewer container restarts; the older (an unknown creation time counts
    /// as the newest); then the first by name, as the API lists them. Every Pod of a scene is
    /// scheduled and running (dumped Pods that are not are not read).
    public static func mostActive(_ pods: [Pod]) -> Pod? {
        func older(_ a: String?, _ b: String?) -> Bool? {
            guard a != b else { return nil }
            guard let a else { return false }
            guard let b else { return true }
            return a < b
        }
        return pods.sorted { a, b in
            if a.ready != b.ready { return a.ready }
            if a.ready, let longer = older(a.readySince, b.readySince) { return longer }
            if a.restarts != b.restarts { return a.restarts < b.restarts }
            if let elder = older(a.created, b.created) { return elder }
            return a.name < b.name
        }.first
    }

    func forward(_ base: Trace, from: String, target: String, port: Int, to pod: Pod, podPort: Int, clientIP: IPv4Address, seed: UInt64) -> Trace {
        var trace = base
        let apiServer = cluster.nodes[0]
        func fail(_ ending: Ending) -> Trace {
            trace.ending = ending
            return trace
        }
        let node = cluster.node(named: pod.nodeName)!
        let stream1 = Packet(src: clientIP, srcPort: 32768 + Int(seed % 28232), dst: apiServer.ip, dstPort: 6443, protocol: .tcp)
        let stream2 = Packet(src: apiServer.ip, srcPort: 40000, dst: node.ip, dstPort: 10250, protocol: .tcp)
        let local = Packet(src: IPv4Address("127.0.0.1")!, srcPort: 45000, dst: IPv4Address("127.0.0.1")!, dstPort: podPort, protocol: .tcp)
        trace.hops.append(Hop(place: .client(from), action: .send, before: stream1, after: stream1,
                              rule: .kubectlPortForward(target: target, port: port), reason: .kubectlOpensStream(apiServer: apiServer.ip)))
        trace.hops.append(Hop(place: .node(apiServer.name), action: .proxy, before: stream1, after: stream2,
                              rule: .apiPortForward(pod: pod.name), reason: .apiServerRelays(node: node.name)))
        trace.hops.append(Hop(place: .node(node.name), action: .proxy, before: stream2, after: local,
                              reason: .kubeletConnects(pod: pod.name.name, port: podPort)))
        trace.candidates = [Candidate(ip: pod.ip, port: podPort, pod: pod.name, node: node.name, probability: 1)]
        trace.backend = trace.candidates[0]
        guard pod.listens(on: podPort, protocol: .tcp) else {
            trace.hops.append(Hop(place: .pod(pod.name), action: .reject, before: local, after: local,
                                  reason: .portForwardRefused(pod: pod.name.name, port: podPort)))
            trace.verdict = .rejected
            return fail(.refused(pod: pod.name.name, port: podPort))
        }
        trace.hops.append(Hop(place: .pod(pod.name), action: .deliver, before: local, after: local,
                              reason: .portForwardDelivered(pod: pod.name.name, port: podPort)))
        trace.verdict = .delivered(pod.name)
        trace.ending = .portForwardDelivered(pod: pod.name.name, port: podPort)
        // The answer goes back the way the streams came: kubelet, API server, kubectl.
        trace.reply = [
            Hop(place: .pod(pod.name), action: .send, before: local.reversed, after: local.reversed,
                reason: .podAnswers(pod: pod.name.name, destination: local.src, port: local.srcPort)),
            Hop(place: .node(node.name), action: .proxy, before: local.reversed, after: stream2.reversed,
                reason: .kubeletRelaysReply(node: node.name)),
            Hop(place: .node(apiServer.name), action: .proxy, before: stream2.reversed, after: stream1.reversed,
                reason: .proxyRelaysReply(proxy: "kube-apiserver")),
            Hop(place: .client(from), action: .deliver, before: stream1.reversed, after: stream1.reversed, reason: .replyReceived(by: from)),
        ]
        return trace
    }
}
