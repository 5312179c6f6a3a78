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
                          gap: Int, across: inout Int) -> [Int: Int] {
        func extent(_ u: Int) -> Int { vertical ? sizes[ids[u]]!.0 : sizes[ids[u]]!.1 }
        let ranks = lines.filter { $0.count == 1 }.map { $0[0] }
        var left: [Int: Double] = [:]
        for members in ranks {
            let total = members.reduce(0) { $0 + extent($1) } + gap * max(0, members.count - 1)
            var at = Double((across - total) / 2)
            for u in members { left[u] = at; at += Double(extent(u) + gap) }
        }
        let movable = Set(ranks.joined())
        for sweep in 0..<4 {
            for members in sweep % 2 == 0 ? ranks : ranks.reversed() {
                var offsets: [Double] = []
                var acc = 0.0
                for u in members { offsets.append(acc); acc += Double(extent(u) + gap) }
                let wanted = members.enumerated().map { i, u -> Double in
                    // Boxes only: a subgraph's frame stays where the packing put it.
                    let neighbours = (sweep % 2 == 0 ? up[u] : down[u]).filter { movable.contains($0) && !subgraphIDs.contains(ids[$0]) }
                    guard neighbours.count == 1, !subgraphIDs.contains(ids[u]) else { return left[u]! - offsets[i] }
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
        across = max(across, out.map { $0.value + extent($0.key) }.max() ?? 0)
        return out
    }
}
