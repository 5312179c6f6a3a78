import Facts
import Mermaid
import Speech
import Testing

/// The audit: 3,000 nested subgraphs overflowed the stack (1,000 took 10 s and 1 GiB).
@Suite struct DeepSubgraphTests {
    static func nested(_ n: Int) -> String {
        "flowchart TD\n" + (0..<n).map { "subgraph s\($0)\n" }.joined() + "a --> b\n" + String(repeating: "end\n", count: n)
    }

    @Test func deepSubgraphsAreReadFlatPastTheLimit() throws {
        let result = Mermaid.parse(Self.nested(3_000))
        let chart = try #require(result.diagram?.flowchart)
        #expect(chart.subgraphs.count == 64, "64 levels kept")
        #expect(result.diagnostics.map(\.problem) == [.subgraphsTooDeep(limit: 64)])
        #expect(result.diagnostics.first?.line == 66, "at s64, the first subgraph read flat (line 1 is `flowchart TD`)")
        #expect(chart.subgraphs.first { $0.id == "s63" }?.nodes.contains("a") == true, "the deep content is in the deepest subgraph")
        #expect(chart.edges.count == 1)
    }

    @Test func sixtyFourLevelsAreKept() throws {
        let result = Mermaid.parse(Self.nested(64))
        #expect(result.diagnostics.isEmpty)
        #expect(result.diagram?.flowchart?.subgraphs.count == 64)
    }
}

/// Found by fuzzing (make fuzz, mermaid, 7.2 M runs with -max_len 65536): a class after an
/// edge's metadata (`e1@{ animate: true }:::hot`) stopped the program; the class now goes
/// to the edge, as `class e1 hot` does.
struct EdgeClassAfterMetadataTests {
    @Test func theClassGoesToTheEdge() throws {
        let chart = try #require(Mermaid.parse("flowchart TD\n  A e1@--> B\n  e1@{ animate: true }:::hot\n").diagram?.flowchart)
        #expect(chart.edges.first?.classes == ["hot"])
        #expect(chart.edges.first?.animate == true)
        #expect(chart.nodes.map(\.id) == ["A", "B"])
    }
}
