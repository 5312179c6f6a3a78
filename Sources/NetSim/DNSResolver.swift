/// The cluster DNS as CoreDNS's `kubernetes` plugin answers it, and a Pod's resolver
/// (`dnsPolicy: ClusterFirst`): `search <ns>.svc.<domain> svc.<domain> <domain>` and
/// `options ndots:5` (Kubernetes docs, "DNS for Services and Pods").
///
/// - `svc.ns.svc.<domain>`: A, the cluster IP; headless, the ready Pods' IPs (all of them
///   with `publishNotReadyAddresses`); ExternalName, a CNAME.
/// - `_port._proto.svc.ns.svc.<domain>`: SRV for named ports; for a headless Service one
///   record per ready Pod, named by its hostname or its dashed IP.
/// - `hostname.subdomain.ns.svc.<domain>`: a Pod with that hostname and subdomain, when a
///   headless Service named like the subdomain exists (StatefulSet Pods: `web-0.nginx`).
/// - `a-b-c-d.ns.pod.<domain>`: that address (CoreDNS `pods insecure`, kubeadm's default).
/// The cluster is IPv4 only: AAAA finds the name but no record.
public struct DNSResolver: Sendable {
    public let cluster: Cluster

    public init(cluster: Cluster) { self.cluster = cluster }

    /// The names a Pod in `namespace` tries for `name`, in order.
    public func searchList(for name: String, namespace: String) -> [String] {
        if name.hasSuffix(".") { return [String(name.dropLast())] }
        let domain = cluster.domain
        let search = ["\(namespace).svc.\(domain)", "svc.\(domain)", domain]
        let expanded = search.map { "\(name).\($0)" }
        let dots = name.filter { $0 == "." }.count
        // ndots:5: a name with fewer dots goes through the search list first.
        return dots < 5 ? expanded + [name] : [name] + expanded
    }

    public func lookup(_ name: String, type: DNSLookup.RecordType = .A, from pod: Pod?, seed: UInt64 = 0) -> DNSLookup {
        let query = name.lowercased()
        guard let pod else {
            return DNSLookup(query: query, type: type, attempts: [], answers: [], cname: nil, answeredName: nil,
                reason: .notFromPod(query: query))
        }
        var attempts: [DNSLookup.Attempt] = []
        for candidate in searchList(for: query, namespace: pod.name.namespace) {
            if let answer = answer(candidate, type: type, seed: seed) {
                attempts.append(.init(name: candidate, found: true))
                return DNSLookup(query: query, type: type, attempts: attempts, answers: answer.records, cname: answer.cname,
                    answeredName: candidate,
                    reason: .answered(query: query, name: candidate, records: answer.records, cname: answer.cname,
                                      failedTries: attempts.count - 1))
            }
            attempts.append(.init(name: candidate, found: false))
            if !candidate.hasSuffix(cluster.domain) { break }
        }
        let outside = !(query.hasSuffix(cluster.domain) || query.hasSuffix(cluster.domain + "."))
        return DNSLookup(query: query, type: type, attempts: attempts, answers: [], cname: nil, answeredName: nil,
            reason: outside && query.contains(".") ? .forwardedUpstream(query: query) : .nxdomain(query: query))
    }

    struct Answer {
        var records: [String]
        var cname: String?
    }

    /// The answer for a fully qualified name, or nil for NXDOMAIN.
    func answer(_ fqdn: String, type: DNSLookup.RecordType, seed: UInt64) -> Answer? {
        let suffix = "." + cluster.domain
        guard fqdn.hasSuffix(suffix) else { return nil }
        let labels = fqdn.dropLast(suffix.count).split(separator: ".").map(String.init)
        // a-b-c-d.ns.pod
        if labels.count == 3, labels[2] == "pod" {
            // `pods insecure` answers any address, in a namespace that exists (CoreDNS's
            // kubernetes plugin: a namespace not there is NXDOMAIN).
            guard let ip = IPv4Address(labels[0].replacing("-", with: ".")), namespaceExists(labels[1]) else { return nil }
            return Answer(records: type == .A ? [ip.description] : [])
        }
        guard labels.count >= 3, labels[labels.count - 1] == "svc" else { return nil }
        let namespace = labels[labels.count - 2]
        let serviceName = labels[labels.count - 3]
        guard let service = cluster.service(named: ObjectName(namespace, serviceName)) else { return nil }
        let prefix = Array(labels.dropLast(3))
        let serviceFQDN = "\(serviceName).\(namespace).svc.\(cluster.domain)"

        if prefix.count == 2, prefix[0].hasPrefix("_"), prefix[1].hasPrefix("_") {
            // SRV: _port._proto (an ExternalName Service has no ports to name: NXDOMAIN).
            guard service.type != .externalName else { return nil }
            let portName = String(prefix[0].dropFirst())
            let proto = prefix[1].dropFirst().uppercased()
            guard let port = service.ports.first(where: { $0.name == portName && $0.protocol.rawValue == proto }) else { return nil }
            guard type == .SRV else { return Answer(records: []) }
            if service.isHeadless {
                let index = service.ports.firstIndex(of: port)!
                let backends = cluster.backends(of: service.name, port: index).filter { $0.ready || service.publishNotReadyAddresses }
                return Answer(records: backends.map { b in "\(endpointName(b, service: serviceName)).\(serviceFQDN):\(b.port)" })
            }
            return Answer(records: ["\(serviceFQDN):\(port.port)"])
        }
        if prefix.count == 1 {
            // hostname.subdomain: a Pod of a headless Service, ready unless the Service
            // publishes not-ready addresses; or an endpoint by its dashed IP
            // (`10-3-0-53.svc.ns.svc.cluster.local`), as CoreDNS names endpoints without hostname.
            guard service.isHeadless else { return nil }
            let published = { (ready: Bool) in ready || service.publishNotReadyAddresses }
            if let pod = cluster.pods.first(where: { $0.name.namespace == namespace && $0.subdomain == serviceName && $0.hostname == prefix[0] }),
               published(pod.ready) {
                return Answer(records: type == .A ? [pod.ip.description] : [])
            }
            let endpoints = service.ports.indices.flatMap { cluster.backends(of: service.name, port: $0) }
            guard let b = endpoints.first(where: { published($0.ready) && $0.ip.description.replacing(".", with: "-") == prefix[0] })
            else { return nil }
            return Answer(records: type == .A ? [b.ip.description] : [])
        }
        guard prefix.isEmpty else { return nil }
        if service.type == .externalName {
            return Answer(records: [], cname: service.externalName)
        }
        // SRV on the Service's own name: one record per port (headless: per endpoint and port).
        if type == .SRV {
            if let _ = service.clusterIP { return Answer(records: service.ports.map { "\(serviceFQDN):\($0.port)" }) }
            var records: [String] = []
            for (index, _) in service.ports.enumerated() {
                for b in cluster.backends(of: service.name, port: index) where b.ready || service.publishNotReadyAddresses {
                    records.append("\(endpointName(b, service: serviceName)).\(serviceFQDN):\(b.port)")
                }
            }
            return records.isEmpty ? nil : Answer(records: records)
        }
        guard type == .A else { return Answer(records: []) }
        if let ip = service.clusterIP { return Answer(records: [ip.description]) }
        // Headless: every ready Pod, in the order CoreDNS's `loadbalance` shuffles them.
        var ips: [String] = []
        var seen = Set<IPv4Address>()
        for index in service.ports.indices.isEmpty ? [0] : Array(service.ports.indices) {
            for b in cluster.backends(of: service.name, port: index) where (b.ready || service.publishNotReadyAddresses) && seen.insert(b.ip).inserted {
                ips.append(b.ip.description)
            }
        }
        if service.ports.isEmpty {
            for pod in cluster.pods where pod.name.namespace == namespace && (service.selector.map { pod.labels.matches($0) } ?? false)
                && (pod.ready || service.publishNotReadyAddresses) && seen.insert(pod.ip).inserted {
                ips.append(pod.ip.description)
            }
        }
        // A headless Service with no address to give is a name error (CoreDNS: errNoItems →
        // NXDOMAIN), not an empty answer.
        guard !ips.isEmpty else { return nil }
        let shift = Int(seed % UInt64(ips.count))
        ips = Array(ips[shift...] + ips[..<shift])
        return Answer(records: ips)
    }

    /// An endpoint's name under its headless Service: the Pod's hostname when the Pod's
    /// subdomain is the Service, else its address with dashes.
    func endpointName(_ b: Backend, service: String) -> String {
        b.pod.flatMap { cluster.pod(named: $0) }.flatMap { $0.subdomain == service ? $0.hostname : nil }
            ?? b.ip.description.replacing(".", with: "-")
    }

    /// A namespace holds a Pod or a Service, or was declared.
    func namespaceExists(_ namespace: String) -> Bool {
        cluster.namespaceLabels[namespace] != nil || cluster.pods.contains { $0.name.namespace == namespace }
            || cluster.services.contains { $0.name.namespace == namespace }
    }
}
