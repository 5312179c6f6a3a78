/// What a Node does with a packet: kube-proxy's NAT rules first, then routing.
extension Walk {
    mutating func atNode(_ node: ClusterNode, arrival: Arrival) {
        // A container's hostPort on this Node's address (CNI-HOSTPORT-DNAT in PREROUTING and
        // OUTPUT): DNAT to the Pod, the source kept (kind's ingress-nginx listens so).
        if packet.dst == node.ip, let (podIndex, port) = cluster.hostPorts[HostPortKey(node: node.name, port: packet.dstPort, protocol: packet.protocol)] {
            let pod = cluster.pods[podIndex]
            var after = packet
            after.dst = pod.ip
            after.dstPort = port.port
            natNode = node.name
            beforeNAT = packet
            let endpoint = "\(pod.ip):\(port.port)"
            let l4 = packet.protocol.lowercased
            hop(.node(node.name), .dnat, to: after,
                rule: .iptables(.hostPort(chain: "CNI-DN-" + KubeProxyChains.hash(pod.name.description).prefix(16), l4: l4, port: packet.dstPort, endpoint: endpoint)),
                .hostPortDNAT(node: node.name, port: packet.dstPort, pod: pod.name.name, endpoint: endpoint))
            return route(from: node, toPod: pod, arrival: arrival)
        }
        if let (s, p, entry) = serviceMatch(on: node) {
            return throughKubeProxy(node: node, service: s, port: p, entry: entry, arrival: arrival)
        }
        let dst = packet.dst
        if let clusterService = cluster.service(clusterIP: dst) {
            hop(.node(node.name), .drop, .serviceIPWrongPort(ip: dst, service: clusterService.name, port: packet.dstPort, protocol: packet.protocol))
            return end(.dropped, .serviceHasNoPort(service: clusterService.name.description, port: packet.dstPort))
        }
        if let pod = cluster.pod(ip: dst) { return route(from: node, toPod: pod, arrival: arrival) }
        if dst == node.ip {
            hop(.node(node.name), .deliver, .forTheNode(node: node.name))
            return end(.deliveredToNode(node.name), .deliveredToNodeItself(node: node.name, port: packet.dstPort))
        }
        if let other = cluster.node(ip: dst) {
            hop(.underlay, .route, .toOtherNode(from: node.name, to: other.name))
            return atNode(other, arrival: .network)
        }
        if cluster.podCIDR.contains(dst) {
            hop(.node(node.name), .drop, .noPodHasAddress(dst))
            return end(.noRoute, .noPodHasAddress(dst.description))
        }
        if cluster.serviceCIDRs.contains(where: { $0.contains(dst) }) {
            hop(.node(node.name), .drop, .noServiceHasAddress(dst))
            return end(.dropped, .noServiceHasAddress(dst.description))
        }
        // Leaving the cluster: the CNI masquerades Pod traffic to the Node's address.
        guard egressAllowed(to: dst, port: packet.dstPort, proto: packet.protocol) else { return }
        var after = packet
        if arrival == .pod {
            after.src = node.ip
            masqueraded = true
            natNode = node.name
            beforeNAT = packet
        }
        hop(.node(node.name), arrival == .pod ? .snat : .route, to: after,
            rule: arrival == .pod ? .iptables(.cniMasquerade(podCIDR: cluster.podCIDR)) : nil,
            .leavesCluster(destination: dst, masqueradedTo: arrival == .pod ? node.ip : nil))
        end(.leftCluster(dst), .leftCluster(dst.description))
    }

    /// The Service port a packet's destination names on this Node, if any: cluster IP,
    /// node port (only on the Node's own address: `--dst-type LOCAL`), load-balancer IP
    /// (ipMode VIP only) or external IP.
    func serviceMatch(on node: ClusterNode) -> (Int, Int, ServiceEntry)? {
        let dst = packet.dst, port = packet.dstPort, proto = packet.protocol
        func portIndex(_ s: Int, _ match: (ServicePort) -> Bool) -> Int? {
            cluster.services[s].ports.firstIndex { $0.protocol == proto && match($0) }
        }
        if let s = cluster.serviceByClusterIP[dst], let p = portIndex(s, { $0.port == port }) { return (s, p, .clusterIP) }
        if let s = cluster.serviceByExternalIP[dst], let p = portIndex(s, { $0.port == port }) { return (s, p, .externalIP) }
        if let s = cluster.serviceByLoadBalancerIP[dst], cluster.services[s].loadBalancerIPMode == .vip,
           let p = portIndex(s, { $0.port == port }) { return (s, p, .loadBalancer) }
        if dst == node.ip, let (s, p) = cluster.serviceByNodePort[port], cluster.services[s].ports[p].protocol == proto {
            return (s, p, .nodePort)
        }
        return nil
    }

    // MARK: - kube-proxy

    mutating func throughKubeProxy(node: ClusterNode, service s: Int, port p: Int, entry: ServiceEntry, arrival: Arrival) {
        let svc = cluster.services[s]
        let port = svc.ports[p]
        let name = KubeProxyChains.servicePortName(svc, port)
        let proto = port.protocol
        let hash = cluster.chainHashes[ServicePortKey(service: s, port: p)] ?? KubeProxyChains.hash(name + proto.lowercased)
        let svcChain = "KUBE-SVC-" + hash
        let svlChain = "KUBE-SVL-" + hash
        let extChain = "KUBE-EXT-" + hash
        let fwChain = "KUBE-FW-" + hash
        let l4 = proto.lowercased
        let kubeProxy = { (chain: String) in HopPlace.kubeProxy(node: node.name, chain: chain) }
        service = svc.name

        let all = cluster.backends[ServicePortKey(service: s, port: p)] ?? []
        // kube-proxy's CategorizeEndpoints (pkg/proxy/topology.go, KEP-1669): the ready
        // endpoints; when none is ready anywhere, those serving while terminating. The
        // Service is rejected only when neither exists.
        let readyOnes = all.filter(\.ready)
        let ready = readyOnes.isEmpty ? all.filter(\.isServingTerminating) : readyOnes
        // Source in the pod CIDR (kube-proxy's local-traffic detector).
        let fromPod = cluster.podCIDR.contains(packet.src)

        // No ready endpoint at all: the filter table rejects.
        guard !ready.isEmpty else {
            let chain = entry == .clusterIP ? "KUBE-SERVICES" : "KUBE-EXTERNAL-SERVICES"
            hop(kubeProxy(chain), .reject,
                rule: .iptables(.rejectNoEndpoints(chain: chain, name: name, l4: l4, destination: packet.dst, port: packet.dstPort)),
                .noReadyEndpoint(service: svc.name, notReady: all.count))
            return end(.rejected, .rejectedNoEndpoint(service: svc.name.description))
        }

        // KUBE-SERVICES, then the entry-specific chains.
        var policyLocal: Bool
        switch entry {
        case .clusterIP:
            policyLocal = svc.internalTrafficPolicy == .local
            let target = policyLocal ? svlChain : svcChain
            hop(kubeProxy("KUBE-SERVICES"), .jump,
                rule: .iptables(.clusterIP(name: name, l4: l4, destination: packet.dst, port: packet.dstPort, target: target)),
                .recognisedClusterIP(service: svc.name, ip: packet.dst, port: packet.dstPort))
            if !fromPod {
                masqueradeMark = true
                hop(kubeProxy(target), .jump,
                    rule: .iptables(.markNotFromPod(chain: target, name: name, l4: l4, destination: packet.dst, port: packet.dstPort,
                                                    podCIDR: cluster.podCIDR)),
                    .markedNotFromPod)
            }
        case .nodePort, .loadBalancer, .externalIP:
            policyLocal = svc.externalTrafficPolicy == .local
            if entry == .nodePort {
                hop(kubeProxy("KUBE-SERVICES"), .jump, rule: .iptables(.toNodePorts), .toNodePorts)
                hop(kubeProxy("KUBE-NODEPORTS"), .jump,
                    rule: .iptables(.nodePort(name: name, l4: l4, port: packet.dstPort, target: extChain)),
                    .nodePortOf(service: svc.name, port: packet.dstPort))
            } else {
                let useFirewall = entry == .loadBalancer && !svc.loadBalancerSourceRanges.isEmpty
                hop(kubeProxy("KUBE-SERVICES"), .jump,
                    rule: .iptables(.externalIP(name: name, loadBalancer: entry == .loadBalancer, l4: l4, destination: packet.dst,
                                                port: packet.dstPort, target: useFirewall ? fwChain : extChain)),
                    .recognisedExternalIP(service: svc.name, loadBalancer: entry == .loadBalancer))
                if useFirewall {
                    if let range = svc.loadBalancerSourceRanges.first(where: { $0.contains(packet.src) }) {
                        hop(kubeProxy(fwChain), .jump, rule: .iptables(.firewallAllows(chain: fwChain, name: name, range: range, target: extChain)),
                            .sourceRangeAllows(source: packet.src, range: range))
                    } else {
                        hop(kubeProxy(fwChain), .drop, rule: .iptables(.firewallDrops(chain: fwChain, name: name)),
                            .sourceRangeDenies(source: packet.src))
                        return end(.dropped, .droppedBySourceRanges)
                    }
                }
            }
            // KUBE-EXT: masquerade unless the policy keeps traffic on this Node.
            if !policyLocal {
                masqueradeMark = true
                hop(kubeProxy(extChain), .jump, rule: .iptables(.externalMasquerade(chain: extChain, name: name)), .markedClusterPolicy)
            } else if fromPod || arrival == .local {
                // Pod or Node traffic to an external destination short-circuits the Local policy.
                policyLocal = false
                if arrival == .local { masqueradeMark = true }
                hop(kubeProxy(extChain), .jump,
                    rule: .iptables(arrival == .local
                        ? .externalLocalTraffic(chain: extChain, name: name, target: svcChain)
                        : .externalPodTraffic(chain: extChain, name: name, podCIDR: cluster.podCIDR, target: svcChain)),
                    .localPolicyBypassed)
            } else {
                hop(kubeProxy(extChain), .jump, rule: .iptables(.externalToLocal(chain: extChain, target: svlChain)), .localPolicyKeepsClient)
            }
        }

        // The policy chain picks an endpoint. Local: this Node's ready endpoints, else its
        // serving terminating ones (a remote ready one does not count: the Local chain drops).
        var pool = ready
        if policyLocal {
            let localReady = all.filter { $0.ready && $0.nodeName == node.name }
            pool = localReady.isEmpty ? all.filter { $0.isServingTerminating && $0.nodeName == node.name } : localReady
        }
        let chain = policyLocal ? svlChain : svcChain
        guard !pool.isEmpty else {
            hop(kubeProxy(chain), .drop, rule: .iptables(.noLocalEndpoints(chain: chain, name: name)), .noLocalEndpoint(node: node.name))
            return end(.dropped, .droppedNoLocalEndpoint(service: svc.name.description, node: node.name))
        }
        let share = 1.0 / Double(pool.count)
        candidates = pool.map { Candidate(ip: $0.ip, port: $0.port, pod: $0.pod, node: $0.nodeName, probability: share) }
        var index: Int
        if let preferred = request.preferredBackend, let i = pool.firstIndex(where: { $0.ip == preferred }) {
            index = i
        } else if svc.sessionAffinityClientIP {
            // The `recent` module remembers the client: the same client gets the same endpoint.
            index = Int(UInt64(packet.src.value) % UInt64(pool.count))
        } else {
            index = Int(request.seed % UInt64(pool.count))
        }
        let chosen = pool[index]
        backend = candidates[index]
        let endpoint = chosen.endpointString
        let sep = KubeProxyChains.endpointChain(name, proto, endpoint)
        hop(kubeProxy(chain), .jump,
            rule: .iptables(.pick(chain: chain, name: name, endpoint: endpoint, index: index, count: pool.count,
                                  affinity: svc.sessionAffinityClientIP, target: sep)),
            .pickedEndpoint(endpoint: endpoint, among: pool.count, affinityFor: svc.sessionAffinityClientIP ? packet.src : nil))
        let hairpin = chosen.ip == packet.src
        if hairpin {
            masqueradeMark = true
        }
        var after = packet
        natNode = node.name
        beforeNAT = packet
        after.dst = chosen.ip
        after.dstPort = chosen.port
        hop(kubeProxy(sep), .dnat, to: after, rule: .iptables(.dnat(chain: sep, name: name, l4: l4, endpoint: endpoint)),
            .dnat(from: packet.dst, port: packet.dstPort, to: endpoint, hairpin: hairpin))
        // After DNAT the packet is routed by its address: an endpoint written by hand without
        // a targetRef (optional in discovery.k8s.io/v1, the docs' "Services without selectors")
        // that holds a Pod's IP still reaches that Pod.
        if let pod = chosen.pod.flatMap({ cluster.pod(named: $0) }) ?? cluster.pod(ip: chosen.ip) {
            route(from: node, toPod: pod, arrival: arrival)
        } else if let other = cluster.node(ip: chosen.ip) {
            masquerade(on: node, outgoing: node.ip)
            if other.name != node.name {
                hop(.underlay, .route, .towardsNode(other.name))
            }
            hop(.node(other.name), .deliver, .nodeProcessReceives(node: other.name, port: chosen.port))
            end(.deliveredToNode(other.name), .deliveredToNodeProcess(node: other.name, port: chosen.port))
        } else {
            end(.leftCluster(chosen.ip), .endpointOutside(endpoint: endpoint))
        }
    }

    /// POSTROUTING: MASQUERADE when the packet was marked, to the address of the
    /// interface it leaves by.
    mutating func masquerade(on node: ClusterNode, outgoing address: IPv4Address) {
        guard masqueradeMark else { return }
        masqueradeMark = false
        masqueraded = true
        var after = packet
        after.src = address
        hop(.kubeProxy(node: node.name, chain: "KUBE-POSTROUTING"), .snat, to: after, rule: .iptables(.kubeMasquerade),
            .masquerade(from: packet.src, to: address))
    }

    // MARK: - Routing to a Pod

    mutating func route(from node: ClusterNode, toPod pod: Pod, arrival: Arrival) {
        guard egressAllowed(to: pod.ip, port: packet.dstPort, proto: packet.protocol, pod: pod) else { return }
        let target = cluster.node(named: pod.nodeName)!
        if target.name == node.name {
            masquerade(on: node, outgoing: node.bridgeIP)
            hop(.node(node.name), .route, .localPod(pod: pod.name.name, ip: pod.ip))
            return deliver(to: pod)
        }
        switch cluster.cni {
        case .overlay:
            masquerade(on: node, outgoing: node.tunnelIP)
            var after = packet
            after.outer = OuterHeader(src: node.ip, dst: target.ip)
            hop(.node(node.name), .encap, to: after, .vxlanEncapsulates(podCIDR: target.podCIDR, from: node.ip, to: target.ip))
            hop(.tunnel(from: node.name, to: target.name), .route, .vxlanCarries(from: node.ip, to: target.ip))
            after = packet
            after.outer = nil
            hop(.node(target.name), .decap, to: after, .vxlanDecapsulates(node: target.name))
        case .routed:
            masquerade(on: node, outgoing: node.ip)
            hop(.node(node.name), .route, .routedCNI(podCIDR: target.podCIDR, via: target.ip, node: target.name))
        case .flat:
            masquerade(on: node, outgoing: node.ip)
            hop(.underlay, .route, .flatNetwork(node: target.name))
        }
        hop(.node(target.name), .route, .arrivesOnPodNode(node: target.name, pod: pod.name.name, ip: pod.ip))
        deliver(to: pod)
    }

    mutating func deliver(to pod: Pod) {
        guard ingressAllowed(at: pod) else { return }
        guard pod.listens(on: packet.dstPort, protocol: packet.protocol) else {
            hop(.pod(pod.name), .reject, .nothingListens(pod: pod.name.name, port: packet.dstPort, declared: pod.ports.map(\.port)))
            return end(.rejected, .refused(pod: pod.name.name, port: packet.dstPort))
        }
        if proxy == nil, let className = cluster.ingressControllerPods[pod.name], packet.protocol == .tcp {
            return throughIngress(controller: pod, className: className)
        }
        if proxy == nil, let gateway = cluster.gatewayPods[pod.name].flatMap({ name in cluster.gateways.first { $0.name == name } }),
           packet.protocol == .tcp {
            return throughGateway(dataPlane: pod, gateway: gateway)
        }
        hop(.pod(pod.name), .deliver, .podReceives(pod: pod.name.name, destination: packet.dst, port: packet.dstPort, source: packet.src))
        end(.delivered(pod.name), .delivered(pod: pod.name.name, ip: packet.dst.description, port: packet.dstPort))
        buildReply(from: pod)
    }

    /// The answer's way back: to the Node that did the NAT, where conntrack undoes it.
    mutating func buildReply(from pod: Pod) {
        guard let source else { return }
        let delivered = packet
        var current = delivered.reversed
        func add(_ place: HopPlace, _ action: HopAction, _ after: Packet, _ reason: HopReason) {
            reply.append(Hop(place: place, action: action, before: current, after: after, reason: reason))
            current = after
        }
        add(.pod(pod.name), .send, current, .podAnswers(pod: pod.name.name, destination: current.dst, port: current.dstPort))
        var natNode = self.natNode, beforeNAT = self.beforeNAT
        if let proxy {
            // The answer goes back to the proxy, which answers the client on the first connection.
            add(.pod(proxy.pod.name), .proxy, proxy.front.reversed, .proxyRelaysReply(proxy: proxy.pod.name.name))
            natNode = proxy.natNode
            beforeNAT = proxy.beforeNAT
        }
        if let natNode, let original = beforeNAT {
            if natNode != pod.nodeName {
                add(.tunnel(from: pod.nodeName, to: natNode), .route, current, .replyToTranslatingNode(natNode))
            }
            let restored = original.reversed
            add(.node(natNode), .conntrack, restored,
                .conntrackUndoes(source: restored.src, sourcePort: restored.srcPort, destination: restored.dst, destinationPort: restored.dstPort))
        }
        let place: HopPlace
        switch source {
        case .pod(let p): place = .pod(p.name)
        case .node(let n): place = .node(n.name)
        case .client(let c): place = .client(c.name)
        case .outside(let ip): place = .client(ip.description)
        }
        add(place, .deliver, current, .replyReceived(by: source.label))
    }
}
