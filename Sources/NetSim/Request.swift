/// A request to trace: from a Pod, Node, client or address, to a URL.
public struct Request: Sendable, Equatable {
    /// `pod-blue-1`, `ns/pod`, a Node name, a client name, or an IP.
    public var from: String
    /// `http://green:82/`, `tcp://10.0.0.7:82`, `http:// green:82` (spaces are ignored).
    public var url: String
    public var `protocol`: TransportProtocol
    public var method: String
    public var headers: [String: String]
    /// Choices that are random in a cluster (kube-proxy's endpoint, DNS order) follow it.
    public var seed: UInt64
    /// When a lesson's diagram shows which Pod answers, the engine takes that one if it
    /// is one of the candidates.
    public var preferredBackend: IPv4Address?

    public init(from: String, url: String, protocol: TransportProtocol = .tcp, method: String = "GET",
                headers: [String: String] = [:], seed: UInt64 = 0, preferredBackend: IPv4Address? = nil) {
        self.from = from
        self.url = url
        self.protocol = `protocol`
        self.method = method
        self.headers = headers
        self.seed = seed
        self.preferredBackend = preferredBackend
    }
}

/// The parts of a request URL the engine needs.
public struct RequestURL: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int
    public var path: String

    /// Accepts `http://host:port/path`, `https://host`, `tcp://host:port`, `host:port`.
    public init?(_ text: String) {
        // Spaces are dropped (`http:// green:82` as a diagram writes it); most URLs have none.
        let plain = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 }
        var rest = Substring(plain ? text : text.filter { !$0.isWhitespace })
        var scheme = "http"
        let bytes = rest.utf8
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
           bytes[colon...].starts(with: "://".utf8) {
            scheme = rest[..<colon].lowercased()
            rest = rest[bytes.index(colon, offsetBy: 3)...]
        }
        let authority = rest.prefix { $0 != "/" }
        path = rest.count > authority.count ? String(rest.dropFirst(authority.count)) : "/"
        var hostPart = Substring(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            port = p
        }
        guard !hostPart.isEmpty else { return nil }
        let defaultPort: Int?
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        case "tcp", "udp": defaultPort = nil
        default: return nil
        }
        guard let finalPort = port ?? defaultPort else { return nil }
        self.scheme = scheme
        self.host = hostPart.lowercased()
        self.port = finalPort
    }
}

/// Where a request starts.
public enum Source: Sendable, Equatable {
    case pod(Pod)
    case node(ClusterNode)
    case client(ExternalClient)
    /// An address that is nothing of the scene's: a machine outside.
    case outside(IPv4Address)

    public var ip: IPv4Address {
        switch self {
        case .pod(let p): return p.ip
        case .node(let n): return n.ip
        case .client(let c): return c.ip
        case .outside(let ip): return ip
        }
    }

    public var label: String {
        switch self {
        case .pod(let p): return p.name.description
        case .node(let n): return n.name
        case .client(let c): return c.name
        case .outside(let ip): return ip.description
        }
    }
}

extension Cluster {
    /// `ns/pod`, `pod` (unique across namespaces, `default` first), a Node, a client, an IP.
    public func source(_ text: String) -> Source? {
        let parts = text.split(separator: "/")
        if parts.count == 2, let pod = pod(named: ObjectName(String(parts[0]), String(parts[1]))) { return .pod(pod) }
        if let pod = pod(named: ObjectName("default", text)) { return .pod(pod) }
        let matches = pods(named: text)
        if matches.count == 1 { return .pod(matches[0]) }
        if let node = node(named: text) { return .node(node) }
        if let client = clients.first(where: { $0.name == text }) { return .client(client) }
        if let ip = IPv4Address(text) {
            if let pod = pod(ip: ip) { return .pod(pod) }
            if let node = node(ip: ip) { return .node(node) }
            if let client = clients.first(where: { $0.ip == ip }) { return .client(client) }
            return .outside(ip)
        }
        return nil
    }
}
