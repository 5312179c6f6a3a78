import Speech
import Words
import Testing
@testable import NetSim

/// `kubectl port-forward` (kubernetes.io, "Use Port Forwarding to Access Applications in a
/// Cluster"): through the API server and the kubelet to one Pod, with no load balancing.
struct PortForwardTests {
    let cluster = SeedScene.cluster()

    @Test func aPodThroughTheAPIServerAndTheKubelet() {
        let t = Tracer(cluster: cluster).portForward(from: "user", target: "pod/pod-green-2", port: 8282)
        #expect(t.verdict == .delivered(ObjectName("default", "pod-green-2")))
        #expect(t.hops.map(\.place) == [.client("user"), .node("node-1"), .node("node-3"), .pod(ObjectName("default", "pod-green-2"))])
        #expect(t.hops[0].after.dstPort == 6443)
        #expect(t.hops[1].after.dstPort == 10250)
        #expect(t.hops[2].after.src == IPv4Address("127.0.0.1"))
        #expect(!t.hops.contains { if case .kubeProxy = $0.place { true } else { false } })
    }

    @Test func aServicePicksOnePodAndMapsThePort() {
        let runs = (0..<5).map { Tracer(cluster: cluster).portForward(from: "user", target: "svc/green", port: 82, seed: $0) }
        #expect(runs.allSatisfy { $0.verdict == .delivered(ObjectName("default", "pod-green-1")) }, "always the first ready Pod, whatever the seed")
        #expect(runs[0].candidates.map(\.port) == [8282])
        #expect(runs[0].candidates.count == 1)
    }

    @Test func aClosedPortIsRefused() {
        let t = Tracer(cluster: cluster).portForward(from: "user", target: "pod-green-2", port: 9999)
        #expect(t.verdict == .rejected)
    }

    @Test func policiesDoNotApply() {
        var b = SeedScene.builder()
        b.networkPolicies = [NetworkPolicy(name: ObjectName("default", "deny"))]
        let t = Tracer(cluster: b.build().0).portForward(from: "user", target: "pod/pod-green-2", port: 8282)
        #expect(t.verdict == .delivered(ObjectName("default", "pod-green-2")))
    }
}
