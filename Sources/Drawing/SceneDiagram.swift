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
    public static func fitted(_ cluster: Cluster, title: String? = nil, maxWidth: Int,
                              renderer: DiagramRenderer, words: any Phrasebook) -> Drawn {
        var best: Drawn?
        for perRow in [nil, 3, 2, 1] as [Int?] {
            let (chart, entities) = flowchart(cluster, title: title, servicesPerRow: perRow, words: words)
            let layout = renderer.layout(chart, maxWidth: maxWidth)
            let drawn = Drawn(chart: chart, layout: layout, entities: entities)
            if layout.width <= maxWidth { return drawn }
            if best == nil || layout.width < best!.layout.width { best = drawn }
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

    /// `servicesPerRow`: at most that many Services on a row (nil: all on one).
    public static func flowchart(_ cluster: Cluster, title: String? = nil, servicesPerRow: Int? = nil,
                                 words: any Phrasebook) -> (Flowchart, [String: DiagramScene.Entity]) {
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
        let services = cluster.services.filter { $0.name != ObjectName("default", "kubernetes") }
        for service in services {
            var lines = ["Service \(shown(service.name))"]
            let kind = service.type == .clusterIP ? (service.isHeadless ? "headless" : "clusterIP") : service.type.rawValue
            if let ip = service.clusterIP { lines.append("\(kind) \(ip)") } else { lines.append(kind) }
            if let external = service.externalName { lines.append("→ \(external)") }
            for ip in service.loadBalancerIPs { lines.append(words.ui(.externalIP(ip.description))) }
            lines.append(service.ports.map { p in "\(p.port)\(p.nodePort.map { ":\($0)" } ?? "")/\(p.protocol.lowercased)" }.joined(separator: " "))
            entities[id("svc_" + service.name.description)] = .service(service.name)
            chart.nodes.append(Node(id: id("svc_" + service.name.description), label: lines.joined(separator: "<br/>"),
                                    shape: .round, classes: service.name.namespace == "ingress-nginx" ? ["ingress"] : [],
                                    line: line, column: 1))
            line += 1
        }
        for client in cluster.clients {
            entities[id("client_" + client.name)] = .client(client.name)
            chart.nodes.append(Node(id: id("client_" + client.name), label: "\(client.name)<br/>\(client.ip)", shape: .stadium,
                                    line: line, column: 1))
            line += 1
        }
        for node in cluster.nodes {
            var members: [String] = []
            for pod in cluster.pods where pod.nodeName == node.name {
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
            entities[id("node_" + node.name)] = .node(node.name)
            chart.subgraphs.append(Subgraph(id: id("node_" + node.name), title: "\(node.name)<br/>\(node.ip) · \(node.podCIDR)",
                                            nodes: members, line: line))
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
                    guard let pod = backend.pod else { continue }
                    let to = id("pod_" + pod.description)
                    guard seen.insert(to).inserted else { continue }
                    chart.edges.append(Edge(id: "L\(chart.edges.count)", isUserDefinedID: false, from: id("svc_" + service.name.description),
                                            to: to, type: .arrow_point, stroke: .dotted, length: 1, label: "", line: line, column: 1))
                }
            }
        }
        return (chart, entities)
    }
}
