import Canvas
import Testing
@testable import Tutor

/// Diagrams with nothing to play — sequence diagrams, mindmaps, git graphs, state and class
/// diagrams — open full screen too, to be looked around: a sequence diagram too wide for the
/// page is drawn whole there and pans sideways, its participants kept in sight.
struct StillDiagramTests {
    static let wide = TutorFixtures.fixture("wide-sequence.md")

    @Test func theSlideListsAWideSequenceAndSaysWhy() {
        let s = TutorFixtures.app([Self.wide], width: 80, height: 24, language: .fr)
        let screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(screen.contains("3. Navigateur → Contrôleur Ingress : GET / Host: shop.example.com"), "\(screen)")
        #expect(screen.contains("trop large pour la page : un message par ligne"), "\(screen)")
        #expect(screen.contains("Entrée ouvrir"), "the footer says Enter opens it")
    }

    @Test func enterDrawsTheLifelinesWholeAndTheViewPansSideways() {
        var s = TutorFixtures.app([Self.wide], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "Enter")
        #expect(s.screen == .diagram)
        var lines = TutorFixtures.screen(s)
        var screen = lines.joined(separator: "\n")
        #expect(lines[2].contains("│ Navigateur │") && lines[2].contains("│ CoreDNS │"), "\(screen)")
        #expect(screen.contains("colonnes de plus"), "what is off to the right is said")
        #expect(lines.last == "Échap revenir · ↑ ↓ ← → parcourir · q quitter", "nothing to play: the keys to look around")
        #expect(!screen.contains("│ etcd │"))
        var seen = Set<String>()
        for _ in 0..<40 {
            TutorFixtures.press(&s, "→")
            screen = TutorFixtures.screen(s).joined(separator: "\n")
            for name in ["kube-proxy", "Pod web-7d4b9", "kube-apiserver", "etcd"] where screen.contains("│ \(name) │") { seen.insert(name) }
        }
        #expect(seen == ["kube-proxy", "Pod web-7d4b9", "kube-apiserver", "etcd"], "every participant came into view")
        lines = TutorFixtures.screen(s)
        #expect(lines.contains { $0.contains("← ") && $0.contains("colonnes de plus") }, "at the right end: what is to the left")
    }

    @Test func scrolledDownTheParticipantsStayOnTopAndNoLabelIsCut() {
        var s = TutorFixtures.app([Self.wide], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "Enter")
        var labels = ""
        for _ in 0..<12 {
            TutorFixtures.press(&s, "j")
            let lines = TutorFixtures.screen(s)
            #expect(lines[2].contains("│ Navigateur │"), "the participants stay at the top:\n\(lines.joined(separator: "\n"))")
            labels += lines.joined(separator: "\n")
        }
        for _ in 0..<8 { TutorFixtures.press(&s, "l") }
        for _ in 0..<12 {
            TutorFixtures.press(&s, "k")
            labels += TutorFixtures.screen(s).joined(separator: "\n")
        }
        #expect(labels.contains("↑ "), "what is above is said, under the participants")
        // A message's words wrapped, never cut: each piece of message 6 shows whole.
        #expect(labels.contains("6. 10.244.1.7:8080 choisi au") && labels.contains("hasard"), "\(labels)")
    }

    @Test(arguments: [(1, "Réseau"), (2, "règle /api"), (3, "Pending"), (4, "EndpointSlice")])
    func everyKindOpensFullScreen(slide: Int, word: String) {
        var s = TutorFixtures.app([TutorFixtures.fixture("diagram-kinds.md")], width: 80, height: 24, language: .fr)
        for _ in 1..<slide { TutorFixtures.press(&s, "Space") }
        TutorFixtures.press(&s, "Enter")
        let screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(s.screen == .diagram, "Enter on slide \(slide): \(screen)")
        #expect(!screen.contains("Pas de diagramme"))
        #expect(screen.contains(word), "\(screen)")
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide)
    }
}
