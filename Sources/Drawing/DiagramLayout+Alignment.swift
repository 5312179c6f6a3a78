/// Placing a rank's members along it, aligned with their neighbours.
extension DiagramLayouter {
    /// Where each member of a one-line rank goes along its rank: first packed and centred,
    /// then moved towards the median of its neighbours in the rank before (sweeping down)
    /// or after (sweeping up), so that an edge runs straight where it can. The ranks keep
    /// their order and their gaps: each sweep is an isotonic regression (pool adjacent
    /// violators) of the wanted positions, the order constraint made monotone by the gaps —
    /// the least squares placement in that order. Only nodes with one neighbour there move
    /// (a chain straightens; a fan keeps its spread); `across` grows to what it takes.
    func alignedPositions(lines: [[[Int]]], sizes: [String: (Int, Int)], ids: [String], up: [[Int]], down: [[Int]], vertical: Bool,
                          gap: Int, room: [Int: Int] = [:], across: inout Int) -> [Int: Int] {
        func extent(_ u: Int) -> Int { vertical ? sizes[ids[u]]!.0 : sizes[ids[u]]!.1 }
        // What a member takes along its rank: its box and the room kept on its right.
        func slot(_ u: Int) -> Int { extent(u) + (room[u] ?? 0) }
        let ranks = lines.filter { $0.count == 1 }.map { $0[0] }
        var left: [Int: Double] = [:]
        for members in ranks {
            let total = members.reduce(0) { $0 + slot($1) } + gap * max(0, members.count - 1)
            var at = Double((across - total) / 2)
            for u in members { left[u] = at; at += Double(slot(u) + gap) }
        }
        let movable = Set(ranks.joined())
        for sweep in 0..<4 {
            for members in sweep % 2 == 0 ? ranks : ranks.reversed() {
                var offsets: [Double] = []
                var acc = 0.0
                for u in members { offsets.append(acc); acc += Double(slot(u) + gap) }
                let wanted = members.enumerated().map { i, u -> Double in
                    // Boxes only: a subgraph's frame stays where the packing put it.
                    // A passage kept for lifted lines (see `lift`) stays where the packing put it,
                    // beside the rank, and moves nothing.
                    let neighbours = (sweep % 2 == 0 ? up[u] : down[u])
                        .filter { movable.contains($0) && !subgraphIDs.contains(ids[$0]) && !Self.isPassage(ids[$0]) }
                    guard neighbours.count == 1, !subgraphIDs.contains(ids[u]), !Self.isPassage(ids[u]) else { return left[u]! - offsets[i] }
                    let centres = neighbours.map { left[$0]! + Double(extent($0)) / 2 }.sorted()
                    let median = centres.count % 2 == 1 ? centres[centres.count / 2] : (centres[centres.count / 2 - 1] + centres[centres.count / 2]) / 2
                    return median - Double(extent(u)) / 2 - offsets[i]
                }
                // Pool adjacent violators: blocks of equal value, merged while they decrease.
                var blocks: [(sum: Double, count: Int)] = []
                for w in wanted {
                    blocks.append((w, 1))
                    while blocks.count > 1, blocks[blocks.count - 2].sum / Double(blocks[blocks.count - 2].count)
                            > blocks[blocks.count - 1].sum / Double(blocks[blocks.count - 1].count) {
                        let last = blocks.removeLast()
                        blocks[blocks.count - 1].sum += last.sum
                        blocks[blocks.count - 1].count += last.count
                    }
                }
                var i = 0
                for block in blocks {
                    let value = block.sum / Double(block.count)
                    for _ in 0..<block.count { left[members[i]] = value.rounded(.down) + offsets[i]; i += 1 }
                }
            }
        }
        let smallest = left.values.min() ?? 0
        var out: [Int: Int] = [:]
        for (u, l) in left { out[u] = Int(l - smallest) }
        across = max(across, out.map { $0.value + slot($0.key) }.max() ?? 0)
        return out
    }
}

extension DiagramLayouter {
    /// Orders tried at most when every rank's order is searched together.
    static let orderSearchLimit = 5_040

    /// The ranks reordered for the fewest crossings between neighbouring ranks, when there
    /// are few enough orders to try them all (nothing changes when the sweeps found none).
    static func fewestCrossings(_ ranks: [[Int]], down: [[Int]]) -> [[Int]] {
        guard ranks.count > 1 else { return ranks }
        var orders = 1
        for r in ranks {
            for k in stride(from: r.count, to: 1, by: -1) { orders *= k; if orders > orderSearchLimit { return ranks } }
        }
        guard orders > 1 else { return ranks }
        var rankOf: [Int: Int] = [:]
        for (r, members) in ranks.enumerated() { for u in members { rankOf[u] = r } }
        // Edges between neighbouring ranks, by upper rank.
        var between = Array(repeating: [(Int, Int)](), count: ranks.count)
        for (r, members) in ranks.enumerated() {
            for u in members { for v in down[u] where rankOf[v] == r + 1 { between[r].append((u, v)) } }
        }
        func crossings(_ order: [[Int]]) -> Int {
            var place: [Int: Int] = [:]
            for members in order { for (i, u) in members.enumerated() { place[u] = i } }
            var total = 0
            for edges in between where edges.count > 1 {
                for i in edges.indices { for j in edges.indices where j > i {
                    let (a, b) = (place[edges[i].0]!, place[edges[i].1]!), (c, d) = (place[edges[j].0]!, place[edges[j].1]!)
                    if (a < c && b > d) || (a > c && b < d) { total += 1 }
                } }
            }
            return total
        }
        func permutations(_ items: [Int]) -> [[Int]] {
            guard items.count > 1 else { return [items] }
            var out: [[Int]] = []
            for (i, first) in items.enumerated() {
                var rest = items
                rest.remove(at: i)
                for tail in permutations(rest) { out.append([first] + tail) }
            }
            return out
        }
        // On a tie, the order nearest the source's (members are numbered as written): the
        // fewest pairs drawn the other way round.
        func inversions(_ order: [[Int]]) -> Int {
            order.reduce(0) { sum, members in
                sum + members.indices.reduce(0) { n, i in n + members[(i + 1)...].filter { $0 < members[i] }.count }
            }
        }
        let choices = ranks.map(permutations)
        var best = ranks
        var bestKey = (crossings(ranks), inversions(ranks))
        guard bestKey.0 > 0 else { return ranks }
        var current = ranks
        func search(_ r: Int) {
            if r == ranks.count {
                let key = (crossings(current), inversions(current))
                if key < bestKey { (best, bestKey) = (current, key) }
                return
            }
            for order in choices[r] {
                current[r] = order
                search(r + 1)
            }
        }
        search(0)
        return best
    }
}
