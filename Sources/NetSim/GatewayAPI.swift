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
        /// `parentRefs[].port`: only the listeners on this port (HTTPRouteListenerPortMatching).
        public var port: Int?
        public init(name: ObjectName, sectionName: String? = nil, port: Int? = nil) {
            self.name = name
            self.sectionName = sectionName
            self.port = port
        }

        /// Whether this reference attaches the Route to `listener` of `gateway`.
        public func attaches(to gateway: ObjectName, listener: Gateway.Listener) -> Bool {
            name == gateway && (sectionName == nil || sectionName == listener.name) && (port == nil || port == listener.port)
        }
    }

    /// How a filter changes a path (HTTPPathModifier).
    public enum PathModifier: Sendable, Equatable {
        case replaceFullPath(String), replacePrefixMatch(String)

        /// The new path for `path`, matched by `match` (ReplacePrefixMatch needs a PathPrefix
        /// match: the matched elements are replaced, the rest kept; conformance
        /// HTTPRouteRewritePath: `/prefix/one/two` with prefix `/prefix/one` → `/one/two`,
        /// `/strip-prefix/three` with replacement `/` → `/three`).
        public func apply(to path: String, matched match: PathMatch) -> String {
            switch self {
            case .replaceFullPath(let p): return p
            case .replacePrefixMatch(let replacement):
                guard case .prefix(let prefix) = match else { return replacement }
                let elements = prefix.split(separator: "/").count
                let rest = path.split(separator: "/", omittingEmptySubsequences: true).dropFirst(elements)
                var head = replacement
                while head.hasSuffix("/") { head.removeLast() }
                let trailing = path.hasSuffix("/") && !rest.isEmpty ? "/" : ""
                let joined = head + rest.map { "/" + $0 }.joined() + trailing
                return joined.isEmpty ? "/" : joined
            }
        }
    }

    /// HTTPRequestRedirectFilter: the data plane answers with a redirect itself.
    public struct Redirect: Sendable, Equatable {
        public var scheme: String?
        public var hostname: String?
        public var path: PathModifier?
        public var port: Int?
        /// 301 or 302 (the spec's default).
        public var statusCode: Int
        public init(scheme: String? = nil, hostname: String? = nil, path: PathModifier? = nil, port: Int? = nil, statusCode: Int = 302) {
            self.scheme = scheme
            self.hostname = hostname
            self.path = path
            self.port = port
            self.statusCode = statusCode
        }
    }

    /// HTTPURLRewriteFilter: what the backend receives instead of the request's host and path.
    public struct Rewrite: Sendable, Equatable {
        public var hostname: String?
        public var path: PathModifier?
        public init(hostname: String? = nil, path: PathModifier? = nil) {
            self.hostname = hostname
            self.path = path
        }
    }

    public enum Filter: Sendable, Equatable {
        case requestRedirect(Redirect)
        case urlRewrite(Rewrite)
        /// A filter the engine does not model (RequestHeaderModifier, RequestMirror…), by type.
        case other(String)
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
        /// The header and query names whose value is a `RegularExpression` match, not `Exact`.
        public var regexNames: Set<String> = []
        public init(path: PathMatch = .prefix("/"), method: String? = nil, headers: [String: String] = [:],
                    queryParams: [String: String] = [:], regexNames: Set<String> = []) {
            self.path = path
            self.method = method
            self.headers = headers
            self.queryParams = queryParams
            self.regexNames = regexNames
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
        public var filters: [Filter]
        public init(matches: [Match] = [], backendRefs: [BackendRef], filters: [Filter] = []) {
            self.matches = matches
            self.backendRefs = backendRefs
            self.filters = filters
        }
    }

    public var name: ObjectName
    public var parentRefs: [ParentRef]
    public var hostnames: [String]
    public var rules: [Rule]
    /// `metadata.creationTimestamp` (RFC 3339, as the API server writes it): the oldest Route wins a tie.
    public var creationTimestamp: String?
    public init(name: ObjectName, parentRefs: [ParentRef], hostnames: [String] = [], rules: [Rule], creationTimestamp: String? = nil) {
        self.name = name
        self.parentRefs = parentRefs
        self.hostnames = hostnames
        self.rules = rules
        self.creationTimestamp = creationTimestamp
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

/// `gateway.networking.k8s.io/v1beta1` ReferenceGrant: lets objects of other namespaces refer
/// to objects of its own (conformance HTTPRouteReferenceGrant: a backendRef to a Service in
/// another namespace is refused, RefNotPermitted, unless a grant in the Service's namespace
/// names the HTTPRoute's namespace in `from` and Services in `to`).
public struct ReferenceGrant: Sendable, Equatable {
    public struct From: Sendable, Equatable {
        public var group: String
        public var kind: String
        public var namespace: String
        public init(group: String, kind: String, namespace: String) {
            self.group = group
            self.kind = kind
            self.namespace = namespace
        }
    }
    public struct To: Sendable, Equatable {
        public var group: String
        public var kind: String
        /// nil: every object of the kind in the grant's namespace.
        public var name: String?
        public init(group: String, kind: String, name: String? = nil) {
            self.group = group
            self.kind = kind
            self.name = name
        }
    }
    public var name: ObjectName
    public var from: [From]
    public var to: [To]
    public init(name: ObjectName, from: [From], to: [To]) {
        self.name = name
        self.from = from
        self.to = to
    }

    /// Whether this grant lets an HTTPRoute of `namespace` send to `service` (the core group is "").
    public func permits(routeNamespace namespace: String, service: ObjectName) -> Bool {
        permits(fromKind: "HTTPRoute", namespace: namespace, toKind: "Service", target: service)
    }

    /// Whether this grant lets a `fromKind` of the Gateway API group in `namespace` refer to
    /// `target`, a core object of `toKind` (a Gateway's listener to a Secret in another
    /// namespace: conformance GatewaySecretReferenceGrantSpecific / GatewaySecretMissingReferenceGrant).
    public func permits(fromKind: String, namespace: String, toKind: String, target: ObjectName) -> Bool {
        target.namespace == name.namespace
            && from.contains { $0.group == "gateway.networking.k8s.io" && $0.kind == fromKind && $0.namespace == namespace }
            && to.contains { $0.group == "" && $0.kind == toKind && ($0.name == nil || $0.name == target.name) }
    }
}

public struct GatewayDecision: Sendable, Equatable {
    public var route: ObjectName
    public var ruleIndex: Int
    public var match: HTTPRoute.Match
    public var backendRefs: [HTTPRoute.BackendRef]
    public var filters: [HTTPRoute.Filter] = []
}

/// HTTPRoute matching as the Gateway API spec orders it (HTTPRouteRule, "Matches"):
/// across every rule of the Routes attached to the listener, precedence goes to
/// (0) the longest matching non-wildcard hostname, (1) the longest matching hostname,
/// then (2) an Exact path, (3) the longest PathPrefix, (4) a method match, (5) the most
/// header matches, (6) the most query matches; then the oldest Route (creationTimestamp),
/// then the Route first by `namespace/name`, then the first rule in list order. Wildcard
/// hostnames match one or more labels. Nothing matches: 404.
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
        func equal(_ name: String, _ want: String, _ have: String?) -> Bool {
            guard let have else { return false }
            guard m.regexNames.contains(name) else { return want == have }
            return (try? Regex(want).wholeMatch(in: have)) != nil
        }
        for (name, value) in m.headers {
            guard equal(name, value, request.headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value) else { return false }
        }
        for (name, value) in m.queryParams where !equal(name, value, request.query[name]) { return false }
        return true
    }

    /// The hostname of the Route that matches `host` (nil: the Route has none, so any).
    static func matchingHostname(_ route: HTTPRoute, _ host: String) -> String?? {
        if route.hostnames.isEmpty { return .some(nil) }
        return route.hostnames.first { hostMatches($0, host) }.map { .some($0) }
    }

    public static func route(_ request: HTTPRequestInfo, routes: [HTTPRoute]) -> GatewayDecision? {
        var best: (key: [Int], decision: GatewayDecision)?
        // Oldest first; a Route without timestamp (written by hand) counts as the newest.
        let ordered = routes.sorted { a, b in
            let ta = a.creationTimestamp ?? "~", tb = b.creationTimestamp ?? "~"
            return ta != tb ? ta < tb : a.name < b.name
        }
        for route in ordered {
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
                    let decision = GatewayDecision(route: route.name, ruleIndex: r, match: m, backendRefs: rule.backendRefs, filters: rule.filters)
                    // Strictly better only: on a tie the earlier Route (by name) and rule stay.
                    if best == nil || best!.key.lexicographicallyPrecedes(key) { best = (key, decision) }
                }
            }
        }
        return best?.decision
    }

    /// Each backend's share of the traffic: weight / sum of weights (weight 0: none).
    /// The listener that takes a request for `host` on `port`: an exact hostname before a
    /// wildcard, a longer wildcard before a shorter, a listener without hostname last (the
    /// Listener `hostname` precedence; conformance HTTPRouteListenerHostnameMatching).
    public static func listener(of gateway: Gateway, host: String, port: Int) -> Gateway.Listener? {
        let candidates = gateway.listeners.filter { $0.port == port && ($0.hostname.map { hostMatches($0, host) } ?? true) }
        func rank(_ l: Gateway.Listener) -> (Int, Int) {
            guard let h = l.hostname else { return (0, 0) }
            return h.hasPrefix("*.") ? (1, h.count) : (2, h.count)
        }
        return candidates.max { rank($0) < rank($1) }
    }

    /// The request's host without a port (`very.specific.com:1234` matches `very.specific.com`:
    /// conformance HTTPRouteHostnameIntersection).
    public static func hostWithoutPort(_ host: String) -> String {
        guard let colon = host.lastIndex(of: ":"), !host.hasSuffix("]"), host[host.index(after: colon)...].allSatisfy(\.isNumber) else { return host }
        return String(host[..<colon])
    }

    public static func shares(_ refs: [HTTPRoute.BackendRef]) -> [Double] {
        let total = refs.reduce(0) { $0 + max(0, $1.weight) }
        return refs.map { total == 0 ? 0 : Double(max(0, $0.weight)) / Double(total) }
    }
}
