import Speech
import Words
import Testing
@testable import NetSim

/// Pod to Service through its cluster IP, as kube-proxy in iptables mode does it
/// (kubernetes.io/docs/reference/networking/virtual-ips/: "kube-proxy in iptables mode …
/// selects a backend at random", DNAT in KUBE-SEP chains; proxier.go for the rules).
struct ClusterIPTraceTests {
    let cluster = SeedScene.cluster()

    @Test func podReachesServiceByNameThroughDNSAndDNAT() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-1")))
        #expect(trace.dns.first?.answeredName == "green.default.svc.cluster.local")
        #expect(trace.dns.first?.answers == ["10.0.0.7"])
        #expect(trace.service == ObjectName("default", "green"))
        #expect(trace.candidates.map { "\($0.pod!.name) \($0.probability)" } == ["pod-green-1 0.5", "pod-green-2 0.5"])
        #expect(!trace.masqueraded, "Pod to Service traffic keeps the Pod's source address")
        #expect(trace.hops.map(\.place.description) == [
            "CoreDNS",
            "pod default/pod-blue-1",
            "node-1 KUBE-SERVICES",
            "node-1 KUBE-SVC-\(KubeProxyChains.hash("default/greentcp"))",
            "node-1 KUBE-SEP-\(KubeProxyChains.hash("default/greentcp10.4.33.3:8282"))",
            "node node-1",
            "vxlan node-1 → node-2",
            "node node-2",
            "node node-2",
            "pod default/pod-green-1",
        ])
        #expect(trace.hops.map(\.action) == [.resolve, .send, .jump, .jump, .dnat, .encap, .route, .decap, .route, .deliver])
        #expect(trace.hops[0].ruleText == "✓ green.default.svc.cluster.local")
        #expect(trace.hops[0].before.description == "10.4.32.2:53000 → 10.0.0.10:53 udp")
    }

    @Test func dnatRewritesOnlyTheDestination() throws {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://10.0.0.7:82/", seed: 1)
        let dnat = try #require(trace.hops.first { $0.action == .dnat })
        #expect(dnat.before.description == "10.4.32.2:32769 → 10.0.0.7:82 tcp")
        #expect(dnat.after.description == "10.4.32.2:32769 → 10.4.34.2:8282 tcp")
        #expect(dnat.ruleText == "-A KUBE-SEP-\(KubeProxyChains.hash("default/greentcp10.4.34.2:8282")) -m comment --comment default/green -m tcp -p tcp -j DNAT --to-destination 10.4.34.2:8282")
        let pick = try #require(trace.hops.first { $0.ruleText?.contains("-> 10.4.34.2:8282") == true })
        #expect(pick.ruleText?.contains("--probability") == false, "the last endpoint rule has no statistic match")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-2")))
    }

    @Test func overlayEncapsulatesBetweenNodeAddresses() throws {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/")
        let encap = try #require(trace.hops.first { $0.action == .encap })
        #expect(encap.after.outer == OuterHeader(src: IPv4Address("172.10.10.1")!, dst: IPv4Address("172.10.10.2")!))
        #expect(encap.after.description.hasSuffix("[VXLAN 172.10.10.1 → 172.10.10.2 udp/8472]"))
    }

    @Test func routedCNIDoesNotEncapsulate() {
        var routed = cluster
        routed.cni = .routed
        let trace = SeedScene.trace(routed, from: "pod-blue-1", to: "http://green:82/")
        #expect(!trace.hops.contains { $0.action == .encap })
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-1")))
    }

    @Test func theReplyComesBackFromTheServiceAddress() throws {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/")
        let undo = try #require(trace.reply.first { $0.action == .conntrack })
        #expect(undo.before.description == "10.4.33.3:8282 → 10.4.32.2:32768 tcp")
        #expect(undo.after.description == "10.0.0.7:82 → 10.4.32.2:32768 tcp")
        #expect(trace.reply.last?.place == .pod(ObjectName("default", "pod-blue-1")))
    }

    @Test func theSameRequestGivesTheSameEndpointAndAnotherSeedMayNot() {
        let a = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/", seed: 4)
        let b = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/", seed: 4)
        let c = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/", seed: 5)
        #expect(a.backend == b.backend)
        #expect(a.backend != c.backend)
    }

    @Test func aDiagramsChoiceIsFollowedWhenItIsACandidate() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://green:82/", seed: 0, prefer: "10.4.34.2")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-2")))
    }

    @Test func hairpinTrafficIsMasqueraded() {
        // KUBE-SEP: "-s <endpoint IP> -j KUBE-MARK-MASQ" (proxier.go: "Handle traffic that loops back to the originator with SNAT").
        let trace = SeedScene.trace(cluster, from: "pod-green-1", to: "http://green:82/", prefer: "10.4.33.3")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-1")))
        #expect(trace.masqueraded)
        #expect(trace.hops.contains { $0.action == .snat && $0.after.src == IPv4Address("10.4.33.1") })
    }

    @Test func aServiceWithoutReadyEndpointsRejects() {
        let noneReady = SeedScene.cluster { $0.pods[2].ready = false; $0.pods[3].ready = false }
        let trace = SeedScene.trace(noneReady, from: "pod-blue-1", to: "http://green:82/")
        #expect(trace.verdict == .rejected)
        #expect(trace.hops.last?.ruleText == "-A KUBE-SERVICES -m comment --comment \"default/green has no endpoints\" -m tcp -p tcp -d 10.0.0.7 --dport 82 -j REJECT")
    }

    @Test func notReadyPodsGetNoTraffic() {
        let oneReady = SeedScene.cluster { $0.pods[2].ready = false }
        let trace = SeedScene.trace(oneReady, from: "pod-blue-1", to: "http://green:82/", seed: 0)
        #expect(trace.candidates.map(\.pod?.name) == ["pod-green-2"])
        #expect(trace.candidates.first?.probability == 1)
    }

    @Test func internalTrafficPolicyLocalWithoutALocalEndpointDrops() {
        // Service docs, internalTrafficPolicy: "If there are no node-local endpoints … kube-proxy drops the traffic".
        let local = SeedScene.cluster { $0.services[1].service.internalTrafficPolicy = .local }
        let trace = SeedScene.trace(local, from: "pod-blue-1", to: "http://green:82/")
        #expect(trace.verdict == .dropped)
        let fromNode2 = SeedScene.trace(local, from: "pod-blue-2", to: "http://green:82/")
        #expect(fromNode2.verdict == .delivered(ObjectName("default", "pod-green-1")))
        #expect(fromNode2.candidates.count == 1)
    }

    @Test func aPortTheServiceDoesNotHaveGoesNowhere() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://10.0.0.7:8282/")
        #expect(trace.verdict == .dropped)
    }

    @Test func theTargetPortMustBeListenedOn() {
        let wrong = SeedScene.cluster { $0.services[1].service.ports[0].targetPort = .number(8181) }
        let trace = SeedScene.trace(wrong, from: "pod-blue-1", to: "http://green:82/")
        #expect(trace.verdict == .rejected)
        #expect(trace.hops.last?.action == .reject)
    }

    @Test func sessionAffinityKeepsAClientOnOneEndpoint() {
        let sticky = SeedScene.cluster { $0.services[1].service.sessionAffinityClientIP = true }
        let endpoints = Set((0..<6).map { SeedScene.trace(sticky, from: "pod-blue-1", to: "http://green:82/", seed: $0).backend?.ip })
        #expect(endpoints.count == 1)
        let rule = SeedScene.trace(sticky, from: "pod-blue-1", to: "http://green:82/").hops.first { $0.ruleText?.contains("recent") == true }?.ruleText
        #expect(rule?.contains("--rcheck --seconds 10800 --reap") == true)
    }

    @Test func aPodNameIsNotADNSName() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://pod-green-2:8282/")
        #expect(trace.verdict == .nxdomain("pod-green-2"))
        #expect(trace.dns.first?.attempts.map(\.name) == [
            "pod-green-2.default.svc.cluster.local", "pod-green-2.svc.cluster.local", "pod-green-2.cluster.local", "pod-green-2",
        ])
    }

    @Test func podToPodNeedsNoKubeProxy() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://10.4.34.2:8282/")
        #expect(trace.verdict == .delivered(ObjectName("default", "pod-green-2")))
        #expect(!trace.hops.contains { if case .kubeProxy = $0.place { true } else { false } })
        #expect(trace.service == nil)
    }

    @Test func leavingTheClusterIsMasqueradedByTheNode() {
        let trace = SeedScene.trace(cluster, from: "pod-blue-1", to: "http://93.184.216.34/")
        #expect(trace.verdict == .leftCluster(IPv4Address("93.184.216.34")!))
        #expect(trace.hops.last?.after.src == IPv4Address("172.10.10.1"))
    }

    @Test func unknownSourceAndBadURLAreInvalid() {
        #expect(SeedScene.trace(cluster, from: "nobody", to: "http://green:82").verdict == .invalid)
        #expect(SeedScene.trace(cluster, from: "pod-blue-1", to: "ftp://green").verdict == .invalid)
    }

    @Test func theCoursesSpacedURLIsRead() {
        // The seed writes "1 - http:// green:82".
        #expect(RequestURL("http:// green:82") == RequestURL("http://green:82/"))
    }
}
