/// `metav1.LabelSelector`: matchLabels and matchExpressions, all ANDed; empty selects all.
public struct LabelSelector: Sendable, Equatable {
    public struct Requirement: Sendable, Equatable {
        public enum Operator: String, Sendable { case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist" }
        public var key: String
        public var op: Operator
        public var values: [String]
        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key; self.op = op; self.values = values
        }
    }
    public var matchLabels: [String: String]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public func matches(_ labels: [String: String]) -> Bool {
        guard labels.matches(matchLabels) else { return false }
        return matchExpressions.allSatisfy { r in
            switch r.op {
            case .in: return labels[r.key].map { r.values.contains($0) } ?? false
            case .notIn: return labels[r.key].map { !r.values.contains($0) } ?? true
            case .exists: return labels[r.key] != nil
            case .doesNotExist: return labels[r.key] == nil
            }
        }
    }

    public var description: String {
        let parts = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + matchExpressions.map { "\($0.key) \($0.op.rawValue) (\($0.values.joined(separator: ",")))" }
        return parts.isEmpty ? "{}" : parts.joined(separator: ",")
    }
}

/// `networking.k8s.io/v1` NetworkPolicy.
public struct NetworkPolicy: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable { case ingress = "Ingress", egress = "Egress" }

    public enum Peer: Sendable, Equatable {
        /// Pods matching `pods` (any when nil) in namespaces matching `namespaces` (the
        /// policy's own namespace when nil). Both in one peer: AND.
        case pods(pods: LabelSelector?, namespaces: LabelSelector?)
        case ipBlock(CIDR, except: [CIDR])
    }

    public struct Port: Sendable, Equatable {
        public var `protocol`: TransportProtocol
        /// nil: every port of the protocol.
        public var port: TargetPort?
        public var endPort: Int?
        public init(protocol: TransportProtocol = .tcp, port: TargetPort? = nil, endPort: Int? = nil) {
            self.protocol = `protocol`; self.port = port; self.endPort = endPort
        }
    }

    public struct Rule: Sendable, Equatable {
        /// nil (`from`/`to` absent): every peer. Peers are ORed.
        public var peers: [Peer]?
        /// nil or empty: every port.
        public var ports: [Port]?
        public init(peers: [Peer]? = nil, ports: [Port]? = nil) {
            self.peers = peers; self.ports = ports
        }
    }

    public var name: ObjectName
    public var podSelector: LabelSelector
    public var policyTypes: Set<Direction>
    public var ingress: [Rule]
    public var egress: [Rule]

    /// `policyTypes` defaults to Ingress, plus Egress when there are egress rules (API docs).
    public init(name: ObjectName, podSelector: LabelSelector = LabelSelector(), policyTypes: Set<Direction>? = nil,
                ingress: [Rule] = [], egress: [Rule] = []) {
        self.name = name
        self.podSelector = podSelector
        self.ingress = ingress
        self.egress = egress
        self.policyTypes = policyTypes ?? (egress.isEmpty ? [.ingress] : [.ingress, .egress])
    }
}

/// One end of a connection, as policies see it.
public struct PolicyPeer: Sendable, Equatable {
    public var ip: IPv4Address
    /// The Pod at that address, with its namespace's labels; nil outside the pod network.
    public var pod: Pod?
    public var namespaceLabels: [String: String]
}

/// The decision for one direction at one Pod.
public struct PolicyDecision: Sendable, Equatable {
    /// No policy selects the Pod for this direction: everything is allowed.
    public var isolated: Bool
    public var allowed: Bool
    /// The policy whose rule allowed it (the first in name order).
    public var allowedBy: ObjectName?
    /// The policies that isolate the Pod for this direction.
    public var isolatedBy: [ObjectName]
}

/// Network policy semantics (kubernetes.io/docs/concepts/services-networking/network-policies/):
/// a Pod is isolated for a direction as soon as one policy of its namespace selects it for
/// that direction; then only what some rule of those policies allows gets through (rules
/// add up); a connection needs the source's egress and the destination's ingress; replies
/// of an allowed connection are always allowed.
public enum PolicyEngine {
    public static func decide(_ direction: NetworkPolicy.Direction, at pod: Pod, peer: PolicyPeer, port: Int,
                              protocol proto: TransportProtocol, policies: [NetworkPolicy]) -> PolicyDecision {
        let selecting = policies.filter {
            $0.name.namespace == pod.name.namespace && $0.policyTypes.contains(direction) && $0.podSelector.matches(pod.labels)
        }.sorted { $0.name < $1.name }
        guard !selecting.isEmpty else { return PolicyDecision(isolated: false, allowed: true, allowedBy: nil, isolatedBy: []) }
        for policy in selecting {
            let rules = direction == .ingress ? policy.ingress : policy.egress
            if rules.contains(where: { allows($0, peer: peer, port: port, proto: proto, policyNamespace: policy.name.namespace, target: pod) }) {
                return PolicyDecision(isolated: true, allowed: true, allowedBy: policy.name, isolatedBy: selecting.map(\.name))
            }
        }
        return PolicyDecision(isolated: true, allowed: false, allowedBy: nil, isolatedBy: selecting.map(\.name))
    }

    static func allows(_ rule: NetworkPolicy.Rule, peer: PolicyPeer, port: Int, proto: TransportProtocol,
                       policyNamespace: String, target: Pod) -> Bool {
        let portOK: Bool = {
            guard let ports = rule.ports, !ports.isEmpty else { return true }
            return ports.contains { p in
                guard p.protocol == proto else { return false }
                switch p.port {
                case nil: return true
                case .number(let n)?: return port >= n && port <= (p.endPort ?? n)
                // A named port is the destination Pod's container port of that name.
                case .name(let name)?: return target.ports.contains { $0.name == name && $0.port == port } || (peer.pod?.ports.contains { $0.name == name && $0.port == port } ?? false)
                }
            }
        }()
        guard portOK else { return false }
        guard let peers = rule.peers else { return true }
        return peers.contains { p in
            switch p {
            case .ipBlock(let cidr, let except):
                return cidr.contains(peer.ip) && !except.contains { $0.contains(peer.ip) }
            case .pods(let pods, let namespaces):
                guard let pod = peer.pod else { return false }
                if let namespaces {
                    guard namespaces.matches(peer.namespaceLabels) else { return false }
                } else if pod.name.namespace != policyNamespace {
                    return false
                }
                return pods?.matches(pod.labels) ?? true
            }
        }
    }
}
