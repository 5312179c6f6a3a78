import Speech
import Words
import Testing
@testable import NetSim

/// Ingress matching, case by case from the tables of kubernetes.io/docs/concepts/services-networking/ingress/
/// ("Examples" for path types, "Hostname wildcards").
struct IngressRouterTests {
    func path(_ p: String, _ type: Ingress.PathType, _ service: String = "svc") -> Ingress.Path {
        Ingress.Path(path: p, type: type, backend: .init(service: service, port: .number(80)))
    }

    @Test(arguments: [
        ("/", Ingress.PathType.prefix, "/anything/at/all", true),
        ("/foo", .exact, "/foo", true),
        ("/foo", .exact, "/bar", false),
        ("/foo", .exact, "/foo/", false),
        ("/foo/", .exact, "/foo", false),
        ("/foo", .prefix, "/foo", true),
        ("/foo", .prefix, "/foo/", true),
        ("/foo/", .prefix, "/foo", true),
        ("/foo/", .prefix, "/foo/", true),
        ("/aaa/bb", .prefix, "/aaa/bbb", false),
        ("/aaa/bbb", .prefix, "/aaa/bbb", true),
        ("/aaa/bbb/", .prefix, "/aaa/bbb", true),
        ("/aaa/bbb", .prefix, "/aaa/bbb/", true),
        ("/aaa/bbb", .prefix, "/aaa/bbb/ccc", true),
        ("/aaa/bbb", .prefix, "/aaa/bbbxyz", false),
        ("/aaa", .prefix, "/ccc", false),
    ])
    func docsPathExamples(rule: String, type: Ingress.PathType, request: String, matches: Bool) {
        #expect(IngressRouter.pathMatches(path(rule, type), request) == matches)
    }

    /// ImplementationSpecific follows the controller: ingress-nginx writes a plain nginx
    /// prefix location, so `/aaa/bb` matches `/aaa/bbb` where Prefix does not (#18).
    @Test(arguments: [("/aaa/bb", "/aaa/bbb", true), ("/aaa/bb", "/aaa/bb/c", true), ("/foo", "/foobar", true), ("/foo", "/fo", false)])
    func implementationSpecificIsAStringPrefixForIngressNginx(rule: String, request: String, matches: Bool) {
        #expect(IngressRouter.pathMatches(path(rule, .implementationSpecific), request) == matches)
    }

    @Test func longestPathWinsAndExactBeatsPrefix() {
        let ingress = Ingress(name: ObjectName("default", "i"), rules: [Ingress.Rule(host: nil, paths: [
            path("/", .prefix, "root"), path("/aaa", .prefix, "aaa"), path("/aaa/bbb", .prefix, "bbb"),
            path("/foo", .prefix, "foo-prefix"), path("/foo", .exact, "foo-exact"),
        ])])
        func backend(_ p: String) -> String? { IngressRouter.route(host: "x", path: p, ingresses: [ingress])?.backend.service }
        #expect(backend("/aaa/ccc") == "aaa")
        #expect(backend("/aaa/bbb") == "bbb")
        #expect(backend("/ccc") == "root")
        #expect(backend("/foo") == "foo-exact")
        #expect(backend("/foo/x") == "foo-prefix")
    }

    @Test func wildcardsCoverOneLabel() {
        #expect(IngressRouter.hostMatches("*.foo.com", "bar.foo.com"))
        #expect(!IngressRouter.hostMatches("*.foo.com", "baz.bar.foo.com"))
        #expect(!IngressRouter.hostMatches("*.foo.com", "foo.com"))
        #expect(IngressRouter.hostMatches("Foo.COM", "foo.com"), "host names are case-insensitive")
    }

    @Test func exactHostBeatsWildcardBeatsNoHostAndNothingMatchingUsesTheDefaultBackend() {
        let ingress = Ingress(name: ObjectName("default", "i"), defaultBackend: .init(service: "fallback", port: .number(80)), rules: [
            Ingress.Rule(host: "shop.example.com", paths: [path("/api", .prefix, "exact-host")]),
            Ingress.Rule(host: "*.example.com", paths: [path("/", .prefix, "wildcard")]),
            Ingress.Rule(host: nil, paths: [path("/", .prefix, "any")]),
        ])
        func backend(_ h: String, _ p: String) -> String? { IngressRouter.route(host: h, path: p, ingresses: [ingress])?.backend.service }
        #expect(backend("shop.example.com", "/api/v1") == "exact-host")
        #expect(backend("blog.example.com", "/") == "wildcard")
        #expect(backend("other.org", "/") == "any")
        // The exact host decides alone: its paths do not match, so the default backend answers.
        #expect(backend("shop.example.com", "/cart") == "fallback")
        #expect(IngressRouter.route(host: "x", path: "/", ingresses: [Ingress(name: ObjectName("d", "n"))]) == nil)
    }
}

/// Through a controller: client → load balancer → ingress-nginx Pod → backend Pod.
struct IngressTraceTests {
    static let cluster: Cluster = {
        var b = SeedScene.builder()
        b.ingressControllerIPs = ["nginx": IPv4Address("178.91.123.132")!]
        b.ingresses = [Ingress(name: ObjectName("default", "shop"), rules: [
            Ingress.Rule(host: "shop.example.com", paths: [
                Ingress.Path(path: "/foo", type: .prefix, backend: .init(service: "blue", port: .number(81))),
                Ingress.Path(path: "/bar", type: .prefix, backend: .init(service: "green", port: .number(82))),
            ]),
        ], tls: [Ingress.TLS(hosts: ["shop.example.com"], secretName: "shop-tls")])]
        b.tlsSecrets = [ObjectName("default", "shop-tls")]
        return b.build().0
    }()

    func trace(_ url: String, host: String? = "shop.example.com") -> Trace {
        Tracer(cluster: Self.cluster).trace(Request(from: "user", url: url, headers: host.map { ["Host": $0] } ?? [:]))
    }

    @Test func theControllerIsInstalledBehindItsLoadBalancer() throws {
        let service = try #require(Self.cluster.service(named: ObjectName("ingress-nginx", "ingress-nginx-controller")))
        #expect(service.type == .loadBalancer)
        #expect(service.loadBalancerIPs == [IPv4Address("178.91.123.132")!])
        #expect(Self.cluster.ingressControllerPods.values.first == "nginx")
    }

    @Test func pathsLeadToTheirServicesPods() {
        let foo = trace("https://178.91.123.132/foo/page")
        #expect(foo.service == ObjectName("default", "blue"))
        #expect(foo.candidates.map(\.port) == [8181, 8181])
        #expect({ if case .delivered(let p) = foo.verdict { p.name.hasPrefix("pod-blue") } else { false } }())
        let proxy = foo.hops.first { $0.action == .proxy }
        #expect(proxy?.ruleText == "Ingress default/shop: host shop.example.com path /foo (Prefix) → blue:81")
        #expect(proxy?.after.src == Self.cluster.pods.first { Self.cluster.ingressControllerPods[$0.name] != nil }?.ip)
        #expect(foo.masqueraded)
        let bar = trace("https://178.91.123.132/bar")
        #expect(bar.service == ObjectName("default", "green"))
    }

    /// ingress-nginx docs, annotations, "Server-side HTTPS enforcement through redirect": "By
    /// default the controller redirects (308) to HTTPS if TLS is enabled for that ingress";
    /// `ssl-redirect: "false"` turns it off for one Ingress, `force-ssl-redirect: "true"`
    /// redirects without TLS.
    @Test func plainHTTPToAHostWithTLSIsRedirectedWith308() throws {
        let http = trace("http://178.91.123.132/foo/page?x=1")
        #expect(http.verdict == .redirected(status: 308, location: "https://shop.example.com/foo/page?x=1"))
        #expect(http.summary.en == "HTTP 308: redirected to https://shop.example.com/foo/page?x=1.")
        let answer = try #require(http.hops.last)
        #expect(answer.action == .deliver && answer.place == .pod(Self.cluster.ingressControllerPods.keys.first!))
        #expect(answer.explanation.fr.contains("ingress-nginx répond au HTTP en clair par 308"))
        #expect(http.reply.last?.after.src == IPv4Address("178.91.123.132"), "the answer goes back through the load balancer")
        #expect(trace("http://178.91.123.132/foo", host: "other.example.com").verdict == .http404, "no rule: no redirect either")
        let json = TraceReport.json(http, language: .en)
        #expect(json["verdict"] as? String == "redirected")
        #expect((json["redirect"] as? [String: Any])?["location"] as? String == "https://shop.example.com/foo/page?x=1")

        var b = SeedScene.builder()
        b.ingressControllerIPs = ["nginx": IPv4Address("178.91.123.132")!]
        let path = Ingress.Rule(host: "shop.example.com", paths: [Ingress.Path(path: "/", type: .prefix, backend: .init(service: "blue", port: .number(81)))])
        b.ingresses = [Ingress(name: ObjectName("default", "off"), rules: [path], tls: [Ingress.TLS(hosts: ["shop.example.com"], secretName: nil)],
                               annotations: ["nginx.ingress.kubernetes.io/ssl-redirect": "false"])]
        let off = Tracer(cluster: b.build().0).trace(Request(from: "user", url: "http://178.91.123.132/", headers: ["Host": "shop.example.com"]))
        #expect(off.verdict.name == "delivered")
        b.ingresses = [Ingress(name: ObjectName("default", "forced"), rules: [path], annotations: ["nginx.ingress.kubernetes.io/force-ssl-redirect": "true"])]
        let forced = Tracer(cluster: b.build().0).trace(Request(from: "user", url: "http://178.91.123.132/a", headers: ["Host": "shop.example.com"]))
        #expect(forced.verdict == .redirected(status: 308, location: "https://shop.example.com/a"))
        #expect(forced.hops.last?.explanation.en.contains("force-ssl-redirect") == true)
    }

    /// nginx picks its server by the Host without its port: `shop.example.com:8443` is shop.example.com.
    @Test func aHostHeaderWithAPortMatchesItsHost() {
        #expect(trace("https://178.91.123.132/foo", host: "shop.example.com:8443").service == ObjectName("default", "blue"))
    }

    /// ingress-nginx, "How it works": Ingresses are sorted by creationTimestamp and "if the
    /// same path for the same host is defined in more than one Ingress, the oldest rule wins".
    @Test func theOldestIngressWinsAHostAndPathDefinedTwice() {
        func ingress(_ name: String, _ service: String, _ created: String) -> Ingress {
            Ingress(name: ObjectName("default", name), rules: [Ingress.Rule(host: "a.example.com", paths: [
                Ingress.Path(path: "/", type: .prefix, backend: .init(service: service, port: .number(80)))])],
                    creationTimestamp: created)
        }
        let young = ingress("a-young", "young", "2026-03-01T10:00:00Z"), old = ingress("z-old", "old", "2025-11-20T08:30:00Z")
        #expect(IngressRouter.route(host: "a.example.com", path: "/x", ingresses: [young, old])?.backend.service == "old")
        #expect(IngressRouter.route(host: "a.example.com", path: "/x", ingresses: [old, young])?.backend.service == "old")
        // Without timestamps (written by hand), by namespace/name.
        var a = young, z = old
        a.creationTimestamp = nil; z.creationTimestamp = nil
        #expect(IngressRouter.route(host: "a.example.com", path: "/x", ingresses: [z, a])?.backend.service == "young")
    }

    @Test func noMatchingRuleIs404() {
        #expect(trace("http://178.91.123.132/baz").verdict == .http404)
        #expect(trace("http://178.91.123.132/foo", host: "other.example.com").verdict == .http404)
    }

    @Test func tlsUsesTheSecretThatCoversTheHost() throws {
        let https = trace("https://178.91.123.132/foo")
        let proxy = try #require(https.hops.first { $0.action == .proxy })
        #expect(proxy.explanation.en.contains("TLS ends here with the certificate of Secret default/shop-tls"))
    }

    @Test func theReplyGoesBackThroughTheController() {
        let foo = trace("https://178.91.123.132/foo")
        #expect(foo.reply.map(\.action) == [.send, .proxy, .conntrack, .deliver])
        #expect(foo.reply.last?.after.src == IPv4Address("178.91.123.132"))
    }

    @Test func aMissingServiceIs503AndIsReported() {
        var b = SeedScene.builder()
        b.ingresses = [Ingress(name: ObjectName("default", "i"), defaultBackend: .init(service: "ghost", port: .number(80)))]
        let (cluster, problems) = b.build()
        #expect(problems.map(\.text) == ["Ingress default/i: no Service ghost in namespace default: its requests get 503"])
        let lb = cluster.service(named: ObjectName("ingress-nginx", "ingress-nginx-controller"))!.loadBalancerIPs[0]
        let t = Tracer(cluster: cluster).trace(Request(from: "user", url: "http://\(lb)/"))
        #expect(t.verdict == .rejected)
        #expect(t.summary.en == "HTTP 503: Service default/ghost does not exist.")
    }
}
