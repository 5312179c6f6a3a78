import Speech
import Words
import Testing
@testable import NetSim

/// Gateway API routing, from the HTTPRoute spec (gateway-api.sigs.k8s.io, HTTPRouteRule:
/// match precedence; HTTPBackendRef: weights; Listener: hostnames and allowedRoutes).
struct GatewayRouterTests {
    func ref(_ name: String, weight: Int = 1) -> HTTPRoute.BackendRef {
        HTTPRoute.BackendRef(service: ObjectName("default", name), port: 80, weight: weight)
    }
    func route(_ name: String, hostnames: [String] = [], _ rules: [HTTPRoute.Rule]) -> HTTPRoute {
        HTTPRoute(name: ObjectName("default", name), parentRefs: [.init(name: ObjectName("default", "gw"))], hostnames: hostnames, rules: rules)
    }
    func pick(_ routes: [HTTPRoute], _ request: HTTPRequestInfo) -> String? {
        GatewayRouter.route(request, routes: routes)?.backendRefs.first?.service.name
    }

    @Test func precedenceFollowsTheSpec() {
        let routes = [route("r", [
            .init(matches: [.init(path: .prefix("/"))], backendRefs: [ref("root")]),
            .init(matches: [.init(path: .prefix("/api"))], backendRefs: [ref("api")]),
            .init(matches: [.init(path: .exact("/api"))], backendRefs: [ref("api-exact")]),
            .init(matches: [.init(path: .prefix("/api/v2"))], backendRefs: [ref("v2")]),
            .init(matches: [.init(path: .prefix("/api/v2"), method: "POST")], backendRefs: [ref("v2-post")]),
            .init(matches: [.init(path: .prefix("/api/v2"), method: "POST", headers: ["env": "canary"])], backendRefs: [ref("canary")]),
        ])]
        #expect(pick(routes, .init(host: "h", path: "/api")) == "api-exact", "Exact before Prefix")
        #expect(pick(routes, .init(host: "h", path: "/api/v1")) == "api", "the longest prefix")
        #expect(pick(routes, .init(host: "h", path: "/api/v2/x")) == "v2")
        #expect(pick(routes, .init(host: "h", path: "/api/v2/x", method: "POST")) == "v2-post", "a method match")
        #expect(pick(routes, .init(host: "h", path: "/api/v2", method: "POST", headers: ["ENV": "canary"])) == "canary", "more header matches; names are case-insensitive")
        #expect(pick(routes, .init(host: "h", path: "/other")) == "root")
    }

    @Test func hostnamesPreciseBeforeWildcardAndWildcardsSpanLabels() {
        let routes = [
            route("any", [.init(backendRefs: [ref("any")])]),
            route("wild", hostnames: ["*.example.com"], [.init(backendRefs: [ref("wild")])]),
            route("exact", hostnames: ["shop.example.com"], [.init(backendRefs: [ref("exact")])]),
        ]
        #expect(pick(routes, .init(host: "shop.example.com", path: "/")) == "exact")
        #expect(pick(routes, .init(host: "a.b.example.com", path: "/")) == "wild", "a Gateway API wildcard covers several labels")
        #expect(pick(routes, .init(host: "example.com", path: "/")) == "any")
    }

    @Test func tiesGoToTheFirstRouteByNameThenTheFirstRule() {
        let routes = [route("b", [.init(backendRefs: [ref("from-b")])]), route("a", [.init(backendRefs: [ref("from-a")]), .init(backendRefs: [ref("second")])])]
        #expect(pick(routes, .init(host: "h", path: "/")) == "from-a")
    }

    @Test func queryParamsAndNoMatch() {
        let routes = [route("q", [.init(matches: [.init(path: .prefix("/"), queryParams: ["version": "2"])], backendRefs: [ref("v2")])])]
        #expect(pick(routes, .init(host: "h", path: "/", query: ["version": "2"])) == "v2")
        #expect(GatewayRouter.route(.init(host: "h", path: "/"), routes: routes) == nil, "404")
    }

    @Test func weightsShareTheTraffic() {
        #expect(GatewayRouter.shares([ref("a", weight: 90), ref("b", weight: 10)]) == [0.9, 0.1])
        #expect(GatewayRouter.shares([ref("a", weight: 0), ref("b")]) == [0, 1])
    }
}

struct GatewayTraceTests {
    static func cluster(allowed: Gateway.RouteNamespaces = .same, routeNamespace: String = "default") -> Cluster {
        var b = SeedScene.builder()
        b.gatewayClasses = [GatewayClass(name: "eg", controllerName: "gateway.envoyproxy.io/gatewaygateway-controller")]
        b.gateways = [Gateway(name: ObjectName("default", "web"), className: "eg",
                              listeners: [.init(name: "http", hostname: "*.example.com", port: 80, allowedRoutes: allowed)],
                              address: IPv4Address("198.51.100.80"))]
        b.httpRoutes = [HTTPRoute(name: ObjectName(routeNamespace, "split"), parentRefs: [.init(name: ObjectName("default", "web"))],
                                  hostnames: ["shop.example.com"], rules: [
            .init(matches: [.init(path: .prefix("/"))], backendRefs: [
                HTTPRoute.BackendRef(service: ObjectName(routeNamespace, "blue"), port: 81, weight: 80),
                HTTPRoute.BackendRef(service: ObjectName(routeNamespace, "green"), port: 82, weight: 20),
            ]),
        ])]
        return b.build().0
    }

    func trace(_ c: Cluster, host: String = "shop.example.com", seed: UInt64 = 0) -> Trace {
        Tracer(cluster: c).trace(Request(from: "user", url: "http://198.51.100.80/", headers: ["Host": host], seed: seed))
    }

    @Test func weightedBackendsThroughTheDataPlane() {
        let c = Self.cluster()
        let t = trace(c)
        #expect(t.verdict.name == "delivered")
        #expect(t.candidates.map(\.probability) == [0.4, 0.4, 0.1, 0.1])
        #expect(t.hops.first { $0.action == .proxy }?.ruleText == "HTTPRoute default/split rule 1: path PathPrefix / → blue:81 (weight 80), green:82 (weight 20)")
        let services = (0..<1000 as Range<UInt64>).map { trace(c, seed: $0).service?.name }
        #expect(services.filter { $0 == "blue" }.count == 800, "the seeded draw follows the weights")
    }

    @Test func aHostNoListenerServesIs404() {
        #expect(trace(Self.cluster(), host: "shop.other.org").verdict == .http404)
    }

    @Test func routesFromOtherNamespacesNeedAllowedRoutes() {
        let same = Self.cluster(routeNamespace: "team")
        #expect(trace(same).verdict == .http404, "allowedRoutes: Same (the default) ignores a Route of another namespace")
        let all = Self.cluster(allowed: .all, routeNamespace: "team")
        #expect(trace(all).verdict == .rejected, "attached, but the Services are not in `team`: 500")
    }
}

/// The Gateway API rules that come from its conformance suite (gateway-api
/// conformance/tests/*.go) and spec text, one test per rule.
struct GatewayConformanceTests {
    static let address = "198.51.100.80"

    /// A cluster with Gateway `web` (listeners given) and the routes given, Services blue and green in `default`.
    static func cluster(listeners: [Gateway.Listener] = [.init(name: "http", port: 80)], routes: [HTTPRoute],
                        grants: [ReferenceGrant] = [], edit: (inout ClusterBuilder) -> Void = { _ in }) -> Cluster {
        var b = SeedScene.builder()
        b.gatewayClasses = [GatewayClass(name: "eg", controllerName: "gateway.envoyproxy.io/gatewayclass-controller")]
        b.gateways = [Gateway(name: ObjectName("default", "web"), className: "eg", listeners: listeners, address: IPv4Address(address))]
        b.httpRoutes = routes
        b.referenceGrants = grants
        edit(&b)
        return b.build().0
    }

    static func route(_ name: String, namespace: String = "default", parent: HTTPRoute.ParentRef = .init(name: ObjectName("default", "web")),
                      hostnames: [String] = [], created: String? = nil, _ rules: [HTTPRoute.Rule]) -> HTTPRoute {
        HTTPRoute(name: ObjectName(namespace, name), parentRefs: [parent], hostnames: hostnames, rules: rules, creationTimestamp: created)
    }

    static func to(_ service: String, _ port: Int, namespace: String = "default") -> HTTPRoute.BackendRef {
        HTTPRoute.BackendRef(service: ObjectName(namespace, service), port: port)
    }

    func trace(_ c: Cluster, _ path: String = "/", host: String = "shop.example.com", port: Int = 80, seed: UInt64 = 0) -> Trace {
        Tracer(cluster: c).trace(Request(from: "user", url: "http://\(Self.address):\(port)\(path)", headers: ["Host": host], seed: seed))
    }

    /// HTTPRouteHostnameIntersection: `very.specific.com:1234` is served as `very.specific.com`.
    @Test func aHostHeaderWithAPortMatchesOnItsHostPart() {
        let c = Self.cluster(routes: [Self.route("r", hostnames: ["very.specific.com"], [.init(backendRefs: [Self.to("blue", 81)])])])
        #expect(trace(c, host: "very.specific.com:1234").service == ObjectName("default", "blue"))
        #expect(trace(c, host: "other.com:1234").verdict == .http404)
    }

    /// Listener hostname precedence (Listener.hostname; HTTPRouteListenerHostnameMatching):
    /// `foo.bar.com` goes to the listener named for it, not to the longer `*.something.bar.com`
    /// nor to `*.bar.com`; a listener without hostname takes what none other does.
    @Test func anExactListenerHostnameBeatsAWildcard() {
        let listeners: [Gateway.Listener] = [
            .init(name: "any", port: 80),
            .init(name: "wild", hostname: "*.bar.com", port: 80),
            .init(name: "exact", hostname: "foo.bar.com", port: 80),
        ]
        let gateway = Gateway(name: ObjectName("default", "web"), className: "eg", listeners: listeners)
        #expect(GatewayRouter.listener(of: gateway, host: "foo.bar.com", port: 80)?.name == "exact")
        #expect(GatewayRouter.listener(of: gateway, host: "baz.bar.com", port: 80)?.name == "wild")
        #expect(GatewayRouter.listener(of: gateway, host: "bar.org", port: 80)?.name == "any")
        let long = Gateway(name: gateway.name, className: "eg", listeners: [.init(name: "long", hostname: "*.very.long.bar.com", port: 80),
                                                                            .init(name: "short", hostname: "x.bar.com", port: 80)])
        #expect(GatewayRouter.listener(of: long, host: "x.bar.com", port: 80)?.name == "short", "exact before a longer wildcard")
    }

    /// HTTPRouteListenerPortMatching: `parentRefs[].port` attaches the Route to the listeners on that port only.
    @Test func aParentRefPortAttachesToThatPortOnly() {
        let listeners: [Gateway.Listener] = [.init(name: "l80", port: 80), .init(name: "l8080", port: 8080)]
        let c = Self.cluster(listeners: listeners, routes: [
            Self.route("only-8080", parent: .init(name: ObjectName("default", "web"), port: 8080), [.init(backendRefs: [Self.to("blue", 81)])]),
        ])
        #expect(trace(c, port: 8080).service == ObjectName("default", "blue"))
        #expect(trace(c, port: 80).verdict == .http404, "not attached to the listener on 80")
    }

    /// HTTPRouteReferenceGrant: a backendRef to another namespace is refused (RefNotPermitted,
    /// 500) until a ReferenceGrant in the Service's namespace allows HTTPRoutes of the Route's.
    @Test func aCrossNamespaceBackendNeedsAReferenceGrant() {
        let routes = [Self.route("r", namespace: "front", [.init(backendRefs: [Self.to("blue", 81, namespace: "default")])])]
        let listeners: [Gateway.Listener] = [.init(name: "http", port: 80, allowedRoutes: .all)]
        let refused = trace(Self.cluster(listeners: listeners, routes: routes))
        #expect(refused.verdict == .rejected)
        #expect(refused.hops.last?.explanation.en == "The backend drawn, default/blue, cannot be used (it is in namespace default and no ReferenceGrant there allows this HTTPRoute): the requests that fall to it get 500.")
        #expect(refused.summary.en == "HTTP 500: backend default/blue cannot be used.")
        let grant = ReferenceGrant(name: ObjectName("default", "from-front"),
                                   from: [.init(group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "front")],
                                   to: [.init(group: "", kind: "Service")])
        #expect(trace(Self.cluster(listeners: listeners, routes: routes, grants: [grant])).service == ObjectName("default", "blue"))
        let other = ReferenceGrant(name: ObjectName("default", "g"), from: [.init(group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "back")],
                                   to: [.init(group: "", kind: "Service", name: "blue")])
        #expect(trace(Self.cluster(listeners: listeners, routes: routes, grants: [other])).verdict == .rejected, "granted to another namespace")
    }

    /// HTTPBackendRef: the share of the requests that would go to an invalid backend gets 500;
    /// the others are still served (the weights are not shared out anew).
    @Test func anInvalidBackendKeepsItsShareAndAnswers500() {
        let c = Self.cluster(routes: [Self.route("r", [.init(backendRefs: [Self.to("blue", 81), Self.to("ghost", 80)])])])
        let verdicts = (0..<1000 as Range<UInt64>).map { trace(c, seed: $0).verdict.name }
        #expect(verdicts.filter { $0 == "rejected" }.count == 500)
        #expect(verdicts.filter { $0 == "delivered" }.count == 500)
    }

    /// HTTPRouteRequestRedirect / HTTPRouteHTTPSListener redirect cases (HTTPRequestRedirectFilter):
    /// 302 by default; an https scheme takes port 443 and writes no port; ReplacePrefixMatch
    /// keeps what follows the matched prefix.
    @Test func aRequestRedirectIsAnsweredByTheDataPlane() throws {
        let c = Self.cluster(routes: [Self.route("r", [
            .init(matches: [.init(path: .prefix("/secure"))], backendRefs: [], filters: [.requestRedirect(.init(scheme: "https"))]),
            .init(matches: [.init(path: .prefix("/old"))], backendRefs: [],
                  filters: [.requestRedirect(.init(hostname: "new.example.com", path: .replacePrefixMatch("/new"), statusCode: 301))]),
            .init(matches: [.init(path: .prefix("/port"))], backendRefs: [], filters: [.requestRedirect(.init(port: 8083))]),
        ])])
        let secure = trace(c, "/secure/login")
        #expect(secure.verdict == .redirected(status: 302, location: "https://shop.example.com/secure/login"))
        let answer = try #require(secure.hops.last)
        #expect(answer.action == .deliver)
        #expect(answer.explanation.en == "A RequestRedirect filter of HTTPRoute default/r: the data plane answers 302 itself, Location: https://shop.example.com/secure/login. No Pod is reached; the client asks again there.")
        #expect(!secure.reply.isEmpty, "the answer goes back to the client")
        #expect(trace(c, "/old/a/b").verdict == .redirected(status: 301, location: "http://new.example.com/new/a/b"))
        #expect(trace(c, "/port").verdict == .redirected(status: 302, location: "http://shop.example.com:8083/port"))
    }

    /// HTTPRouteRewritePath and HTTPRouteRewriteHost: the backend receives the rewritten path and Host.
    @Test func aURLRewriteChangesWhatThePodReceives() throws {
        #expect(HTTPRoute.PathModifier.replacePrefixMatch("/one").apply(to: "/prefix/one/two", matched: .prefix("/prefix/one")) == "/one/two")
        #expect(HTTPRoute.PathModifier.replacePrefixMatch("/").apply(to: "/strip-prefix/three", matched: .prefix("/strip-prefix")) == "/three")
        #expect(HTTPRoute.PathModifier.replacePrefixMatch("/").apply(to: "/strip-prefix", matched: .prefix("/strip-prefix")) == "/")
        #expect(HTTPRoute.PathModifier.replaceFullPath("/one").apply(to: "/full/path/x", matched: .prefix("/full")) == "/one")
        let c = Self.cluster(routes: [Self.route("r", [
            .init(matches: [.init(path: .prefix("/api"))], backendRefs: [Self.to("blue", 81)],
                  filters: [.urlRewrite(.init(hostname: "internal.svc", path: .replacePrefixMatch("/")))]),
        ])])
        let t = trace(c, "/api/orders")
        #expect(t.service == ObjectName("default", "blue"))
        let proxy = try #require(t.hops.first { $0.action == .proxy })
        #expect(proxy.explanation.en.contains("URLRewrite: the Pod receives Host internal.svc, path /orders."))
        #expect(proxy.explanation.fr.contains("URLRewrite : le Pod reçoit Host internal.svc et le chemin /orders."))
    }

    /// HTTPRouteRule precedence: "If ties still exist across multiple Routes, matching
    /// precedence MUST be determined in order of: the oldest Route based on creation
    /// timestamp; the Route appearing first in alphabetical order by {namespace}/{name}."
    @Test func theOldestRouteWinsATie() {
        let young = Self.route("a-young", created: "2026-06-01T00:00:00Z", [.init(backendRefs: [Self.to("blue", 81)])])
        let old = Self.route("z-old", created: "2025-01-15T12:00:00Z", [.init(backendRefs: [Self.to("green", 82)])])
        #expect(trace(Self.cluster(routes: [young, old])).service == ObjectName("default", "green"))
        let untimed = Self.route("b", [.init(backendRefs: [Self.to("blue", 81)])])
        #expect(trace(Self.cluster(routes: [untimed, old])).service == ObjectName("default", "green"), "a Route without timestamp counts as the newest")
    }

    /// GatewaySecretMissingReferenceGrant / GatewaySecretReferenceGrantSpecific: a listener's
    /// certificateRef to a Secret of another namespace is refused (the listener is not
    /// programmed) unless a ReferenceGrant there lets Gateways of this namespace use it.
    @Test func aCertificateInAnotherNamespaceNeedsAReferenceGrant() throws {
        let secret = ObjectName("certs", "shop-tls")
        let listeners: [Gateway.Listener] = [.init(name: "https", port: 443, protocol: "HTTPS", certificateRefs: [secret])]
        let routes = [Self.route("r", [.init(backendRefs: [Self.to("blue", 81)])])]
        func proxy(_ grants: [ReferenceGrant]) throws -> Hop {
            let c = Self.cluster(listeners: listeners, routes: routes, grants: grants) { $0.tlsSecrets = [secret] }
            let t = Tracer(cluster: c).trace(Request(from: "user", url: "https://\(Self.address)/", headers: ["Host": "shop.example.com"]))
            return try #require(t.hops.first { $0.action == .proxy })
        }
        #expect(try proxy([]).explanation.en.hasSuffix("Listener https may not use Secret certs/shop-tls: no ReferenceGrant in namespace certs allows it, so the listener is not programmed."))
        let grant = ReferenceGrant(name: ObjectName("certs", "gateways"), from: [.init(group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "default")],
                                   to: [.init(group: "", kind: "Secret", name: "shop-tls")])
        #expect(try proxy([grant]).explanation.en.hasSuffix("TLS ends at listener https with certs/shop-tls."))
    }

    /// A redirect keeps the request's query string.
    @Test func aRedirectKeepsTheQuery() {
        let c = Self.cluster(routes: [Self.route("r", [.init(backendRefs: [], filters: [.requestRedirect(.init(hostname: "new.example.com"))])])])
        #expect(trace(c, "/search?q=pods&page=2").verdict == .redirected(status: 302, location: "http://new.example.com/search?q=pods&page=2"))
    }
}
