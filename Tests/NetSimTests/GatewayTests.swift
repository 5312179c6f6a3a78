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
