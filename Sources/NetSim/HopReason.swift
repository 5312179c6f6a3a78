@_exported import Facts

/// Why a hop happened: one case per distinct situation of the walk, with the values that
/// situation names. The engine states facts; `Words` turns each case into a sentence in
/// the reader's language (an exhaustive switch per language, so no case goes unsaid).
public enum HopReason: Sendable, Equatable {
    // MARK: Start
    /// The Pod's resolver asked CoreDNS: what it answered.
    case resolved(DNSReason)
    /// A Pod sends: default route via its Node's bridge, across the veth pair.
    case podSends(pod: String, gateway: IPv4Address, node: String)
    /// A process on a Node sends (OUTPUT chain).
    case nodeSends(node: String)

    // MARK: Outside the cluster
    case clientSendsToNode(client: String, node: String)
    case underlayCarries(node: String, ip: IPv4Address)
    /// A client sends to a load balancer's address (`loadBalancer`) or to an externalIP.
    case clientSendsToExternal(client: String, ip: IPv4Address, loadBalancer: Bool)
    case administratorRoute(ip: IPv4Address, node: String)
    case clientSends(client: String, destination: IPv4Address)
    case routedPodNetwork(node: String)
    case loadBalancerPortClosed(port: Int)
    /// `healthCheckNodePort`: the port the checks go to (externalTrafficPolicy Local).
    case loadBalancerNoHealthyNode(healthCheckNodePort: Int?)
    /// ipMode VIP: forwarded unchanged. `healthy`: the Nodes that pass the health check
    /// (externalTrafficPolicy Local), nil when every Node takes traffic.
    case loadBalancerForwards(node: String, ip: IPv4Address, healthy: HealthCheck?)
    /// ipMode Proxy: the load balancer opens its own connection to a node port.
    case loadBalancerProxies(node: String, nodePort: Int, healthy: HealthCheck?)

    // MARK: A Node
    case serviceIPWrongPort(ip: IPv4Address, service: ObjectName, port: Int, protocol: TransportProtocol)
    case forTheNode(node: String)
    /// The Node's port is a container's hostPort: the CNI portmap plugin DNATs it to the Pod,
    /// the client's address kept.
    case hostPortDNAT(node: String, port: Int, pod: String, endpoint: String)
    case toOtherNode(from: String, to: String)
    case noPodHasAddress(IPv4Address)
    case noServiceHasAddress(IPv4Address)
    /// Out of the cluster, masqueraded to the Node's address when sent by a Pod.
    case leavesCluster(destination: IPv4Address, masqueradedTo: IPv4Address?)

    // MARK: kube-proxy
    case noReadyEndpoint(service: ObjectName, notReady: Int)
    case recognisedClusterIP(service: ObjectName, ip: IPv4Address, port: Int)
    case markedNotFromPod
    case toNodePorts
    case nodePortOf(service: ObjectName, port: Int)
    /// The load balancer's address (`loadBalancer`) or an externalIP of the Service.
    case recognisedExternalIP(service: ObjectName, loadBalancer: Bool)
    case sourceRangeAllows(source: IPv4Address, range: CIDR)
    case sourceRangeDenies(source: IPv4Address)
    case markedClusterPolicy
    case localPolicyBypassed
    case localPolicyKeepsClient
    case noLocalEndpoint(node: String)
    /// kube-proxy's pick: at random among `among`, or the client's endpoint (sessionAffinity).
    case pickedEndpoint(endpoint: String, among: Int, affinityFor: IPv4Address?)
    case dnat(from: IPv4Address, port: Int, to: String, hairpin: Bool)
    case towardsNode(String)
    case nodeProcessReceives(node: String, port: Int)
    case masquerade(from: IPv4Address, to: IPv4Address)

    // MARK: Routing to a Pod
    case localPod(pod: String, ip: IPv4Address)
    case vxlanEncapsulates(podCIDR: CIDR, from: IPv4Address, to: IPv4Address)
    case vxlanCarries(from: IPv4Address, to: IPv4Address)
    case vxlanDecapsulates(node: String)
    case routedCNI(podCIDR: CIDR, via: IPv4Address, node: String)
    case flatNetwork(node: String)
    case arrivesOnPodNode(node: String, pod: String, ip: IPv4Address)
    case nothingListens(pod: String, port: Int, declared: [Int])
    case podReceives(pod: String, destination: IPv4Address, port: Int, source: IPv4Address)

    // MARK: The reply
    case podAnswers(pod: String, destination: IPv4Address, port: Int)
    case proxyRelaysReply(proxy: String)
    case replyToTranslatingNode(String)
    case conntrackUndoes(source: IPv4Address, sourcePort: Int, destination: IPv4Address, destinationPort: Int)
    case replyReceived(by: String)

    // MARK: NetworkPolicy
    /// `flow` is who talks to whom, as `a → b:port/proto`.
    case policyAllows(pod: String, direction: NetworkPolicy.Direction, isolatedBy: [ObjectName], allowedBy: ObjectName, flow: String)
    case policyDrops(pod: String, direction: NetworkPolicy.Direction, isolatedBy: [ObjectName], flow: String)

    // MARK: Ingress and Gateway API
    case ingressNoRule(className: String, host: String, path: String, tls: TLSFact?)
    case ingressServiceMissing(service: String)
    case ingressNoEndpoint(backend: String)
    indirect case ingressProxies(host: String, path: String, decision: IngressDecision, endpoint: String, service: String, tls: TLSFact?)
    case gatewayNoListener(gateway: ObjectName, host: String, port: Int)
    case gatewayNoRoute(listener: String, method: String, host: String, path: String)
    case gatewayNoValidBackend
    case gatewayBackendEmpty(backend: String)
    /// The backend drawn cannot be used: its share of the requests gets 500.
    case gatewayBackendInvalid(backend: String, problem: BackendRefProblem)
    /// A RequestRedirect filter: the data plane answers `status` with `location` itself.
    case gatewayRedirects(route: String, status: Int, location: String)
    /// ingress-nginx answers 308 to HTTPS for a host with TLS (`forced`: the
    /// force-ssl-redirect annotation, without TLS).
    case ingressRedirects(ingress: String, host: String, location: String, forced: Bool)
    indirect case gatewayProxies(GatewayChoice)

    // MARK: kubectl port-forward
    case kubectlOpensStream(apiServer: IPv4Address)
    case apiServerRelays(node: String)
    case kubeletConnects(pod: String, port: Int)
    /// The port-forward's answer, carried back by the kubelet over its stream to the API server.
    case kubeletRelaysReply(node: String)
    case portForwardRefused(pod: String, port: Int)
    case portForwardDelivered(pod: String, port: Int)
}

/// A cloud load balancer's health checks for externalTrafficPolicy Local: kube-proxy answers
/// `GET /healthz` on the Service's healthCheckNodePort with 200 only on Nodes with a ready
/// local endpoint (KEP-1669: it fails where there are only terminating ones).
public struct HealthCheck: Sendable, Equatable {
    public var port: Int
    public var healthy: [String]
}

/// What a Gateway's data plane chose for a request.
public struct GatewayChoice: Sendable, Equatable {
    public var gateway: String
    public var listener: String
    public var route: String
    public var match: HTTPRoute.Match
    public var backend: String
    /// The backend's share of the traffic, in percent.
    public var percent: Int
    public var endpoint: String
    public var tls: TLSFact?
    /// What a URLRewrite filter made of the Host and the path, as the backend receives them.
    public var rewrittenHost: String? = nil
    public var rewrittenPath: String? = nil
}

/// Why a backendRef cannot be used (HTTPRoute status ResolvedRefs=False).
public enum BackendRefProblem: Sendable, Equatable {
    /// In another namespace, and no ReferenceGrant there allows it (RefNotPermitted).
    case notPermitted(namespace: String)
    /// No such Service (BackendNotFound).
    case noService
    /// The Service has no such port.
    case noPort(Int)
}

/// Where TLS ends at an L7 proxy, or why it cannot.
public enum TLSFact: Sendable, Equatable {
    /// The Ingress's Secret covers the host (issued by cert-manager when `issued` is set).
    case ingressSecret(ObjectName, issued: CertificateReason?)
    case ingressNoSecret(host: String)
    case listenerCertificates(listener: String, secrets: [ObjectName])
    case listenerCertificateMissing(listener: String)
    /// The Secret is in another namespace and no ReferenceGrant there allows it (RefNotPermitted).
    case listenerCertificateNotPermitted(listener: String, secret: ObjectName)
}


extension Trace {
    /// The trace with its Nodes called as a drawing calls them (`n2` → `Node 2`): places,
    /// reasons and candidates, for a person to read beside the drawing.
    public func renamingNodes(_ titles: [String: String]) -> Trace {
        guard !titles.isEmpty else { return self }
        var copy = self
        func rename(_ hop: Hop) -> Hop {
            var h = hop
            h.place = hop.place.renamingNodes(titles)
            h.reason = hop.reason.renamingNodes(titles)
            return h
        }
        copy.hops = hops.map(rename)
        copy.reply = reply.map(rename)
        copy.candidates = candidates.map { c in var c = c; c.node = c.node.map { titles[$0] ?? $0 }; return c }
        copy.backend = backend.map { c in var c = c; c.node = c.node.map { titles[$0] ?? $0 }; return c }
        return copy
    }
}

extension HopPlace {
    /// The place with its Nodes called as a drawing calls them (`n1` → `Node 1`): the engine
    /// names a diagram's Nodes by their ids, the student reads their titles.
    public func renamingNodes(_ titles: [String: String]) -> HopPlace {
        guard !titles.isEmpty else { return self }
        func name(_ n: String) -> String { titles[n] ?? n }
        switch self {
        case .node(let n): return .node(name(n))
        case .kubeProxy(let n, let chain): return .kubeProxy(node: name(n), chain: chain)
        case .tunnel(let a, let b): return .tunnel(from: name(a), to: name(b))
        default: return self
        }
    }
}

extension HopReason {
    /// The reason with its Nodes called as a drawing calls them (`n2` → `Node 2`), as
    /// `HopPlace.renamingNodes` does for the place: the inspector's sentence then names the
    /// Node the student sees.
    public func renamingNodes(_ titles: [String: String]) -> HopReason {
        guard !titles.isEmpty else { return self }
        func n(_ name: String) -> String { titles[name] ?? name }
        switch self {
        case .podSends(let pod, let gateway, let node): return .podSends(pod: pod, gateway: gateway, node: n(node))
        case .nodeSends(let node): return .nodeSends(node: n(node))
        case .clientSendsToNode(let client, let node): return .clientSendsToNode(client: client, node: n(node))
        case .underlayCarries(let node, let ip): return .underlayCarries(node: n(node), ip: ip)
        case .administratorRoute(let ip, let node): return .administratorRoute(ip: ip, node: n(node))
        case .routedPodNetwork(let node): return .routedPodNetwork(node: n(node))
        case .loadBalancerForwards(let node, let ip, let check):
            return .loadBalancerForwards(node: n(node), ip: ip, healthy: check.map { HealthCheck(port: $0.port, healthy: $0.healthy.map(n)) })
        case .loadBalancerProxies(let node, let port, let check):
            return .loadBalancerProxies(node: n(node), nodePort: port, healthy: check.map { HealthCheck(port: $0.port, healthy: $0.healthy.map(n)) })
        case .forTheNode(let node): return .forTheNode(node: n(node))
        case .hostPortDNAT(let node, let port, let pod, let endpoint): return .hostPortDNAT(node: n(node), port: port, pod: pod, endpoint: endpoint)
        case .toOtherNode(let from, let to): return .toOtherNode(from: n(from), to: n(to))
        case .noLocalEndpoint(let node): return .noLocalEndpoint(node: n(node))
        case .towardsNode(let node): return .towardsNode(n(node))
        case .nodeProcessReceives(let node, let port): return .nodeProcessReceives(node: n(node), port: port)
        case .vxlanDecapsulates(let node): return .vxlanDecapsulates(node: n(node))
        case .routedCNI(let cidr, let via, let node): return .routedCNI(podCIDR: cidr, via: via, node: n(node))
        case .flatNetwork(let node): return .flatNetwork(node: n(node))
        case .arrivesOnPodNode(let node, let pod, let ip): return .arrivesOnPodNode(node: n(node), pod: pod, ip: ip)
        case .replyToTranslatingNode(let node): return .replyToTranslatingNode(n(node))
        case .apiServerRelays(let node): return .apiServerRelays(node: n(node))
        case .kubeletRelaysReply(let node): return .kubeletRelaysReply(node: n(node))
        default: return self
        }
    }

    /// The objects whose rules decided this hop, by kind and `namespace/name`: the
    /// NetworkPolicies that isolate a Pod (or the one that lets the packet through), the
    /// Ingress whose rule the controller applied, the HTTPRoute a Gateway followed.
    public var decidingObjects: [(kind: String, name: String)] {
        switch self {
        case .policyDrops(_, _, let isolatedBy, _): return isolatedBy.map { ("NetworkPolicy", $0.description) }
        case .policyAllows(_, _, _, let allowedBy, _): return [("NetworkPolicy", allowedBy.description)]
        case .ingressProxies(_, _, let decision, _, _, _): return [("Ingress", decision.ingress.description)]
        case .gatewayProxies(let choice): return [("HTTPRoute", choice.route)]
        default: return []
        }
    }
}
