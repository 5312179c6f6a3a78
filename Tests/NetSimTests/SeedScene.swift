@testable import NetSim

/// The seed page's ClusterIP / NodePort cluster: three Nodes, blue and green Pods, two
/// Services (the diagrams' addresses), built directly.
enum SeedScene {
    static func builder(type: ServiceType = .clusterIP) -> ClusterBuilder {
        var b = ClusterBuilder()
        b.podCIDR = CIDR("10.4.0.0/16")!
        b.serviceCIDRs = [CIDR("10.0.0.0/24")!]
        b.nodes = [
            .init(name: "node-1", ip: IPv4Address("172.10.10.1"), podCIDR: CIDR("10.4.32.0/24")),
            .init(name: "node-2", ip: IPv4Address("172.10.10.2"), podCIDR: CIDR("10.4.33.0/24")),
            .init(name: "node-3", ip: IPv4Address("172.10.10.3"), podCIDR: CIDR("10.4.34.0/24")),
        ]
        b.pods = [
            .init(name: ObjectName("default", "pod-blue-1"), labels: ["app": "blue"], nodeName: "node-1", ports: [ContainerPort(port: 8181)]),
            .init(name: ObjectName("default", "pod-blue-2"), labels: ["app": "blue"], nodeName: "node-2", ports: [ContainerPort(port: 8181)]),
            .init(name: ObjectName("default", "pod-green-1"), labels: ["app": "green"], nodeName: "node-2", ports: [ContainerPort(port: 8282)]),
            .init(name: ObjectName("default", "pod-green-2"), labels: ["app": "green"], nodeName: "node-3", ports: [ContainerPort(port: 8282)]),
        ]
        var blue = Service(name: ObjectName("default", "blue"), type: type, clusterIP: IPv4Address("10.0.0.5"),
                           ports: [ServicePort(port: 81, targetPort: .number(8181), nodePort: type == .clusterIP ? nil : 30001)],
                           selector: ["app": "blue"])
        var green = Service(name: ObjectName("default", "green"), type: type, clusterIP: IPv4Address("10.0.0.7"),
                            ports: [ServicePort(port: 82, targetPort: .number(8282), nodePort: type == .clusterIP ? nil : 30002)],
                            selector: ["app": "green"])
        blue.externalTrafficPolicy = .cluster
        green.externalTrafficPolicy = .cluster
        b.services = [.init(blue), .init(green)]
        b.clients = [ExternalClient(name: "user", ip: IPv4Address("203.0.113.10")!)]
        return b
    }

    static func cluster(type: ServiceType = .clusterIP, _ change: (inout ClusterBuilder) -> Void = { _ in }) -> Cluster {
        var b = builder(type: type)
        change(&b)
        let (cluster, problems) = b.build()
        precondition(!problems.contains { $0.severity == .error }, "\(problems)")
        return cluster
    }

    static func trace(_ cluster: Cluster, from: String, to url: String, seed: UInt64 = 0, prefer: String? = nil) -> Trace {
        Tracer(cluster: cluster).trace(Request(from: from, url: url, seed: seed, preferredBackend: prefer.flatMap { IPv4Address($0) }))
    }
}
