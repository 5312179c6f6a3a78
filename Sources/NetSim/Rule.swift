/// The rule that decided a hop, as a fact. iptables rules are written by the engine
/// itself (`IptablesRule.text`: kube-proxy's syntax and its own comments, not prose); the
/// L7 rules are shown by `Words` in the reader's language, as `kubectl describe` would.
public enum Rule: Sendable, Equatable {
    case iptables(IptablesRule)
    case ingress(IngressDecision)
    case httpRoute(route: ObjectName, rule: Int, match: HTTPRoute.Match, backends: [HTTPRoute.BackendRef])
    case networkPolicy([ObjectName], NetworkPolicy.Direction)
    /// The names the resolver tried, each found or not.
    case dnsTries([DNSLookup.Attempt])
    case kubectlPortForward(target: String, port: Int)
    case apiPortForward(pod: ObjectName)
}

/// One iptables rule of kube-proxy (proxier.go) or of the CNI, by its parts; `text` writes
/// it as `iptables-save` shows it. Only the hops shown pay for the text.
public enum IptablesRule: Sendable, Equatable {
    case rejectNoEndpoints(chain: String, name: String, l4: String, destination: IPv4Address, port: Int)
    case clusterIP(name: String, l4: String, destination: IPv4Address, port: Int, target: String)
    case markNotFromPod(chain: String, name: String, l4: String, destination: IPv4Address, port: Int, podCIDR: CIDR)
    case toNodePorts
    case nodePort(name: String, l4: String, port: Int, target: String)
    case externalIP(name: String, loadBalancer: Bool, l4: String, destination: IPv4Address, port: Int, target: String)
    case firewallAllows(chain: String, name: String, range: CIDR, target: String)
    case firewallDrops(chain: String, name: String)
    case externalMasquerade(chain: String, name: String)
    case externalLocalTraffic(chain: String, name: String, target: String)
    case externalPodTraffic(chain: String, name: String, podCIDR: CIDR, target: String)
    case externalToLocal(chain: String, target: String)
    case noLocalEndpoints(chain: String, name: String)
    case pick(chain: String, name: String, endpoint: String, index: Int, count: Int, affinity: Bool, target: String)
    case dnat(chain: String, name: String, l4: String, endpoint: String)
    case kubeMasquerade
    case cniMasquerade(podCIDR: CIDR)
    /// The CNI portmap plugin's DNAT of a container's hostPort (containernetworking/plugins,
    /// portmap: a `CNI-DN-…` chain per container, jumped to from CNI-HOSTPORT-DNAT).
    case hostPort(chain: String, l4: String, port: Int, endpoint: String)

    public var text: String {
        switch self {
        case .rejectNoEndpoints(let chain, let name, let l4, let dst, let port):
            return "-A \(chain) -m comment --comment \"\(name) has no endpoints\" -m \(l4) -p \(l4) -d \(dst) --dport \(port) -j REJECT"
        case .clusterIP(let name, let l4, let dst, let port, let target):
            return "-A KUBE-SERVICES -m comment --comment \"\(name) cluster IP\" -m \(l4) -p \(l4) -d \(dst) --dport \(port) -j \(target)"
        case .markNotFromPod(let chain, let name, let l4, let dst, let port, let podCIDR):
            return "-A \(chain) -m comment --comment \"\(name) cluster IP\" -m \(l4) -p \(l4) -d \(dst) --dport \(port) ! -s \(podCIDR) -j KUBE-MARK-MASQ"
        case .toNodePorts:
            return "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS"
        case .nodePort(let name, let l4, let port, let target):
            return "-A KUBE-NODEPORTS -m comment --comment \(name) -m \(l4) -p \(l4) --dport \(port) -j \(target)"
        case .externalIP(let name, let loadBalancer, let l4, let dst, let port, let target):
            return "-A KUBE-SERVICES -m comment --comment \"\(name) \(loadBalancer ? "loadbalancer IP" : "external IP")\" -m \(l4) -p \(l4) -d \(dst) --dport \(port) -j \(target)"
        case .firewallAllows(let chain, let name, let range, let target):
            return "-A \(chain) -m comment --comment \"\(name) loadbalancer IP\" -s \(range) -j \(target)"
        case .firewallDrops(let chain, let name):
            return "-A \(chain) -m comment --comment \"\(name) loadbalancer IP\" -j KUBE-MARK-DROP"
        case .externalMasquerade(let chain, let name):
            return "-A \(chain) -m comment --comment \"masquerade traffic for \(name) external destinations\" -j KUBE-MARK-MASQ"
        case .externalLocalTraffic(let chain, let name, let target):
            return "-A \(chain) -m comment --comment \"route LOCAL traffic for \(name) external destinations\" -m addrtype --src-type LOCAL -j \(target)"
        case .externalPodTraffic(let chain, let name, let podCIDR, let target):
            return "-A \(chain) -m comment --comment \"pod traffic for \(name) external destinations\" -s \(podCIDR) -j \(target)"
        case .externalToLocal(let chain, let target):
            return "-A \(chain) -j \(target)"
        case .noLocalEndpoints(let chain, let name):
            return "-A \(chain) -m comment --comment \"\(name) has no local endpoints\" -j KUBE-MARK-DROP"
        case .pick(let chain, let name, let endpoint, let index, let count, let affinity, let target):
            let match = affinity
                ? " -m recent --name \(target) --rcheck --seconds 10800 --reap"
                : index == count - 1 ? "" : " -m statistic --mode random --probability \(KubeProxyChains.probability(index: index, count: count))"
            return "-A \(chain) -m comment --comment \"\(name) -> \(endpoint)\"\(match) -j \(target)"
        case .dnat(let chain, let name, let l4, let endpoint):
            return "-A \(chain) -m comment --comment \(name) -m \(l4) -p \(l4) -j DNAT --to-destination \(endpoint)"
        case .kubeMasquerade:
            return "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully"
        case .cniMasquerade(let podCIDR):
            return "-A POSTROUTING -s \(podCIDR) ! -d \(podCIDR) -j MASQUERADE"
        case .hostPort(let chain, let l4, let port, let endpoint):
            return "-A \(chain) -p \(l4) -m \(l4) --dport \(port) -j DNAT --to-destination \(endpoint)"
        }
    }
}
