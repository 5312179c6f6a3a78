/// A packet's addresses at one point of its path.
public struct Packet: Sendable, Equatable, CustomStringConvertible {
    public var src: IPv4Address
    public var srcPort: Int
    public var dst: IPv4Address
    public var dstPort: Int
    public var `protocol`: TransportProtocol
    /// Set while the packet travels inside a VXLAN tunnel between Nodes.
    public var outer: OuterHeader?

    public var description: String {
        var text = "\(src):\(srcPort) → \(dst):\(dstPort) \(self.protocol.lowercased)"
        if let outer { text += " [VXLAN \(outer.src) → \(outer.dst) udp/\(outer.port)]" }
        return text
    }

    /// The same packet going the other way (a reply).
    public var reversed: Packet {
        Packet(src: dst, srcPort: dstPort, dst: src, dstPort: srcPort, protocol: self.protocol, outer: nil)
    }
}

/// The outer IP/UDP header of a VXLAN-encapsulated packet (flannel's port, 8472).
public struct OuterHeader: Sendable, Equatable {
    public var src: IPv4Address
    public var dst: IPv4Address
    public var port: Int = 8472
    public var vni: Int = 1
}

/// Where a hop happens.
public enum HopPlace: Sendable, Equatable, CustomStringConvertible {
    /// A Pod's network namespace (its `eth0`).
    case pod(ObjectName)
    /// A Node's root network namespace: routing, bridge, devices.
    case node(String)
    /// kube-proxy's rules on a Node, in one iptables chain.
    case kubeProxy(node: String, chain: String)
    /// The VXLAN tunnel between two Nodes.
    case tunnel(from: String, to: String)
    /// The Nodes' own network.
    case underlay
    /// A cloud (or MetalLB) load balancer.
    case loadBalancer(IPv4Address)
    /// The cluster DNS (CoreDNS behind `kube-system/kube-dns`).
    case dns
    /// A machine outside the cluster.
    case client(String)

    public var description: String {
        switch self {
        case .pod(let name): return "pod \(name)"
        case .node(let name): return "node \(name)"
        case .kubeProxy(let node, let chain): return "\(node) \(chain)"
        case .tunnel(let from, let to): return "vxlan \(from) → \(to)"
        case .underlay: return "node network"
        case .loadBalancer(let ip): return "load balancer \(ip)"
        case .dns: return "CoreDNS"
        case .client(let name): return "client \(name)"
        }
    }
}

/// What happened to the packet at a hop.
public enum HopAction: String, Sendable, Equatable, Codable {
    case send, route, jump, dnat, snat, encap, decap, proxy, drop, reject, deliver, conntrack, resolve
    /// A NetworkPolicy let the packet through.
    case filter
}

public struct Hop: Sendable, Equatable {
    public var place: HopPlace
    public var action: HopAction
    public var before: Packet
    public var after: Packet
    /// The words are written when they are read: a trace's hops are made by the dozen (a
    /// quiz computes every flow of a course) and most are never shown.
    private var text: HopText

    /// The rule that decided, as the Node writes it (`-A KUBE-SVC-… -j KUBE-SEP-…`).
    public var rule: String? {
        get { text.rule() }
        set { text.rule = { newValue } }
    }
    public var explanation: Localized {
        get { Localized(fr: text.fr(), en: text.en()) }
        set { text.fr = { newValue.fr }; text.en = { newValue.en } }
    }

    public init(place: HopPlace, action: HopAction, before: Packet, after: Packet, rule: String? = nil, explanation: Localized) {
        self.init(place: place, action: action, before: before, after: after,
                  rule: { rule }, fr: { explanation.fr }, en: { explanation.en })
    }

    /// A hop whose rule and explanation are written from what the closures captured.
    init(place: HopPlace, action: HopAction, before: Packet, after: Packet, rule: @escaping @Sendable () -> String?,
         fr: @escaping @Sendable () -> String, en: @escaping @Sendable () -> String) {
        self.place = place
        self.action = action
        self.before = before
        self.after = after
        text = HopText(rule: rule, fr: fr, en: en)
    }

    public static func == (a: Hop, b: Hop) -> Bool {
        a.place == b.place && a.action == b.action && a.before == b.before && a.after == b.after
            && a.rule == b.rule && a.explanation == b.explanation
    }
}

/// A hop's words, as functions of values captured when the hop was made.
struct HopText: Sendable {
    var rule: @Sendable () -> String?
    var fr: @Sendable () -> String
    var en: @Sendable () -> String
}

/// How a request ends.
public enum Verdict: Sendable, Equatable {
    /// It reached a Pod that listens on the port.
    case delivered(ObjectName)
    /// It reached a Node's own address.
    case deliveredToNode(String)
    /// It left the cluster for an address outside it.
    case leftCluster(IPv4Address)
    /// The name is an alias (ExternalName) for a host outside the scene.
    case externalName(String)
    /// Refused: no endpoint (REJECT), nothing listening (RST).
    case rejected
    /// Silently lost: a DROP rule, a policy.
    case dropped
    case nxdomain(String)
    case http404
    case noRoute
    /// The request itself could not be understood (unknown source, bad URL).
    case invalid

    /// Every verdict's name, as `name` gives it.
    public static let names = ["delivered", "delivered-to-node", "left-cluster", "external-name", "rejected", "dropped",
                               "nxdomain", "http-404", "no-route", "invalid"]

    /// A word for tables and JSON.
    public var name: String {
        switch self {
        case .delivered: return "delivered"
        case .deliveredToNode: return "delivered-to-node"
        case .leftCluster: return "left-cluster"
        case .externalName: return "external-name"
        case .rejected: return "rejected"
        case .dropped: return "dropped"
        case .nxdomain: return "nxdomain"
        case .http404: return "http-404"
        case .noRoute: return "no-route"
        case .invalid: return "invalid"
        }
    }
}

/// An endpoint the request could have reached, with the chance it had.
public struct Candidate: Sendable, Equatable {
    public var ip: IPv4Address
    public var port: Int
    public var pod: ObjectName?
    public var node: String?
    public var probability: Double
}

/// One DNS question and its answer, with every name the search list made it try.
public struct DNSLookup: Sendable, Equatable {
    public enum RecordType: String, Sendable, Codable { case A, AAAA, SRV, CNAME }
    public struct Attempt: Sendable, Equatable {
        public var name: String
        public var found: Bool
    }
    public var query: String
    public var type: RecordType
    public var attempts: [Attempt]
    /// Addresses (A), `target:port` (SRV) or a host name (CNAME).
    public var answers: [String]
    public var cname: String?
    /// The name that answered, fully qualified.
    public var answeredName: String?
    public var explanation: Localized

    public var isNXDomain: Bool { answeredName == nil && cname == nil }
}

public struct Trace: Sendable {
    public var request: Request
    public var verdict: Verdict
    /// Why it ended as it did.
    public var summary: Localized
    public var hops: [Hop]
    /// The reply's way back, conntrack undoing the NAT.
    public var reply: [Hop]
    public var dns: [DNSLookup]
    public var candidates: [Candidate]
    /// The client's address was replaced (SNAT/MASQUERADE) on the way.
    public var masqueraded: Bool
    /// The Service the request went through, if any.
    public var service: ObjectName?
    /// The endpoint kube-proxy (or DNS) picked.
    public var backend: Candidate?
}
