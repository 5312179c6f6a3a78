import Facts
import Foundation

/// The parsed graph as JSON, in mermaid's own names (vertex types such as `stadium`, edge
/// types such as `arrow_point`, strokes `normal|thick|dotted|invisible`), so it compares
/// directly with what mermaid's tests assert.
public enum MermaidJSON {
    /// `message` writes a diagnostic's words (the catalog of the reader's language).
    public static func object(_ result: MermaidResult, message: (MermaidProblem) -> String) -> [String: Any] {
        var object: [String: Any] = [
            "diagnostics": result.diagnostics.map {
                ["line": $0.line, "column": $0.column, "severity": $0.severity.rawValue, "message": message($0.problem)]
            },
        ]
        switch result.diagram {
        case .flowchart(let chart)?:
            object["kind"] = "flowchart"
            object.merge(flowchart(chart)) { a, _ in a }
        case .sequence(let s)?:
            object["kind"] = "sequenceDiagram"
            object["participants"] = s.participants.map { ["id": $0.id, "label": $0.label, "actor": $0.isActor] as [String: Any] }
            object["messages"] = s.items.compactMap { item -> [String: Any]? in
                guard case .message(let from, let to, let text, let line, let head, _, _) = item else { return nil }
                return ["from": from, "to": to, "text": text, "line": line.rawValue, "head": head.rawValue]
            }
            if let title = s.title { object["title"] = title }
        case .git(let g)?:
            object["kind"] = "gitGraph"
            object["branches"] = g.branches
            object["commits"] = g.events.filter { if case .branch = $0 { return false }; return true }.count
            if let title = g.title { object["title"] = title }
        case .classes(let chart)?:
            object["kind"] = "classDiagram"
            object.merge(flowchart(chart)) { a, _ in a }
        case .state(let chart)?:
            object["kind"] = "stateDiagram"
            object.merge(flowchart(chart)) { a, _ in a }
        case .mindmap(let m)?:
            object["kind"] = "mindmap"
            func tree(_ n: Mindmap.Node) -> [String: Any] { ["text": n.text, "shape": n.shape.rawValue, "children": n.children.map(tree)] }
            if let root = m.root { object["root"] = tree(root) }
            if let title = m.title { object["title"] = title }
        case .unsupported(let kind, let title)?:
            object["kind"] = kind
            object["supported"] = false
            if let title { object["title"] = title }
        case nil:
            break
        }
        return object
    }

    public static func flowchart(_ chart: Flowchart) -> [String: Any] {
        var object: [String: Any] = [
            "direction": chart.direction.rawValue,
            "nodes": chart.nodes.map(node),
            "edges": chart.edges.map(edge),
            "subgraphs": chart.subgraphs.map(subgraph),
            "classDefs": Dictionary(uniqueKeysWithValues: chart.classDefs.map { ($0.key, ["styles": $0.value]) }),
            "clicks": chart.clicks.map(click),
        ]
        if let title = chart.title { object["title"] = title }
        if let value = chart.defaultInterpolate { object["defaultInterpolate"] = value }
        if let value = chart.accessibilityTitle { object["accTitle"] = value }
        if let value = chart.accessibilityDescription { object["accDescription"] = value }
        return object
    }

    static func node(_ node: Node) -> [String: Any] {
        var object: [String: Any] = [
            "id": node.id, "label": node.label, "labelType": node.labelType.rawValue,
            "layoutShape": layoutShape(node), "classes": node.classes, "styles": node.styles,
            "line": node.line,
        ]
        if let shape = node.namedShape ?? node.shape?.rawValue { object["shape"] = shape }
        if !node.metadata.isEmpty { object["metadata"] = node.metadata }
        return object
    }

    /// The shape name mermaid's layout data uses (`squareRect` for a plain node).
    public static func layoutShape(_ node: Node) -> String {
        if let named = node.namedShape { return named }
        switch node.shape {
        case nil, .square?: return "squareRect"
        case .round?: return "roundedRect"
        case .odd?: return "rect_left_inv_arrow"
        case let shape?: return shape.rawValue
        }
    }

    static func edge(_ edge: Edge) -> [String: Any] {
        var object: [String: Any] = [
            "id": edge.id, "from": edge.from, "to": edge.to, "type": edge.type.rawValue,
            "stroke": edge.stroke.rawValue, "length": edge.length, "label": edge.label,
            "labelType": edge.labelType.rawValue, "classes": edge.classes, "styles": edge.styles,
            "line": edge.line,
        ]
        if let animate = edge.animate { object["animate"] = animate }
        if let animation = edge.animation { object["animation"] = animation }
        if let interpolate = edge.interpolate { object["interpolate"] = interpolate }
        return object
    }

    static func subgraph(_ subgraph: Subgraph) -> [String: Any] {
        var object: [String: Any] = [
            "id": subgraph.id, "title": subgraph.title, "labelType": subgraph.labelType.rawValue,
            "nodes": subgraph.nodes, "classes": subgraph.classes,
        ]
        if let dir = subgraph.directionWord { object["dir"] = dir }
        return object
    }

    static func click(_ click: Click) -> [String: Any] {
        var object: [String: Any] = ["node": click.node]
        switch click.action {
        case .callback(let name, let arguments):
            object["callback"] = name
            if let arguments { object["arguments"] = arguments }
        case .link(let url, let target):
            object["link"] = url
            if let target { object["target"] = target }
        }
        if let tooltip = click.tooltip { object["tooltip"] = tooltip }
        return object
    }

    public static func text(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
