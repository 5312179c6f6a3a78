/// Follows a request through the cluster, hop by hop, as the kernel, kube-proxy (iptables
/// mode) and the CNI would move it. Deterministic: what is random in a cluster (which
/// endpoint kube-proxy picks, the order of DNS answers) follows the request's seed.
public struct Tracer: Sendable {
    public let cluster: Cluster

    public init(cluster: Cluster) { self.cluster = cluster }

    public func trace(_ request: Request) -> Trace {
        var walk = Walk(cluster: cluster, request: request)
        walk.run()
        return walk.result()
    }
}

/// Where a packet came to a Node from: that decides which netfilter hook sees it first.
enum Arrival: Equatable {
    /// From a Pod of this Node, through its veth (PREROUTING).
    case pod
    /// Sent by the Node itself (OUTPUT).
    case local
    /// From the network (another Node, a load balancer, a client).
    case network
}

/// How a Service was reached, which decides kube-proxy's chain.
enum ServiceEntry: Equatable {
    case clusterIP, nodePort, loadBalancer, externalIP
}

struct Walk {
    let cluster: Cluster
    let request: Request
    var hops: [Hop] = []
    var reply: [Hop] = []
    var dns: [DNSLookup] = []
    var candidates: [Candidate] = []
    var verdict: Verdict = .invalid
    var ending = Ending.none
    var packet = Packet(src: IPv4Address(0), srcPort: 0, dst: IPv4Address(0), dstPort: 0, protocol: .tcp)
    var source: Source?
    var service: ObjectName?
    var backend: Candidate?
    /// KUBE-MARK-MASQ was applied: POSTROUTING will masquerade.
    var masqueradeMark = false
    var masqueraded = false
    /// Where NAT happened and what the packet looked like before it, for the reply.
    var natNode: String?
    var beforeNAT: Packet?
    /// Set when an L7 proxy (an Ingress controller) opened a second connection: the Pod,
    /// the first connection as it reached it, and that connection's NAT.
    var proxy: (pod: Pod, front: Packet, natNode: String?, beforeNAT: Packet?)?
    /// The sender's egress policy has been checked for the current connection.
    var egressChecked = false

    init(cluster: Cluster, request: Request) {
        self.cluster = cluster
        self.request = request
    }

    // MARK: - Recording

    /// Adds a hop: the packet becomes `after` when given.
    mutating func hop(_ place: HopPlace, _ action: HopAction, to after: Packet? = nil, rule: Rule? = nil, _ reason: HopReason) {
        let before = packet
        if let after { packet = after }
        hops.append(Hop(place: place, action: action, before: before, after: packet, rule: rule, reason: reason))
    }

    mutating func end(_ verdict: Verdict, _ ending: Ending) {
        self.verdict = verdict
        self.ending = ending
    }

    func result() -> Trace {
        Trace(request: request, verdict: verdict, ending: ending, hops: hops, reply: reply, dns: dns,
              candidates: candidates, masqueraded: masqueraded, service: service, backend: backend)
    }

    // MARK: - Start

    mutating func run() {
        guard let source = cluster.source(request.from) else {
            return end(.invalid, .unknownSource(request.from))
        }
        self.source = source
        guard let url = RequestURL(request.url) else {
            return end(.invalid, .unreadableURL(request.url))
        }
        var destination: IPv4Address
        if let ip = IPv4Address(url.host) {
            destination = ip
        } else {
            var pod: Pod?
            if case .pod(let p) = source { pod = p }
            if let pod, !cluster.networkPolicies.isEmpty {
                // The lookup itself is UDP to CoreDNS: an egress policy must allow it.
                packet = Packet(src: pod.ip, srcPort: 53000, dst: cluster.dnsServiceIP, dstPort: 53, protocol: .udp)
                let decision = PolicyEngine.decide(.egress, at: pod, peer: peer(cluster.dnsServiceIP, pod: coreDNS), port: 53,
                                                   protocol: .udp, policies: cluster.networkPolicies)
                if !record(decision, direction: .egress, at: pod, other: "kube-system/coredns", port: 53, proto: .udp) {
                    return end(.dropped, .dnsEgressBlocked(host: url.host, pod: pod.name.name))
                }
            }
            let lookup = DNSResolver(cluster: cluster).lookup(url.host, type: .A, from: pod, seed: request.seed)
            dns.append(lookup)
            if let pod {
                // The question itself: UDP from the Pod to the cluster DNS Service.
                let query = Packet(src: pod.ip, srcPort: 53000 + Int(request.seed % 1000), dst: cluster.dnsServiceIP, dstPort: 53, protocol: .udp)
                hops.append(Hop(place: .dns, action: .resolve, before: query, after: query.reversed,
                                rule: .dnsTries(lookup.attempts), reason: .resolved(lookup.reason)))
            }
            if let cname = lookup.cname {
                return end(.externalName(cname), .externalName(host: url.host, cname: cname))
            }
            guard let first = lookup.answers.first, let ip = IPv4Address(first) else {
                return end(.nxdomain(url.host), .dnsFailed(lookup.reason))
            }
            destination = ip
            if lookup.answers.count > 1 {
                // Headless: the client takes the first record; CoreDNS shuffles them.
                let share = 1.0 / Double(lookup.answers.count)
                candidates = lookup.answers.compactMap(IPv4Address.init).map { ip in
                    let p = cluster.pod(ip: ip)
                    return Candidate(ip: ip, port: url.port, pod: p?.name, node: p?.nodeName, probability: share)
                }
            }
        }
        // Linux picks the source port in 32768-60999 (net.ipv4.ip_local_port_range).
        packet = Packet(src: source.ip, srcPort: 32768 + Int(request.seed % 28232), dst: destination,
                        dstPort: url.port, protocol: request.protocol)
        switch source {
        case .pod(let pod):
            let node = cluster.node(named: pod.nodeName)!
            hop(.pod(pod.name), .send, .podSends(pod: pod.name.name, gateway: node.bridgeIP, node: node.name))
            atNode(node, arrival: .pod)
        case .node(let node):
            hop(.node(node.name), .send, .nodeSends(node: node.name))
            atNode(node, arrival: .local)
        case .client, .outside:
            fromOutside()
        }
    }

    // MARK: - Outside the cluster

    mutating func fromOutside() {
        let name = source!.label
        let dst = packet.dst
        if let node = cluster.node(ip: dst) {
            hop(.client(name), .send, .clientSendsToNode(client: name, node: node.name))
            hop(.underlay, .route, .underlayCarries(node: node.name, ip: node.ip))
            return atNode(node, arrival: .network)
        }
        if let s = cluster.serviceByLoadBalancerIP[dst] {
            hop(.client(name), .send, .clientSendsToExternal(client: name, ip: dst, loadBalancer: true))
            return throughLoadBalancer(cluster.services[s], serviceIndex: s)
        }
        if cluster.serviceByExternalIP[dst] != nil {
            // The administrator routes external IPs to the Nodes; the first one takes it here.
            let node = cluster.nodes[0]
            hop(.client(name), .send, .clientSendsToExternal(client: name, ip: dst, loadBalancer: false))
            hop(.underlay, .route, .administratorRoute(ip: dst, node: node.name))
            return atNode(node, arrival: .network)
        }
        hop(.client(name), .send, .clientSends(client: name, destination: dst))
        if let pod = cluster.pod(ip: dst), cluster.cni != .overlay {
            let node = cluster.node(named: pod.nodeName)!
            hop(.underlay, .route, .routedPodNetwork(node: node.name))
            return atNode(node, arrival: .network)
        }
        if cluster.serviceCIDRs.contains(where: { $0.contains(dst) }) {
            return end(.noRoute, .serviceIPFromOutside(dst.description))
        }
        if cluster.podCIDR.contains(dst) {
            return end(.noRoute, .podIPFromOutside(dst.description))
        }
        end(.noRoute, .noMachineHasAddress(dst.description))
    }

    mutating func throughLoadBalancer(_ service: Service, serviceIndex: Int) {
        let lbIP = packet.dst
        guard let portIndex = service.ports.firstIndex(where: { $0.port == packet.dstPort && $0.protocol == packet.protocol }) else {
            hop(.loadBalancer(lbIP), .drop, .loadBalancerPortClosed(port: packet.dstPort))
            return end(.dropped, .loadBalancerPortMissing(port: packet.dstPort, service: service.name.description))
        }
        let port = service.ports[portIndex]
        // With externalTrafficPolicy: Local the cloud's health checks keep only Nodes with a
        // ready local endpoint: kube-proxy's health check server counts ready endpoints only,
        // so a Node whose endpoints are all terminating fails it and is drained (KEP-1669).
        let ready = cluster.backends(of: service.name, port: portIndex).filter(\.ready)
        var nodes = cluster.nodes
        var check: HealthCheck?
        if service.externalTrafficPolicy == .local {
            let local = Set(ready.compactMap(\.nodeName))
            nodes = nodes.filter { local.contains($0.name) }
            check = service.healthCheckNodePort.map { HealthCheck(port: $0, healthy: nodes.map(\.name)) }
        }
        guard !nodes.isEmpty else {
            hop(.loadBalancer(lbIP), .drop, .loadBalancerNoHealthyNode(healthCheckNodePort: service.healthCheckNodePort))
            return end(.dropped, .loadBalancerNoHealthyNode(service: service.name.description))
        }
        let node = nodes[Int(request.seed % UInt64(nodes.count))]
        switch service.loadBalancerIPMode {
        case .vip:
            hop(.loadBalancer(lbIP), .route, .loadBalancerForwards(node: node.name, ip: lbIP, healthy: check))
            atNode(node, arrival: .network)
        case .proxy:
            guard let nodePort = port.nodePort else {
                return end(.dropped, .proxyModeWithoutNodePort)
            }
            var after = packet
            after.src = lbIP
            after.dst = node.ip
            after.dstPort = nodePort
            masqueraded = true
            hop(.loadBalancer(lbIP), .proxy, to: after, .loadBalancerProxies(node: node.name, nodePort: nodePort, healthy: check))
            atNode(node, arrival: .network)
        }
    }
}
