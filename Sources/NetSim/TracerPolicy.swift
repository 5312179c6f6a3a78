/// NetworkPolicy checks along the path: the sender's egress once the destination is known
/// (after kube-proxy's DNAT, as the CNI sees it), the receiver's ingress on arrival, with
/// the source address the packet has then (after any SNAT).
extension Walk {
    /// The Pod that opened the connection now travelling (the proxy for a second leg).
    var senderPod: Pod? {
        if let proxy { return proxy.pod }
        if case .pod(let p)? = source { return p }
        return nil
    }

    /// CoreDNS as policies see it: Pods `k8s-app=kube-dns` in `kube-system`.
    var coreDNS: Pod {
        Pod(name: ObjectName("kube-system", "coredns"), labels: ["k8s-app": "kube-dns"], nodeName: cluster.nodes[0].name,
            ip: cluster.dnsServiceIP, ports: [ContainerPort(name: "dns", port: 53, protocol: .udp), ContainerPort(name: "dns-tcp", port: 53)])
    }

    func peer(_ ip: IPv4Address, pod: Pod? = nil) -> PolicyPeer {
        let p = pod ?? cluster.pod(ip: ip)
        return PolicyPeer(ip: ip, pod: p, namespaceLabels: p.map { cluster.labels(ofNamespace: $0.name.namespace) } ?? [:])
    }

    /// Checks the sender's egress; false (with the drop recorded) when it is denied.
    mutating func egressAllowed(to ip: IPv4Address, port: Int, proto: TransportProtocol, pod target: Pod? = nil) -> Bool {
        guard !cluster.networkPolicies.isEmpty, !egressChecked, let sender = senderPod else { return true }
        egressChecked = true
        if Self.alwaysAllowed(pod: sender, other: ip, cluster: cluster) { return true }
        let decision = PolicyEngine.decide(.egress, at: sender, peer: peer(ip, pod: target), port: port, protocol: proto,
                                           policies: cluster.networkPolicies)
        return record(decision, direction: .egress, at: sender, other: target?.name.description ?? ip.description, port: port, proto: proto)
    }

    /// Checks the receiver's ingress; false (with the drop recorded) when it is denied.
    mutating func ingressAllowed(at pod: Pod) -> Bool {
        guard !cluster.networkPolicies.isEmpty else { return true }
        if Self.alwaysAllowed(pod: pod, other: packet.src, cluster: cluster) { return true }
        let decision = PolicyEngine.decide(.ingress, at: pod, peer: peer(packet.src), port: packet.dstPort,
                                           protocol: packet.protocol, policies: cluster.networkPolicies)
        let from = cluster.pod(ip: packet.src)?.name.description ?? packet.src.description
        return record(decision, direction: .ingress, at: pod, other: from, port: packet.dstPort, proto: packet.protocol)
    }

    /// What no NetworkPolicy can block (kubernetes.io/docs/concepts/services-networking/network-policies):
    /// "traffic to and from the node where a Pod is running is always allowed, regardless of
    /// the IP address of the Pod or the node" (the kubelet's probes come from there), and "a
    /// pod cannot block access to itself".
    static func alwaysAllowed(pod: Pod, other ip: IPv4Address, cluster: Cluster) -> Bool {
        ip == pod.ip || cluster.node(named: pod.nodeName)?.ip == ip
    }

    mutating func record(_ decision: PolicyDecision, direction: NetworkPolicy.Direction, at pod: Pod, other: String,
                         port: Int, proto: TransportProtocol) -> Bool {
        guard decision.isolated else { return true }
        let place: HopPlace = direction == .egress ? .node(pod.nodeName) : .pod(pod.name)
        let flow = direction == .egress ? "\(pod.name.name) → \(other):\(port)/\(proto.lowercased)" : "\(other) → \(pod.name.name):\(port)/\(proto.lowercased)"
        if let by = decision.allowedBy {
            hop(place, .filter, rule: .networkPolicy([by], direction),
                .policyAllows(pod: pod.name.name, direction: direction, isolatedBy: decision.isolatedBy, allowedBy: by, flow: flow))
            return true
        }
        hop(place, .drop, rule: .networkPolicy(decision.isolatedBy, direction),
            .policyDrops(pod: pod.name.name, direction: direction, isolatedBy: decision.isolatedBy, flow: flow))
        end(.dropped, .droppedByPolicy(pod: pod.name.name, egress: direction == .egress))
        return false
    }
}
