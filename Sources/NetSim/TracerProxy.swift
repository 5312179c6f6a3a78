/// What Ingress controllers and Gateway data planes share: reading the Host, and opening
/// their own connection to the backend Pod they chose.
extension Walk {
    /// The host an L7 proxy routes on: the Host header, else the URL's host, without a port
    /// (`shop.example.com:8080` is routed as `shop.example.com`, as nginx picks its server
    /// and as Gateway API conformance HTTPRouteHostnameIntersection asks).
    func httpHost(_ url: RequestURL) -> String {
        GatewayRouter.hostWithoutPort((request.headers.first { $0.key.lowercased() == "host" }?.value ?? url.host).lowercased())
    }

    /// The proxy opens a second connection, from its own address to `chosen`; the first
    /// connection's NAT is kept for the reply. The hop is recorded, then the new packet is
    /// routed like any other Pod traffic.
    mutating func proxyConnection(from proxyPod: Pod, to chosen: Backend, rule: Rule, _ reason: HopReason) {
        masqueraded = true
        proxy = (proxyPod, packet, natNode, beforeNAT)
        egressChecked = false
        natNode = nil
        beforeNAT = nil
        let after = Packet(src: proxyPod.ip, srcPort: 32768 + Int((request.seed &+ 7919) % 28232), dst: chosen.ip,
                           dstPort: chosen.port, protocol: .tcp)
        hop(.pod(proxyPod.name), .proxy, to: after, rule: rule, reason)
        guard let pod = chosen.pod.flatMap({ cluster.pod(named: $0) }) ?? cluster.pod(ip: chosen.ip),
              let node = cluster.node(named: proxyPod.nodeName) else {
            return end(.leftCluster(chosen.ip), .endpointOutside(endpoint: chosen.endpointString))
        }
        route(from: node, toPod: pod, arrival: .pod)
    }
}
