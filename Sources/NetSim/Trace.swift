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
public enum HopPlace: Sendable, Equatable {
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
}

/// What happened to the packet at a hop. The raw values are the names tables, JSON and
/// tests use; the words shown to people come from the catalogs.
public enum HopAction: String, Sendable, Equatable, Codable, CaseIterable {
    case send, route, jump, dnat, snat, encap, decap, proxy, drop, reject, deliver, conntrack, resolve
    /// A NetworkPolicy let the packet through.
    case filter
}

/// One step of a packet's way: where, what, the packet before and after, the rule that
/// decided (as the Node writes it) and the reason, a fact the catalogs put into words.
public struct Hop: Sendable, Equatable {
    public var place: HopPlace
    public var action: HopAction
    public var before: Packet
    public var after: Packet
    public var rule: Rule?
    public var reason: HopReason

    public init(place: HopPlace, action: HopAction, before: Packet, after: Packet, rule: Rule? = nil, reason: HopReason) {
        self.place = place
        self.action = action
        self.before = before
        self.after = after
        self.rule = rule
        self.reason = reason
    }
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
    /// An L7 proxy answered a redirect (301, 302, 308) to `location` itself.
    case redirected(status: Int, location: String)
    case noRoute
    /// The request itself could not be understood (unknown source, bad URL).
    case invalid

    /// Every verdict's name, as `name` gives it.
    public static let names = ["delivered", "delivered-to-node", "left-cluster", "external-name", "rejected", "dropped",
                               "nxdomain", "http-404", "redirected", "no-route", "invalid"]

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
        case .redirected: return "redirected"
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
    /// What the resolver did, as a fact for the catalogs.
    public var reason: DNSReason

    public var isNXDomain: Bool { answeredName == nil && cname == nil }
}

public struct Trace: Sendable {
    public var request: Request
    public var verdict: Verdict
    /// Why it ended as it did.
    public var ending: Ending
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
