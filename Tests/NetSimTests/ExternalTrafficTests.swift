import Speech
import Words
import Testing
@testable import NetSim

/// NodePort and LoadBalancer traffic from outside (Service docs, "Traffic policies" and
/// "Source IP" tutorial: with externalTrafficPolicy Cluster the client address is
/// masqueraded; with Local it is kept and Nodes without a local endpoint drop).
struct ExternalTrafficTests {
    let nodePort = SeedScene.cluster(type: .nodePort)

    @Test func nodePortFromOutsideIsMasqueradedWithClusterPolicy() throws {
        let trace = SeedScene.trace(nodePort, from: "user", to: "http://172.10.10.1:30001/", prefer: "10.4.33.2")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-blue-2")))
        #expect(trace.masqueraded)
        let chain = KubeProxyChains.hash("default/bluetcp")
        #expect(trace.hops.compactMap(\.ruleText).prefix(3) == [
            "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS",
            "-A KUBE-NODEPORTS -m comment --comment default/blue -m tcp -p tcp --dport 30001 -j KUBE-EXT-\(chain)",
            "-A KUBE-EXT-\(chain) -m comment --comment \"masquerade traffic for default/blue external destinations\" -j KUBE-MARK-MASQ",
        ])
        // The endpoint is on node-2: the source becomes node-1's VXLAN address (flannel.1).
        let snat = try #require(trace.hops.first { $0.action == .snat })
        #expect(snat.after.src == IPv4Address("10.4.32.0"))
        #expect(trace.hops.last?.before.src == IPv4Address("10.4.32.0"))
    }

    @Test func nodePortWorksOnEveryNode() {
        // "every node proxies that port" even without a local endpoint (Cluster policy).
        let trace = SeedScene.trace(nodePort, from: "user", to: "http://172.10.10.3:30001/")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-blue-1")) || trace.verdict == .delivered(ObjectName("default", "pod-blue-2")))
    }

    @Test func localPolicyKeepsTheClientAddressAndDropsWithoutLocalEndpoint() {
        let local = SeedScene.cluster(type: .nodePort) { $0.services[0].service.externalTrafficPolicy = .local }
        let kept = SeedScene.trace(local, from: "user", to: "http://172.10.10.1:30001/")
        #expect(kept.verdict == .delivered(ObjectName("default", "pod-blue-1")))
        #expect(!kept.masqueraded)
        #expect(kept.hops.last?.before.src == IPv4Address("203.0.113.10"))
        let dropped = SeedScene.trace(local, from: "user", to: "http://172.10.10.3:30001/")
        #expect(dropped.verdict == .dropped)
        #expect(dropped.hops.last?.ruleText?.hasSuffix("has no local endpoints\" -j KUBE-MARK-DROP") == true)
    }

    @Test func aNodePortIsNotOnTheClusterIP() {
        let trace = SeedScene.trace(nodePort, from: "pod-blue-1", to: "http://10.0.0.5:30001/")
        #expect(trace.verdict == .dropped)
    }

    @Test func theClusterIPIsNotReachableFromOutside() {
        let trace = SeedScene.trace(nodePort, from: "user", to: "http://10.0.0.5:81/")
        #expect(trace.verdict == .noRoute)
    }

    @Test func aWrongNodeAddressReachesNothing() {
        // The seed's NodePort diagram writes 127.10.10.1 for Node 1.
        let trace = SeedScene.trace(nodePort, from: "user", to: "http://127.10.10.1:30001/")
        #expect(trace.verdict == .noRoute)
    }

    @Test func theNodesOwnPortWithoutServiceIsTheNodes() {
        let trace = SeedScene.trace(nodePort, from: "user", to: "http://172.10.10.1:22/")
        #expect(trace.verdict == .deliveredToNode("node-1"))
    }

    @Test func loadBalancerVIPIsCaughtByKubeProxyOnTheNode() throws {
        let lb = SeedScene.cluster(type: .loadBalancer)
        let service = try #require(lb.service(named: ObjectName("default", "green")))
        let ip = try #require(service.loadBalancerIPs.first)
        #expect(ip == IPv4Address("198.51.100.11"))
        let trace = SeedScene.trace(lb, from: "user", to: "http://\(ip):82/")
        #expect(trace.hops.contains { $0.place == .loadBalancer(ip) })
        #expect(trace.hops.contains { $0.ruleText?.contains("\"default/green loadbalancer IP\"") == true })
        #expect(trace.masqueraded)
        #expect({ if case .delivered = trace.verdict { true } else { false } }())
    }

    @Test func loadBalancerSourceRangesDropOthers() throws {
        let lb = SeedScene.cluster(type: .loadBalancer) { $0.services[1].service.loadBalancerSourceRanges = [CIDR("192.0.2.0/24")!] }
        let ip = try #require(lb.service(named: ObjectName("default", "green"))?.loadBalancerIPs.first)
        let trace = SeedScene.trace(lb, from: "user", to: "http://\(ip):82/")
        #expect(trace.verdict == .dropped)
        #expect(trace.hops.last?.place == .kubeProxy(node: trace.hops.last.map { if case .kubeProxy(let n, _) = $0.place { n } else { "" } } ?? "", chain: KubeProxyChains.firewallChain("default/green", .tcp)))
    }

    @Test func loadBalancerProxyModeLosesTheClientAddress() throws {
        let lb = SeedScene.cluster(type: .loadBalancer) { $0.services[1].service.loadBalancerIPMode = .proxy }
        let ip = try #require(lb.service(named: ObjectName("default", "green"))?.loadBalancerIPs.first)
        let trace = SeedScene.trace(lb, from: "user", to: "http://\(ip):82/")
        #expect(trace.masqueraded)
        let proxy = try #require(trace.hops.first { $0.action == .proxy })
        #expect(proxy.after.dstPort == 30002)
    }

    @Test func aLocalPolicyLoadBalancerOnlySendsToNodesWithEndpoints() throws {
        let lb = SeedScene.cluster(type: .loadBalancer) { $0.services[1].service.externalTrafficPolicy = .local }
        let ip = try #require(lb.service(named: ObjectName("default", "green"))?.loadBalancerIPs.first)
        for seed in 0..<4 as Range<UInt64> {
            let trace = SeedScene.trace(lb, from: "user", to: "http://\(ip):82/", seed: seed)
            #expect({ if case .delivered = trace.verdict { true } else { false } }())
            #expect(!trace.masqueraded)
        }
    }

    /// KEP-1669: "kube-proxy's node port health check should fail if there are only
    /// Terminating endpoints, regardless of their readiness", so the load balancer drains a
    /// Node whose only endpoint is being deleted; the API server gives the Service a
    /// healthCheckNodePort from the node port range (Service docs, "Traffic policies").
    @Test func aNodeWithOnlyATerminatingEndpointFailsTheHealthCheck() throws {
        // green: pod-green-1 on node-2 is terminating (still serving), pod-green-2 on node-3 ready.
        let lb = SeedScene.cluster(type: .loadBalancer) {
            $0.services[1].service.externalTrafficPolicy = .local
            $0.pods[2].terminating = true
        }
        let green = try #require(lb.service(named: ObjectName("default", "green")))
        let port = try #require(green.healthCheckNodePort)
        #expect((30000...32767).contains(port) && ![30001, 30002].contains(port))
        let ip = try #require(green.loadBalancerIPs.first)
        for seed in 0..<6 as Range<UInt64> {
            let trace = SeedScene.trace(lb, from: "user", to: "http://\(ip):82/", seed: seed)
            #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-2")))
            #expect(trace.hops[1].explanation.en.hasSuffix("Its health checks (GET :\(port)/healthz, answered by kube-proxy) pass only on Nodes with a ready local endpoint: node-3."))
        }
        // Every endpoint terminating: no Node passes, the load balancer has nowhere to send.
        let draining = SeedScene.cluster(type: .loadBalancer) {
            $0.services[1].service.externalTrafficPolicy = .local
            $0.services[1].service.healthCheckNodePort = 32100
            $0.pods[2].terminating = true
            $0.pods[3].terminating = true
        }
        let t = SeedScene.trace(draining, from: "user", to: "http://\(ip):82/")
        #expect(t.verdict == .dropped)
        #expect(t.hops.last?.explanation.fr == "Aucun Node ne passe le contrôle de santé du load balancer (GET :32100/healthz) : aucun n'a d'endpoint prêt.")
        #expect(draining.service(named: ObjectName("default", "green"))?.healthCheckNodePort == 32100, "a dumped healthCheckNodePort is kept")
    }
}
