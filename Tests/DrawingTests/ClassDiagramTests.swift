import Canvas
import Drawing
import Foundation
import Mermaid
import Testing

/// Class diagrams (#22, in part): read as the flowchart that draws them.
struct ClassDiagramTests {
    static let source = """
    classDiagram
        class Service {
            +string name
            +ports() List~ServicePort~
        }
        Pod : +string ip
        <<interface>> Workload
        Workload <|-- Deployment
        Deployment "1" *-- "*" Pod : gère
        Service ..> Pod : sélectionne
        Node o-- Pod
        ceci n'est rien
    """

    @Test func classesMembersAnnotationsRelationsAndCardinalities() throws {
        let result = Mermaid.parse(Self.source)
        guard case .classes(let classes)? = result.diagram else { Issue.record("not a class diagram"); return }
        let chart = classes.flowchart
        #expect(Set(chart.nodes.map(\.id)) == ["Service", "Pod", "Workload", "Deployment", "Node"])
        let service = try #require(chart.node("Service")).lines
        #expect(service.first == "Service" && service.contains("+string name") && service.contains("+ports() : List<ServicePort>"))
        #expect(chart.node("Workload")?.lines.first == "<<interface>>")
        // The arrow points at the parent; the whole holds the diamond.
        #expect(chart.edges.contains { $0.from == "Deployment" && $0.to == "Workload" && $0.type == .arrow_point && $0.label == "△" })
        #expect(chart.edges.contains { $0.from == "Pod" && $0.to == "Deployment" && $0.type == .arrow_circle && $0.label == "◆ * → 1 gère" })
        #expect(chart.edges.contains { $0.from == "Service" && $0.to == "Pod" && $0.stroke == .dotted && $0.label == "sélectionne" })
        #expect(chart.edges.contains { $0.from == "Pod" && $0.to == "Node" && $0.label == "◇" })
        #expect(result.diagnostics.map(\.line) == [12])
    }

    @Test func drawnAsBoxesWithTheirMembers() throws {
        guard case .classes(let classes)? = Mermaid.parse(Self.source).diagram else { return }
        let chart = classes.flowchart
        let text = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(chart, maxWidth: 80).map(\.text)
        let joined = text.joined(separator: "\n")
        for word in ["+ports() : List<ServicePort>", "<<interface>>", "Workload", "◆ * → 1 gère", "sélectionne"] {
            #expect(joined.contains(word), "\(word):\n\(joined)")
        }
        for line in text { #expect(CellWidth.of(line) <= 80) }
    }
}
