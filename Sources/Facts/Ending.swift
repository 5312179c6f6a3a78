/// Why a trace ended as it did: the verdict's circumstances, as a fact. `Words` says it.
public enum Ending: Sendable, Equatable {
    /// Not ended yet (a trace being built).
    case none
    case unknownSource(String)
    case unreadableURL(String)
    case dnsEgressBlocked(host: String, pod: String)
    case externalName(host: String, cname: String)
    case dnsFailed(DNSReason)
    case serviceIPFromOutside(String)
    case podIPFromOutside(String)
    case noMachineHasAddress(String)
    case loadBalancerPortMissing(port: Int, service: String)
    case loadBalancerNoHealthyNode(service: String)
    case proxyModeWithoutNodePort
    case serviceHasNoPort(service: String, port: Int)
    case deliveredToNodeItself(node: String, port: Int)
    case noPodHasAddress(String)
    case noServiceHasAddress(String)
    case leftCluster(String)
    case rejectedNoEndpoint(service: String)
    case droppedBySourceRanges
    case droppedNoLocalEndpoint(service: String, node: String)
    case deliveredToNodeProcess(node: String, port: Int)
    case endpointOutside(endpoint: String)
    case refused(pod: String, port: Int)
    case delivered(pod: String, ip: String, port: Int)
    case droppedByPolicy(pod: String, egress: Bool)
    case ingressNotFound(host: String, path: String)
    case serviceMissing(String)
    case backendNotReady(backend: String)
    case gatewayNoListener(gateway: String, host: String, port: Int)
    case gatewayNoRoute(listener: String, method: String, host: String, path: String)
    case gatewayNoValidBackend(route: String)
    case gatewayBackendInvalid(backend: String)
    /// An L7 proxy answered a redirect itself (RequestRedirect, ingress-nginx's ssl-redirect).
    case redirected(status: Int, location: String)
    // kubectl port-forward
    case portForwardNoService(service: String, port: Int)
    case portForwardNoReadyPod(service: String)
    case portForwardNoPod(String)
    case portForwardDelivered(pod: String, port: Int)
}

/// What cert-manager did with a Certificate.
public enum CertificateReason: Sendable, Equatable {
    public enum Signing: Sendable, Equatable {
        case selfSigned
        case ca(secret: String)
        case acme(server: String)
    }
    /// No such issuer: `namespace` is set for a namespaced Issuer, nil for a ClusterIssuer.
    case noIssuer(kind: String, name: String, namespace: String?, secret: String)
    /// The CA issuer's own Secret (`namespace/name`) is missing.
    case caSecretMissing(issuer: String, secret: String)
    case issued(kind: String, issuer: String, dnsNames: [String], signing: Signing, secret: String)
}

/// What the cluster DNS answered, and why.
public enum DNSReason: Sendable, Equatable {
    /// Only Pods use the cluster DNS.
    case notFromPod(query: String)
    /// `records` empty means the name exists but has no record of the type asked.
    case answered(query: String, name: String, records: [String], cname: String?, failedTries: Int)
    case forwardedUpstream(query: String)
    case nxdomain(query: String)
}
