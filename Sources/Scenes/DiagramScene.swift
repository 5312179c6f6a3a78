import Facts
import Course
import Mermaid
import NetSim

/// A mermaid flowchart that describes a cluster, read as a scene (section 6 of the lesson
/// format): `Node N` subgraphs with an IP line are Nodes; `Service NAME` boxes with
/// `clusterIP`/`NodePort`/`LoadBalancer` and `port`/`nodePort` lines are Services; boxes
/// with an IP inside a Node are Pods (`port N`, app label from `pod-blue-1` → `blue`);
/// `User`/`client` boxes are clients; dotted Service → Pod arrows are endpoints; numbered
/// animated arrows (`1 - http:// green:82`) are the steps of a flow.
public enum DiagramScene {
    /// What each diagram id stands for.
    public enum Entity: Sendable, Equatable {
        case node(String), pod(ObjectName), service(ObjectName), client(String)
        /// The cluster DNS (CoreDNS), a load balancer in front of the cluster (by address), the
        /// API server (which relays a port-forward).
        case dns, loadBalancer(String), apiServer
        /// An object that decides where a request goes (`NetworkPolicy`, `Ingress`,
        /// `HTTPRoute`), by kind and `namespace/name`.
        case decides(kind: String, name: String)
        case other
    }

    public struct Reading: Sendable {
        public var scene: Scene
        public var entities: [String: Entity]
        /// What the drawing calls each Node the engine names by its id (`n1` → `Node 1`).
        public var nodeTitles: [String: String] = [:]
        /// The Nodes drawn without an address (the engine gave them one), with their line.
        public var undrawnNodes: [String: Int] = [:]
    }

    /// The scene a flowchart describes, or nil when it describes no cluster (no Pod and no
    /// Service with an address). `line`/`column` locate the diagram's first source line.
    public static func read(_ chart: Flowchart, file: String, line: Int, column: Int, name: String) -> Reading? {
        var entities: [String: Entity] = [:]
        var builder = ClusterBuilder()
        var diagnostics: [Diagnostic] = []
        func at(_ l: Int, _ c: Int) -> (Int, Int) { (line + l - 1, column + c - 1) }

        // Nodes: subgraphs titled `Node N` / `Nœud N`.
        var podNode: [String: String] = [:]
        var nodeTitles: [String: String] = [:]
        var undrawnNodes: [String: Int] = [:]
        for subgraph in chart.subgraphs {
            let lines = subgraph.titleLines
            guard let first = lines.first, isNodeTitle(first) else { continue }
            let ip = lines.dropFirst().lazy.compactMap { IPv4Address($0.trimmedWords.first ?? "") }.first
            builder.nodes.append(.init(name: subgraph.id, ip: ip, origin: line + subgraph.line - 1))
            if ip == nil { undrawnNodes[subgraph.id] = line + subgraph.line - 1 }
            entities[subgraph.id] = .node(subgraph.id)
            nodeTitles[subgraph.id] = first
            for member in allMembers(subgraph, chart) { podNode[member] = subgraph.id }
        }

        // Boxes.
        var servicePorts: [String: Int] = [:]
        for node in chart.nodes where entities[node.id] == nil {
            let lines = node.lines
            guard let first = lines.first else { continue }
            let words = first.trimmedWords
            if words.first?.lowercased() == "service", words.count >= 2 {
                var serviceName = words[1]
                var port: Int?
                if let colon = serviceName.firstIndex(of: ":") {
                    port = Int(serviceName[serviceName.index(after: colon)...])
                    serviceName = String(serviceName[..<colon])
                }
                var service = Service(name: ObjectName("default", serviceName))
                var nodePort: Int?
                for l in lines.dropFirst() {
                    let w = l.trimmedWords
                    guard w.count >= 2 else { continue }
                    switch w[0].lowercased() {
                    case "clusterip": service.type = .clusterIP; service.clusterIP = IPv4Address(w[1])
                    // `NodePort 10.0.0.5` gives the type and cluster IP, `nodePort 30001` the port.
                    case "nodeport" where IPv4Address(w[1]) != nil: service.type = .nodePort; service.clusterIP = IPv4Address(w[1])
                    case "nodeport": nodePort = Int(w[1])
                    case "loadbalancer": service.type = .loadBalancer; service.clusterIP = IPv4Address(w[1])
                    case "port": port = Int(w[1])
                    default: break
                    }
                }
                if let port { service.ports = [ServicePort(port: port, nodePort: nodePort)] }
                servicePorts[node.id] = port
                builder.services.append(.init(service, origin: line + node.line - 1))
                entities[node.id] = .service(service.name)
            } else if let nodeName = podNode[node.id], let ip = lines.dropFirst().lazy.compactMap({ IPv4Address($0.trimmedWords.first ?? "") }).first {
                var ports: [ContainerPort] = []
                for l in lines.dropFirst() {
                    let w = l.trimmedWords
                    if w.count >= 2, w[0].lowercased() == "port", let n = Int(w[1]) { ports.append(ContainerPort(port: n)) }
                }
                let podName = ObjectName("default", first)
                builder.pods.append(.init(name: podName, labels: appLabel(first).map { ["app": $0] } ?? [:], nodeName: nodeName,
                                          ip: ip, ports: ports, origin: line + node.line - 1))
                entities[node.id] = .pod(podName)
            } else if ["user", "client", "utilisateur", "users", "clients"].contains(first.lowercased()) {
                let ip = IPv4Address(UInt32(0xCB00_710A) + UInt32(builder.clients.count))   // 203.0.113.10 (TEST-NET-3) and on
                builder.clients.append(ExternalClient(name: first.lowercased(), ip: ip))
                entities[node.id] = .client(first.lowercased())
            } else {
                entities[node.id] = .other
            }
        }
        guard !builder.pods.isEmpty || builder.services.contains(where: { $0.service.clusterIP != nil }) else { return nil }

        // Endpoints: dotted arrows from a Service to Pods. A selector when the Pods share
        // an app label that picks exactly them; else an EndpointSlice by hand.
        for (s, spec) in builder.services.enumerated() {
            let id = entities.first { $0.value == .service(spec.service.name) }!.key
            // Dotted arrows say "endpoint"; a diagram without any uses its plain Service → Pod arrows.
            func podTargets(_ edges: [Edge]) -> [ObjectName] {
                edges.compactMap { edge in
                    if case .pod(let p)? = entities[edge.to] { return p }
                    return nil
                }
            }
            let fromService = chart.edges.filter { $0.from == id }
            var targets = podTargets(fromService.filter { $0.stroke == .dotted })
            if targets.isEmpty { targets = podTargets(fromService) }
            guard !targets.isEmpty else { continue }
            let pods = builder.pods.filter { targets.contains($0.name) }
            let labels = Set(pods.compactMap { $0.labels["app"] })
            if labels.count == 1, let label = labels.first,
               Set(builder.pods.filter { $0.labels["app"] == label }.map(\.name)) == Set(targets) {
                builder.services[s].service.selector = ["app": label]
            } else {
                builder.endpointSlices.append(EndpointSlice(
                    name: ObjectName("default", spec.service.name.name + "-diagram"), service: spec.service.name.name,
                    endpoints: pods.map { Endpoint(ip: $0.ip!, ready: true, nodeName: $0.nodeName, pod: $0.name) },
                    ports: [EndpointPort(name: "", port: pods.first?.ports.first?.port ?? spec.service.ports.first?.port ?? 80, protocol: .tcp)]))
            }
            let podPorts = Set(pods.compactMap { $0.ports.first?.port })
            if podPorts.count == 1, let target = podPorts.first, !builder.services[s].service.ports.isEmpty {
                builder.services[s].service.ports[0].targetPort = .number(target)
            }
        }

        // Ranges that hold what the diagram shows.
        let podIPs = builder.pods.compactMap(\.ip)
        if let first = podIPs.first {
            builder.podCIDR = CIDR(network: first, prefix: 16)
            // A Node with no Pod drawn gets a free /24 from the builder, not another's.
            for i in builder.nodes.indices {
                if let own = builder.pods.first(where: { $0.nodeName == builder.nodes[i].name })?.ip {
                    builder.nodes[i].podCIDR = CIDR(network: own, prefix: 24)
                }
            }
        }
        // What would mislead a student: Pods of two Nodes in one /24 (each Node has its own
        // range), an address that is its range's network or broadcast address.
        var rangeOwner: [CIDR: String] = [:]
        for pod in builder.pods {
            guard let ip = pod.ip, let node = pod.nodeName else { continue }
            let range = CIDR(network: ip, prefix: 24)
            if let owner = rangeOwner[range], owner != node {
                let title = { (n: String) in nodeTitles[n] ?? n }
                diagnostics.append(Diagnostic(file: file, line: pod.origin ?? line, column: column, severity: .warning,
                                              message: .scene(.podsShareRange(range: range.description, nodes: [title(owner), title(node)]))))
                rangeOwner[range] = node   // said once per pair of Nodes
            } else if rangeOwner[range] == nil {
                rangeOwner[range] = node
            }
        }
        let drawn: [(IPv4Address, Int?)] = builder.pods.compactMap { p in p.ip.map { ($0, p.origin) } }
            + builder.nodes.compactMap { n in n.ip.map { ($0, n.origin) } }
            + builder.services.compactMap { s in s.service.clusterIP.map { ($0, s.origin) } }
        for (ip, origin) in drawn {
            let range = CIDR(network: ip, prefix: 24)
            if ip == range.network || ip.value == range.network.value | 0xFF {
                diagnostics.append(Diagnostic(file: file, line: origin ?? line, column: column, severity: .warning,
                                              message: .scene(.networkAddress(address: ip.description, range: range.description))))
            }
        }

        let serviceIPs = builder.services.compactMap(\.service.clusterIP)
        if let first = serviceIPs.first {
            let narrow = CIDR(network: first, prefix: 24)
            builder.serviceCIDRs = [serviceIPs.allSatisfy(narrow.contains) ? narrow : CIDR(network: first, prefix: 16)]
        }

        let (cluster, problems) = builder.build()
        for problem in problems {
            diagnostics.append(Diagnostic(file: file, line: problem.origin ?? line, column: column,
                                          severity: problem.severity, message: .diagram(problem.problem)))
        }
        var scene = Scene(name: name, cluster: cluster, flows: [], diagnostics: diagnostics)
        scene.flows = flows(chart, entities: entities, cluster: cluster, at: at)
        scene.nodeTitles = nodeTitles
        return Reading(scene: scene, entities: entities, nodeTitles: nodeTitles, undrawnNodes: undrawnNodes)
    }

    static func isNodeTitle(_ text: String) -> Bool {
        let w = text.trimmedWords
        guard let first = w.first?.lowercased() else { return false }
        return ["node", "nœud", "noeud"].contains(first)
    }

    /// The ids inside a subgraph, nested subgraphs' included.
    /// The members of `subgraph` and of the subgraphs it holds, each once; a subgraph that
    /// lists itself (or one that holds it) is not entered again.
    static func allMembers(_ subgraph: Subgraph, _ chart: Flowchart) -> [String] {
        var seen: Set<String> = [subgraph.id]
        var out: [String] = []
        func visit(_ s: Subgraph) {
            for member in s.nodes where seen.insert(member).inserted {
                out.append(member)
                if let inner = chart.subgraph(member) { visit(inner) }
            }
        }
        visit(subgraph)
        return out
    }

    /// `pod-blue-1` → `blue`: the text before the last `-N`, without a leading `pod-`.
    static func appLabel(_ name: String) -> String? {
        guard let dash = name.lastIndex(of: "-"), Int(name[name.index(after: dash)...]) != nil else { return nil }
        var base = String(name[..<dash])
        if base.hasPrefix("pod-") { base.removeFirst(4) }
        return base.isEmpty ? nil : base
    }

    /// Numbered animated arrows make one flow: the first step is the request, the others
    /// say where it goes.
    static func flows(_ chart: Flowchart, entities: [String: Entity], cluster: Cluster,
                      at: (Int, Int) -> (Int, Int)) -> [Flow] {
        var steps: [FlowStep] = []
        var numbered = true
        for edge in chart.edges where edge.isAnimated {
            let label = edge.labelLines.joined(separator: " ")
            let parsed = stepNumber(label)
            if parsed == nil { numbered = false }
            let (l, c) = at(edge.line, edge.column)
            // `http:// green:82`: the space a label puts after the scheme is not part of the URL.
            let url = (parsed?.1 ?? label).replacing(":// ", with: "://")
            steps.append(FlowStep(number: parsed?.0 ?? 0, label: label, url: url,
                                  fromID: edge.from, toID: edge.to, line: l, column: c))
        }
        if numbered {
            steps.sort { $0.number < $1.number }
        } else {
            // Without numbers, the arrows are followed end to end from the one nothing leads to.
            steps = chained(steps)
            for i in steps.indices { steps[i].number = i + 1 }
        }
        guard let first = steps.first(where: { RequestURL($0.url) != nil && $0.url.contains("://") }) ?? steps.first else { return [] }
        let from: String
        switch entities[first.fromID] {
        case .pod(let p)?: from = p.description
        case .client(let c)?: from = c
        case .node(let n)?: from = n
        default: from = first.fromID
        }
        var flow = Flow(from: from, to: first.url, line: first.line, column: first.column)
        flow.steps = steps
        if let last = steps.last, steps.count > 1, case .pod(let p)? = entities[last.toID] {
            flow.expectedBackend = cluster.pod(named: p)?.ip
        }
        // The arrow's end has an address the label may have mistyped: the engine follows
        // the arrow (lint reports the label).
        if let url = RequestURL(first.url), IPv4Address(url.host) != nil, !owns(cluster, IPv4Address(url.host)!),
           let target = address(of: entities[first.toID], in: cluster) {
            flow.to = "\(url.scheme)://\(target):\(url.port)\(url.path)"
        }
        return [flow]
    }

    /// Steps ordered as a path: start where no other step arrives, then follow the arrows.
    static func chained(_ steps: [FlowStep]) -> [FlowStep] {
        var rest = steps
        var ordered: [FlowStep] = []
        let targets = Set(steps.map(\.toID))
        var current = rest.firstIndex { !targets.contains($0.fromID) } ?? (rest.isEmpty ? nil : 0)
        while let index = current {
            let step = rest.remove(at: index)
            ordered.append(step)
            current = rest.firstIndex { $0.fromID == step.toID } ?? (rest.isEmpty ? nil : rest.firstIndex { !targets.contains($0.fromID) } ?? 0)
        }
        return ordered
    }

    static func stepNumber(_ label: String) -> (Int, String)? {
        let trimmed = label.drop { $0 == " " }
        let digits = trimmed.prefix { $0.isNumber }
        guard let n = Int(digits) else { return nil }
        var rest = trimmed.dropFirst(digits.count).drop { $0 == " " }
        guard rest.first == "-" || rest.first == "." || rest.first == ")" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        return (n, String(rest))
    }

    static func owns(_ cluster: Cluster, _ ip: IPv4Address) -> Bool {
        cluster.node(ip: ip) != nil || cluster.pod(ip: ip) != nil || cluster.service(clusterIP: ip) != nil
            || cluster.services.contains { $0.loadBalancerIPs.contains(ip) || $0.externalIPs.contains(ip) }
    }

    static func address(of entity: Entity?, in cluster: Cluster) -> IPv4Address? {
        switch entity {
        case .node(let n)?: return cluster.node(named: n)?.ip
        case .pod(let p)?: return cluster.pod(named: p)?.ip
        case .service(let s)?: return cluster.service(named: s)?.clusterIP
        default: return nil
        }
    }
}

extension String {
    var trimmedWords: [String] { split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
}
