import Course
import Mermaid
import NetSim
import Scenes
import Words

/// A scene's cluster as a diagram, drawn by the same layout as the lessons' flowcharts:
/// Nodes side by side as boxes holding their Pods, Services above them (dotted arrows to
/// their endpoints), clients, load balancers, Ingress controllers and Gateways outside.
public enum SceneDiagram {
    /// The diagram and its layout within `maxWidth` when it can be: Services side by side
    /// first, else in rows of three, two, then one (linked by invisible edges, which rank
    /// them one above the other), the first that fits.
    /// With `traces`, the way each flow takes is drawn too (see `flowchart`).
    public static func fitted(_ cluster: Cluster, traces: [Trace] = [], title: String? = nil, maxWidth: Int,
                              renderer: DiagramRenderer, words: any Phrasebook) -> Drawn {
        // What the flows add (their ways, the objects that decide them) goes first when the
        // page is too narrow for it: the cluster itself must fit.
        var best: Drawn?
        for (decisions, ways) in [(true, true), (false, true), (false, false)] where ways || !traces.isEmpty || best == nil {
            for perRow in [nil, 3, 2, 1] as [Int?] {
                let (chart, entities) = flowchart(cluster, traces: ways ? traces : [], title: title, servicesPerRow: perRow,
                                                  decisions: decisions, words: words)
                let layout = renderer.layout(chart, maxWidth: maxWidth)
                let drawn = Drawn(chart: chart, layout: layout, entities: entities)
                if layout.width <= maxWidth { return drawn }
                if best == nil || layout.width < best!.layout.width { best = drawn }
            }
            if traces.isEmpty { break }
        }
        return best!
    }

    /// A scene drawn: the chart, its layout, and what each of its ids stands for (the packet
    /// animation finds a hop's box by it).
    public struct Drawn: Sendable {
        public var chart: Flowchart
        public var layout: DiagramLayout
        public var entities: [String: DiagramScene.Entity]
    }

    /// `servicesPerRow`: at most that many Services on a row (nil: all on one). With
    /// `traces`: the places their hops need that the objects do not give (CoreDNS, a load
    /// balancer, the API server of a port-forward) get boxes, and each flow's way (client →
    /// load balancer → Service → Pod…) is drawn as arrows numbered by flow.
    public static func flowchart(_ cluster: Cluster, traces: [Trace] = [], title: String? = nil, servicesPerRow: Int? = nil,
                                 decisions: Bool = true, words: any Phrasebook) -> (Flowchart, [String: DiagramScene.Entity]) {
        var chart = Flowchart()
        var entities: [String: DiagramScene.Entity] = [:]
        chart.title = title
        chart.direction = .topBottom
        var line = 1
        func id(_ text: String) -> String {
            String(text.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
        // Names are shown without the namespace most objects share.
        var counts: [String: Int] = [:]
        for pod in cluster.pods { counts[pod.name.namespace, default: 0] += 1 }
        let home = counts.max { $0.value < $1.value }?.key ?? "default"
        func shown(_ name: ObjectName) -> String { name.namespace == home ? name.name : name.description }
        // Services first (they rank above the Nodes), the default/kubernetes one left out.
        let allServices = cluster.services.filter { $0.name != ObjectName("default", "kubernetes") }
        let places = traces.flatMap { $0.hops + $0.reply }
        let summary = Summary(cluster, services: allServices, places: places)
        let services = allServices.filter { summary.shows(service: $0.name) }
        for service in services {
            var lines = ["Service \(shown(service.name))"]
            let kind = service.type == .clusterIP ? (service.isHeadless ? "headless" : "clusterIP") : service.type.rawValue
            if let ip = service.clusterIP { lines.append("\(kind) \(ip)") } else { lines.append(kind) }
            if let external = service.externalName { lines.append("→ \(external)") }
            for ip in service.loadBalancerIPs { lines.append(words.ui(.externalIP(ip.description))) }
            lines.append(service.ports.map { p in "\(p.port)\(p.nodePort.map { ":\($0)" } ?? "")/\(p.protocol.lowercased)" }.joined(separator: " "))
            if summary.isOn {
                // Its endpoints are not all drawn: their number is said.
                let ready = Set(service.ports.indices.flatMap { p in cluster.backends(of: service.name, port: p).filter(\.ready).compactMap(\.pod) })
                if ready.contains(where: { !summary.shows($0) }) { lines.append(words.ui(.endpointCount(ready.count))) }
            }
            entities[id("svc_" + service.name.description)] = .service(service.name)
            chart.nodes.append(Node(id: id("svc_" + service.name.description), label: lines.joined(separator: "<br/>"),
                                    shape: .round, classes: service.name.namespace == "ingress-nginx" ? ["ingress"] : [],
                                    line: line, column: 1))
            line += 1
        }
        if allServices.count > services.count {
            chart.nodes.append(Node(id: "more_services", label: words.ui(.otherServices(allServices.count - services.count)),
                                    shape: .round, classes: ["summary"], line: line, column: 1))
            line += 1
        }
        for client in cluster.clients {
            entities[id("client_" + client.name)] = .client(client.name)
            chart.nodes.append(Node(id: id("client_" + client.name), label: "\(client.name)<br/>\(client.ip)", shape: .stadium,
                                    line: line, column: 1))
            line += 1
        }
        // What the flows pass through that no object draws.
        if let dns = places.first(where: { $0.place == .dns }) {
            entities["dns"] = .dns
            chart.nodes.append(Node(id: "dns", label: "CoreDNS<br/>\(dns.before.dstPort == 53 ? dns.before.dst : dns.after.src):53", shape: .round, line: line, column: 1))
            line += 1
        }
        var balancers: [String] = []
        for hop in places {
            guard case .loadBalancer(let ip) = hop.place, !balancers.contains(ip.description) else { continue }
            balancers.append(ip.description)
            entities[id("lb_" + ip.description)] = .loadBalancer(ip.description)
            chart.nodes.append(Node(id: id("lb_" + ip.description), label: "\(words.ui(.loadBalancerBox))<br/>\(ip)", shape: .stadium,
                                    line: line, column: 1))
            line += 1
        }
        // The objects that decide the flows (policies, Ingresses, HTTPRoutes), each once.
        var decided: [String] = []
        for hop in places where decisions {
            for object in hop.reason.decidingObjects {
                let oid = id("rule_" + object.kind + "_" + object.name)
                guard !decided.contains(oid) else { continue }
                decided.append(oid)
                entities[oid] = .decides(kind: object.kind, name: object.name)
                let name = object.name.hasPrefix(home + "/") ? String(object.name.dropFirst(home.count + 1)) : object.name
                chart.nodes.append(Node(id: oid, label: "\(object.kind)<br/>\(name)", shape: .hexagon, line: line, column: 1))
                line += 1
            }
        }
        let apiServer = places.first { if case .apiServerRelays = $0.reason { return true }; return false }
        for node in cluster.nodes where summary.shows(node: node.name) {
            var members: [String] = []
            if let apiServer, case .node(let n) = apiServer.place, n == node.name {
                entities["apiserver"] = .apiServer
                chart.nodes.append(Node(id: "apiserver", label: "kube-apiserver<br/>\(node.ip):6443", shape: .round, line: line, column: 1))
                members.append("apiserver")
                line += 1
            }
            var hidden = 0
            for pod in cluster.pods where pod.nodeName == node.name {
                guard summary.shows(pod.name) else { hidden += 1; continue }
                let pid = id("pod_" + pod.name.description)
                var lines = [shown(pod.name), pod.ip.description]
                if !pod.ports.isEmpty { lines.append(pod.ports.map { "\($0.port)" }.joined(separator: " ")) }
                if !pod.ready { lines.append(words.ui(.notReady)) }
                entities[pid] = .pod(pod.name)
                var classes: [String] = []
                if let app = pod.labels["app"] { classes.append(app) }
                if cluster.ingressControllerPods[pod.name] != nil { classes = ["ingress"] }
                if cluster.gatewayPods[pod.name] != nil { classes = ["gateway"] }
                chart.nodes.append(Node(id: pid, label: lines.joined(separator: "<br/>"), classes: classes, line: line, column: 1))
                members.append(pid)
                line += 1
            }
            if hidden > 0 {
                let more = id("more_pods_" + node.name)
                chart.nodes.append(Node(id: more, label: words.ui(.hiddenPods(hidden, others: !members.isEmpty)), classes: ["summary"],
                                        line: line, column: 1))
                members.append(more)
                line += 1
            }
            entities[id("node_" + node.name)] = .node(node.name)
            chart.subgraphs.append(Subgraph(id: id("node_" + node.name), title: "\(node.name)<br/>\(node.ip) · \(node.podCIDR)",
                                            nodes: members, line: line))
            line += 1
        }
        let foldedNodes = cluster.nodes.filter { !summary.shows(node: $0.name) }
        if !foldedNodes.isEmpty {
            let names = Set(foldedNodes.map(\.name))
            let pods = cluster.pods.filter { names.contains($0.nodeName) }.count
            chart.nodes.append(Node(id: "more_nodes_pods", label: words.ui(.hiddenPods(pods, others: false)), classes: ["summary"],
                                    line: line, column: 1))
            chart.subgraphs.append(Subgraph(id: "more_nodes", title: words.ui(.otherNodes(foldedNodes.count)), nodes: ["more_nodes_pods"],
                                            line: line))
            line += 1
        }
        // Rows of Services: each one ranked below the one `perRow` before it.
        if let perRow = servicesPerRow, perRow > 0 {
            for i in services.indices.dropFirst(perRow) {
                chart.edges.append(Edge(id: "L\(chart.edges.count)", isUserDefinedID: false,
                                        from: id("svc_" + services[i - perRow].name.description),
                                        to: id("svc_" + services[i].name.description), type: .arrow_open, stroke: .invisible,
                                        length: 1, label: "", line: line, column: 1))
            }
        }
        // Endpoints: dotted arrows from each Service to its ready Pods.
        for service in services {
            var seen = Set<String>()
            for (p, _) in service.ports.enumerated() {
                for backend in cluster.backends(of: service.name, port: p) where backend.ready {
                    guard let pod = backend.pod, summary.shows(pod) else { continue }
                    let to = id("pod_" + pod.description)
                    guard seen.insert(to).inserted else { continue }
                    chart.edges.append(Edge(id: "L\(chart.edges.count)", isUserDefinedID: false, from: id("svc_" + service.name.description),
                                            to: to, type: .arrow_point, stroke: .dotted, length: 1, label: "", line: line, column: 1))
                }
            }
        }
        // The deciding objects one under the other (invisible links rank them): one column.
        for (a, b) in zip(decided, decided.dropFirst()) {
            chart.edges.append(Edge(id: "L\(chart.edges.count)", isUserDefinedID: false, from: a, to: b, type: .arrow_open,
                                    stroke: .invisible, length: 1, label: "", line: line, column: 1))
        }
        // Each flow's way, where no arrow already links two of its boxes.
        var ways: [(from: String, to: String, flows: [Int])] = []
        for (f, trace) in traces.enumerated() {
            let boxes = way(trace, cluster: cluster, id: id, entities: entities)
            for (a, b) in zip(boxes, boxes.dropFirst()) {
                if chart.edges.contains(where: { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }) { continue }
                if let i = ways.firstIndex(where: { $0.from == a && $0.to == b }) {
                    if !ways[i].flows.contains(f + 1) { ways[i].flows.append(f + 1) }
                } else if !ways.contains(where: { $0.from == b && $0.to == a }) {
                    ways.append((a, b, [f + 1]))
                }
            }
        }
        for w in ways {
            chart.edges.append(Edge(id: "L\(chart.edges.count)", isUserDefinedID: false, from: w.from, to: w.to, type: .arrow_point,
                                    stroke: .normal, length: 1, label: w.flows.map(String.init).joined(separator: ","), line: line, column: 1))
        }
        return (chart, entities)
    }

    /// What of a large cluster is drawn. Past `podsDrawnInFull` Pods a drawing of every Pod is
    /// a wall of boxes nobody reads (a real cluster's dump holds hundreds): the Pods the flows
    /// pass through are drawn, with their Nodes and Services; each Node says how many Pods it
    /// has besides, and the Nodes and Services no flow touches are folded into one box each.
    struct Summary {
        static let podsDrawnInFull = 24
        static let servicesDrawnInFull = 6
        /// Nodes drawn when no flow names any (each with its count of Pods).
        static let nodesWithoutFlows = 3

        /// nil: everything is drawn.
        var pods: Set<ObjectName>?
        var nodes: Set<String>?
        var services: Set<ObjectName>?

        var isOn: Bool { pods != nil }
        func shows(_ pod: ObjectName) -> Bool { pods?.contains(pod) ?? true }
        func shows(node: String) -> Bool { nodes?.contains(node) ?? true }
        func shows(service: ObjectName) -> Bool { services?.contains(service) ?? true }

        init(_ cluster: Cluster, services all: [Service], places: [Hop]) {
            guard cluster.pods.count > Self.podsDrawnInFull else { return }
            var pods = Set<ObjectName>(), nodes = Set<String>(), services = Set<ObjectName>()
            for hop in places {
                switch hop.place {
                case .pod(let p): pods.insert(p)
                case .node(let n), .kubeProxy(let n, _): nodes.insert(n)
                case .tunnel(let a, let b): nodes.insert(a); nodes.insert(b)
                default: break
                }
                switch hop.reason {
                case .recognisedClusterIP(let s, _, _), .nodePortOf(let s, _), .recognisedExternalIP(let s, _), .noReadyEndpoint(let s, _):
                    services.insert(s)
                default: break
                }
            }
            for pod in cluster.pods where pods.contains(pod.name) { nodes.insert(pod.nodeName) }
            if cluster.nodes.count <= Self.nodesWithoutFlows + 1 {
                nodes = Set(cluster.nodes.map(\.name))
            } else if nodes.isEmpty {
                nodes = Set(cluster.nodes.prefix(Self.nodesWithoutFlows).map(\.name))
            }
            if all.count <= Self.servicesDrawnInFull {
                services = Set(all.map(\.name))
            } else if services.isEmpty {
                services = Set(all.prefix(Self.servicesDrawnInFull).map(\.name))
            }
            self.pods = pods
            self.nodes = nodes
            self.services = services
        }
    }

    /// The boxes a trace's request visits, in order: clients, load balancers, the Service
    /// whose rules kube-proxy applies, the API server, Pods (Nodes are frames, not boxes).
    static func way(_ trace: Trace, cluster: Cluster, id: (String) -> String, entities: [String: DiagramScene.Entity]) -> [String] {
        var out: [String] = []
        func add(_ box: String) { if entities[box] != nil, out.last != box { out.append(box) } }
        for hop in trace.hops {
            switch hop.place {
            case .client(let c): add(id("client_" + c))
            case .loadBalancer(let ip): add(id("lb_" + ip.description))
            case .pod(let p): add(id("pod_" + p.description))
            case .kubeProxy:
                switch hop.reason {
                case .recognisedClusterIP(let s, _, _), .nodePortOf(let s, _), .recognisedExternalIP(let s, _), .noReadyEndpoint(let s, _):
                    add(id("svc_" + s.description))
                default: break
                }
            case .node:
                if case .apiServerRelays = hop.reason { add("apiserver") }
            default: break
            }
        }
        return out
    }
}
