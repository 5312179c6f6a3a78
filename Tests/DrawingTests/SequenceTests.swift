import Canvas
import Drawing
import Foundation
import Mermaid
import Testing

/// Sequence diagrams (#22, in part): read as mermaid writes them, drawn with lifelines.
struct SequenceTests {
    static let source = """
    sequenceDiagram
        autonumber
        participant F as front
        actor U as utilisateur
        participant A as api-1
        U->>F: GET /
        F->>+A: GET /api
        Note over F,A: par le Service
        A-->>-F: 200
        loop chaque 10 s
            A->>A: sonde
        end
        alt erreur
            F--xU: 502
        else
            F-)U: page
        end
    """

    static func diagram() throws -> SequenceDiagram {
        let result = Mermaid.parse(source)
        #expect(result.diagnostics.isEmpty)
        guard case .sequence(let s)? = result.diagram else { throw CancellationError() }
        return s
    }

    @Test func participantsActorsAliasesArrowsNotesBlocksAndNumbers() throws {
        let s = try Self.diagram()
        #expect(s.participants.map(\.label) == ["front", "utilisateur", "api-1"])
        #expect(s.participants.map(\.isActor) == [false, true, false])
        #expect(s.items.first == .message(from: "U", to: "F", text: "GET /", line: .solid, head: .arrow, both: false, number: 1))
        #expect(s.items.contains(.message(from: "A", to: "F", text: "200", line: .dotted, head: .arrow, both: false, number: 3)),
                "the activation marks are not part of the names")
        #expect(s.items.contains(.note(.over, ["F", "A"], "par le Service")))
        #expect(s.items.contains(.begin(kind: "loop", label: "chaque 10 s")))
        #expect(s.items.contains(.message(from: "F", to: "U", text: "502", line: .dotted, head: .cross, both: false, number: 5)))
        #expect(s.items.contains(.message(from: "F", to: "U", text: "page", line: .solid, head: .async, both: false, number: 6)))
        #expect(s.items.filter { $0 == .end }.count == 2)
    }

    @Test func drawnWithLifelinesArrowsBetweenThemAndTheTextAbove() throws {
        let lines = SequenceRenderer(glyphs: Glyphs(ascii: false)).render(try Self.diagram(), maxWidth: 80).map(\.text)
        let text = lines.joined(separator: "\n")
        for line in lines { #expect(CellWidth.of(line) <= 80, "\(line)") }
        #expect(lines[1].contains("│ front │") && lines[1].contains("│ api-1 │"))
        #expect(text.contains("╭─────────────╮"), "the actor in a rounded box")
        // Message 2, front → api-1: its text sits above an arrow that ends at api-1's lifeline.
        let row = try #require(lines.firstIndex { $0.contains("2. GET /api") })
        let arrow = lines[row + 1]
        #expect(arrow.contains("─▶┃"), "\(arrow): the arrow reaches api-1, active from there")
        #expect(text.contains("◀┄┄"), "the dotted reply comes back")
        #expect(text.contains("┆──┐ 4. sonde") && text.contains("┆◀─┘"), "a message to itself keeps its text")
        #expect(text.contains("loop [chaque 10 s]") && text.contains("alt [erreur]") && text.contains("else"))
        #expect(text.contains("par le Service"))
        #expect(text.contains("✕"), "--x ends in a cross")
        // api-1 is active from `F->>+A` to `A-->>-F`: its lifeline is heavier there, and only there.
        let heavy = lines.indices.filter { lines[$0].contains("┃") && !lines[$0].contains("━") }
        #expect(!heavy.isEmpty && lines[heavy.first!].contains("─▶┃") && lines[heavy.last!].contains("┄┃"), "\(heavy)")
    }

    /// Four participants, a note over one, a message to itself on the last: it fits 80
    /// columns drawn, to the column (the width once counted one column short, and it fell
    /// back to the list).
    @Test func aDiagramThatFitsIsDrawnToTheLastColumn() throws {
        let source = """
        sequenceDiagram
            participant F as front
            participant D as CoreDNS
            participant K as kube-proxy
            participant A as api-1
            F->>D: A? api.shop.svc.cluster.local
            Note over K: DNAT vers 10.244.2.5:8080
            loop toutes les 10 s
                A->>A: readiness probe
            end
        """
        guard case .sequence(let s)? = Mermaid.parse(source).diagram else { Issue.record("not a sequence"); return }
        let lines = SequenceRenderer(glyphs: Glyphs(ascii: false)).render(s, maxWidth: 80).map(\.text)
        #expect(lines[1].contains("│ front │") && lines[1].contains("│ api-1 │"), "drawn, not listed:\n\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("┆──┐ readiness probe") })
        for line in lines { #expect(CellWidth.of(line) <= 80) }
    }

    /// The course's own (ten participants, 40 messages) at 80 columns: too wide for boxes
    /// side by side, it is one numbered line per message; at 200 columns, lifelines.
    @Test func tooManyParticipantsForThePageIsAListOfMessages() throws {
        let page = DrawingPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/course/k8s/sequence.md").path
        guard let text = try? String(contentsOfFile: page, encoding: .utf8) else {
            print("../shared/corpus is absent: the course's sequence diagram is not drawn"); return
        }
        let body = text.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "```")[0]
        guard case .sequence(let s)? = Mermaid.parse(body).diagram else { Issue.record("not read as a sequence"); return }
        #expect(s.participants.count == 10)
        let narrow = SequenceRenderer(glyphs: Glyphs(ascii: false)).render(s, maxWidth: 80).map(\.text)
        #expect(narrow.contains("1. User → Kubectl : kubectl apply -f pod.yaml"))
        #expect(narrow.contains("4. AuthN/AuthZ/Admission ┄▶ kube-apiserver : OK"))
        let wide = SequenceRenderer(glyphs: Glyphs(ascii: false)).render(s, maxWidth: 200).map(\.text)
        #expect(wide.contains { $0.contains("│ kube-apiserver │") }, "boxes side by side")
        for line in wide { #expect(CellWidth.of(line) <= 200) }
    }
}

/// Any mix of sequence statements, some broken, at any width: read without a crash, drawn
/// within the width asked.
struct SequenceRobustnessTests {
    static let pieces = [
        "participant A", "participant B as Le serveur", "actor C", "A->>B: bonjour", "B-->>A: 200 OK", "A->A: soi-même",
        "C-xB: non", "B--)C: plus tard", "A<<->>C: les deux", "Note over A,C: une note un peu longue pour voir", "Note left of A: à gauche",
        "Note right of C: à droite", "loop toujours", "alt oui", "else non", "opt peut-être", "par en même temps", "and aussi",
        "critical important", "option sinon", "break stop", "rect rgb(0,0,0)", "end", "end", "autonumber", "box Aqua Groupe",
        "activate A", "deactivate A", "Note over : vide", "->>: rien", "A->>: personne", "%% commentaire", "  ", "n'importe quoi",
        "D->>E: " + String(repeating: "très long ", count: 12), "participant " + String(repeating: "X", count: 90),
    ]

    @Test func randomMixesAreReadAndDrawnWithinTheWidth() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return Int(state % 1_000_000) }
        for _ in 0..<300 {
            let lines = (0..<(next() % 25)).map { _ in Self.pieces[next() % Self.pieces.count] }
            let source = "sequenceDiagram\n" + lines.joined(separator: "\n")
            guard case .sequence(let s)? = Mermaid.parse(source).diagram else { Issue.record("not a sequence: \(source)"); continue }
            for width in [20, 41, 80, 133] {
                for line in SequenceRenderer(glyphs: Glyphs(ascii: width == 41)).render(s, maxWidth: width) {
                    #expect(CellWidth.of(line.map(\.text).joined()) <= width, "at \(width):\n\(source)")
                }
            }
        }
    }
}
