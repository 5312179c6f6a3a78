import Facts
/// A plain-text account of a parsed diagram, as `reseau mermaid` prints it.
public enum MermaidText {
    public static func lines(_ chart: Flowchart) -> [String] {
        var lines = ["flowchart \(chart.direction.rawValue)\(chart.title.map { " \"\($0)\"" } ?? "")"]
        for subgraph in chart.subgraphs {
            let dir = subgraph.directionWord.map { " direction \($0)" } ?? ""
            lines.append("  subgraph \(subgraph.id) \"\(subgraph.titleLines.joined(separator: " / "))\"\(dir): \(subgraph.nodes.joined(separator: ", "))")
        }
        let subgraphIDs = Set(chart.subgraphs.map(\.id))
        // An edge to a subgraph makes mermaid record a vertex of that id: it is the subgraph.
        for node in chart.nodes where !subgraphIDs.contains(node.id) {
            let shape = node.namedShape ?? node.shape?.rawValue ?? "square"
            let classes = node.classes.map { " .\($0)" }.joined()
            lines.append("  node \(node.id) [\(shape)] \"\(node.lines.joined(separator: " / "))\"\(classes)")
        }
        for edge in chart.edges {
            let id = edge.isUserDefinedID ? "\(edge.id): " : ""
            let label = edge.label.isEmpty ? "" : " \"\(edge.labelLines.joined(separator: " / "))\""
            let animated = edge.isAnimated ? " animated" : ""
            lines.append("  edge \(id)\(edge.from) \(arrow(edge)) \(edge.to)\(label) (\(edge.stroke.rawValue), \(edge.type.rawValue), length \(edge.length))\(animated)")
        }
        return lines
    }

    /// The edge drawn back as mermaid would write it.
    static func arrow(_ edge: Edge) -> String {
        let body: String
        switch edge.stroke {
        case .normal: body = "--"
        case .thick: body = "=="
        case .dotted: body = "-.-"
        case .invisible: body = "~~~"
        }
        switch edge.type {
        case .arrow_point: return body.hasSuffix("-") && edge.stroke == .dotted ? "-.->" : body + ">"
        case .arrow_open: return edge.stroke == .dotted ? "-.-" : body + String(body.last!)
        case .arrow_cross: return body + "x"
        case .arrow_circle: return body + "o"
        case .double_arrow_point: return "<" + body + ">"
        case .double_arrow_cross: return "x" + body + "x"
        case .double_arrow_circle: return "o" + body + "o"
        }
    }
}
