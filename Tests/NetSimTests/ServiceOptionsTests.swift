import Speech
import Words
import Testing
@testable import NetSim

/// The remaining Service options, each as the Service docs describe it.
struct ServiceOptionsTests {
    @Test func externalIPsAreCaughtLikeALoadBalancer() {
        // Service docs, "External IPs": traffic that reaches a Node for one of them is routed to an endpoint.
        let c = SeedScene.cluster { $0.services[1].service.externalIPs = [IPv4Address("192.0.2.50")!] }
        let t = Tracer(cluster: c).trace(Request(from: "user", url: "http://192.0.2.50:82/"))
        #expect(t.verdict.name == "delivered")
        #expect(t.hops.contains { $0.ruleText?.contains("\"default/green external IP\"") == true })
    }

    @Test func loadBalancerWithoutNodePorts() {
        // allocateLoadBalancerNodePorts: false leaves the ports without nodePort.
        let c = SeedScene.cluster(type: .loadBalancer) {
            for i in $0.services.indices {
                $0.services[i].service.allocateLoadBalancerNodePorts = false
                $0.services[i].service.ports[0].nodePort = nil
            }
        }
        #expect(c.service(named: ObjectName("default", "green"))?.ports[0].nodePort == nil)
        #expect(c.service(named: ObjectName("default", "green"))?.loadBalancerIPs.isEmpty == false)
    }

    @Test func aServiceWithoutSelectorUsesTheEndpointSliceGivenByHand() {
        // Service docs, "Services without selectors": the EndpointSlice labelled with the Service's name.
        let c = SeedScene.cluster {
            $0.services.append(.init(Service(name: ObjectName("default", "legacy-db"), clusterIP: IPv4Address("10.0.0.40"),
                                             ports: [ServicePort(name: "pg", port: 5432)])))
            $0.endpointSlices = [EndpointSlice(name: ObjectName("default", "legacy-db-1"), service: "legacy-db",
                                               endpoints: [Endpoint(ip: IPv4Address("192.0.2.42")!)],
                                               ports: [EndpointPort(name: "pg", port: 5432, protocol: .tcp)])]
        }
        #expect(c.backends(of: ObjectName("default", "legacy-db"), port: 0).map(\.endpointString) == ["192.0.2.42:5432"])
        let t = Tracer(cluster: c).trace(Request(from: "pod-blue-1", url: "tcp://legacy-db:5432"))
        #expect(t.verdict == .leftCluster(IPv4Address("192.0.2.42")!))
        #expect(t.hops.contains { $0.action == .dnat })
    }

    @Test func aSecondServiceCIDRTakesOverWhenTheFirstIsFull() {
        // ServiceCIDR (1.33): more ranges can be added to a cluster.
        var b = SeedScene.builder()
        b.serviceCIDRs = [CIDR("10.0.0.0/29")!, CIDR("10.1.0.0/24")!]
        b.services = (1...8).map { .init(Service(name: ObjectName("default", "s\($0)"), ports: [ServicePort(port: 80)])) }
        let (c, problems) = b.build()
        #expect(problems.isEmpty)
        #expect(c.services.compactMap(\.clusterIP).map(\.description) == [
            "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.1.0.1", "10.1.0.2", "10.1.0.3",
        ])
    }

    @Test func udpGoesToUDPPortsOnly() {
        let c = SeedScene.cluster {
            $0.pods[2].ports = [ContainerPort(port: 5353, protocol: .udp)]
            $0.pods[3].ports = [ContainerPort(port: 5353, protocol: .udp)]
            $0.services[1].service.ports = [ServicePort(name: "dns", port: 53, targetPort: .number(5353), protocol: .udp)]
        }
        let udp = Tracer(cluster: c).trace(Request(from: "pod-blue-1", url: "udp://green:53", protocol: .udp))
        #expect(udp.verdict.name == "delivered")
        #expect(udp.hops[2].ruleText?.contains("-m udp -p udp") == true)
        let tcp = Tracer(cluster: c).trace(Request(from: "pod-blue-1", url: "tcp://green:53"))
        #expect(tcp.verdict == .dropped, "no TCP port 53 on the Service")
    }
}
