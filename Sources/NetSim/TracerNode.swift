/// What a Node does with a packet: kube-proxy's NAT rules first, then routing.
extension Walk {
    mutating func atNode(_ node: ClusterNode, arrival: Arrival) {
        if let (s, p, entry) = serviceMatch(on: node) {
            return throughKubeProxy(node: node, service: s, port: p, entry: entry, arrival: arrival)
        }
        let dst = packet.dst
        if let clusterService = cluster.service(clusterIP: dst) {
            let sent = packet
            hop(.node(node.name), .drop,
                fr: "\(dst) est l'IP du Service \(clusterService.name), mais aucun de ses ports n'est \(sent.dstPort)/\(sent.protocol.lowercased) : aucune règle ne prend le paquet, qui se perd.",
                en: "\(dst) is Service \(clusterService.name)'s IP, but none of its ports is \(sent.dstPort)/\(sent.protocol.lowercased): no rule takes the packet, which is lost.")
            return end(.dropped, fr: "Le Service \(clusterService.name) n'a pas de port \(packet.dstPort).", en: "Service \(clusterService.name) has no port \(packet.dstPort).")
        }
        if let pod = cluster.pod(ip: dst) { return route(from: node, toPod: pod, arrival: arrival) }
        if dst == node.ip {
            hop(.node(node.name), .deliver, fr: "Le paquet est pour le Node \(node.name) lui-même : un processus du Node le reçoit.",
                en: "The packet is for Node \(node.name) itself: a process on the Node receives it.")
            return end(.deliveredToNode(node.name), fr: "Remis au Node \(node.name) (aucun Service n'écoute le port \(packet.dstPort) de ce Node).",
                       en: "Delivered to Node \(node.name) (no Service listens on this Node's port \(packet.dstPort)).")
        }
        if let other = cluster.node(ip: dst) {
            hop(.underlay, .route, fr: "\(node.name) envoie le paquet au Node \(other.name) par le réseau des Nodes.",
                en: "\(node.name) sends the packet to Node \(other.name) over the Nodes' network.")
            return atNode(other, arrival: .network)
        }
        if cluster.podCIDR.contains(dst) {
            hop(.node(node.name), .drop, fr: "\(dst) est dans le CIDR des Pods mais aucun Pod n'a cette adresse.",
                en: "\(dst) is in the pod CIDR but no Pod has this address.")
            return end(.noRoute, fr: "Aucun Pod n'a l'adresse \(dst).", en: "No Pod has the address \(dst).")
        }
        if cluster.serviceCIDRs.contains(where: { $0.contains(dst) }) {
            hop(.node(node.name), .drop, fr: "\(dst) est dans le CIDR des Services mais aucun Service n'a cette adresse.",
                en: "\(dst) is in the service CIDR but no Service has this address.")
            return end(.dropped, fr: "Aucun Service n'a l'adresse \(dst).", en: "No Service has the address \(dst).")
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
        let podCIDR = cluster.podCIDR
        hop(.node(node.name), arrival == .pod ? .snat : .route, to: after,
            rule: arrival == .pod ? "-A POSTROUTING -s \(podCIDR) ! -d \(podCIDR) -j MASQUERADE" : nil,
            fr: "\(dst) est hors du cluster : le paquet sort par l'interface du Node\(arrival == .pod ? ", l'adresse du Pod remplacée par celle du Node \(node.ip) (MASQUERADE du CNI)" : "").",
            en: "\(dst) is outside the cluster: the packet leaves through the Node's interface\(arrival == .pod ? ", the Pod's address replaced by the Node's \(node.ip) (the CNI's MASQUERADE)" : "").")
        end(.leftCluster(dst), fr: "Le paquet quitte le cluster vers \(dst).", en: "The packet leaves the cluster for \(dst).")
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
        let ready = all.filter(\.ready)
        // Source in the pod CIDR (kube-proxy's local-traffic detector).
        let fromPod = cluster.podCIDR.contains(packet.src)

        // No ready endpoint at all: the filter table rejects.
        guard !ready.isEmpty else {
            let where_ = entry == .clusterIP ? "KUBE-SERVICES" : "KUBE-EXTERNAL-SERVICES"
            let sent = packet
            hop(kubeProxy(where_), .reject,
                rule: "-A \(where_) -m comment --comment \"\(name) has no endpoints\" -m \(l4) -p \(l4) -d \(sent.dst) --dport \(sent.dstPort) -j REJECT",
                fr: "Le Service \(svc.name) n'a aucun endpoint prêt\(all.isEmpty ? "" : " (\(all.count) Pod(s) pas prêt(s))") : kube-proxy rejette le paquet (ICMP port unreachable).",
                en: "Service \(svc.name) has no ready endpoint\(all.isEmpty ? "" : " (\(all.count) Pod(s) not ready)"): kube-proxy rejects the packet (ICMP port unreachable).")
            return end(.rejected, fr: "Rejeté : \(svc.name) n'a aucun endpoint prêt.", en: "Rejected: \(svc.name) has no ready endpoint.")
        }

        // KUBE-SERVICES, then the entry-specific chains.
        var policyLocal: Bool
        switch entry {
        case .clusterIP:
            policyLocal = svc.internalTrafficPolicy == .local
            let sent = packet, isLocal = policyLocal
            hop(kubeProxy("KUBE-SERVICES"), .jump,
                rule: "-A KUBE-SERVICES -m comment --comment \"\(name) cluster IP\" -m \(l4) -p \(l4) -d \(sent.dst) --dport \(sent.dstPort) -j \(isLocal ? svlChain : svcChain)",
                fr: "kube-proxy reconnaît l'IP virtuelle du Service \(svc.name) (\(sent.dst):\(sent.dstPort)).",
                en: "kube-proxy recognises Service \(svc.name)'s virtual IP (\(sent.dst):\(sent.dstPort)).")
            if !fromPod {
                masqueradeMark = true
                let sent = packet, podCIDR = cluster.podCIDR, isLocal = policyLocal
                hop(kubeProxy(isLocal ? svlChain : svcChain), .jump,
                    rule: "-A \(isLocal ? svlChain : svcChain) -m comment --comment \"\(name) cluster IP\" -m \(l4) -p \(l4) -d \(sent.dst) --dport \(sent.dstPort) ! -s \(podCIDR) -j KUBE-MARK-MASQ",
                    fr: "La source n'est pas un Pod : le paquet est marqué pour être masqueradé (il pourrait changer de Node).",
                    en: "The source is not a Pod: the packet is marked for masquerading (it may cross Nodes).")
            }
        case .nodePort, .loadBalancer, .externalIP:
            policyLocal = svc.externalTrafficPolicy == .local
            if entry == .nodePort {
                hop(kubeProxy("KUBE-SERVICES"), .jump,
                    rule: "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
                    fr: "Aucune IP de Service ne correspond ; l'adresse est celle du Node : direction KUBE-NODEPORTS.",
                    en: "No Service IP matches; the address is the Node's own: on to KUBE-NODEPORTS.")
                let sent = packet
                hop(kubeProxy("KUBE-NODEPORTS"), .jump,
                    rule: "-A KUBE-NODEPORTS -m comment --comment \(name) -m \(l4) -p \(l4) --dport \(sent.dstPort) -j \(extChain)",
                    fr: "Le port \(sent.dstPort) est le nodePort du Service \(svc.name) (ouvert sur tous les Nodes).",
                    en: "Port \(sent.dstPort) is Service \(svc.name)'s nodePort (open on every Node).")
            } else {
                let useFirewall = entry == .loadBalancer && !svc.loadBalancerSourceRanges.isEmpty
                let what = entry == .loadBalancer ? "loadbalancer IP" : "external IP"
                let sent = packet
                hop(kubeProxy("KUBE-SERVICES"), .jump,
                    rule: "-A KUBE-SERVICES -m comment --comment \"\(name) \(what)\" -m \(l4) -p \(l4) -d \(sent.dst) --dport \(sent.dstPort) -j \(useFirewall ? fwChain : extChain)",
                    fr: "kube-proxy reconnaît l'IP \(entry == .loadBalancer ? "du load balancer" : "externe") du Service \(svc.name).",
                    en: "kube-proxy recognises Service \(svc.name)'s \(entry == .loadBalancer ? "load-balancer" : "external") IP.")
                if useFirewall {
                    let allowed = svc.loadBalancerSourceRanges.first { $0.contains(packet.src) }
                    if let range = allowed {
                        let sent = packet
                        hop(kubeProxy(fwChain), .jump,
                            rule: "-A \(fwChain) -m comment --comment \"\(name) loadbalancer IP\" -s \(range) -j \(extChain)",
                            fr: "La source \(sent.src) est dans loadBalancerSourceRanges (\(range)) : autorisée.",
                            en: "Source \(sent.src) is in loadBalancerSourceRanges (\(range)): allowed.")
                    } else {
                        let sent = packet
                        hop(kubeProxy(fwChain), .drop,
                            rule: "-A \(fwChain) -m comment --comment \"\(name) loadbalancer IP\" -j KUBE-MARK-DROP",
                            fr: "La source \(sent.src) n'est dans aucune plage de loadBalancerSourceRanges : le paquet est jeté.",
                            en: "Source \(sent.src) is in none of loadBalancerSourceRanges: the packet is dropped.")
                        return end(.dropped, fr: "Jeté par le pare-feu du load balancer (loadBalancerSourceRanges).",
                                   en: "Dropped by the load balancer firewall (loadBalancerSourceRanges).")
                    }
                }
            }
            // KUBE-EXT: masquerade unless the policy keeps traffic on this Node.
            if !policyLocal {
                masqueradeMark = true
                hop(kubeProxy(extChain), .jump,
                    rule: "-A \(extChain) -m comment --comment \"masquerade traffic for \(name) external destinations\" -j KUBE-MARK-MASQ",
                    fr: "externalTrafficPolicy: Cluster : le paquet est marqué pour être masqueradé, car l'endpoint peut être sur un autre Node.",
                    en: "externalTrafficPolicy: Cluster: the packet is marked for masquerading, since the endpoint may be on another Node.")
            } else if fromPod || arrival == .local {
                // Pod or Node traffic to an external destination short-circuits the Local policy.
                policyLocal = false
                if arrival == .local { masqueradeMark = true }
                let podCIDR = cluster.podCIDR
                hop(kubeProxy(extChain), .jump,
                    rule: arrival == .local
                        ? "-A \(extChain) -m comment --comment \"route LOCAL traffic for \(name) external destinations\" -m addrtype --src-type LOCAL -j \(svcChain)"
                        : "-A \(extChain) -m comment --comment \"pod traffic for \(name) external destinations\" -s \(podCIDR) -j \(svcChain)",
                    fr: "Trafic parti du cluster vers une destination externe : la politique Local ne s'applique pas, tous les endpoints sont possibles.",
                    en: "Traffic from inside the cluster to an external destination: the Local policy does not apply, every endpoint may answer.")
            } else {
                hop(kubeProxy(extChain), .jump,
                    rule: "-A \(extChain) -j \(svlChain)",
                    fr: "externalTrafficPolicy: Local : seuls les endpoints de ce Node, et l'IP du client est conservée.",
                    en: "externalTrafficPolicy: Local: only this Node's endpoints, and the client's IP is kept.")
            }
        }

        // The policy chain picks an endpoint.
        let pool = policyLocal ? ready.filter { $0.nodeName == node.name } : ready
        let chain = policyLocal ? svlChain : svcChain
        guard !pool.isEmpty else {
            hop(kubeProxy(chain), .drop,
                rule: "-A \(chain) -m comment --comment \"\(name) has no local endpoints\" -j KUBE-MARK-DROP",
                fr: "Politique Local et aucun endpoint prêt sur \(node.name) : le paquet est jeté.",
                en: "Local policy and no ready endpoint on \(node.name): the packet is dropped.")
            return end(.dropped, fr: "Jeté : \(svc.name) n'a aucun endpoint prêt sur \(node.name) (politique Local).",
                       en: "Dropped: \(svc.name) has no ready endpoint on \(node.name) (Local policy).")
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
        let sep = KubeProxyChains.endpointChain(name, proto, chosen.endpointString)
        let statistic = index == pool.count - 1 ? "" : " -m statistic --mode random --probability \(KubeProxyChains.probability(index: index, count: pool.count))"
        let affinity = svc.sessionAffinityClientIP ? " -m recent --name \(sep) --rcheck --seconds 10800 --reap" : ""
        let sent = packet
        hop(kubeProxy(chain), .jump,
            rule: "-A \(chain) -m comment --comment \"\(name) -> \(chosen.endpointString)\"\(affinity.isEmpty ? statistic : affinity) -j \(sep)",
            fr: svc.sessionAffinityClientIP
                ? "sessionAffinity: ClientIP : le client \(sent.src) retrouve toujours le même endpoint, \(chosen.endpointString)."
                : "kube-proxy tire un endpoint au hasard parmi \(pool.count) (chacun 1/\(pool.count)) : \(chosen.endpointString).",
            en: svc.sessionAffinityClientIP
                ? "sessionAffinity: ClientIP: client \(sent.src) always gets the same endpoint, \(chosen.endpointString)."
                : "kube-proxy picks an endpoint at random among \(pool.count) (each 1/\(pool.count)): \(chosen.endpointString).")
        if chosen.ip == packet.src {
            masqueradeMark = true
        }
        var after = packet
        natNode = node.name
        beforeNAT = packet
        after.dst = chosen.ip
        after.dstPort = chosen.port
        hop(kubeProxy(sep), .dnat, to: after,
            rule: "-A \(sep) -m comment --comment \(name) -m \(l4) -p \(l4) -j DNAT --to-destination \(chosen.endpointString)",
            fr: "DNAT : la destination \(sent.dst):\(sent.dstPort) devient \(chosen.endpointString)\(chosen.ip == sent.src ? " ; le Pod se joint lui-même (hairpin), il sera masqueradé" : "") ; conntrack s'en souvient pour la réponse.",
            en: "DNAT: destination \(sent.dst):\(sent.dstPort) becomes \(chosen.endpointString)\(chosen.ip == sent.src ? "; the Pod reaches itself (hairpin), it will be masqueraded" : ""); conntrack remembers it for the reply.")
        if let pod = chosen.pod.flatMap({ cluster.pod(named: $0) }) {
            route(from: node, toPod: pod, arrival: arrival)
        } else if let other = cluster.node(ip: chosen.ip) {
            masquerade(on: node, outgoing: node.ip)
            if other.name != node.name {
                hop(.underlay, .route, fr: "Vers le Node \(other.name).", en: "To Node \(other.name).")
            }
            hop(.node(other.name), .deliver, fr: "Le processus du Node \(other.name) qui écoute \(chosen.port) reçoit la connexion.",
                en: "The process of Node \(other.name) listening on \(chosen.port) receives the connection.")
            end(.deliveredToNode(other.name), fr: "Remis à \(other.name):\(chosen.port).", en: "Delivered to \(other.name):\(chosen.port).")
        } else {
            end(.leftCluster(chosen.ip), fr: "L'endpoint \(chosen.endpointString) est hors du cluster.", en: "Endpoint \(chosen.endpointString) is outside the cluster.")
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
        let sent = packet
        hop(.kubeProxy(node: node.name, chain: "KUBE-POSTROUTING"), .snat, to: after,
            rule: "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully",
            fr: "MASQUERADE : la source \(sent.src) devient \(address), l'adresse de l'interface de sortie ; le Pod ne verra pas l'IP du client.",
            en: "MASQUERADE: source \(sent.src) becomes \(address), the outgoing interface's address; the Pod will not see the client's IP.")
    }

    // MARK: - Routing to a Pod

    mutating func route(from node: ClusterNode, toPod pod: Pod, arrival: Arrival) {
        guard egressAllowed(to: pod.ip, port: packet.dstPort, proto: packet.protocol, pod: pod) else { return }
        let target = cluster.node(named: pod.nodeName)!
        if target.name == node.name {
            masquerade(on: node, outgoing: node.bridgeIP)
            hop(.node(node.name), .route,
                fr: "\(pod.ip) est un Pod de ce Node : le paquet passe le pont cni0 puis la veth de \(pod.name.name).",
                en: "\(pod.ip) is a Pod of this Node: the packet crosses bridge cni0, then \(pod.name.name)'s veth.")
            return deliver(to: pod)
        }
        switch cluster.cni {
        case .overlay:
            masquerade(on: node, outgoing: node.tunnelIP)
            var after = packet
            after.outer = OuterHeader(src: node.ip, dst: target.ip)
            hop(.node(node.name), .encap, to: after,
                fr: "Route \(target.podCIDR) via flannel.1 : le paquet est encapsulé dans VXLAN (UDP 8472) de \(node.ip) vers \(target.ip).",
                en: "Route \(target.podCIDR) via flannel.1: the packet is wrapped in VXLAN (UDP 8472) from \(node.ip) to \(target.ip).")
            hop(.tunnel(from: node.name, to: target.name), .route,
                fr: "Le réseau des Nodes ne voit qu'un paquet UDP de \(node.ip) à \(target.ip).",
                en: "The Nodes' network sees only a UDP packet from \(node.ip) to \(target.ip).")
            after = packet
            after.outer = nil
            hop(.node(target.name), .decap, to: after,
                fr: "\(target.name) décapsule le paquet VXLAN et retrouve le paquet du Pod.",
                en: "\(target.name) unwraps the VXLAN packet and finds the Pod's packet.")
        case .routed:
            masquerade(on: node, outgoing: node.ip)
            hop(.node(node.name), .route,
                fr: "Route \(target.podCIDR) via \(target.ip) : le paquet part tel quel vers \(target.name) (CNI routé, pas d'encapsulation).",
                en: "Route \(target.podCIDR) via \(target.ip): the packet goes as it is to \(target.name) (routed CNI, no encapsulation).")
        case .flat:
            masquerade(on: node, outgoing: node.ip)
            hop(.underlay, .route, fr: "Réseau plat : le paquet rejoint directement \(target.name).",
                en: "Flat network: the packet goes straight to \(target.name).")
        }
        hop(.node(target.name), .route,
            fr: "Sur \(target.name), \(pod.ip) est un Pod local : pont cni0 puis veth de \(pod.name.name).",
            en: "On \(target.name), \(pod.ip) is a local Pod: bridge cni0, then \(pod.name.name)'s veth.")
        deliver(to: pod)
    }

    mutating func deliver(to pod: Pod) {
        guard ingressAllowed(at: pod) else { return }
        guard pod.listens(on: packet.dstPort, protocol: packet.protocol) else {
            let open = pod.ports.map { "\($0.port)" }.joined(separator: ", ")
            let sent = packet
            hop(.pod(pod.name), .reject,
                fr: "Rien n'écoute le port \(sent.dstPort) dans \(pod.name.name) (ports déclarés : \(open)) : le noyau répond RST.",
                en: "Nothing listens on port \(sent.dstPort) in \(pod.name.name) (declared ports: \(open)): the kernel answers RST.")
            return end(.rejected, fr: "Refusé : \(pod.name.name) n'écoute pas le port \(packet.dstPort).",
                       en: "Refused: \(pod.name.name) does not listen on port \(packet.dstPort).")
        }
        if proxy == nil, let className = cluster.ingressControllerPods[pod.name], packet.protocol == .tcp {
            return throughIngress(controller: pod, className: className)
        }
        if proxy == nil, let gateway = cluster.gatewayPods[pod.name].flatMap({ name in cluster.gateways.first { $0.name == name } }),
           packet.protocol == .tcp {
            return throughGateway(dataPlane: pod, gateway: gateway)
        }
        let sent = packet
        hop(.pod(pod.name), .deliver,
            fr: "\(pod.name.name) reçoit le paquet sur \(sent.dst):\(sent.dstPort), de \(sent.src).",
            en: "\(pod.name.name) receives the packet on \(sent.dst):\(sent.dstPort), from \(sent.src).")
        end(.delivered(pod.name), fr: "Remis à \(pod.name.name) (\(packet.dst):\(packet.dstPort)).",
            en: "Delivered to \(pod.name.name) (\(packet.dst):\(packet.dstPort)).")
        buildReply(from: pod)
    }

    /// The answer's way back: to the Node that did the NAT, where conntrack undoes it.
    mutating func buildReply(from pod: Pod) {
        guard let source else { return }
        let delivered = packet
        var current = delivered.reversed
        func add(_ place: HopPlace, _ action: HopAction, _ after: Packet,
                 _ fr: @autoclosure @escaping @Sendable () -> String, _ en: @autoclosure @escaping @Sendable () -> String) {
            reply.append(Hop(place: place, action: action, before: current, after: after, rule: { nil }, fr: fr, en: en))
            current = after
        }
        let answered = current
        add(.pod(pod.name), .send, current,
            "\(pod.name.name) répond à \(answered.dst):\(answered.dstPort).", "\(pod.name.name) answers \(answered.dst):\(answered.dstPort).")
        var natNode = self.natNode, beforeNAT = self.beforeNAT
        if let proxy {
            // The answer goes back to the proxy, which answers the client on the first connection.
            add(.pod(proxy.pod.name), .proxy, proxy.front.reversed,
                "\(proxy.pod.name.name) reçoit la réponse et la renvoie au client sur la première connexion.",
                "\(proxy.pod.name.name) receives the answer and sends it to the client over the first connection.")
            natNode = proxy.natNode
            beforeNAT = proxy.beforeNAT
        }
        if let natNode, let original = beforeNAT {
            if natNode != pod.nodeName {
                add(.tunnel(from: pod.nodeName, to: natNode), .route, current,
                    "La réponse revient au Node \(natNode), qui a fait la traduction.", "The reply goes back to Node \(natNode), which did the translation.")
            }
            let restored = original.reversed
            add(.node(natNode), .conntrack, restored,
                "conntrack défait la traduction : la réponse vient de \(restored.src):\(restored.srcPort) et va à \(restored.dst):\(restored.dstPort).",
                "conntrack undoes the translation: the reply comes from \(restored.src):\(restored.srcPort) and goes to \(restored.dst):\(restored.dstPort).")
        }
        let place: HopPlace
        switch source {
        case .pod(let p): place = .pod(p.name)
        case .node(let n): place = .node(n.name)
        case .client(let c): place = .client(c.name)
        case .outside(let ip): place = .client(ip.description)
        }
        add(place, .deliver, current, "\(source.label) reçoit la réponse.", "\(source.label) receives the reply.")
    }
}
