import Facts
import FoundationEssentials

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
            object.merge(sequence(s)) { a, _ in a }
        case .git(let g)?:
            object["kind"] = "gitGraph"
            object.merge(git(g)) { a, _ in a }
        case .classes(let c)?:
            object["kind"] = "classDiagram"
            object.merge(classDiagram(c)) { a, _ in a }
        case .state(let s)?:
            object["kind"] = "stateDiagram"
            object.merge(stateDiagram(s)) { a, _ in a }
        case .mindmap(let m)?:
            object["kind"] = "mindmap"
            // mermaid's mindmapDb `getMindmap()`: nodeId, descr, type (its `nodeType`), level, children.
            let types: [Mindmap.Shape: String] = [.plain: "DEFAULT", .square: "RECT", .rounded: "ROUNDED_RECT", .circle: "CIRCLE",
                                                  .cloud: "CLOUD", .bang: "BANG", .hexagon: "HEXAGON"]
            func tree(_ n: Mindmap.Node, level: Int) -> [String: Any] {
                var node: [String: Any] = ["nodeId": n.id, "descr": n.text, "type": types[n.shape] ?? "DEFAULT", "level": level,
                                           "children": n.children.map { tree($0, level: level + 1) }]
                if let icon = n.icon { node["icon"] = icon }
                if let classes = n.classes { node["class"] = classes }
                return node
            }
            if let root = m.root { object["mindmap"] = tree(root, level: 0) }
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

    /// What mermaid's classDb gives: `getClasses()` (by id) and `getRelations()`.
    static func classDiagram(_ c: ClassDiagram) -> [String: Any] {
        var object: [String: Any] = [
            "direction": c.direction.rawValue,
            "classOrder": c.classes.map(\.id),
            "namespaces": c.namespaces,
            "notes": c.notes.map { note -> [String: Any] in
                var object: [String: Any] = ["text": note.text]
                if let owner = note.class { object["class"] = owner }
                return object
            },
            "classes": Dictionary(uniqueKeysWithValues: c.classes.map { k -> (String, [String: Any]) in
                var object: [String: Any] = ["id": k.id, "label": k.label, "type": k.type, "annotations": k.annotations, "members": k.members,
                                             "methods": k.methods]
                if let parent = k.parent { object["parent"] = parent }
                return (k.id, object)
            }),
            "relations": c.relations.map { r -> [String: Any] in
                ["id1": r.id1, "id2": r.id2, "relationTitle1": r.relationTitle1, "relationTitle2": r.relationTitle2, "title": r.title,
                 "relation": ["type1": r.type1.rawValue, "type2": r.type2.rawValue, "lineType": r.lineType.rawValue]]
            },
        ]
        if let title = c.title { object["title"] = title }
        return object
    }

    /// What mermaid's stateDb gives: `getStates()` (by id) and `getRelations()`.
    static func stateDiagram(_ d: StateDiagram) -> [String: Any] {
        var object: [String: Any] = [
            "direction": d.direction.rawValue,
            "stateOrder": d.states.map(\.id),
            "states": Dictionary(uniqueKeysWithValues: d.states.map { s in
                var state: [String: Any] = ["id": s.id, "type": s.type, "descriptions": s.descriptions, "doc": s.doc.map { ["id": $0] }]
                if let note = s.note { state["note"] = ["position": note.position, "text": note.text] }
                return (s.id, state)
            }),
            "relations": d.relations.map { r -> [String: Any] in
                var relation: [String: Any] = ["id1": r.id1, "id2": r.id2]
                if let title = r.relationTitle { relation["relationTitle"] = title }
                return relation
            },
        ]
        if let title = d.title { object["title"] = title }
        return object
    }

    /// What mermaid's sequenceDb gives: `getActors()` (in order, `description` and `type`) and
    /// `getMessages()`, where notes, blocks, activations and autonumber are messages too, each
    /// with its `LINETYPE` name and notes with their `PLACEMENT`.
    static func sequence(_ s: SequenceDiagram) -> [String: Any] {
        var messages: [[String: Any]] = []
        var open: [String] = []
        let starts = ["loop": "LOOP", "alt": "ALT", "opt": "OPT", "par": "PAR", "rect": "RECT", "critical": "CRITICAL", "break": "BREAK"]
        let parts = ["else": "ALT_ELSE", "and": "PAR_AND", "option": "CRITICAL_OPTION"]
        for item in s.items {
            switch item {
            case .message(let from, let to, let text, let line, let head, let both, _):
                let dotted = line == .dotted
                let type = both ? (dotted ? "BIDIRECTIONAL_DOTTED" : "BIDIRECTIONAL_SOLID")
                    : [SequenceDiagram.Head.arrow: "", .none: "_OPEN", .cross: "_CROSS", .async: "_POINT"][head].map { (dotted ? "DOTTED" : "SOLID") + $0 } ?? "SOLID"
                messages.append(["from": from, "to": to, "message": text, "type": type])
            case .note(let place, let ids, let text):
                let placement = [SequenceDiagram.NotePlace.leftOf: "LEFTOF", .rightOf: "RIGHTOF", .over: "OVER"][place] ?? "OVER"
                messages.append(["from": ids.first ?? "", "to": ids.last ?? "", "message": text, "type": "NOTE", "placement": placement])
            case .begin(let kind, let label):
                // `par_over … end` is PAR_OVER_START … PAR_END.
                let name = kind == "par_over" ? "PAR" : starts[kind] ?? kind.uppercased()
                open.append(name)
                messages.append(["message": label, "type": kind == "par_over" ? "PAR_OVER_START" : name + "_START"])
            case .part(let kind, let label):
                messages.append(["message": label, "type": parts[kind] ?? kind.uppercased()])
            case .end:
                messages.append(["type": (open.popLast() ?? "LOOP") + "_END"])
            case .activate(let id):
                messages.append(["from": id, "type": "ACTIVE_START"])
            case .deactivate(let id):
                messages.append(["from": id, "type": "ACTIVE_END"])
            }
        }
        var object: [String: Any] = [
            "actorOrder": s.participants.map(\.id),
            "actors": Dictionary(uniqueKeysWithValues: s.participants.map {
                ($0.id, ["name": $0.id, "description": $0.label, "type": $0.isActor ? "actor" : "participant"] as [String: Any])
            }),
            "messages": messages,
            "showSequenceNumbers": s.items.contains { if case .message(_, _, _, _, _, _, let n) = $0 { return n != nil }; return false },
        ]
        if let title = s.title { object["title"] = title }
        return object
    }

    /// What mermaid's gitGraph db gives: `getCommits()` in order (id, message, `commitType`
    /// name, tags, branch, parents), `getBranches()` (each one's head) in the order made,
    /// `getCurrentBranch()`. A commit written without an id is given `seq-` and its number
    /// (mermaid's are random).
    static func git(_ g: GitGraph) -> [String: Any] {
        var commits: [[String: Any]] = []
        var heads: [String: String] = [:]
        var current = g.branches.first ?? "main"
        func add(_ id: String?, message: String, type: String, tags: [String], branch: String, parents: [String]) {
            let id = id ?? "seq-\(commits.count)"
            commits.append(["id": id, "seq": commits.count, "message": message, "type": type, "tags": tags, "branch": branch,
                            "parents": parents])
            heads[branch] = id
            current = branch
        }
        for event in g.events {
            switch event {
            case .commit(let branch, let id, let tag, let type, let message):
                add(id, message: message ?? "", type: type ?? "NORMAL", tags: tag.map { [$0] } ?? [], branch: branch,
                    parents: heads[branch].map { [$0] } ?? [])
            case .branch(let name, let from):
                heads[name] = heads[from]
                current = name
            case .merge(let source, let target, let id, let tag):
                add(id, message: "merged branch \(source) into \(target)", type: "MERGE", tags: tag.map { [$0] } ?? [], branch: target,
                    parents: [heads[target], heads[source]].compactMap { $0 })
            case .cherryPick(let branch, let id):
                add(nil, message: "", type: "CHERRY_PICK", tags: ["cherry-pick:\(id)"], branch: branch, parents: heads[branch].map { [$0] } ?? [])
            case .checkout(let branch):
                current = branch
            }
        }
        var object: [String: Any] = [
            "commits": commits,
            "branchOrder": g.lanes,
            "branches": Dictionary(uniqueKeysWithValues: g.branches.map { ($0, heads[$0].map { $0 as Any } ?? JSONValue.null) as (String, Any) }),
            "currentBranch": current,
            "direction": g.direction,
        ]
        if let title = g.title { object["title"] = title }
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
        JSONValue(value).text()
    }
}
