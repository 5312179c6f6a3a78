/// A cluster, built and indexed: every address allocated, every Service's backends known.
/// Built by `ClusterBuilder`; a value, so a trace never changes it.
public struct Cluster: Sendable {
    public var domain: String
    public var cni: CNIMode
    public var podCIDR: CIDR
    public var serviceCIDRs: [CIDR]
    public var nodes: [ClusterNode]
    public var pods: [Pod]
    public var services: [Service]
    public var endpointSlices: [EndpointSlice]
    public var clients: [ExternalClient]
    /// The cluster DNS Service address (`kube-system/kube-dns`, the 10th of the range).
    public var dnsServiceIP: IPv4Address
    public var ingresses: [Ingress] = []
    public var ingressClasses: [IngressClass] = []
    /// The Pods that run an Ingress controller, and the class each serves.
    public var ingressControllerPods: [ObjectName: String] = [:]
    /// Secrets of type `kubernetes.io/tls` that hold `tls.crt` and `tls.key`.
    public var tlsSecrets: Set<ObjectName> = []
    public var networkPolicies: [NetworkPolicy] = []
    public var gatewayClasses: [GatewayClass] = []
    public var gateways: [Gateway] = []
    public var httpRoutes: [HTTPRoute] = []
    public var referenceGrants: [ReferenceGrant] = []
    /// The Pods that run a Gateway's data plane, and which Gateway.
    public var gatewayPods: [ObjectName: ObjectName] = [:]
    /// cert-manager's Certificates (given, or made by the ingress-shim) and their state.
    public var certificates: [CertificateStatus] = []

    /// How a TLS Secret came to be, when cert-manager made it.
    public func certificate(forSecret secret: ObjectName) -> CertificateStatus? {
        certificates.first { $0.ready && $0.secret == secret }
    }
    /// Namespace labels (each has `kubernetes.io/metadata.name`).
    public var namespaceLabels: [String: [String: String]] = [:]
    /// `deployment/ns/name` (and `replicaset/…`, `statefulset/…`): the workload's selector.
    public var workloadSelectors: [String: [String: String]] = [:]

    public func labels(ofNamespace namespace: String) -> [String: String] {
        namespaceLabels[namespace] ?? ["kubernetes.io/metadata.name": namespace]
    }

    /// The class an Ingress belongs to: its `ingressClassName`, else the default class.
    public func ingressClass(of ingress: Ingress) -> String? {
        ingress.className ?? ingressClasses.first(where: \.isDefault)?.name
    }

    // Indexes, built once.
    var podByIP: [IPv4Address: Int] = [:]
    /// Containers' hostPorts, by Node, port and protocol: the Pod and its container port.
    var hostPorts: [HostPortKey: (pod: Int, port: ContainerPort)] = [:]
    var podByName: [ObjectName: Int] = [:]
    var nodeByIP: [IPv4Address: Int] = [:]
    var nodeByName: [String: Int] = [:]
    var serviceByName: [ObjectName: Int] = [:]
    var serviceByClusterIP: [IPv4Address: Int] = [:]
    var serviceByNodePort: [Int: (service: Int, port: Int)] = [:]
    var serviceByLoadBalancerIP: [IPv4Address: Int] = [:]
    var serviceByExternalIP: [IPv4Address: Int] = [:]
    /// Backends per (service, port index).
    var backends: [ServicePortKey: [Backend]] = [:]
    /// kube-proxy's `portProtoHash` of each Service port, computed once.
    var chainHashes: [ServicePortKey: String] = [:]

    public func pod(named name: ObjectName) -> Pod? { podByName[name].map { pods[$0] } }
    public func pod(ip: IPv4Address) -> Pod? { podByIP[ip].map { pods[$0] } }
    public func node(named name: String) -> ClusterNode? { nodeByName[name].map { nodes[$0] } }
    public func node(ip: IPv4Address) -> ClusterNode? { nodeByIP[ip].map { nodes[$0] } }
    public func service(named name: ObjectName) -> Service? { serviceByName[name].map { services[$0] } }
    public func service(clusterIP: IPv4Address) -> Service? { serviceByClusterIP[clusterIP].map { services[$0] } }

    /// The ready and not-ready backends of a Service port (`port`: its index in the
    /// Service's ports), as kube-proxy sees them.
    public func backends(of service: ObjectName, port: Int) -> [Backend] {
        guard let s = serviceByName[service] else { return [] }
        return backends[ServicePortKey(service: s, port: port)] ?? []
    }

    /// Pods whose name is `name` in any namespace (for `--from pod-blue-1`).
    public func pods(named name: String) -> [Pod] { pods.filter { $0.name.name == name } }
}

struct ServicePortKey: Hashable, Sendable {
    var service: Int
    var port: Int
}

/// One address:port a Service port sends to.
/// A Node's port a container takes with `hostPort`.
struct HostPortKey: Hashable, Sendable {
    var node: String
    var port: Int
    var `protocol`: TransportProtocol
}

public struct Backend: Sendable, Equatable {
    public var ip: IPv4Address
    public var port: Int
    public var ready: Bool
    public var nodeName: String?
    public var pod: ObjectName?
    /// EndpointSlice conditions (discovery.k8s.io/v1): a terminating endpoint is not ready
    /// but may still be serving; kube-proxy sends to those when no endpoint is ready
    /// (KEP-1669, ProxyTerminatingEndpoints, GA in 1.28).
    public var serving: Bool? = nil
    public var terminating = false

    /// Ready, or serving while terminating when `fallback` (no endpoint of the set is ready).
    var isServingTerminating: Bool { !ready && (serving ?? ready) && terminating }

    /// `10.4.32.6:8282`, as kube-proxy writes an endpoint.
    public var endpointString: String { "\(ip):\(port)" }
}

/// A problem met while building a cluster: it is still built, without the faulty part.
public struct BuildProblem: Sendable, Equatable {
    public var severity: Severity
    public var problem: ClusterProblem
    /// Which object it is about, as the caller tagged it (a line in a scene file…).
    public var origin: Int?

    public init(severity: Severity, problem: ClusterProblem, origin: Int?) {
        self.severity = severity
        self.problem = problem
        self.origin = origin
    }
}
