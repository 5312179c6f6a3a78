import Speech
import Words
import Testing
@testable import NetSim

/// NetworkPolicy, from kubernetes.io/docs/concepts/services-networking/network-policies/:
/// isolation per direction, additive rules, AND inside a peer and OR between peers,
/// ipBlock with except, ports and endPort, both ends must allow, replies allowed.
struct NetworkPolicyTests {
    static func cluster(_ policies: [NetworkPolicy], namespaces: [String: [String: String]] = [:],
                        extraPods: [ClusterBuilder.PodSpec] = []) -> Cluster {
        var b = SeedScene.builder()
        b.networkPolicies = policies
        b.namespaces = namespaces
        b.pods += extraPods
        return b.build().0
    }

    func trace(_ c: Cluster, from: String, to: String) -> Trace {
        Tracer(cluster: c).trace(Request(from: from, url: to))
    }

    let denyIngress = NetworkPolicy(name: ObjectName("default", "default-deny-ingress"), policyTypes: [.ingress])

    @Test func withoutPoliciesEverythingIsAllowed() {
        let t = trace(Self.cluster([]), from: "pod-blue-1", to: "http://green:82")
        #expect(t.verdict.name == "delivered")
        #expect(!t.hops.contains { $0.action == .filter })
    }

    @Test func defaultDenyIngressDropsAndNamesThePolicy() {
        let t = trace(Self.cluster([denyIngress]), from: "pod-blue-1", to: "http://green:82")
        #expect(t.verdict == .dropped)
        #expect(t.hops.last?.ruleText == "NetworkPolicy default/default-deny-ingress (Ingress)")
    }

    /// network-policies docs: "traffic to and from the node where a Pod is running is always
    /// allowed, regardless of the IP address of the Pod or the node" (the kubelet's probes):
    /// a deny-all policy lets pod-green-1's own Node (node-2) in, not node-1 (#18).
    @Test func thePodsOwnNodeIsAlwaysAllowed() throws {
        let c = Self.cluster([denyIngress])
        let green1 = try #require(c.pod(named: ObjectName("default", "pod-green-1")))
        let fromOwnNode = trace(c, from: "node-2", to: "http://\(green1.ip):8282/")
        #expect(fromOwnNode.verdict == .delivered(green1.name), "\(fromOwnNode.verdict)")
        #expect(!fromOwnNode.hops.contains { $0.action == .drop })
        #expect(trace(c, from: "node-1", to: "http://\(green1.ip):8282/").verdict == .dropped)
    }

    /// "A pod cannot block access to itself": deny-all both ways, a Pod reaching its own
    /// address is delivered.
    @Test func aPodCannotBlockItself() throws {
        let denyAll = NetworkPolicy(name: ObjectName("default", "deny-all"), policyTypes: [.ingress, .egress])
        let c = Self.cluster([denyAll])
        let green1 = try #require(c.pod(named: ObjectName("default", "pod-green-1")))
        #expect(trace(c, from: "pod-green-1", to: "http://\(green1.ip):8282/").verdict == .delivered(green1.name))
        #expect(trace(c, from: "pod-blue-2", to: "http://\(green1.ip):8282/").verdict == .dropped)
    }

    @Test func rulesAddUpAcrossPolicies() {
        let allowBlue = NetworkPolicy(name: ObjectName("default", "allow-blue"), podSelector: LabelSelector(matchLabels: ["app": "green"]),
                                      ingress: [.init(peers: [.pods(pods: LabelSelector(matchLabels: ["app": "blue"]), namespaces: nil)])])
        let c = Self.cluster([denyIngress, allowBlue])
        let t = trace(c, from: "pod-blue-1", to: "http://green:82")
        #expect(t.verdict.name == "delivered")
        #expect(t.hops.contains { $0.action == .filter && $0.ruleText == "NetworkPolicy default/allow-blue (Ingress)" })
        // pod-blue-2 is isolated by default-deny too, and nothing lets green in.
        #expect(trace(c, from: "pod-green-1", to: "http://blue:81").verdict == .dropped)
    }

    @Test func oneElementIsANDTwoElementsAreOR() {
        // The docs' example: `- namespaceSelector: … podSelector: …` (one peer, AND) versus
        // `- namespaceSelector: …` `- podSelector: …` (two peers, OR).
        let client = ClusterBuilder.PodSpec(name: ObjectName("tools", "curl"), labels: ["role": "client"], nodeName: "node-1")
        let other = ClusterBuilder.PodSpec(name: ObjectName("tools", "other"), labels: ["role": "other"], nodeName: "node-1")
        let target = LabelSelector(matchLabels: ["app": "green"])
        let andPolicy = NetworkPolicy(name: ObjectName("default", "and"), podSelector: target, ingress: [.init(peers: [
            .pods(pods: LabelSelector(matchLabels: ["role": "client"]), namespaces: LabelSelector(matchLabels: ["user": "alice"])),
        ])])
        let orPolicy = NetworkPolicy(name: ObjectName("default", "or"), podSelector: target, ingress: [.init(peers: [
            .pods(pods: nil, namespaces: LabelSelector(matchLabels: ["user": "alice"])),
            .pods(pods: LabelSelector(matchLabels: ["role": "client"]), namespaces: nil),
        ])])
        let ns = ["tools": ["user": "alice"]]
        let and = Self.cluster([andPolicy], namespaces: ns, extraPods: [client, other])
        #expect(trace(and, from: "tools/curl", to: "http://green.default:82").verdict.name == "delivered")
        #expect(trace(and, from: "tools/other", to: "http://green.default:82").verdict == .dropped)
        let or = Self.cluster([orPolicy], namespaces: ns, extraPods: [client, other])
        #expect(trace(or, from: "tools/other", to: "http://green.default:82").verdict.name == "delivered")
        // `podSelector` alone means Pods of the policy's own namespace.
        #expect(trace(or, from: "pod-blue-1", to: "http://green:82").verdict == .dropped)
    }

    @Test func ipBlockWithExcept() {
        let policy = NetworkPolicy(name: ObjectName("default", "from-net"), podSelector: LabelSelector(matchLabels: ["app": "green"]),
                                   ingress: [.init(peers: [.ipBlock(CIDR("10.4.0.0/16")!, except: [CIDR("10.4.32.0/24")!])])])
        let c = Self.cluster([policy])
        #expect(trace(c, from: "pod-blue-1", to: "http://green:82").verdict == .dropped, "10.4.32.2 is in the except range")
        #expect(trace(c, from: "pod-blue-2", to: "http://green:82").verdict.name == "delivered")
    }

    @Test func portsAndEndPort() {
        func policy(_ port: Int, _ end: Int? = nil) -> NetworkPolicy {
            NetworkPolicy(name: ObjectName("default", "ports"), podSelector: LabelSelector(matchLabels: ["app": "green"]),
                          ingress: [.init(ports: [.init(protocol: .tcp, port: .number(port), endPort: end)])])
        }
        #expect(trace(Self.cluster([policy(8282)]), from: "pod-blue-1", to: "http://green:82").verdict.name == "delivered",
                "the policy sees the Pod's port, after DNAT")
        #expect(trace(Self.cluster([policy(82)]), from: "pod-blue-1", to: "http://green:82").verdict == .dropped)
        #expect(trace(Self.cluster([policy(8000, 9000)]), from: "pod-blue-1", to: "http://green:82").verdict.name == "delivered")
    }

    @Test func bothEndsMustAllow() {
        let denyEgress = NetworkPolicy(name: ObjectName("default", "deny-egress"), podSelector: LabelSelector(matchLabels: ["app": "blue"]),
                                       policyTypes: [.egress], egress: [.init(peers: [.pods(pods: nil, namespaces: LabelSelector(matchLabels: ["kubernetes.io/metadata.name": "kube-system"]))], ports: [.init(protocol: .udp, port: .number(53))])])
        let t = trace(Self.cluster([denyEgress]), from: "pod-blue-1", to: "http://green:82")
        #expect(t.verdict == .dropped)
        #expect(t.hops.last?.place == .node("node-1"), "dropped on the way out, before the tunnel")
        #expect(t.hops.contains { $0.action == .filter && $0.before.dstPort == 53 }, "DNS to kube-system is allowed")
    }

    @Test func repliesAreAllowed() {
        // Policies are about who opens the connection: a green Pod that may send nothing
        // still answers what it was allowed to receive.
        let greenSendsNothing = NetworkPolicy(name: ObjectName("default", "green-no-egress"),
                                              podSelector: LabelSelector(matchLabels: ["app": "green"]), policyTypes: [.egress])
        let t = trace(Self.cluster([greenSendsNothing]), from: "pod-blue-1", to: "http://green:82")
        #expect(t.verdict.name == "delivered")
        #expect(t.reply.last?.action == .deliver)
        #expect(trace(Self.cluster([greenSendsNothing]), from: "pod-green-1", to: "http://blue:81").verdict == .dropped)
    }

    @Test func anEgressPolicyWithoutDNSBreaksNames() {
        let onlyGreen = NetworkPolicy(name: ObjectName("default", "only-green"), podSelector: LabelSelector(matchLabels: ["app": "blue"]),
                                      policyTypes: [.egress], egress: [.init(peers: [.pods(pods: LabelSelector(matchLabels: ["app": "green"]), namespaces: nil)])])
        let c = Self.cluster([onlyGreen])
        let byName = trace(c, from: "pod-blue-1", to: "http://green:82")
        #expect(byName.verdict == .dropped)
        #expect(byName.summary.en.contains("does not allow UDP 53 to CoreDNS"))
        #expect(trace(c, from: "pod-blue-1", to: "http://10.0.0.7:82").verdict.name == "delivered", "by address it works")
    }

    @Test func masqueradedTrafficIsSeenFromTheNodeAddress() {
        // NodePort with externalTrafficPolicy: Cluster: the Pod sees a Node address, not the client.
        var b = SeedScene.builder(type: .nodePort)
        b.networkPolicies = [NetworkPolicy(name: ObjectName("default", "from-user"), podSelector: LabelSelector(matchLabels: ["app": "blue"]),
                                           ingress: [.init(peers: [.ipBlock(CIDR("203.0.113.0/24")!, except: [])])])]
        let c = b.build().0
        let remote = Tracer(cluster: c).trace(Request(from: "user", url: "http://172.10.10.1:30001/", preferredBackend: IPv4Address("10.4.33.2")))
        #expect(remote.verdict == .dropped)
        b.services[0].service.externalTrafficPolicy = .local
        let kept = Tracer(cluster: b.build().0).trace(Request(from: "user", url: "http://172.10.10.1:30001/"))
        #expect(kept.verdict.name == "delivered", "Local keeps the client address, which the ipBlock allows")
    }

    @Test func selectorsWithExpressions() {
        let s = LabelSelector(matchLabels: ["app": "web"], matchExpressions: [
            .init(key: "tier", op: .in, values: ["front", "edge"]), .init(key: "canary", op: .doesNotExist),
        ])
        #expect(s.matches(["app": "web", "tier": "front"]))
        #expect(!s.matches(["app": "web", "tier": "back"]))
        #expect(!s.matches(["app": "web", "tier": "edge", "canary": "yes"]))
        #expect(LabelSelector().matches([:]), "the empty selector selects everything")
    }
}
