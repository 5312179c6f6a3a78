/// A first rank's boxes that send labelled lines, lifted to a row of their own (`lift`).
extension DiagramLayouter {
    /// The ids of the places kept in the second rank for the lifted boxes' lines: never a
    /// node's id (mermaid ids hold no control character), never drawn.
    static let passagePrefix = "\u{1}passage-"

    /// Asked for every neighbour at every sweep: the first byte tells (no id of a chart
    /// starts with a control character).
    static func isPassage(_ id: String) -> Bool { id.utf8.first == 1 }

    /// Top-down, when the first rank holds both boxes that send labelled lines and others:
    /// the others (and everything below) go one rank down, so the labelled lines leave
    /// through a band of rows no other line crosses, and their labels sit beside them. Each
    /// lifted box's lines pass the rank below through a passage kept over what they go to
    /// (dagre keeps such places for long edges as dummy nodes), so they run past that rank's
    /// boxes, not through their lines.
    func liftLabelledSources(ids: inout [String], sizes: inout [String: (Int, Int)], forward: inout [Set<Int>],
                             inn: inout [Set<Int>], rank: inout [Int]) {
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var lines: [Int: Int] = [:]
        for edge in chart.edges where !edge.label.isEmpty && edge.stroke != .invisible && edge.from != edge.to {
            guard let a = memberOf(edge.from, in: nil).flatMap({ index[$0] }), rank[a] == 0 else { continue }
            lines[a, default: 0] += 1
        }
        let lifted = Set(lines.keys)
        guard !lifted.isEmpty, ids.indices.contains(where: { rank[$0] == 0 && !lifted.contains($0) }) else { return }
        for u in ids.indices where !lifted.contains(u) { rank[u] += 1 }
        for u in lifted.sorted() {
            let targets = forward[u].filter { rank[$0] > 1 }
            guard !targets.isEmpty else { continue }
            let d = ids.count
            let id = Self.passagePrefix + "\(d)"
            ids.append(id)
            // As wide as what the lines go to (the band above it kept free, so that they
            // come down onto it past the rank's other boxes), at least the lines side by side.
            let below = targets.map { sizes[ids[$0]]?.0 ?? 0 }.max() ?? 0
            sizes[id] = (max(2 * (lines[u] ?? 1) + 1, below), 1)
            forward.append(targets)
            inn.append([u])
            rank.append(1)
            for v in targets {
                forward[u].remove(v)
                inn[v].remove(u)
                inn[v].insert(d)
            }
            forward[u].insert(d)
        }
    }
}
