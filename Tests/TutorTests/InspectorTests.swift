import Words
import Canvas
import Course
import Foundation
import NetSim
import Testing
@testable import Tutor

/// What the inspector beside the drawing says at each hop, read as a student reads it at
/// 80x24 (seen under tmux in the NodePort lesson and the seed's slide 5).
struct InspectorTests {
    /// Back on the client, the inspector said "→ Remis à web-…" alone, as if the reply had
    /// gone to the Pod: the ending is said as the round trip's.
    @Test func theRepliesLastHopSaysTheRoundTripIsDone() throws {
        let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/05-nodeport.md").path
        var s = TutorFixtures.app([lesson], width: 80, height: 24, language: .fr)
        #expect(s.showDiagram(slide: 2, diagram: 1, flow: 1, hop: 1) == nil)
        let player = try #require(s.player)
        #expect(player.steps.count > player.requestCount, "the flow has a reply")
        #expect(s.showDiagram(slide: 2, diagram: 1, flow: 1, hop: player.requestCount) == nil)
        let request = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(request.contains("→ Remis à"), "\(request)")
        #expect(s.showDiagram(slide: 2, diagram: 1, flow: 1, hop: player.steps.count) == nil)
        let back = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(back.contains("→ Aller-retour terminé. Remis à"), "\(back)")
        // The hop list names a default-namespace Pod by its name alone (it was cut to "Pod default/web…").
        #expect(!back.contains("Pod default/") && back.contains("Pod "), "\(back)")
    }

    /// At 80 columns a hop's action was cut across two lines ("saut de" / "chaîne").
    @Test func eachHopsActionIsWholeOnOneLine() throws {
        let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/05-nodeport.md").path
        var s = TutorFixtures.app([lesson], width: 80, height: 24, language: .fr)
        #expect(s.showDiagram(slide: 2, diagram: 1, flow: 1, hop: 1) == nil)
        let steps = try #require(s.player?.steps)
        for i in steps.indices {
            #expect(s.showDiagram(slide: 2, diagram: 1, flow: 1, hop: i + 1) == nil)
            let action = French().action(steps[i].hop.action)
            let screen = TutorFixtures.screen(s)
            #expect(screen.contains { $0.contains(action) }, "hop \(i + 1): « \(action) » whole:\n\(screen.joined(separator: "\n"))")
        }
    }

    /// The CoreDNS hop answers: the inspector said "source : 10.4.32.2:53000 → 10.0.0.10:53"
    /// and "destination : 10.0.0.10:53 → 10.4.32.2:53000", as if a NAT had rewritten both.
    @Test func aDNSHopShowsTheQuestionAndTheAnswer() throws {
        let dns = try #require(PacketPathTests.players([PacketPathTests.bundled], width: 80).lazy.flatMap { $0.player.steps }.first { $0.hop.place == .dns }?.hop)
        let lines = Screens.changes(dns, French())
        let (q, a) = (dns.before, dns.after)
        #expect(lines == ["question : \(q.src):\(q.srcPort) → \(q.dst):\(q.dstPort) \(q.protocol.lowercased)",
                          "réponse : \(a.src):\(a.srcPort) → \(a.dst):\(a.dstPort)"])
        #expect(Screens.changes(dns, English()).first?.hasPrefix("query: ") == true)
    }
}
