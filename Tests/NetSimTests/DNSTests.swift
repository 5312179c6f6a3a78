import Speech
import Words
import Testing
@testable import NetSim

/// Cluster DNS as documented in "DNS for Services and Pods" (kubernetes.io) and served by
/// CoreDNS's kubernetes plugin.
struct DNSTests {
    static let cluster: Cluster = {
        var b = SeedScene.builder()
        b.pods += [
            .init(name: ObjectName("db", "postgres-0"), labels: ["app": "postgres"], nodeName: "node-1",
                  ports: [ContainerPort(name: "pg", port: 5432)], hostname: "postgres-0", subdomain: "postgres"),
            .init(name: ObjectName("db", "postgres-1"), labels: ["app": "postgres"], nodeName: "node-2",
                  ports: [ContainerPort(name: "pg", port: 5432)], hostname: "postgres-1", subdomain: "postgres"),
            .init(name: ObjectName("db", "postgres-2"), labels: ["app": "postgres"], nodeName: "node-3",
                  ports: [ContainerPort(name: "pg", port: 5432)], ready: false, hostname: "postgres-2", subdomain: "postgres"),
        ]
        b.services.append(.init(Service(name: ObjectName("db", "postgres"), ports: [ServicePort(name: "pg", port: 5432)],
                                         selector: ["app": "postgres"]), headless: true))
        var external = Service(name: ObjectName("db", "legacy"), type: .externalName)
        external.externalName = "db.example.com"
        b.services.append(.init(external))
        b.services[1].service.ports[0].name = "http"
        return b.build().0
    }()
    let resolver = DNSResolver(cluster: DNSTests.cluster)
    var bluePod: Pod { DNSTests.cluster.pod(named: ObjectName("default", "pod-blue-1"))! }

    @Test func shortNamesGoThroughTheSearchListFirst() {
        // resolv.conf in a Pod: search <ns>.svc.cluster.local svc.cluster.local cluster.local; options ndots:5
        #expect(resolver.searchList(for: "green", namespace: "default") == [
            "green.default.svc.cluster.local", "green.svc.cluster.local", "green.cluster.local", "green",
        ])
        // Four dots are fewer than five: still the search list first; five dots: the name first.
        #expect(resolver.searchList(for: "a.b.c.d.e", namespace: "x").first == "a.b.c.d.e.x.svc.cluster.local")
        #expect(resolver.searchList(for: "a.b.c.d.e.f", namespace: "x").first == "a.b.c.d.e.f")
        #expect(resolver.searchList(for: "green.default.svc.cluster.local.", namespace: "x") == ["green.default.svc.cluster.local"])
    }

    @Test func anotherNamespaceNeedsItsName() {
        let short = resolver.lookup("postgres", from: bluePod)
        #expect(short.isNXDomain)
        let qualified = resolver.lookup("postgres.db", from: bluePod)
        #expect(qualified.answeredName == "postgres.db.svc.cluster.local")
        #expect(qualified.attempts.map(\.found) == [false, true])
    }

    @Test func aServiceAnswersItsClusterIP() {
        #expect(resolver.lookup("green", from: bluePod).answers == ["10.0.0.7"])
        #expect(resolver.lookup("green.default.svc.cluster.local", from: bluePod).answers == ["10.0.0.7"])
    }

    @Test func aHeadlessServiceAnswersEveryReadyPod() {
        let answer = resolver.lookup("postgres.db", from: bluePod)
        let ready = ["postgres-0", "postgres-1"].map { DNSTests.cluster.pod(named: ObjectName("db", $0))!.ip.description }
        #expect(Set(answer.answers) == Set(ready))
        #expect(!answer.answers.contains(DNSTests.cluster.pod(named: ObjectName("db", "postgres-2"))!.ip.description))
    }

    @Test func statefulSetPodsHaveTheirOwnNames() {
        let zero = resolver.lookup("postgres-0.postgres.db.svc.cluster.local", from: bluePod)
        #expect(zero.answers == [DNSTests.cluster.pod(named: ObjectName("db", "postgres-0"))!.ip.description])
    }

    @Test func srvRecordsForNamedPorts() {
        let srv = resolver.lookup("_http._tcp.green.default.svc.cluster.local", type: .SRV, from: bluePod)
        #expect(srv.answers == ["green.default.svc.cluster.local:82"])
        let headless = resolver.lookup("_pg._tcp.postgres.db.svc.cluster.local", type: .SRV, from: bluePod)
        #expect(headless.answers.sorted() == [
            "postgres-0.postgres.db.svc.cluster.local:5432", "postgres-1.postgres.db.svc.cluster.local:5432",
        ])
    }

    @Test func externalNameIsACNAME() {
        let answer = resolver.lookup("legacy.db", from: bluePod)
        #expect(answer.cname == "db.example.com")
        let trace = Tracer(cluster: DNSTests.cluster).trace(Request(from: "pod-blue-1", url: "tcp://legacy.db:5432"))
        #expect(trace.verdict == .externalName("db.example.com"))
    }

    @Test func podRecordsUseTheDashedAddress() {
        #expect(resolver.lookup("10-4-33-3.default.pod.cluster.local", from: bluePod).answers == ["10.4.33.3"])
    }

    @Test func ipv6IsNotServedInAnIPv4Cluster() {
        let answer = resolver.lookup("green", type: .AAAA, from: bluePod)
        #expect(answer.answeredName == "green.default.svc.cluster.local")
        #expect(answer.answers.isEmpty)
    }

    @Test func nodesAndClientsDoNotUseTheClusterDNS() {
        let trace = Tracer(cluster: DNSTests.cluster).trace(Request(from: "node-1", url: "http://green:82"))
        #expect(trace.verdict == .nxdomain("green"))
    }

    @Test func headlessTracesGoStraightToAPod() {
        let trace = Tracer(cluster: DNSTests.cluster).trace(Request(from: "pod-blue-1", url: "tcp://postgres.db:5432"))
        #expect(trace.candidates.count == 2)
        #expect(trace.service == nil, "no virtual IP, no kube-proxy")
        #expect({ if case .delivered = trace.verdict { true } else { false } }())
    }
}
