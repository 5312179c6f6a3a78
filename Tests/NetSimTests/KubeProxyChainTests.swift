import Speech
import Words
import Testing
@testable import NetSim

/// Chain names as kube-proxy computes them (pkg/proxy/iptables/proxier.go, portProtoHash),
/// checked against kube-proxy's own tests (proxier_test.go) and a real cluster's
/// `iptables-save`.
struct KubeProxyChainTests {
    @Test func serviceChainMatchesProxierTest() {
        #expect(KubeProxyChains.serviceChain("ns1/svc1:p80", .tcp) == "KUBE-SVC-XPGD46QRK7WJZT7O")
        #expect(KubeProxyChains.localChain("ns1/svc1:p80", .tcp) == "KUBE-SVL-XPGD46QRK7WJZT7O")
        #expect(KubeProxyChains.externalChain("ns1/svc1:p80", .tcp) == "KUBE-EXT-XPGD46QRK7WJZT7O")
    }

    @Test func endpointChainMatchesProxierTest() {
        #expect(KubeProxyChains.endpointChain("ns1/svc1:p80", .tcp, "10.180.0.1:80") == "KUBE-SEP-SXIVWICOYRO3J4NJ")
    }

    @Test func namesSeenOnARealCluster() {
        #expect(KubeProxyChains.serviceChain("default/kubernetes:https", .tcp) == "KUBE-SVC-NPX46M4PTMTKRN6Y")
        #expect(KubeProxyChains.serviceChain("kube-system/kube-dns:dns", .udp) == "KUBE-SVC-TCOU7JCQXEZGVUNU")
        #expect(KubeProxyChains.serviceChain("kube-system/kube-dns:dns-tcp", .tcp) == "KUBE-SVC-ERIFXISQEP7F7OF4")
    }

    @Test func anUnnamedPortHasNoColon() {
        let service = Service(name: ObjectName("default", "green"), ports: [ServicePort(port: 82)])
        #expect(KubeProxyChains.servicePortName(service, service.ports[0]) == "default/green")
    }

    @Test func probabilitiesMakeEveryEndpointEquallyLikely() {
        // kube-proxy writes 1/(n-i) with ten decimals: 1/3, 1/2, then the last has none.
        #expect(KubeProxyChains.probability(index: 0, count: 3) == "0.3333333333")
        #expect(KubeProxyChains.probability(index: 1, count: 3) == "0.5000000000")
    }

    @Test func base32IsRFC4648() {
        #expect(KubeProxyChains.base32(Array("foobar".utf8)) == "MZXW6YTBOI======")
        #expect(KubeProxyChains.base32(Array("f".utf8)) == "MY======")
    }
}
