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
    var summary = Localized(fr: "", en: "")
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

    /// Adds a hop. Its words are autoclosures: they are written only if someone reads them,
    /// from values captured now. They cannot read the walk's state, which moves on (the
    /// compiler refuses it): callers copy the packet first, `let sent = packet`.
    mutating func hop(_ place: HopPlace, _ action: HopAction, to after: Packet? = nil,
                      rule: @autoclosure @escaping @Sendable () -> String? = nil,
                      fr: @autoclosure @escaping @Sendable () -> String, en: @autoclosure @escaping @Sendable () -> String) {
        let before = packet
        if let after { packet = after }
        hops.append(Hop(place: place, action: action, before: before, after: packet, rule: rule, fr: fr, en: en))
    }

    mutating func end(_ verdict: Verdict, fr: String, en: String) {
        self.verdict = verdict
        summary = Localized(fr: fr, en: en)
    }

    func result() -> Trace {
        Trace(request: request, verdict: verdict, summary: summary, hops: hops, reply: reply, dns: dns,
              candidates: candidates, masqueraded: masqueraded, service: service, backend: backend)
    }

    // MARK: - Start

    mutating func run() {
        guard let source = cluster.source(request.from) else {
            return end(.invalid, fr: "Source inconnue : \(request.from) n'est ni un Pod, ni un Node, ni un client, ni une adresse IP.",
                       en: "Unknown source: \(request.from) is no Pod, Node, client or IP address.")
        }
        self.source = source
        guard let url = RequestURL(request.url) else {
            return end(.invalid, fr: "URL illisible : \(request.url).", en: "Unreadable URL: \(request.url).")
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
                    return end(.dropped,
                               fr: "La requête DNS pour \(url.host) ne sort pas : la politique de sortie de \(pod.name.name) n'autorise pas UDP 53 vers CoreDNS. Le nom ne se résout pas (délai dépassé).",
                               en: "The DNS query for \(url.host) cannot leave: \(pod.name.name)'s egress policy does not allow UDP 53 to CoreDNS. The name does not resolve (timeout).")
                }
            }
            let lookup = DNSResolver(cluster: cluster).lookup(url.host, type: .A, from: pod, seed: request.seed)
            dns.append(lookup)
            if let pod {
                // The question itself: UDP from the Pod to the cluster DNS Service.
                let query = Packet(src: pod.ip, srcPort: 53000 + Int(request.seed % 1000), dst: cluster.dnsServiceIP, dstPort: 53, protocol: .udp)
                hops.append(Hop(place: .dns, action: .resolve, before: query, after: query.reversed,
                                rule: lookup.attempts.map { "\($0.found ? "✓" : "✗") \($0.name)" }.joined(separator: "  "),
                                explanation: lookup.explanation))
            }
            if let cname = lookup.cname {
                return end(.externalName(cname),
                           fr: "\(url.host) est un alias (Service ExternalName) : le DNS répond CNAME \(cname), un hôte hors du cluster ; kube-proxy n'intervient pas.",
                           en: "\(url.host) is an alias (ExternalName Service): DNS answers CNAME \(cname), a host outside the cluster; kube-proxy plays no part.")
            }
            guard let first = lookup.answers.first, let ip = IPv4Address(first) else {
                return end(.nxdomain(url.host), fr: lookup.explanation.fr, en: lookup.explanation.en)
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
            hop(.pod(pod.name), .send,
                fr: "Le paquet quitte \(pod.name.name) par eth0 : route par défaut via \(node.bridgeIP) (le pont cni0 du Node \(node.name)), à travers la paire veth.",
                en: "The packet leaves \(pod.name.name) through eth0: default route via \(node.bridgeIP) (bridge cni0 on Node \(node.name)), across the veth pair.")
            atNode(node, arrival: .pod)
        case .node(let node):
            hop(.node(node.name), .send,
                fr: "Un processus du Node \(node.name) envoie le paquet (chaîne OUTPUT).",
                en: "A process on Node \(node.name) sends the packet (OUTPUT chain).")
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
            hop(.client(name), .send, fr: "\(name) envoie le paquet vers le Node \(node.name).", en: "\(name) sends the packet to Node \(node.name).")
            hop(.underlay, .route, fr: "Le réseau des Nodes l'achemine jusqu'à \(node.name) (\(node.ip)).", en: "The Nodes' network carries it to \(node.name) (\(node.ip)).")
            return atNode(node, arrival: .network)
        }
        if let s = cluster.serviceByLoadBalancerIP[dst] {
            hop(.client(name), .send, fr: "\(name) envoie le paquet à l'IP externe \(dst).", en: "\(name) sends the packet to the external IP \(dst).")
            return throughLoadBalancer(cluster.services[s], serviceIndex: s)
        }
        if cluster.serviceByExternalIP[dst] != nil {
            // The administrator routes external IPs to the Nodes; the first one takes it here.
            let node = cluster.nodes[0]
            hop(.client(name), .send, fr: "\(name) envoie le paquet à l'externalIP \(dst).", en: "\(name) sends the packet to the externalIP \(dst).")
            hop(.underlay, .route, fr: "Une route posée par l'administrateur mène \(dst) au Node \(node.name).",
                en: "A route set by the administrator leads \(dst) to Node \(node.name).")
            return atNode(node, arrival: .network)
        }
        hop(.client(name), .send, fr: "\(name) envoie le paquet vers \(dst).", en: "\(name) sends the packet to \(dst).")
        if let pod = cluster.pod(ip: dst), cluster.cni != .overlay {
            let node = cluster.node(named: pod.nodeName)!
            hop(.underlay, .route, fr: "Le réseau connaît la route du CIDR des Pods de \(node.name) (CNI routé).",
                en: "The network has a route to \(node.name)'s pod CIDR (routed CNI).")
            return atNode(node, arrival: .network)
        }
        if cluster.serviceCIDRs.contains(where: { $0.contains(dst) }) {
            return end(.noRoute, fr: "\(dst) est une IP de Service : virtuelle, elle n'existe que dans les règles de kube-proxy des Nodes. Hors du cluster, aucune route n'y mène.",
                       en: "\(dst) is a Service IP: virtual, it exists only in the Nodes' kube-proxy rules. Outside the cluster no route leads to it.")
        }
        if cluster.podCIDR.contains(dst) {
            return end(.noRoute, fr: "\(dst) est une IP de Pod : le réseau overlay la cache, aucune route n'y mène depuis l'extérieur.",
                       en: "\(dst) is a Pod IP: the overlay network hides it; no route leads to it from outside.")
        }
        end(.noRoute, fr: "Aucune machine de la scène n'a l'adresse \(dst).", en: "No machine of the scene has the address \(dst).")
    }

    mutating func throughLoadBalancer(_ service: Service, serviceIndex: Int) {
        let lbIP = packet.dst
        guard let portIndex = service.ports.firstIndex(where: { $0.port == packet.dstPort && $0.protocol == packet.protocol }) else {
            let sent = packet
            hop(.loadBalancer(lbIP), .drop, fr: "Le load balancer n'écoute pas le port \(sent.dstPort).", en: "The load balancer does not listen on port \(sent.dstPort).")
            return end(.dropped, fr: "Port \(packet.dstPort) absent du Service \(service.name).", en: "Port \(packet.dstPort) is not a port of Service \(service.name).")
        }
        let port = service.ports[portIndex]
        // With externalTrafficPolicy: Local the cloud's health checks keep only Nodes with a ready local endpoint.
        let ready = cluster.backends(of: service.name, port: portIndex).filter(\.ready)
        var nodes = cluster.nodes
        if service.externalTrafficPolicy == .local {
            let local = Set(ready.compactMap(\.nodeName))
            nodes = nodes.filter { local.contains($0.name) }
        }
        guard !nodes.isEmpty else {
            hop(.loadBalancer(lbIP), .drop, fr: "Aucun Node ne passe le contrôle de santé du load balancer (aucun endpoint prêt).",
                en: "No Node passes the load balancer's health check (no ready endpoint).")
            return end(.dropped, fr: "Le load balancer n'a aucun Node sain pour \(service.name).", en: "The load balancer has no healthy Node for \(service.name).")
        }
        let node = nodes[Int(request.seed % UInt64(nodes.count))]
        switch service.loadBalancerIPMode {
        case .vip:
            hop(.loadBalancer(lbIP), .route,
                fr: "Le load balancer transmet le paquet à \(node.name) sans le modifier : il porte toujours l'IP \(lbIP) (ipMode VIP).",
                en: "The load balancer forwards the packet to \(node.name) unchanged: it still carries \(lbIP) (ipMode VIP).")
            atNode(node, arrival: .network)
        case .proxy:
            guard let nodePort = port.nodePort else {
                return end(.dropped, fr: "ipMode Proxy sans nodePort : le load balancer n'a rien où envoyer.", en: "ipMode Proxy without a nodePort: the load balancer has nowhere to send.")
            }
            var after = packet
            after.src = lbIP
            after.dst = node.ip
            after.dstPort = nodePort
            masqueraded = true
            hop(.loadBalancer(lbIP), .proxy, to: after,
                fr: "Le load balancer termine la connexion et en ouvre une vers \(node.name):\(nodePort) (ipMode Proxy) : l'IP du client est perdue.",
                en: "The load balancer ends the connection and opens one to \(node.name):\(nodePort) (ipMode Proxy): the client's IP is lost.")
            atNode(node, arrival: .network)
        }
    }
}
