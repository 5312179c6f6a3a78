/// `namespace/name`, how Kubernetes names an object inside a namespace.
public struct ObjectName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var namespace: String
    public var name: String

    public init(_ namespace: String, _ name: String) {
        self.namespace = namespace
        self.name = name
    }

    public var description: String { "\(namespace)/\(name)" }
    public static func < (a: ObjectName, b: ObjectName) -> Bool { (a.namespace, a.name) < (b.namespace, b.name) }
}

public enum TransportProtocol: String, Sendable, Codable, Hashable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"

    /// kube-proxy's spelling in chain hashes and rules.
    public var lowercased: String { rawValue.lowercased() }
}

/// How Pod traffic crosses between Nodes.
public enum CNIMode: String, Sendable, Codable {
    /// VXLAN: the packet travels inside a UDP packet between Node IPs.
    case overlay
    /// Pod routes on the underlay (BGP or static routes): no encapsulation.
    case routed
    /// Everything on one L2 network.
    case flat
}

public struct ClusterNode: Sendable, Equatable {
    public var name: String
    public var ip: IPv4Address
    public var podCIDR: CIDR
    public var labels: [String: String] = [:]

    public init(name: String, ip: IPv4Address, podCIDR: CIDR, labels: [String: String] = [:]) {
        self.name = name
        self.ip = ip
        self.podCIDR = podCIDR
        self.labels = labels
    }

    /// The bridge (`cni0`) address: the pod CIDR's first host, the Pods' gateway.
    public var bridgeIP: IPv4Address { podCIDR.address(1) ?? podCIDR.network }
    /// The VXLAN device (`flannel.1`) address: the pod CIDR's network address.
    public var tunnelIP: IPv4Address { podCIDR.network }
}

public struct ContainerPort: Sendable, Equatable {
    public var name: String?
    public var port: Int
    public var `protocol`: TransportProtocol = .tcp
    /// `hostPort`: the Node's own address on this port leads here (the CNI portmap plugin).
    public var hostPort: Int?

    public init(name: String? = nil, port: Int, protocol: TransportProtocol = .tcp, hostPort: Int? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
        self.hostPort = hostPort
    }
}

public struct Pod: Sendable, Equatable {
    public var name: ObjectName
    public var labels: [String: String]
    public var nodeName: String
    public var ip: IPv4Address
    /// The ports its containers declare. Empty means none declared: anything is accepted.
    public var ports: [ContainerPort]
    public var ready: Bool = true
    /// Being deleted (`metadata.deletionTimestamp`): its endpoint is terminating.
    public var terminating = false
    public var hostname: String?
    public var subdomain: String?
    /// What kubectl weighs when it picks one Pod among several (port-forward, logs): since
    /// when it is Ready (the Ready condition's lastTransitionTime), its containers' highest
    /// restartCount, its creationTimestamp. Timestamps are RFC 3339, as the API writes them.
    public var readySince: String?
    public var restarts = 0
    public var created: String?

    public init(name: ObjectName, labels: [String: String] = [:], nodeName: String, ip: IPv4Address,
                ports: [ContainerPort] = [], ready: Bool = true, hostname: String? = nil, subdomain: String? = nil) {
        self.name = name
        self.labels = labels
        self.nodeName = nodeName
        self.ip = ip
        self.ports = ports
        self.ready = ready
        self.hostname = hostname
        self.subdomain = subdomain
    }

    /// Whether something listens on this port (a Pod that declares no port is taken to).
    public func listens(on port: Int, protocol: TransportProtocol) -> Bool {
        ports.isEmpty || ports.contains { $0.port == port && $0.protocol == `protocol` }
    }
}

public enum ServiceType: String, Sendable, Codable {
    case clusterIP = "ClusterIP", nodePort = "NodePort", loadBalancer = "LoadBalancer", externalName = "ExternalName"
}

public enum TrafficPolicy: String, Sendable, Codable {
    case cluster = "Cluster", local = "Local"
}

/// A Service port's `targetPort`: a number, or the name of a container port.
public enum TargetPort: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case name(String)

    public var description: String {
        switch self {
        case .number(let n): return String(n)
        case .name(let s): return s
        }
    }
}

public struct ServicePort: Sendable, Equatable {
    public var name: String
    public var port: Int
    public var targetPort: TargetPort
    public var nodePort: Int?
    public var `protocol`: TransportProtocol = .tcp

    public init(name: String = "", port: Int, targetPort: TargetPort? = nil, nodePort: Int? = nil,
                protocol: TransportProtocol = .tcp) {
        self.name = name
        self.port = port
        self.targetPort = targetPort ?? .number(port)
        self.nodePort = nodePort
        self.protocol = `protocol`
    }
}

/// How a load balancer hands packets to the Nodes (`status.loadBalancer.ingress[].ipMode`).
public enum LoadBalancerIPMode: String, Sendable, Codable {
    /// The packet still carries the load balancer's IP; kube-proxy catches it on the Node.
    case vip = "VIP"
    /// The load balancer proxies: the Node sees its own IP and the node port.
    case proxy = "Proxy"
}

public struct Service: Sendable, Equatable {
    public var name: ObjectName
    public var type: ServiceType
    /// nil for a headless Service (`clusterIP: None`) and for ExternalName.
    public var clusterIP: IPv4Address?
    public var ports: [ServicePort]
    /// nil: no selector (endpoints are managed by hand).
    public var selector: [String: String]?
    public var externalName: String?
    public var sessionAffinityClientIP = false
    public var externalTrafficPolicy: TrafficPolicy = .cluster
    /// `spec.healthCheckNodePort`: allocated from the node port range for a LoadBalancer
    /// Service with externalTrafficPolicy Local; the load balancer checks Nodes on it.
    public var healthCheckNodePort: Int?
    public var internalTrafficPolicy: TrafficPolicy = .cluster
    public var loadBalancerSourceRanges: [CIDR] = []
    public var externalIPs: [IPv4Address] = []
    public var loadBalancerIPs: [IPv4Address] = []
    public var loadBalancerIPMode: LoadBalancerIPMode = .vip
    public var allocateLoadBalancerNodePorts = true
    /// `publishNotReadyAddresses`: not-ready Pods are published in DNS.
    public var publishNotReadyAddresses = false

    public init(name: ObjectName, type: ServiceType = .clusterIP, clusterIP: IPv4Address? = nil,
                ports: [ServicePort] = [], selector: [String: String]? = nil) {
        self.name = name
        self.type = type
        self.clusterIP = clusterIP
        self.ports = ports
        self.selector = selector
    }

    public var isHeadless: Bool { clusterIP == nil && type != .externalName }
    /// Reachable from outside through Node ports, load balancers or external IPs.
    public var isExternallyAccessible: Bool {
        type == .nodePort || type == .loadBalancer || !externalIPs.isEmpty
    }
}

/// One address of an EndpointSlice.
public struct Endpoint: Sendable, Equatable {
    public var ip: IPv4Address
    public var ready: Bool
    public var nodeName: String?
    /// The Pod behind it, when there is one.
    public var pod: ObjectName?
    public var hostname: String?
    /// `conditions.serving` (nil: as `ready`) and `conditions.terminating`.
    public var serving: Bool?
    public var terminating = false

    public init(ip: IPv4Address, ready: Bool = true, nodeName: String? = nil, pod: ObjectName? = nil, hostname: String? = nil) {
        self.ip = ip
        self.ready = ready
        self.nodeName = nodeName
        self.pod = pod
        self.hostname = hostname
    }
}

public struct EndpointPort: Sendable, Equatable {
    public var name: String
    public var port: Int
    public var `protocol`: TransportProtocol

    public init(name: String, port: Int, protocol: TransportProtocol) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
    }
}

/// `discovery.k8s.io/v1` EndpointSlice: the addresses behind a Service.
public struct EndpointSlice: Sendable, Equatable {
    public var name: ObjectName
    public var service: String
    public var endpoints: [Endpoint]
    public var ports: [EndpointPort]

    public init(name: ObjectName, service: String, endpoints: [Endpoint], ports: [EndpointPort]) {
        self.name = name
        self.service = service
        self.endpoints = endpoints
        self.ports = ports
    }
}

/// A machine outside the cluster (a user's laptop, a client on the Internet).
public struct ExternalClient: Sendable, Equatable {
    public var name: String
    public var ip: IPv4Address

    public init(name: String, ip: IPv4Address) {
        self.name = name
        self.ip = ip
    }
}

extension Dictionary where Key == String, Value == String {
    /// Label selection: every key of the selector has the same value in the labels.
    public func matches(_ selector: [String: String]) -> Bool {
        selector.allSatisfy { self[$0.key] == $0.value }
    }
}
