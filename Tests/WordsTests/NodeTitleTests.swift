import NetSim
import Testing
import Words

/// A drawing calls its Nodes by their titles (`Node 2`), the engine by their ids (`n2`): the
/// inspector's sentence names the Node the student sees, never `Node Node 2`.
struct NodeTitleTests {
    let titles = ["n1": "Node 1", "n2": "Node 2"]

    @Test func theSentenceNamesTheDrawnNode() {
        let arrives = HopReason.arrivesOnPodNode(node: "n2", pod: "api-1", ip: IPv4Address("10.244.2.7")!)
        #expect(French().hop(arrives) == "Sur n2, 10.244.2.7 est un Pod local : pont cni0 puis veth de api-1.")
        #expect(French().hop(arrives.renamingNodes(titles)) == "Sur Node 2, 10.244.2.7 est un Pod local : pont cni0 puis veth de api-1.")
        let sends = HopReason.podSends(pod: "front-1", gateway: IPv4Address("10.244.1.1")!, node: "n1")
        #expect(French().hop(sends.renamingNodes(titles)).contains("(le pont cni0 du Node 1)"))
        #expect(English().hop(sends.renamingNodes(titles)).contains("(bridge cni0 on Node 1)"))
        // A Node the scene names itself keeps its word: `Node node-1`.
        #expect(French().hop(.nodeSends(node: "node-1")) == "Un processus du Node node-1 envoie le paquet (chaîne OUTPUT).")
        #expect(French().hop(HopReason.replyToTranslatingNode("n1").renamingNodes(titles)) == "La réponse revient au Node 1, qui a fait la traduction.")
    }

    /// The inspector's title and note speak of a Node as the sentences do, with its article
    /// (`sur Node 1` and `dans le noyau de Node 1` read as English word order in French).
    @Test func theInspectorSaysLeNodeAndDuNode() {
        #expect(French().ui(.kubeProxyOn(node: "Node 1")) == "kube-proxy (iptables) sur le Node 1")
        #expect(French().ui(.kubeProxyOn(node: "node-1")) == "kube-proxy (iptables) sur le Node node-1")
        #expect(French().ui(.drawnAtService(node: "Node 2")) == "dessiné au Service ; en vrai, dans le noyau du Node\u{00A0}2")
        #expect(English().ui(.kubeProxyOn(node: "Node 1")) == "kube-proxy (iptables) on Node 1")
        #expect(French().hop(.underlayCarries(node: "Node 1", ip: IPv4Address("172.10.10.1")!)) == "Le réseau des Nodes l'achemine jusqu'au Node 1 (172.10.10.1).")
        #expect(French().problem(.scene(.podsShareRange(range: "10.4.32.0/24", nodes: ["Node 1", "node-2"]))).hasPrefix("les Pods du Node 1 et du Node node-2 partagent 10.4.32.0/24"))
    }
}
