/// `gateway.networking.k8s.io/v1`: GatewayClass, Gateway, HTTPRoute.
public struct GatewayClass: Sendable, Equatable {
    public var name: String
    public var controllerName: String
    public init(name: String, controllerName: String) {
        self.name = name
        self.controllerName = controllerName
    }
}

public struct Gateway: Sendable, Equatable {
    public enum RouteNamespaces: Sendable, Equatable {
        case same, all
        case selector(LabelSelector)
    }

    public struct Listener: Sendable, Equatable {
        public var name: String
        public var hostname: String?
        public var port: Int
        /// HTTP, HTTPS, TLS, TCP, UDP.
        public var `protocol`: String
        /// Secrets of `tls.certificateRefs` (HTTPS terminates TLS with them).
        public var certificateRefs: [ObjectName]
        public var allowedRoutes: RouteNamespaces
        public init(name: String, hostname: String? = nil, port: Int, protocol: String = "HTTP",
                    certificateRefs: [ObjectName] = [], allowedRoutes: RouteNamespaces = .same) {
            self.name = name
            self.hostname = hostname
            self.port = port
            self.protocol = `protocol`
            self.certificateRefs = certificateRefs
            self.allowedRoutes = allowedRoutes
        }
    }

    public var name: ObjectName
    public var className: String
    public var listeners: [Listener]
    /// `spec.addresses`: the address the data plane's load balancer gets.
    public var address: IPv4Address?
    public init(name: ObjectName, className: String, listeners: [Listener], address: IPv4Address? = nil) {
        self.name = name
        self.className = className
        self.listeners = listeners
        self.address = address
    }
}

public struct HTTPRoute: Sendable, Equatable {
    public struct ParentRef: Sendable, Equatable {
        public var name: ObjectName
        public var sectionName: String?
        public init(name: ObjectName, sectionName: String? = nil) {
            self.name = name
            self.sectionName = sectionName
        }
    }

    public enum PathMatch: Sendable, Equatable {
        case exact(String), prefix(String), regex(String)
    }

    public struct Match: Sendable, Equatable {
        public var path: PathMatch
        public var method: String?
        /// Exact header matches (names are case-insensitive).
        public var headers: [String: String]
        public var queryParams: [String: String]
        public init(path: PathMatch = .prefix("/"), method: String? = nil, headers: [String: String] = [:],
                    queryParams: [String: String] = [:]) {
            self.path = path
            self.method = method
            self.headers = headers
            self.queryParams = queryParams
        }
    }

    public struct BackendRef: Sendable, Equatable {
        public var service: ObjectName
        public var port: Int
        public var weight: Int
        public init(service: ObjectName, port: Int, weight: Int = 1) {
            self.service = service
            self.port = port
            self.weight = weight
        }
    }

    public struct Rule: Sendable, Equatable {
        /// Empty: one match, PathPrefix `/`.
        public var matches: [Match]
        public var backendRefs: [BackendRef]
        public init(matches: [Match] = [], backendRefs: [BackendRef]) {
            self.matches = matches
            self.backendRefs = backendRefs
        }
    }

    public var name: ObjectName
    public var parentRefs: [ParentRef]
    public var hostnames: [String]
    public var rules: [Rule]
    public init(name: ObjectName, parentRefs: [ParentRef], hostnames: [String] = [], rules: [Rule]) {
        self.name = name
        self.parentRefs = parentRefs
        self.hostnames = hostnames
        self.rules = rules
    }
}

/// An HTTP request as a Gateway sees it.
public struct HTTPRequestInfo: Sendable, Equatable {
    public var host: String
    public var path: String
    public var method: String
    public var headers: [String: String]
    public var query: [String: String]
    public init(host: String, path: String, method: String = "GET", headers: [String: String] = [:], query: [String: String] = [:]) {
        self.host = host
        self.path = path
        self.method = method
        self.headers = headers
        self.query = query
    }
}

public struct GatewayDecision: Sendable, Equatable {
    public var route: ObjectName
    public var ruleIndex: Int
    public var match: HTTPRoute.Match
    public var backendRefs: [HTTPRoute.BackendRef]
}

/// HTTPRoute matching as the Gateway API spec orders it (HTTPRouteRule, "Matches"):
/// across every rule of the Routes attached to the listener, precedence goes to
/// (0) the longest matching non-wildcard hostname, (1) the longest matching hostname,
/// then (2) an Exact path, (3) the longest PathPrefix, (4) a method match, (5) the most
/// header matches, (6) the most query matches; then the Route first by `namespace/name`
/// (creation time is not modelled), then the first rule in list order. Wildcard hostnames
/// match one or more labels. Nothing matches: 404.
public enum GatewayRouter {
    public static func hostMatches(_ pattern: String, _ host: String) -> Bool {
        let pattern = pattern.lowercased(), host = host.lowercased()
        guard pattern.hasPrefix("*.") else { return pattern == host }
        return host.hasSuffix(pattern.dropFirst(1)) && host.count > pattern.count - 1
    }

    public static func pathMatches(_ match: HTTPRoute.PathMatch, _ path: String) -> Bool {
        switch match {
        case .exact(let p): return p == path
        case .prefix(let p):
            let want = p.split(separator: "/"), have = path.split(separator: "/")
            return want.count <= have.count && zip(want, have).allSatisfy { $0 == $1 }
        case .regex(let r): return (try? Regex(r).wholeMatch(in: path)) != nil
        }
    }

    static func matches(_ m: HTTPRoute.Match, _ request: HTTPRequestInfo) -> Bool {
        guard pathMatches(m.path, request.path) else { return false }
        if let method = m.method, method.uppercased() != request.method.uppercased() { return false }
        for (name, value) in m.headers {
            guard request.headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value == value else { return false }
        }
        for (name, value) in m.queryParams where request.query[name] != value { return false }
        return true
    }

    /// The hostname of the Route that matches `host` (nil: the Route has none, so any).
    static func matchingHostname(_ route: HTTPRoute, _ host: String) -> String?? {
        if route.hostnames.isEmpty { return .some(nil) }
        return route.hostnames.first { hostMatches($0, host) }.map { .some($0) }
    }

    public static func route(_ request: HTTPRequestInfo, routes: [HTTPRoute]) -> GatewayDecision? {
        var best: (key: [Int], decision: GatewayDecision)?
        for route in routes.sorted(by: { $0.name < $1.name }) {
            guard let hostname = matchingHostname(route, request.host) else { continue }
            let exactHost = hostname.map { $0.hasPrefix("*.") ? 0 : $0.count } ?? 0
            let anyHost = hostname?.count ?? 0
            for (r, rule) in route.rules.enumerated() {
                for m in (rule.matches.isEmpty ? [HTTPRoute.Match()] : rule.matches) where matches(m, request) {
                    let pathKey: (Int, Int) = {
                        switch m.path {
                        case .exact: return (1, 0)
                        case .prefix(let p): return (0, p.count)
                        case .regex: return (0, 0)
                        }
                    }()
                    let key = [exactHost, anyHost, pathKey.0, pathKey.1, m.method == nil ? 0 : 1, m.headers.count, m.queryParams.count]
                    let decision = GatewayDecision(route: route.name, ruleIndex: r, match: m, backendRefs: rule.backendRefs)
                    // Strictly better only: on a tie the earlier Route (by name) and rule stay.
                    if best == nil || best!.key.lexicographicallyPrecedes(key) { best = (key, decision) }
                }
            }
        }
        return best?.decision
    }

    /// Each backend's share of the traffic: weight / sum of weights (weight 0: none).
    public static func shares(_ refs: [HTTPRoute.BackendRef]) -> [Double] {
        let total = refs.reduce(0) { $0 + max(0, $1.weight) }
        return refs.map { total == 0 ? 0 : Double(max(0, $0.weight)) / Double(total) }
    }
}
