import Canvas
import Drawing
import Foundation
import Mermaid
import Testing

/// State diagrams (#22, in part): read as the flowchart that draws them.
struct StateDiagramTests {
    static let source = """
    stateDiagram-v2
        [*] --> Pending
        Pending --> Running : conteneurs démarrés
        Running --> [*]
        state "En échec" as Failed
        Pending --> Failed
        Failed : redémarre selon restartPolicy
        note right of Pending : en attente du scheduler
        state Running {
            [*] --> Ready
            Ready --> NotReady : readiness KO
        }
        state pick <<choice>>
        NotReady --> pick
        n'importe quoi ici
    """

    @Test func statesTransitionsStartsEndsCompositesNotesAndChoices() throws {
        let result = Mermaid.parse(Self.source)
        guard case .state(let state)? = result.diagram else { Issue.record("not a state diagram"); return }
        let chart = state.flowchart
        let ids = Set(chart.nodes.map(\.id))
        #expect(ids.isSuperset(of: ["root_start", "root_end", "Pending", "Failed", "Running_start", "Ready", "NotReady", "pick", "note1"]))
        #expect(chart.node("root_start")?.label == "●" && chart.node("root_end")?.label == "◉")
        #expect(chart.node("Failed")?.label == "En échec<br/>redémarre selon restartPolicy")
        #expect(chart.node("pick")?.shape == .diamond)
        #expect(chart.subgraph("Running")?.nodes.sorted() == ["NotReady", "Ready", "Running_start"])
        #expect(chart.node("Running") == nil, "a composite is a frame, not a box")
        #expect(chart.edges.contains { $0.from == "Pending" && $0.to == "Running" && $0.label == "conteneurs démarrés" })
        #expect(chart.edges.contains { $0.from == "Pending" && $0.to == "note1" && $0.stroke == .dotted && $0.type == .arrow_open })
        #expect(result.diagnostics.map(\.line) == [15], "the line it cannot read, at its line")
    }

    @Test func drawnByTheFlowchartLayout() throws {
        guard case .state(let state)? = Mermaid.parse(Self.source).diagram else { return }
        let chart = state.flowchart
        let text = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(chart, maxWidth: 80).map(\.text)
        let joined = text.joined(separator: "\n")
        for word in ["│ ● │", "Pending", "En échec", "┌─ Running", "Ready", "NotReady", "en attente du scheduler", "◇"] {
            #expect(joined.contains(word), "\(word) drawn:\n\(joined)")
        }
        for line in text { #expect(CellWidth.of(line) <= 80) }
    }
}
