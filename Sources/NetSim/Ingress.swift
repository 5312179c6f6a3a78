/// `networking.k8s.io/v1` Ingress and IngressClass, and how a controller picks a backend.
public struct Ingress: Sendable, Equatable {
    public enum PathType: String, Sendable, Equatable {
        case exact = "Exact", prefix = "Prefix", implementationSpecific = "ImplementationSpecific"
    }

    /// A Service and one of its ports, by number or by name.
    public struct Backend: Sendable, Equatable, CustomStringConvertible {
        public var service: String
        public var port: TargetPort
        public init(service: String, port: TargetPort) {
            self.service = service
            self.port = port
        }
        public var description: String { "\(service):\(port)" }
    }

    public struct Path: Sendable, Equatable {
        public var path: String
        public var type: PathType
        public var backend: Backend
        public init(path: String, type: PathType, backend: Backend) {
            self.path = path
            self.type = type
            self.backend = backend
        }
    }

    public struct Rule: Sendable, Equatable {
        /// nil: any host.
        public var host: String?
        public var paths: [Path]
        public init(host: String?, paths: [Path]) {
            self.host = host
            self.paths = paths
        }
    }

    public struct TLS: Sendable, Equatable {
        public var hosts: [String]
        public var secretName: String?
        public init(hosts: [String], secretName: String?) {
            self.hosts = hosts
            self.secretName = secretName
        }
    }

    public var name: ObjectName
    public var className: String?
    public var defaultBackend: Backend?
    public var rules: [Rule]
    public var tls: [TLS]
    public var annotations: [String: String]
    /// `metadata.creationTimestamp` (RFC 3339): the oldest Ingress wins a host and path
    /// defined twice.
    public var creationTimestamp: String?

    public init(name: ObjectName, className: String? = nil, defaultBackend: Backend? = nil, rules: [Rule] = [],
                tls: [TLS] = [], annotations: [String: String] = [:], creationTimestamp: String? = nil) {
        self.name = name
        self.className = className
        self.defaultBackend = defaultBackend
        self.rules = rules
        self.tls = tls
        self.annotations = annotations
        self.creationTimestamp = creationTimestamp
    }

    /// ingress-nginx's `nginx.ingress.kubernetes.io/…` annotations, by their short name.
    public func nginxAnnotation(_ name: String) -> String? { annotations["nginx.ingress.kubernetes.io/" + name] }
}

public struct IngressClass: Sendable, Equatable {
    public var name: String
    public var controller: String
    public var isDefault: Bool
    public init(name: String, controller: String = "k8s.io/ingress-nginx", isDefault: Bool = false) {
        self.name = name
        self.controller = controller
        self.isDefault = isDefault
    }
}

/// What an Ingress controller decided for one HTTP request.
public struct IngressDecision: Sendable, Equatable {
    public var ingress: ObjectName
    /// The rule's host (`*.foo.com`), nil for a rule without host or the default backend.
    public var host: String?
    /// The path that matched, nil for the default backend.
    public var path: Ingress.Path?
    public var backend: Ingress.Backend
}

/// The matching rules of the Ingress documentation (kubernetes.io, "Ingress": path types,
/// "Examples" and "Hostname wildcards"):
/// - Exact: the whole path, case-sensitive; Prefix: element by element on `/` (a trailing
///   slash is ignored; `/aaa/bb` does not match `/aaa/bbb`); ImplementationSpecific follows
///   the controller: ingress-nginx writes it as a plain nginx `location /foo`, a prefix of
///   the string (`/foo` matches `/foobar`), where Prefix is emulated element by element;
/// - the longest matching path wins, and Exact beats Prefix at equal length;
/// - a wildcard host covers exactly one DNS label; an exact host beats a wildcard, which
///   beats rules without host, and the host chosen decides alone (no falling back to
///   another host's paths);
/// - nothing matches: the Ingress `defaultBackend`, else the controller's 404;
/// - the same host and path in two Ingresses: the oldest Ingress wins (ingress-nginx,
///   "How it works": Ingresses are sorted by creationTimestamp, "if the same path for the
///   same host is defined in more than one Ingress, the oldest rule wins").
public enum IngressRouter {
    /// Oldest first (creationTimestamp), then by `namespace/name`; an Ingress written by hand
    /// without a timestamp counts as the newest.
    public static func byAge(_ ingresses: [Ingress]) -> [Ingress] {
        ingresses.sorted { a, b in
            let ta = a.creationTimestamp ?? "~", tb = b.creationTimestamp ?? "~"
            return ta != tb ? ta < tb : a.name < b.name
        }
    }

    public static func hostMatches(_ pattern: String, _ host: String) -> Bool {
        let host = host.lowercased(), pattern = pattern.lowercased()
        guard pattern.hasPrefix("*.") else { return pattern == host }
        let suffix = pattern.dropFirst(1)   // ".foo.com"
        guard host.hasSuffix(suffix) else { return false }
        let label = host.dropLast(suffix.count)
        return !label.isEmpty && !label.contains(".")
    }

    static func elements(_ path: String) -> [Substring] { path.split(separator: "/") }

    public static func pathMatches(_ rule: Ingress.Path, _ requestPath: String) -> Bool {
        switch rule.type {
        case .exact:
            return rule.path == requestPath
        case .implementationSpecific:
            return requestPath.hasPrefix(rule.path)
        case .prefix:
            let want = elements(rule.path), have = elements(requestPath)
            return want.count <= have.count && zip(want, have).allSatisfy { $0 == $1 }
        }
    }

    /// The decision for `host` and `path` among the Ingresses a controller serves.
    public static func route(host: String, path: String, ingresses unordered: [Ingress]) -> IngressDecision? {
        let ingresses = byAge(unordered)
        let rules = ingresses.flatMap { ing in ing.rules.map { (ing.name, $0) } }
        let exact = rules.filter { $0.1.host.map { !$0.hasPrefix("*.") && hostMatches($0, host) } ?? false }
        let wildcard = rules.filter { $0.1.host.map { $0.hasPrefix("*.") && hostMatches($0, host) } ?? false }
        let any = rules.filter { $0.1.host == nil }
        // The host picks one server (exact, else wildcard, else the host-less rules); its
        // paths alone are searched, as in ingress-nginx's server blocks.
        if let group = [exact, wildcard, any].first(where: { !$0.isEmpty }) {
            let candidates = group.flatMap { (name, rule) in rule.paths.map { (name, rule.host, $0) } }
                .filter { pathMatches($0.2, path) }
            let best = candidates.max { a, b in
                let la = a.2.path.count, lb = b.2.path.count
                if la != lb { return la < lb }
                return a.2.type != .exact && b.2.type == .exact
            }
            if let (name, ruleHost, p) = best {
                return IngressDecision(ingress: name, host: ruleHost, path: p, backend: p.backend)
            }
        }
        if let ing = ingresses.first(where: { $0.defaultBackend != nil }) {
            return IngressDecision(ingress: ing.name, host: nil, path: nil, backend: ing.defaultBackend!)
        }
        return nil
    }
}
