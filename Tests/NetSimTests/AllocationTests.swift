import Speech
import Words
import Testing
@testable import NetSim

/// What a cluster fills in: addresses, ports, endpoints; and what it refuses.
struct AllocationTests {
    @Test func kubernetesServiceTakesTheFirstAddressOfTheRange() {
        // "the kubernetes Service takes the first address" (the API server's allocator).
        let cluster = SeedScene.cluster { $0.services = [] }
        #expect(cluster.service(named: ObjectName("default", "kubernetes"))?.clusterIP == IPv4Address("10.0.0.1"))
        #expect(cluster.dnsServiceIP == IPv4Address("10.0.0.10"))
        #expect(cluster.backends(of: ObjectName("default", "kubernetes"), port: 0).map(\.endpointString) == ["172.10.10.1:6443"])
    }

    @Test func podsGetAddressesFromTheirNodesRangeAfterTheBridge() {
        let cluster = SeedScene.cluster()
        #expect(cluster.pod(named: ObjectName("default", "pod-blue-1"))?.ip == IPv4Address("10.4.32.2"))
        #expect(cluster.pod(named: ObjectName("default", "pod-blue-2"))?.ip == IPv4Address("10.4.33.2"))
        #expect(cluster.pod(named: ObjectName("default", "pod-green-1"))?.ip == IPv4Address("10.4.33.3"))
        #expect(cluster.node(named: "node-2")?.bridgeIP == IPv4Address("10.4.33.1"))
    }

    @Test func nodesWithoutARangeSplitTheClusters() {
        var b = ClusterBuilder()
        b.nodes = [.init(name: "a"), .init(name: "b", podCIDR: CIDR("10.244.0.0/24")), .init(name: "c")]
        let (cluster, problems) = b.build()
        #expect(problems.isEmpty)
        #expect(cluster.nodes.map(\.podCIDR.description) == ["10.244.1.0/24", "10.244.0.0/24", "10.244.2.0/24"])
        #expect(cluster.nodes.map(\.ip.description) == ["192.168.1.11", "192.168.1.12", "192.168.1.13"])
    }

    @Test func servicesAndNodePortsAreAllocatedInOrder() {
        var b = SeedScene.builder(type: .nodePort)
        b.services = b.services.map { spec in
            var s = spec
            s.service.clusterIP = nil
            s.service.ports = s.service.ports.map { var p = $0; p.nodePort = nil; return p }
            return s
        }
        let (cluster, problems) = b.build()
        #expect(problems.isEmpty)
        #expect(cluster.services.map { $0.clusterIP?.description ?? "-" } == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(cluster.services.dropFirst().map { $0.ports[0].nodePort } == [30000, 30001])
    }

    @Test func anExhaustedServiceRangeIsAnError() {
        var b = SeedScene.builder()
        b.serviceCIDRs = [CIDR("10.0.0.0/30")!]   // .1 and .2 usable
        b.services = (1...3).map { .init(Service(name: ObjectName("default", "s\($0)"), ports: [ServicePort(port: 80)])) }
        let (cluster, problems) = b.build()
        #expect(cluster.services.map(\.name.name) == ["kubernetes", "s1"])
        #expect(problems.map(\.text) == [
            "Service default/s2: failed to allocate a cluster IP, the service range 10.0.0.0/30 is full",
            "Service default/s3: failed to allocate a cluster IP, the service range 10.0.0.0/30 is full",
        ])
    }

    @Test func duplicateAndOutOfRangeAddressesAreRefused() {
        var b = SeedScene.builder()
        b.pods.append(.init(name: ObjectName("default", "first"), nodeName: "node-1", ip: IPv4Address("10.4.32.50")))
        b.pods.append(.init(name: ObjectName("default", "copy"), nodeName: "node-1", ip: IPv4Address("10.4.32.50")))
        b.pods.append(.init(name: ObjectName("default", "far"), nodeName: "node-1", ip: IPv4Address("10.9.0.9")))
        b.services.append(.init(Service(name: ObjectName("default", "out"), clusterIP: IPv4Address("10.1.0.1"), ports: [ServicePort(port: 80)])))
        b.services.append(.init(Service(name: ObjectName("default", "twin"), clusterIP: IPv4Address("10.0.0.7"), ports: [ServicePort(port: 80)])))
        let (_, problems) = b.build()
        #expect(problems.map(\.description) == [
            "error: Pod default/copy: IP 10.4.32.50 is already Pod default/first's",
            "warning: Pod default/far: IP 10.9.0.9 is outside its Node node-1's pod CIDR 10.4.32.0/24",
            "error: Service default/out: clusterIP 10.1.0.1 is outside the service CIDR 10.0.0.0/24",
            "error: Service default/twin: clusterIP 10.0.0.7 is already allocated to default/green",
        ])
    }

    @Test func aSelectorThatMatchesNothingIsReported() {
        var b = SeedScene.builder()
        b.services.append(.init(Service(name: ObjectName("default", "orphan"), ports: [ServicePort(port: 80)], selector: ["app": "red"])))
        let (_, problems) = b.build()
        #expect(problems.map(\.description) == ["warning: Service default/orphan: its selector app=red matches no Pod"])
    }

    @Test func endpointsFollowSelectorsReadinessAndNamedPorts() {
        let cluster = SeedScene.cluster {
            $0.pods[3].ready = false
            $0.pods[2].ports = [ContainerPort(name: "web", port: 9000)]
            $0.pods[3].ports = [ContainerPort(name: "web", port: 9001)]
            $0.services[1].service.ports = [ServicePort(port: 82, targetPort: .name("web"))]
        }
        let green = cluster.backends(of: ObjectName("default", "green"), port: 0)
        // A named targetPort resolves per Pod (Service docs: "targetPort can be a name").
        #expect(green.map(\.endpointString) == ["10.4.33.3:9000", "10.4.34.2:9001"])
        #expect(green.map(\.ready) == [true, false])
    }
}
