import Canvas
import Mermaid
import Testing
@testable import Drawing

/// Named shapes (`id@{ shape: … }`, mermaid 11's "New shapes") and the classic brackets, each
/// drawn so that its frame suggests it — and still a box with its arrow on its border.
struct ShapeTests {
    static func draw(_ source: String, ascii: Bool = false) -> [String] {
        DiagramRenderer(glyphs: Glyphs(ascii: ascii)).render(Mermaid.parse(source).diagram!.flowchart!, maxWidth: 120).map(\.text)
    }

    @Test func aDatabaseHasTheLipOfACylinder() {
        #expect(Self.draw("flowchart TD\n  db@{ shape: cyl, label: \"etcd\" }") == [
            " ╭──────╮",
            " │╰╌╌╌╌╯│",
            " │ etcd │",
            " ╰──────╯",
        ])
    }

    @Test func aDocumentHasAWavyBottomAndACloudItsBumps() {
        #expect(Self.draw("flowchart TD\n  d@{ shape: doc, label: \"Rapport\" }") == [
            " ┌─────────┐",
            " │ Rapport │",
            " │~~~~~~~~~│",
            " └─────────┘",
        ])
        #expect(Self.draw("flowchart TD\n  c@{ shape: cloud, label: \"Internet\" }") == [
            " ╭──────────╮",
            " │╭╮╭╮╭╮╭╮╭╮│",
            " │ Internet │",
            " ╰──────────╯",
        ])
    }

    @Test func theClassicBracketsDrawTheirShape() {
        let lines = Self.draw("flowchart LR\n  a([pill]) --> b((rond)) --> c{choix} --> d{{hexa}} --> e[(base)] --> f[[sub]] --> g[/in/]")
        let text = lines.joined(separator: "\n")
        for mark in ["│( pill )│", "│(( rond ))│", "║◇ choix ◇║", "║< hexa >║", "│╰╌╌╌╌╯│", "│║ sub ║│", "│╱ in ╱│"] {
            #expect(text.contains(mark), "\(mark) not in:\n\(text)")
        }
    }

    @Test func asciiKeepsTheShapesWithAsciiMarks() {
        let text = Self.draw("flowchart LR\n  a{choix} --> b[(base)] --> c[/in/]", ascii: true).joined(separator: "\n")
        for mark in ["|< choix >|", "|\\____/|", "|/ in /|"] {
            #expect(text.contains(mark), "\(mark) not in:\n\(text)")
        }
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Every name and alias of mermaid's registry: no warning, the label whole inside a frame of
    /// one of the four box styles (what a reader, and diagram-check, knows as a box), the arrow
    /// on that frame.
    @Test(arguments: NamedShapes.all.sorted())
    func everyNameIsABoxWithItsLabel(name: String) {
        let parsed = Mermaid.parse("flowchart LR\n  a@{ shape: \(name), label: \"Texte\" } --> b[fin]")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let lines = Self.draw("flowchart LR\n  a@{ shape: \(name), label: \"Texte\" } --> b[fin]")
        let labelRow = lines.firstIndex { $0.contains("Texte") }
        #expect(labelRow != nil)
        guard let row = labelRow else { return }
        let corners: Set<Character> = ["┌", "╭", "╔", "┏"]
        #expect(lines.contains { line in line.first { $0 != " " }.map(corners.contains) ?? false })
        #expect(lines[row].contains("│ Texte") || lines[row].contains("Texte "), "\(lines)")
        // The arrow ends on `fin`'s frame: `─▶│`.
        #expect(lines.contains { $0.contains("▶│ fin │") }, "\(lines)")
    }

    @Test func anUnknownShapeIsAWarningNamingTheKnownOnes() {
        let parsed = Mermaid.parse("flowchart LR\n  a@{ shape: nuage } --> b")
        #expect(parsed.diagnostics.count == 1)
        let message = "\(parsed.diagnostics[0])"
        #expect(message.contains("nuage"))
        #expect(Self.draw("flowchart LR\n  a@{ shape: nuage } --> b").joined().contains("│ a │"))
    }
}
