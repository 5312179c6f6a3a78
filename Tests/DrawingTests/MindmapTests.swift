import Canvas
import Drawing
import Foundation
import Mermaid
import Testing

/// Mindmaps (#22, in part): the indented tree read with its shapes, drawn as a tree.
struct MindmapTests {
    static let source = """
    mindmap
      root((Réseau))
        **Services**
          ClusterIP
          id1[NodePort]
        _DNS_
          CoreDNS)nuage(
            ::icon(fa fa-book)
      Deuxième racine
    """

    @Test func theTreeItsShapesAndASecondRootWarned() throws {
        let result = Mermaid.parse(Self.source)
        guard case .mindmap(let map)? = result.diagram, let root = map.root else { Issue.record("not a mindmap"); return }
        #expect(root.text == "Réseau" && root.shape == .circle)
        #expect(root.children.map(\.text) == ["**Services**", "_DNS_", "Deuxième racine"])
        #expect(root.children[0].children.map(\.text) == ["ClusterIP", "NodePort"])
        #expect(root.children[0].children[1].shape == .square)
        #expect(root.children[1].children.first?.shape == .cloud && root.children[1].children.first?.text == "nuage")
        #expect(result.diagnostics.map(\.line) == [9], "the second root, at its line")
    }

    @Test func drawnAsATreeWithEmphasisKept() throws {
        guard case .mindmap(let map)? = Mermaid.parse(Self.source).diagram else { return }
        let lines = MindmapRenderer(glyphs: Glyphs(ascii: false)).render(map, maxWidth: 40)
        #expect(lines.map(\.text) == [
            "(( Réseau ))",
            "├── Services",
            "│   ├── ClusterIP",
            "│   └── [ NodePort ]",
            "├── DNS",
            "│   └── ) nuage (",
            "└── Deuxième racine",
        ])
        #expect(lines[1].contains { $0.text == "Services" && $0.style.bold }, "**bold** is bold, without its stars")
        #expect(lines[4].contains { $0.text == "DNS" && $0.style.italic })
        let ascii = MindmapRenderer(glyphs: Glyphs(ascii: true)).render(map, maxWidth: 40).map(\.text)
        #expect(ascii[2] == "|   |-- ClusterIP" && ascii[6] == "`-- Deuxième racine")
    }
}
