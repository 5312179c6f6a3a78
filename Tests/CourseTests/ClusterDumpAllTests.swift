import Scenes
import Speech
import Testing
import NetSim
import Words

/// `kubectl get nodes,pods,svc,endpointslices,ingress,ingressclass,gateway,httproute -A -o yaml`
/// on a cluster with ingress-nginx and Envoy Gateway installed (#18): it loads with no
/// warning and traces as the live cluster would, through the controllers it holds.
/// Fixture: Tests/Fixtures/scenes/kubectl-dump-all.yaml.
struct ClusterDumpAllTests {
    static let scene: Scene = {
        let path = Paths.repository.appendingPathComponent("Tests/Fixtures/scenes/kubectl-dump-all.yaml").path
        return SceneLocator.load(path).0!
    }()

    func trace(from: String = "203.0.113.7", _ url: String, host: String? = nil) -> Trace {
        Tracer(cluster: Self.scene.cluster).trace(Request(from: from, url: url, headers: host.map { ["Host": $0] } ?? [:]))
    }

    @Test func theDumpLoadsWithNoWarning() {
        #expect(Self.scene.diagnostics.isEmpty, "\(Self.scene.diagnostics.map { English().problem($0.message) })")
    }

    /// A hostNetwork Pod is a process of its Node (its podIP is the Node's); a Job's finished
    /// Pod has released its address: neither is a Pod on the Pod network.
    @Test func onlyPodsOnThePodNetworkArePods() {
        #expect(Self.scene.cluster.pods.map(\.name.description).sorted() == [
            "envoy-gateway-system/envoy-shop-web-gw-3a1b2c4d-6c8d9f7b5-m4n5p",
            "ingress-nginx/ingress-nginx-controller-5b6d8f7c9d-q8r2t",
            "kube-system/coredns-7db6d8ff4d-5xq2p",
            "shop/toolbox",
            "shop/web-7c9f8b6d5-x2m4q",
        ])
    }

    /// The dumped ingress-nginx (IngressClass spec.controller k8s.io/ingress-nginx, its Pods
    /// labelled app.kubernetes.io/name=ingress-nginx, component=controller, its Service) is
    /// the one that proxies: no second controller is installed, and the request goes on to
    /// the Ingress's backend (it ended "delivered" at the controller before).
    @Test func theDumpedIngressControllerAppliesTheIngressRules() throws {
        let cluster = Self.scene.cluster
        #expect(cluster.ingressControllerPods == [ObjectName("ingress-nginx", "ingress-nginx-controller-5b6d8f7c9d-q8r2t"): "nginx"])
        #expect(cluster.services.filter { $0.name.namespace == "ingress-nginx" }.map(\.name.name).sorted()
                == ["ingress-nginx-controller", "ingress-nginx-controller-admission"])
        let t = trace("http://172.18.0.240/cart", host: "shop.example.com")
        #expect(t.verdict == .delivered(ObjectName("shop", "web-7c9f8b6d5-x2m4q")))
        let proxy = try #require(t.hops.first { $0.action == .proxy })
        #expect(proxy.place == .pod(ObjectName("ingress-nginx", "ingress-nginx-controller-5b6d8f7c9d-q8r2t")))
        #expect(proxy.ruleText == "Ingress shop/web: host shop.example.com path / (Prefix) → web:80")
        #expect(trace("http://172.18.0.240/", host: "other.example.com").verdict == .http404)
    }

    /// kind's ingress-nginx listens on its Node's ports 80 and 443 (hostPort): a request to
    /// the Node's address reaches the controller by the CNI's portmap DNAT, the client's
    /// address kept, and the Ingress rules apply.
    @Test func theControllersHostPortOnItsNode() throws {
        let t = trace("http://172.18.0.3/cart", host: "shop.example.com")
        #expect(t.verdict == .delivered(ObjectName("shop", "web-7c9f8b6d5-x2m4q")))
        let dnat = try #require(t.hops.first { $0.action == .dnat })
        #expect(dnat.place == .node("kind-worker") && dnat.after.src == IPv4Address("203.0.113.7"))
        #expect(t.hops.contains { $0.action == .proxy && $0.ruleText == "Ingress shop/web: host shop.example.com path / (Prefix) → web:80" })
    }

    /// Envoy Gateway's proxy (labels gateway.envoyproxy.io/owning-gateway-name and -namespace,
    /// in envoy-gateway-system) is the Gateway's data plane; it listens on 10080 for the
    /// listener on 80, which the Service's port says.
    @Test func theDumpedGatewayDataPlaneServesTheListener() throws {
        let cluster = Self.scene.cluster
        #expect(cluster.gatewayPods.keys.map(\.description) == ["envoy-gateway-system/envoy-shop-web-gw-3a1b2c4d-6c8d9f7b5-m4n5p"])
        #expect(!cluster.services.contains { $0.name.name == "web-gw-gateway" }, "no data plane of reseau's own")
        let t = trace("http://172.18.0.241/v1/orders", host: "api.example.com")
        #expect(t.verdict == .delivered(ObjectName("shop", "web-7c9f8b6d5-x2m4q")))
        let proxy = try #require(t.hops.first { $0.action == .proxy })
        #expect(proxy.explanation.en.contains("Gateway web-gw (listener http) applies HTTPRoute api"))
        #expect(proxy.explanation.en.contains("URLRewrite: the Pod receives path /orders."))
        #expect(proxy.before.src == IPv4Address("203.0.113.7"), "externalTrafficPolicy Local: the proxy sees the client's address")
    }

    /// In the cluster, by name: CoreDNS behind kube-dns answers for web.shop, and the
    /// `kubernetes` Service leads to the API server on the control plane's address.
    @Test func namesAndTheAPIServerAnswerAsInTheCluster() {
        let web = trace(from: "shop/toolbox", "http://web/")
        #expect(web.dns.first?.answers == ["10.96.120.15"])
        #expect(web.verdict == .delivered(ObjectName("shop", "web-7c9f8b6d5-x2m4q")))
        let api = trace(from: "shop/toolbox", "https://kubernetes.default/")
        #expect(api.verdict == .deliveredToNode("kind-control-plane"))
        #expect(api.candidates.map { "\($0.ip):\($0.port)" } == ["172.18.0.2:6443"])
    }

    /// The trace as `reseau trace --lang fr` prints it: French punctuation, its spaces included.
    @Test func theFrenchReportSpacesItsColonsAndPercents() {
        let lines = TraceReport.text(trace("http://172.18.0.240/", host: "shop.example.com"), language: .fr)
        #expect(lines.contains("endpoints possibles :"))
        #expect(lines.contains { $0.hasSuffix("kind-worker  100 %") })
        #expect(TraceReport.text(trace("http://172.18.0.240/", host: "shop.example.com"), language: .en).contains("possible endpoints:"))
    }
}

/// kubectl port-forward picks one Pod among a selector's as kubectl does
/// (k8s.io/kubectl polymorphichelpers attachablePodForObject: GetFirstPod sorted by
/// sort.Reverse(podutils.ActivePods)), reading what a dump says of each Pod.
struct PortForwardChoiceTests {
    static func pod(_ name: String, ready: Bool = true, since: String? = nil, restarts: Int = 0, created: String? = nil) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), labels: {app: web}\(created.map { ", creationTimestamp: \"\($0)\"" } ?? "")}
        spec: {nodeName: node-1, containers: [{name: c, image: web, ports: [{name: http, containerPort: 8080}]}]}
        status:
          phase: Running
          podIP: 10.244.0.\(10 + name.count)
          conditions: [{type: Ready, status: "\(ready ? "True" : "False")"\(since.map { ", lastTransitionTime: \"\($0)\"" } ?? "")}]
          containerStatuses: [{name: c, restartCount: \(restarts)}]
        """
    }

    func chosen(_ pods: [String]) -> String? {
        let yaml = """
        apiVersion: reseau/v1
        kind: Scene
        metadata: {name: pf}
        nodes: [{name: node-1, ip: 192.168.56.11, podCIDR: 10.244.0.0/24}]
        clients: [{name: laptop, ip: 203.0.113.5}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        ---
        """ + "\n" + pods.joined(separator: "\n---\n")
        let scene = ManifestScene.load(yaml, file: "pf.yaml", line: 1, column: 1, name: "pf")
        let t = Tracer(cluster: scene.cluster).portForward(from: "laptop", target: "svc/web", port: 80)
        guard case .delivered(let pod) = t.verdict else { return nil }
        #expect(t.candidates.map(\.port) == [8080], "the Service's named targetPort, looked up in that Pod")
        return pod.name
    }

    @Test func readyForLongerThenFewerRestartsThenOlder() {
        #expect(chosen([Self.pod("a", ready: false), Self.pod("bb")]) == "bb", "ready before not ready")
        #expect(chosen([Self.pod("a", since: "2026-11-30T10:00:00Z"), Self.pod("bb", since: "2026-11-29T10:00:00Z")]) == "bb",
                "Ready for longer")
        #expect(chosen([Self.pod("a"), Self.pod("bb", since: "2026-11-30T10:00:00Z")]) == "bb", "an unknown ready time counts as the shortest")
        #expect(chosen([Self.pod("a", restarts: 3), Self.pod("bb", restarts: 0)]) == "bb", "fewer restarts")
        #expect(chosen([Self.pod("a", created: "2026-11-30T10:00:00Z"), Self.pod("bb", created: "2026-11-01T10:00:00Z")]) == "bb", "older")
        #expect(chosen([Self.pod("bb"), Self.pod("a")]) == "a", "then by name, as the API lists them")
        #expect(chosen([Self.pod("a", ready: false)]) == "a", "a Running Pod that is not ready is still forwarded to")
    }
}

/// What `kubectl get all -A -o yaml` adds: DaemonSets, Jobs, CronJobs, autoscalers; and the
/// older `v1` Endpoints a Service without selector may come with.
struct KubectlGetAllTests {
    static let scene = """
    apiVersion: v1
    kind: List
    items:
    - {apiVersion: v1, kind: Node, metadata: {name: n1, labels: {pool: web}}, spec: {podCIDR: 10.244.0.0/24}, status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}}
    - {apiVersion: v1, kind: Node, metadata: {name: n2}, spec: {podCIDR: 10.244.1.0/24}, status: {addresses: [{type: InternalIP, address: 172.18.0.3}]}}
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: monitoring}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec: {containers: [{name: a, image: agent, ports: [{containerPort: 9100}]}]}
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: edge, namespace: web}
      spec:
        selector: {matchLabels: {app: edge}}
        template:
          metadata: {labels: {app: edge}}
          spec: {nodeSelector: {pool: web}, containers: [{name: e, image: edge}]}
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: kube-proxy, namespace: kube-system}
      spec:
        selector: {matchLabels: {k8s-app: kube-proxy}}
        template:
          metadata: {labels: {k8s-app: kube-proxy}}
          spec: {hostNetwork: true, containers: [{name: kube-proxy, image: kube-proxy}]}
    - {apiVersion: batch/v1, kind: Job, metadata: {name: migrate}, spec: {template: {spec: {containers: [{name: m, image: m}]}}}}
    - {apiVersion: batch/v1, kind: CronJob, metadata: {name: backup}, spec: {schedule: "0 3 * * *"}}
    - {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: web}, spec: {maxReplicas: 5}}
    - apiVersion: v1
      kind: Service
      metadata: {name: legacy-db}
      spec: {ports: [{port: 5432}]}
    - apiVersion: v1
      kind: Endpoints
      metadata: {name: legacy-db}
      subsets:
      - addresses: [{ip: 192.0.2.40}]
        notReadyAddresses: [{ip: 192.0.2.41}]
        ports: [{port: 5432, protocol: TCP}]
    """

    @Test func daemonSetsJobsAndEndpointsAreReadAsTheClusterHasThem() {
        let scene = ManifestScene.load(Self.scene, file: "all.yaml", line: 1, column: 1, name: "all")
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map { English().problem($0.message) })")
        let pods = scene.cluster.pods.map { "\($0.name.description)@\($0.nodeName)" }
        #expect(pods.filter { $0.hasPrefix("monitoring/agent-") }.map { $0.split(separator: "@")[1] } == ["n1", "n2"], "one Pod on each Node")
        #expect(pods.filter { $0.hasPrefix("web/edge-") }.map { $0.split(separator: "@")[1] } == ["n1"], "the nodeSelector's Nodes only")
        #expect(!pods.contains { $0.hasPrefix("kube-system/") }, "a hostNetwork DaemonSet is each Node's own process")
        // The Endpoints are mirrored into a slice: the ready address only is an endpoint.
        let ip = scene.cluster.service(named: ObjectName("default", "legacy-db"))?.clusterIP
        let t = Tracer(cluster: scene.cluster).trace(Request(from: "n1", url: "tcp://\(ip?.description ?? "?"):5432"))
        #expect(t.candidates.map(\.ip.description) == ["192.0.2.40"])
        #expect(t.verdict == .leftCluster(IPv4Address("192.0.2.40")!))
    }
}

/// A controller other than ingress-nginx in a dump (Traefik here) is found by the address
/// its Ingresses publish (status.loadBalancer.ingress): the Pods behind the Service with that
/// load-balancer address. ingress-nginx's own habits (the 308 to HTTPS) are not lent to it.
struct OtherIngressControllerTests {
    @Test func traefikFromADumpProxiesWithoutNginxRedirects() throws {
        let yaml = """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {podCIDR: 10.244.0.0/24}, status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}}
        - {apiVersion: networking.k8s.io/v1, kind: IngressClass, metadata: {name: traefik}, spec: {controller: traefik.io/ingress-controller}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: traefik-6d9f7c8b5-abcde, namespace: traefik, labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}}
          spec: {nodeName: n1, containers: [{name: traefik, image: traefik, ports: [{name: web, containerPort: 8000}, {name: websecure, containerPort: 8443}]}]}
          status: {phase: Running, podIP: 10.244.0.5, conditions: [{type: Ready, status: "True"}]}
        - apiVersion: v1
          kind: Service
          metadata: {name: traefik, namespace: traefik}
          spec:
            type: LoadBalancer
            selector: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
            ports: [{name: web, port: 80, targetPort: web}, {name: websecure, port: 443, targetPort: websecure}]
          status: {loadBalancer: {ingress: [{ip: 172.18.0.250}]}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: blog-1, labels: {app: blog}}
          spec: {nodeName: n1, containers: [{name: c, image: blog, ports: [{containerPort: 3000}]}]}
          status: {phase: Running, podIP: 10.244.0.9}
        - {apiVersion: v1, kind: Service, metadata: {name: blog}, spec: {selector: {app: blog}, ports: [{port: 80, targetPort: 3000}]}}
        - apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: blog}
          spec:
            ingressClassName: traefik
            tls: [{hosts: [blog.example.com]}]
            rules: [{host: blog.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: blog, port: {number: 80}}}}]}}]
          status: {loadBalancer: {ingress: [{ip: 172.18.0.250}]}}
        """
        let scene = ManifestScene.load(yaml, file: "traefik.yaml", line: 1, column: 1, name: "t")
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map { English().problem($0.message) })")
        #expect(scene.cluster.ingressControllerPods == [ObjectName("traefik", "traefik-6d9f7c8b5-abcde"): "traefik"])
        #expect(!scene.cluster.pods.contains { $0.name.namespace == "ingress-nginx" })
        let t = Tracer(cluster: scene.cluster).trace(Request(from: "203.0.113.7", url: "http://172.18.0.250/post/1", headers: ["Host": "blog.example.com"]))
        #expect(t.verdict == .delivered(ObjectName("default", "blog-1")))
        #expect(try #require(t.hops.first { $0.action == .proxy }).place == .pod(ObjectName("traefik", "traefik-6d9f7c8b5-abcde")))
    }
}
