import Scenes
import Foundation
import Testing
import NetSim

/// A real cluster's objects, as `kubectl get … -o yaml` prints them, used as given (#18).
/// The fixture (Tests/Fixtures/scenes/kubectl-dump.yaml) carries uid, resourceVersion,
/// managedFields and status as kubectl shows them.
struct ClusterDumpTests {
    static func dump() -> Scene {
        let path = Paths.repository.appendingPathComponent("Tests/Fixtures/scenes/kubectl-dump.yaml").path
        return SceneLocator.load(path).0!
    }

    /// `kubectl get a,b -o yaml` prints one `kind: List` (metav1.List) whose `items` are the
    /// objects: read them all, with no warning (it was "unknown kind v1/List: ignored").
    @Test func aListIsReadItemByItemWithNoWarning() {
        let scene = Self.dump()
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map(\.message))")
        #expect(scene.cluster.pods.map(\.name.description).sorted() == ["shop/toolbox", "shop/web-7c9f8b6d5-k8v9t", "shop/web-7c9f8b6d5-x2m4q"])
    }

    /// Owners and dependents (kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents):
    /// a Deployment's Pods are owned by its ReplicaSet, which it owns. Dumped together, the
    /// Pods are the truth: the Service has the 2 real endpoints, not 6.
    @Test func aDumpedDeploymentDoesNotMakePodsOfItsOwn() {
        let cluster = Self.dump().cluster
        let web = cluster.backends(of: ObjectName("shop", "web"), port: 0)
        #expect(web.map(\.ip.description).sorted() == ["10.244.1.7", "10.244.2.12"])
        // status.podIP, spec.nodeName and the Ready condition as dumped.
        let pod = cluster.pod(named: ObjectName("shop", "web-7c9f8b6d5-k8v9t"))
        #expect(pod?.ip.description == "10.244.2.12" && pod?.nodeName == "kind-worker2" && pod?.ready == true)
    }

    /// Without its Pods, a Deployment still stands for them; with its ReplicaSet beside it,
    /// it makes them once (the ReplicaSet it owns does not make them again).
    @Test func aDeploymentWithoutItsPodsMakesThemOnce() {
        let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop, uid: d-1}
        spec:
          replicas: 3
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
        """
        let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: api-5d8f7c
          namespace: shop
          labels: {app: api, pod-template-hash: 5d8f7c}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, uid: d-1, controller: true}]
        spec:
          replicas: 3
          selector: {matchLabels: {app: api, pod-template-hash: 5d8f7c}}
          template:
            metadata: {labels: {app: api, pod-template-hash: 5d8f7c}}
            spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
        """
        let alone = ManifestScene.load(deployment, file: "a.yaml", line: 1, column: 1, name: "a")
        #expect(alone.cluster.pods.count == 3)
        let both = ManifestScene.load(replicaSet + "\n---\n" + deployment, file: "b.yaml", line: 1, column: 1, name: "b")
        #expect(both.cluster.pods.count == 3, "\(both.cluster.pods.map(\.name.description))")
        // A Pod with the template hash and no owner listed (trimmed by hand) counts as made.
        let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: api-5d8f7c-abcde, namespace: shop, labels: {app: api, pod-template-hash: 5d8f7c}}
        spec: {nodeName: node-1, containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
        status: {podIP: 10.244.0.9}
        """
        let withPod = ManifestScene.load(deployment + "\n---\n" + pod, file: "c.yaml", line: 1, column: 1, name: "c")
        #expect(withPod.cluster.pods.map(\.name.name) == ["api-5d8f7c-abcde"])
    }

    /// `kind: Node` objects give the Nodes: status.addresses' InternalIP and spec.podCIDR, so
    /// a dump needs no `kind: Scene` document.
    @Test func nodesComeFromNodeObjects() {
        let nodes = Self.dump().cluster.nodes
        #expect(nodes.map(\.name) == ["kind-worker", "kind-worker2"])
        #expect(nodes.map(\.ip.description) == ["172.18.0.3", "172.18.0.4"])
        #expect(nodes.map(\.podCIDR.description) == ["10.244.1.0/24", "10.244.2.0/24"])
    }

    /// A Service without a selector and an EndpointSlice written by hand without targetRef
    /// (optional in discovery.k8s.io/v1; the docs' "Services without selectors"): after DNAT
    /// the packet goes by its address, here a Pod's, and is delivered to that Pod.
    @Test func anEndpointWithoutTargetRefIsReachedByItsAddress() {
        let cluster = Self.dump().cluster
        let trace = Tracer(cluster: cluster).trace(Request(from: "shop/toolbox", url: "http://legacy.shop:8080/"))
        #expect(trace.verdict == .delivered(ObjectName("shop", "web-7c9f8b6d5-k8v9t")), "\(trace.verdict)")
        let toWeb = Tracer(cluster: cluster).trace(Request(from: "shop/toolbox", url: "http://web.shop/"))
        if case .delivered(let pod) = toWeb.verdict { #expect(pod.name.hasPrefix("web-7c9f8b6d5-")) } else { Issue.record("\(toWeb.verdict)") }
    }
}

/// Addresses the controllers published in status (#18): a request to them is routed, not
/// `no-route`.
struct PublishedAddressTests {
    static let backend = """
    apiVersion: reseau/v1
    kind: Scene
    nodes: [{name: node-1, ip: 192.168.56.11}]
    clients: [{name: laptop, ip: 203.0.113.50}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web-1, namespace: shop, labels: {app: web}}
    spec: {nodeName: node-1, containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop}
    spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}
    """

    /// What `kubectl get ingress` shows as ADDRESS is status.loadBalancer.ingress: the
    /// ingress controller's address for that class.
    @Test func anIngressAddressFromStatusIsTheControllers() {
        let yaml = Self.backend + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: nginx}
        spec: {controller: k8s.io/ingress-nginx}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
          - host: shop.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
        status:
          loadBalancer:
            ingress: [{ip: 198.51.100.20}]
        """
        let scene = ManifestScene.load(yaml, file: "i.yaml", line: 1, column: 1, name: "i")
        #expect(scene.diagnostics.filter { $0.severity == .error }.isEmpty, "\(scene.diagnostics.map(\.message))")
        let trace = Tracer(cluster: scene.cluster).trace(Request(from: "laptop", url: "http://198.51.100.20/", headers: ["Host": "shop.example.com"]))
        #expect(trace.verdict == .delivered(ObjectName("shop", "web-1")), "\(trace.verdict)")
    }
}

/// Terminating endpoints (KEP-1669 ProxyTerminatingEndpoints, GA in 1.28; kube-proxy's
/// CategorizeEndpoints in pkg/proxy/topology.go and its TestTerminatingEndpointsTrafficPolicy
/// Cluster/Local): a Pod being deleted (deletionTimestamp) is not ready but still serving
/// while its Ready condition holds; kube-proxy uses such endpoints only when none is ready.
struct TerminatingEndpointTests {
    /// Pods: name, Node, terminating, Ready.
    static func scene(_ pods: [(String, String, Bool, Bool)], policy: String = "Cluster") -> Scene {
        var docs = ["""
        apiVersion: reseau/v1
        kind: Scene
        nodes: [{name: node-1, ip: 192.168.56.11}, {name: node-2, ip: 192.168.56.12}, {name: node-3, ip: 192.168.56.13}]
        clients: [{name: laptop, ip: 203.0.113.50}]
        """, """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {type: NodePort, externalTrafficPolicy: \(policy), selector: {app: web}, ports: [{port: 80, targetPort: 80, nodePort: 30080}]}
        """]
        for (name, node, terminating, ready) in pods {
            docs.append("""
            apiVersion: v1
            kind: Pod
            metadata: {name: \(name), labels: {app: web}\(terminating ? ", deletionTimestamp: \"2026-12-01T10:00:00Z\"" : "")}
            spec: {nodeName: \(node), containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
            status: {conditions: [{type: Ready, status: "\(ready ? "True" : "False")"}]}
            """)
        }
        return ManifestScene.load(docs.joined(separator: "\n---\n"), file: "t.yaml", line: 1, column: 1, name: "t")
    }

    static func trace(_ scene: Scene, from: String = "laptop", to url: String) -> Trace {
        Tracer(cluster: scene.cluster).trace(Request(from: from, url: url))
    }

    @Test func readyEndpointsComeFirst() {
        let scene = Self.scene([("web-old", "node-1", true, true), ("web-new", "node-2", false, true)])
        let trace = Self.trace(scene, to: "http://192.168.56.11:30080/")
        #expect(trace.candidates.map(\.pod?.name) == ["web-new"])
        #expect(trace.verdict == .delivered(ObjectName("default", "web-new")))
    }

    @Test func withNoReadyEndpointServingTerminatingOnesAreUsed() {
        let scene = Self.scene([("web-a", "node-1", true, true), ("web-b", "node-2", true, true)])
        let trace = Self.trace(scene, to: "http://192.168.56.13:30080/")
        #expect(Set(trace.candidates.compactMap(\.pod?.name)) == ["web-a", "web-b"])
        if case .delivered = trace.verdict {} else { Issue.record("\(trace.verdict)") }
    }

    /// Terminating and no longer Ready: not serving, not used; nothing left, so rejected.
    @Test func terminatingEndpointsThatDoNotServeAreNotUsed() {
        let scene = Self.scene([("web-a", "node-1", true, false)])
        #expect(Self.trace(scene, to: "http://192.168.56.11:30080/").verdict == .rejected)
    }

    /// Local: the Node's own ready endpoints, else its own serving terminating ones; a Node
    /// with neither drops the packet (KUBE-SVL has no endpoint) even though other Nodes have
    /// endpoints — dropped, not rejected, since the Service does have endpoints.
    @Test func localPolicyFallsBackOnTheNodesOwnTerminatingEndpoints() {
        let scene = Self.scene([("web-old", "node-1", true, true), ("web-new", "node-2", false, true)], policy: "Local")
        #expect(Self.trace(scene, to: "http://192.168.56.11:30080/").verdict == .delivered(ObjectName("default", "web-old")))
        #expect(Self.trace(scene, to: "http://192.168.56.12:30080/").verdict == .delivered(ObjectName("default", "web-new")))
        #expect(Self.trace(scene, to: "http://192.168.56.13:30080/").verdict == .dropped)
        let onlyRemote = Self.scene([("web-old", "node-1", true, true)], policy: "Local")
        #expect(Self.trace(onlyRemote, to: "http://192.168.56.12:30080/").verdict == .dropped)
    }

    /// A hand-written EndpointSlice says it with its conditions (serving, terminating).
    @Test func sliceConditionsAreRead() {
        let yaml = """
        apiVersion: reseau/v1
        kind: Scene
        nodes: [{name: node-1, ip: 192.168.56.11}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: toolbox}
        spec: {nodeName: node-1, containers: [{name: t, image: busybox}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}
        addressType: IPv4
        endpoints:
          - addresses: [198.51.100.7]
            conditions: {ready: false, serving: true, terminating: true}
          - addresses: [198.51.100.8]
            conditions: {ready: false, serving: false, terminating: true}
        ports: [{port: 80}]
        """
        let scene = ManifestScene.load(yaml, file: "s.yaml", line: 1, column: 1, name: "s")
        let trace = Self.trace(scene, from: "toolbox", to: "http://ext/")
        #expect(trace.candidates.map(\.ip.description) == ["198.51.100.7"])
        #expect(trace.verdict == .leftCluster(IPv4Address("198.51.100.7")!))
    }
}

/// Workloads are made into Pods once every object is read, but their Pods keep the place of
/// the workload among the others: addresses are handed out in that order, as before.
struct WorkloadOrderTests {
    @Test func aDeploymentsPodsComeWhereItWasWritten() {
        let yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {nodeName: node-1, containers: [{name: w, image: nginx}]}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: toolbox}
        spec: {nodeName: node-1, containers: [{name: t, image: busybox}]}
        """
        let pods = ManifestScene.load(yaml, file: "o.yaml", line: 1, column: 1, name: "o").cluster.pods
        #expect(pods.map { String($0.name.name.prefix(4)) } == ["web-", "web-", "tool"])
        #expect(pods.map(\.ip.description) == ["10.244.0.2", "10.244.0.3", "10.244.0.4"])
    }
}

/// A List inside a List (kubectl never prints one) is not read nor recursed into: 10,000 of
/// them nested must not go 10,000 calls deep (#20: never recurse on input depth).
struct NestedListTests {
    @Test func aListInAListIsReportedNotRead() {
        let yaml = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: List
          items:
          - {apiVersion: v1, kind: Pod, metadata: {name: hidden}, spec: {nodeName: node-1, containers: [{name: c, image: i}]}}
        - {apiVersion: v1, kind: Pod, metadata: {name: shown}, spec: {nodeName: node-1, containers: [{name: c, image: i}]}}
        """
        let scene = ManifestScene.load(yaml, file: "l.yaml", line: 1, column: 1, name: "l")
        #expect(scene.cluster.pods.map(\.name.name) == ["shown"])
        #expect(scene.diagnostics.map(\.line) == [5])
    }
}

/// `kubectl port-forward deployment/NAME` (kubectl's AttachablePodForObjectFn): the
/// workload's selector picks the Pods, the most active one (ready) is used, and the port is
/// the Pod's own (#18).
struct PortForwardWorkloadTests {
    @Test func aDeploymentForwardsToOneOfItsReadyPods() throws {
        let dump = ClusterDumpTests.dump()
        let trace = Tracer(cluster: dump.cluster).portForward(from: "kind-worker", target: "deployment/shop/web", port: 80)
        if case .delivered(let pod) = trace.verdict { #expect(pod.name.hasPrefix("web-7c9f8b6d5-")) } else { Issue.record("\(trace.verdict)") }
        #expect(trace.hops.map(\.place.description).contains { $0.contains("kind-worker") })

        let yaml = """
        apiVersion: reseau/v1
        kind: Scene
        nodes: [{name: node-1, ip: 192.168.56.11}]
        clients: [{name: laptop, ip: 203.0.113.50}]
        flows: [{from: laptop, portForward: "deploy/api:8080"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          replicas: 2
          selector: {matchLabels: {app: api}}
          template: {metadata: {labels: {app: api}}, spec: {containers: [{name: a, image: api, ports: [{containerPort: 8080}]}]}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-old, labels: {app: api, pod-template-hash: 6f7d9}}
        spec: {nodeName: node-1, containers: [{name: a, image: api, ports: [{containerPort: 8080}]}]}
        status: {conditions: [{type: Ready, status: "False"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-new, labels: {app: api, pod-template-hash: 6f7d9}}
        spec: {nodeName: node-1, containers: [{name: a, image: api, ports: [{containerPort: 8080}]}]}
        """
        let scene = ManifestScene.load(yaml, file: "p.yaml", line: 1, column: 1, name: "p")
        #expect(scene.traces().map(\.verdict) == [.delivered(ObjectName("default", "api-new"))])
        let missing = Tracer(cluster: scene.cluster).portForward(from: "laptop", target: "deployment/nope", port: 80)
        #expect(missing.verdict == .invalid)
    }
}
