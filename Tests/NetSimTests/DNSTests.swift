import Foundation
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

    /// The finer rules of CoreDNS's kubernetes plugin (#18).
    func found(_ name: String, _ type: DNSLookup.RecordType = .A) -> DNSLookup {
        resolver.lookup(name, type: type, from: bluePod)
    }
    func ip(_ pod: String) -> String { DNSTests.cluster.pod(named: ObjectName("db", pod))!.ip.description }

    /// A not-ready Pod has no hostname record (the endpoint is not published) unless the
    /// Service sets publishNotReadyAddresses.
    @Test func aNotReadyPodsHostnameIsAbsent() {
        #expect(found("postgres-0.postgres.db.svc.cluster.local").answers == [ip("postgres-0")])
        let notReady = found("postgres-2.postgres.db.svc.cluster.local")
        #expect(notReady.answers.isEmpty && notReady.attempts.allSatisfy { !$0.found })
    }

    /// Endpoints without a hostname are named by their dashed address.
    @Test func anEndpointAnswersByItsDashedAddress() {
        let dashed = ip("postgres-1").replacingOccurrences(of: ".", with: "-")
        #expect(found("\(dashed).postgres.db.svc.cluster.local").answers == [ip("postgres-1")])
        let notReady = ip("postgres-2").replacingOccurrences(of: ".", with: "-")
        #expect(found("\(notReady).postgres.db.svc.cluster.local").answers.isEmpty)
    }

    /// SRV on the Service's name: one record per port; for a headless Service one per ready
    /// endpoint and port, named by hostname.
    @Test func srvOnTheServiceNameGivesItsPorts() {
        #expect(found("green.default.svc.cluster.local", .SRV).answers == ["green.default.svc.cluster.local:82"])
        #expect(Set(found("postgres.db.svc.cluster.local", .SRV).answers)
                == ["postgres-0.postgres.db.svc.cluster.local:5432", "postgres-1.postgres.db.svc.cluster.local:5432"])
    }

    /// `_port._proto` under an ExternalName Service, and a Pod name in a namespace that does
    /// not exist, are name errors.
    @Test func nameErrorsOfExternalNameAndMissingNamespaces() {
        let srv = found("_http._tcp.legacy.db.svc.cluster.local", .SRV)
        #expect(srv.answers.isEmpty && srv.attempts.allSatisfy { !$0.found })
        #expect(found("1-2-3-4.default.pod.cluster.local").answers == ["1.2.3.4"])
        #expect(found("1-2-3-4.nowhere.pod.cluster.local").attempts.allSatisfy { !$0.found })
    }

    /// A headless Service with no ready endpoint is NXDOMAIN (errNoItems), not an empty answer.
    @Test func aHeadlessServiceWithNoReadyEndpointIsNXDOMAIN() {
        var b = SeedScene.builder()
        b.pods.append(.init(name: ObjectName("db", "cache-0"), labels: ["app": "cache"], nodeName: "node-1",
                            ports: [ContainerPort(port: 6379)], ready: false))
        b.services.append(.init(Service(name: ObjectName("db", "cache"), ports: [ServicePort(port: 6379)], selector: ["app": "cache"]),
                                headless: true))
        let lookup = DNSResolver(cluster: b.build().0).lookup("cache.db.svc.cluster.local", from: bluePod)
        #expect(lookup.answers.isEmpty)
        #expect(lookup.attempts.allSatisfy { !$0.found })
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
