import Facts
import Course
import YAMLGuard

/// Walking composed YAML with a budget: aliases share nodes, so a small file can stand for
/// billions of nodes (the "billion laughs"). Every node visited costs one; when the budget
/// is spent the walk stops and says so.
struct YAMLBudget {
    var remaining: Int
    var exhausted = false

    init(_ limit: Int = 200_000) { remaining = limit }

    /// Charges for a node and its whole subtree, stopping as soon as the budget is spent.
    mutating func charge(_ node: Node) -> Bool {
        if exhausted { return false }
        remaining -= 1
        if remaining < 0 { exhausted = true; return false }
        switch node {
        case .mapping(let map):
            for (k, v) in map { guard charge(k), charge(v) else { return false } }
        case .sequence(let seq):
            for v in seq { guard charge(v) else { return false } }
        default: break
        }
        return true
    }
}

extension Node {
    subscript(path keys: String...) -> Node? {
        var node: Node? = self
        for key in keys { node = node?[key] }
        return node
    }

    var text: String? { if case .scalar(let s) = self { return s.string } else { return nil } }
    var int: Int? { text.flatMap { Int($0) } }
    var bool: Bool? {
        guard let t = text?.lowercased() else { return nil }
        if ["true", "yes", "on"].contains(t) { return true }
        if ["false", "no", "off"].contains(t) { return false }
        return nil
    }
    var list: [Node] { if case .sequence(let s) = self { return Array(s) } else { return [] } }
    var stringMap: [String: String] {
        guard case .mapping(let map) = self else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in map { if let key = k.text, let value = v.text { out[key] = value } }
        return out
    }
}
