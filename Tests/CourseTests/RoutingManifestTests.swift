import Scenes
import Speech
import Testing
import NetSim
import Words

/// Gateway API and Ingress manifests as written or dumped: the fields that change traffic
/// are read, and those the engine does not simulate are said, at their line (#18).
struct RoutingManifestTests {
    static let gateway = """
    apiVersion: reseau/v1
    kind: Scene
    metadata: {name: g}
    nodes: [{name: node-1, ip: 192.168.56.11}]
    clients: [{name: user, ip: 203.0.113.9}]
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: Gateway
    metadata: {name: web, namespace: infra}
    spec:
      gatewayClassName: eg
      addresses: [{type: IPAddress, value: 198.51.100.80}]
      listeners:
        - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
        - {name: alt, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: api-1, namespace: shop, labels: {app: api}}
    spec: {containers: [{name: c, image: api, ports: [{containerPort: 8080}]}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: api, namespace: shop}
    spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
    ---
    apiVersion: gateway.networking.k8s.io/v1
    kind: HTTPRoute
    metadata: {name: api, namespace: infra, creationTimestamp: "2026-01-02T03:04:05Z"}
    spec:
      parentRefs: [{name: web, port: 8080}]
      rules:
        - matches: [{path: {type: PathPrefix, value: /old}}]
          filters:
            - type: RequestRedirect
              requestRedirect: {scheme: https, statusCode: 301, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
        - matches: [{path: {type: PathPrefix, value: /api}}]
          filters:
            - type: URLRewrite
              urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}
            - type: RequestHeaderModifier
              requestHeaderModifier: {add: [{name: X-From, value: gw}]}
          backendRefs: [{name: api, namespace: shop, port: 80}]
    """

    static let grant = "\n" + """
    ---
    apiVersion: gateway.networking.k8s.io/v1beta1
    kind: ReferenceGrant
    metadata: {name: from-infra, namespace: shop}
    spec:
      from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
      to: [{group: "", kind: Service}]
    """

    func load(_ yaml: String) -> Scene { ManifestScene.load(yaml, file: "g.yaml", line: 1, column: 1, name: "g") }

    func trace(_ scene: Scene, _ url: String) -> Trace {
        Tracer(cluster: scene.cluster).trace(Request(from: "user", url: url))
    }

    @Test func filtersPortsTimestampsAndGrantsAreRead() throws {
        let scene = load(Self.gateway + Self.grant)
        let route = try #require(scene.cluster.httpRoutes.first)
        #expect(route.parentRefs.first?.port == 8080)
        #expect(route.creationTimestamp == "2026-01-02T03:04:05Z")
        #expect(route.rules[0].filters == [.requestRedirect(.init(scheme: "https", path: .replacePrefixMatch("/new"), statusCode: 301))])
        #expect(route.rules[1].filters == [.urlRewrite(.init(path: .replacePrefixMatch("/"))), .other("RequestHeaderModifier")])
        #expect(scene.cluster.referenceGrants.map(\.name.description) == ["shop/from-infra"])
        #expect(trace(scene, "http://198.51.100.80:8080/old/page").verdict == .redirected(status: 301, location: "https://198.51.100.80/new/page"))
        #expect(trace(scene, "http://198.51.100.80:8080/api/x").verdict == .delivered(ObjectName("shop", "api-1")))
        #expect(trace(scene, "http://198.51.100.80/api/x").verdict == .http404, "the Route is attached to port 8080 only")
    }

    @Test func withoutTheGrantTheCrossNamespaceBackendAnswers500() {
        let t = trace(load(Self.gateway), "http://198.51.100.80:8080/api/x")
        #expect(t.verdict == .rejected)
        #expect(t.summary.fr == "HTTP 500 : le backend shop/api est inutilisable.")
    }

    /// Lint says what it does not simulate instead of silently doing something else.
    @Test func aFilterTheEngineDoesNotApplyIsAWarningAtItsLine() {
        let warnings = load(Self.gateway + Self.grant).diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map { "\($0.line):\($0.column) \(English().problem($0.message))" } == [
            "41:17 HTTPRoute infra/api: filters RequestHeaderModifier is not simulated: a real data plane changes the request or copies it; here it goes on unchanged",
        ])
        #expect(French().problem(warnings[0].message).hasPrefix("HTTPRoute infra/api : filters RequestHeaderModifier n'est pas simulé : un vrai data plane modifie ou copie la requête"))
    }

    @Test func zonePreferenceSessionPersistenceAndNginxAnnotationsAreWarnings() {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations: {service.kubernetes.io/topology-mode: Auto}
        spec:
          selector: {app: web}
          trafficDistribution: PreferClose
          ports: [{port: 80}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}
        endpoints:
          - addresses: [10.244.0.7]
            hints: {forZones: [{name: zone-a}]}
          - addresses: [10.244.0.8]
            hints: {forZones: [{name: zone-b}]}
        ports: [{port: 80}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            nginx.ingress.kubernetes.io/rewrite-target: /
            nginx.ingress.kubernetes.io/canary: "true"
            nginx.ingress.kubernetes.io/proxy-body-size: 8m
        spec:
          defaultBackend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - backendRefs: [{name: web, port: 80}]
              sessionPersistence: {sessionName: s}
        """
        let scene = load(yaml)
        let said = scene.diagnostics.compactMap { d -> String? in
            guard case .scene(.fieldNotSimulated(let object, let field, _)) = d.message else { return nil }
            return "\(d.line) \(object) \(field)"
        }
        #expect(said == [
            "8 Service default/web spec.trafficDistribution",
            "5 Service default/web service.kubernetes.io/topology-mode",
            "16 EndpointSlice default/ext-1 endpoints[].hints",
            "26 Ingress default/shop nginx.ingress.kubernetes.io/canary",
            "26 Ingress default/shop nginx.ingress.kubernetes.io/rewrite-target",
            "39 HTTPRoute default/r sessionPersistence",
        ])
    }

    /// The bundled course uses none of them: lint stays clean in strict mode (checked by
    /// the lesson tests); a plain Ingress, Service and HTTPRoute say nothing.
    @Test func plainObjectsSayNothing() {
        let scene = load(Self.gateway.replacingOccurrences(of: """
                    - type: RequestHeaderModifier
                      requestHeaderModifier: {add: [{name: X-From, value: gw}]}

            """, with: "") + Self.grant)
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map { English().problem($0.message) })")
    }
}

/// What else a manifest may say that changes traffic.
struct TrafficFieldTests {
    func load(_ yaml: String) -> Scene { ManifestScene.load(yaml, file: "t.yaml", line: 1, column: 1, name: "t") }

    /// HTTPHeaderMatch / HTTPQueryParamMatch `type: RegularExpression` (conformance
    /// HTTPRouteHeaderMatching extended, HTTPRouteQueryParamMatching): the value is a pattern.
    @Test func regularExpressionHeaderAndQueryMatches() {
        let m = HTTPRoute.Match(headers: ["version": "v[0-9]+"], queryParams: ["id": "[a-z]+"], regexNames: ["version", "id"])
        let route = HTTPRoute(name: ObjectName("default", "r"), parentRefs: [], rules: [
            .init(matches: [m], backendRefs: [.init(service: ObjectName("default", "a"), port: 80)])])
        #expect(GatewayRouter.route(.init(host: "h", path: "/", headers: ["Version": "v12"], query: ["id": "abc"]), routes: [route]) != nil)
        #expect(GatewayRouter.route(.init(host: "h", path: "/", headers: ["Version": "v1x"], query: ["id": "abc"]), routes: [route]) == nil)
        let scene = load("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec:
          parentRefs: [{name: gw}]
          rules:
            - matches: [{headers: [{type: RegularExpression, name: version, value: "v[0-9]+"}, {name: env, value: canary}]}]
              backendRefs: [{name: a, port: 80}]
        """)
        let match = scene.cluster.httpRoutes.first?.rules.first?.matches.first
        #expect(match?.regexNames == ["version"])
        #expect(match?.headers == ["version": "v[0-9]+", "env": "canary"])
    }

    /// A container's hostPort (containernetworking/plugins portmap, as kind's ingress-nginx
    /// uses it): the Node's address on that port is DNATed to the Pod, the client's address
    /// kept, and the reply undone by conntrack on that Node.
    @Test func aHostPortLeadsTheNodesPortToThePod() throws {
        let scene = load("""
        apiVersion: reseau/v1
        kind: Scene
        metadata: {name: h}
        nodes: [{name: kind-worker, ip: 172.18.0.3}]
        clients: [{name: laptop, ip: 203.0.113.5}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec: {nodeName: kind-worker, containers: [{name: c, image: c, ports: [{containerPort: 8080, hostPort: 80}]}]}
        """)
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map { English().problem($0.message) })")
        let t = Tracer(cluster: scene.cluster).trace(Request(from: "laptop", url: "http://172.18.0.3/"))
        #expect(t.verdict == .delivered(ObjectName("default", "web")))
        let dnat = try #require(t.hops.first { $0.action == .dnat })
        #expect(dnat.after.dst.description == "\(scene.cluster.pods[0].ip)" && dnat.after.dstPort == 8080)
        #expect(dnat.after.src == IPv4Address("203.0.113.5"), "the client's address is kept")
        #expect(dnat.ruleText?.hasSuffix("-p tcp -m tcp --dport 80 -j DNAT --to-destination \(scene.cluster.pods[0].ip):8080") == true)
        #expect(dnat.explanation.fr.hasPrefix("Le port 80 du Node kind-worker est un hostPort de web : le plugin CNI portmap"))
        #expect(t.reply.last?.after.src == IPv4Address("172.18.0.3"), "the reply comes from the Node's address")
        // Another port of the Node is still the Node's own.
        #expect(Tracer(cluster: scene.cluster).trace(Request(from: "laptop", url: "http://172.18.0.3:81/")).verdict == .deliveredToNode("kind-worker"))
    }

    /// A dual-stack dump's IPv6 EndpointSlices are the other family: not errors, not endpoints.
    @Test func anIPv6SliceIsTheOtherFamily() {
        let scene = load("""
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: IPv6
        metadata: {name: ext-v6, labels: {kubernetes.io/service-name: ext}}
        endpoints: [{addresses: ["fd00:10:244::7"]}]
        ports: [{port: 80}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: IPv4
        metadata: {name: ext-v4, labels: {kubernetes.io/service-name: ext}}
        endpoints: [{addresses: [192.0.2.7]}]
        ports: [{port: 80}]
        """)
        #expect(scene.diagnostics.isEmpty, "\(scene.diagnostics.map { English().problem($0.message) })")
        #expect(scene.cluster.backends(of: ObjectName("default", "ext"), port: 0).map(\.ip.description) == ["192.0.2.7"])
    }
}
