import Words
import Canvas
import Course
import Drawing
import Foundation
import NetSim
import Testing
@testable import Tutor

/// The animation tells the truth (#15): at each hop the packet is on that hop's box or frame
/// (or on its way there along a drawn arrow), it never goes back to a box it has left, the
/// reply comes back as its own phase, a dropped packet is marked where it died.
struct PacketPathTests {
    static let bundled = TutorFixtures.repository.appendingPathComponent("Lessons").path

    /// Every player of every slide of `paths` at `width`, with where it comes from.
    static func players(_ paths: [String], width: Int) -> [(name: String, player: DiagramPlayer)] {
        var out: [(String, DiagramPlayer)] = []
        let curriculum = Curriculum.load(paths: paths)
        for lesson in curriculum.lessons {
            for slide in lesson.slides {
                for (d, block) in slide.allBlocks.filter(\.isPlayable).enumerated() {
                    guard let p = DiagramPlayer.make(for: block, in: lesson, width: width, ascii: false, words: French()) else { continue }
                    out.append(("\((lesson.file as NSString).lastPathComponent) slide \(slide.number) diagram \(d + 1)", p))
                }
            }
        }
        return out
    }

    static func rect(_ player: DiagramPlayer, _ id: String) -> Rect? {
        player.layout.node(id)?.rect ?? player.layout.groups.first { $0.id == id }?.rect
    }

    /// On the rectangle or the cell just outside it (an arrowhead touching the box).
    static func touches(_ p: DiagramLayout.Point, _ r: Rect) -> Bool {
        p.x >= r.x - 1 && p.y >= r.y - 1 && p.x <= r.x + r.width && p.y <= r.y + r.height
    }

    static func check(_ paths: [String], width: Int) -> (flows: Int, steps: Int, waits: Int, unlit: [String], carried: Int) {
        var flows = 0, steps = 0, waits = 0, carried = 0
        var unlit: [String] = []
        for (name, original) in players(paths, width: width) {
            var player = original
            for f in player.traces.indices {
                player.select(flow: f)
                flows += 1
                let trace = player.traces[f]
                var boxes: [String] = []
                for i in player.steps.indices {
                    player.show(step: i)
                    let step = player.steps[i]
                    steps += 1
                    let at = "\(name) flow \(f + 1) hop \(i + 1) (\(step.hop.place))"
                    let cell = player.packetCell
                    #expect(cell != nil, "\(at): the packet is drawn")
                    if step.waits { waits += 1 }
                    // Something lights at every hop, but between two Nodes (the underlay, the
                    // tunnel) and CoreDNS in a drawing that has no box for it.
                    if step.element == nil {
                        switch step.hop.place {
                        case .tunnel, .underlay: break
                        case .dns where !player.entities.values.contains(.dns): break
                        default: unlit.append(at)
                        }
                    }
                    if let id = step.element, !step.waits, let cell, let r = rect(player, id) {
                        #expect(touches(cell, r), "\(at): the packet at \(cell) is on \(id) \(r)")
                    }
                    // It starts where an arrow leaves its first box, not on the box's border
                    // (`User --> node1`, an arrow to a frame, left it on the User's top border).
                    if i == 0, let id = step.element, player.layout.node(id) != nil, let cell {
                        let leaving = player.layout.edges.filter { player.chart.edges[$0.index].from == id }.compactMap(\.cells.first)
                        if !leaving.isEmpty { #expect(leaving.contains(cell), "\(at): the packet starts at \(cell), not on an arrow leaving \(id) \(leaving)") }
                    }
                    // The Nodes' network carries it: on that hop the packet runs along the arrow
                    // towards the next place, it does not sit where it was sent while the
                    // inspector says "the Nodes' network carries it to Node 1" (it used to run
                    // only once kube-proxy's hop on Node 1 was shown).
                    if case .underlay = step.hop.place, i > 0, i + 1 < player.steps.count,
                       player.steps[i - 1].phase == step.phase, player.steps[i + 1].phase == step.phase,
                       let before = player.steps[i - 1].cell, let after = player.steps[i + 1].cell, let now = step.cell, after > before {
                        #expect(now > before, "\(at): the packet waits at cell \(before) while the network carries it (it moves at the next hop)")
                        carried += 1
                    }
                    // Its way there is one drawn line: each cell next to the one before.
                    let way = player.segment
                    for (a, b) in zip(way, way.dropFirst()) {
                        #expect(abs(a.x - b.x) + abs(a.y - b.y) <= 1 || step.phase == .reply, "\(at): the packet jumps from \(a) to \(b)")
                    }
                    if step.phase == .request, !step.waits, let id = step.element, player.layout.node(id) != nil, boxes.last != id { boxes.append(id) }
                }
                // It starts at the source when the drawing has it.
                let from = trace.request.from.split(separator: "/").map(String.init)
                let source = from.count == 2 ? ObjectName(from[0], from[1]) : ObjectName("default", trace.request.from)
                if let first = boxes.first, let drawn = player.entities.first(where: { $0.value == .pod(source) || $0.value == .client(trace.request.from) })?.key,
                   player.layout.node(drawn) != nil {
                    #expect(first == drawn, "\(name) flow \(f + 1): starts at its source")
                }
                // Never back on a box it has left (a hairpin comes back to its own Pod on purpose).
                let hairpin = trace.backend?.pod.map { $0.description == trace.request.from || $0.name == trace.request.from } ?? false
                if !hairpin { #expect(Set(boxes).count == boxes.count, "\(name) flow \(f + 1): boxes visited \(boxes)") }
                if case .delivered(let pod) = trace.verdict, let last = boxes.last, let drawn = player.entities.first(where: { $0.value == .pod(pod) })?.key,
                   player.layout.node(drawn) != nil {
                    #expect(last == drawn, "\(name) flow \(f + 1): ends on the Pod that receives it")
                }
                if case .delivered = trace.verdict {
                    #expect(player.steps.contains { $0.phase == .reply }, "\(name) flow \(f + 1): the reply is played")
                }
                switch trace.verdict {
                case .dropped, .rejected:
                    player.show(step: player.requestCount - 1)
                    #expect(player.packetDied, "\(name) flow \(f + 1): the packet is marked where it died")
                    #expect(Screens.frame(player, ascii: false).lines().joined().contains("✗"))
                default: break
                }
            }
        }
        return (flows, steps, waits, unlit, carried)
    }

    /// Behind the packet, the way it came is in its colour (the reply's in the reply's), the
    /// other lines as drawn: at a crossing, which line it took is seen.
    @Test func theWayThePacketCameIsDrawnInItsColour() throws {
        var checked = 0
        for (name, original) in Self.players([Self.bundled], width: 80).prefix(6) {
            var player = original
            for i in player.steps.indices where i > 0 {
                player.show(step: i)
                let frame = Screens.frame(player, ascii: false)
                let trail = Array(player.trail)
                let role: Role = player.currentStep?.phase == .reply ? .ok : .packet
                for c in trail where frame[c.x, c.y].character != " " {
                    #expect(frame[c.x, c.y].style.role == role, "\(name) hop \(i + 1): \(c) is on the way the packet came")
                }
                checked += trail.count
            }
            // At the first hop, nothing is behind it: no line is in the packet's colour but the lit box's.
            player.show(step: 0)
            let first = Screens.frame(player, ascii: false)
            let lines = player.layout.edges.flatMap(\.cells).filter { first[$0.x, $0.y].character != " " && $0 != player.packetCell }
            let lit = player.element(at: 0).flatMap { Self.rect(player, $0) }
            #expect(lines.filter { p in first[p.x, p.y].style.role == .packet && !(lit.map { Self.touches(p, $0) } ?? false) }.isEmpty, "\(name): a trail before the packet moved")
        }
        #expect(checked > 100, "the trails checked are \(checked) cells")
    }

    @Test(arguments: [80, 120])
    func everyBundledFlowHasThePacketOnItsHop(width: Int) {
        let counts = Self.check([Self.bundled], width: width)
        #expect(counts.flows >= 30, "the bundled lessons animate \(counts.flows) flows")
        // Waiting is the exception: a frame the drawing does not cross.
        #expect(counts.waits * 4 < counts.steps, "\(counts.waits) of \(counts.steps) hops wait")
        #expect(counts.unlit.isEmpty, "hops with nothing lit: \(counts.unlit)")
        #expect(counts.carried >= 2, "\(counts.carried) network hops carry the packet")
    }

    @Test(.enabled(if: TutorFixtures.hasSeed, "../shared is absent: the seed's flows are not played"), arguments: [80, 120])
    func everySeedFlowHasThePacketOnItsHop(width: Int) {
        let counts = Self.check([TutorFixtures.seed], width: width)
        #expect(counts.flows >= 4, "slides 5 and 7 have two diagrams with a flow each")
        #expect(counts.unlit.isEmpty, "hops with nothing lit: \(counts.unlit)")
    }

    /// Seed slide 5: the author drew pod-blue-1 → Service → pod-green-1. The DNAT hops are on
    /// the Service box and the inspector says where they really happen.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func theServiceIsAWaypointAndTheInspectorSaysWhereItReallyHappens() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 40, language: .fr)
        #expect(s.showDiagram(slide: 5, diagram: 1, flow: 1, hop: 1) == nil)
        let player = try #require(s.player)
        let dnat = try #require(player.steps.firstIndex { $0.hop.action == .dnat })
        #expect(player.steps[dnat].element == "svcB")
        #expect(s.showDiagram(slide: 5, diagram: 1, flow: 1, hop: dnat + 1) == nil)
        let screen = TutorFixtures.screen(s)
        #expect(screen.contains { $0.contains("dessiné au Service ; en vrai, dans le noyau du Node\u{00A0}1") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("┃   Service green    ┃") }, "the Service box is lit")
        // The reply: conntrack undoes the DNAT, drawn at the Service box too, in its own glyph.
        let conntrack = try #require(player.steps.firstIndex { $0.phase == .reply && $0.hop.action == .conntrack })
        #expect(player.steps[conntrack].element == "svcB")
        #expect(s.showDiagram(slide: 5, diagram: 1, flow: 1, hop: conntrack + 1) == nil)
        let reply = TutorFixtures.screen(s)
        #expect(reply.contains { $0.contains("○") } && !reply.contains { $0.contains("●") })
        #expect(reply.contains { $0.contains("réponse \(conntrack - player.requestCount + 1)/\(player.steps.count - player.requestCount)") })
    }

    /// Every hop of both diagrams of seed slides 5 (ClusterIP) and 7 (NodePort), as the
    /// student sees them at 80x24 in French. Snapshots read by eye before recording.
    @Test(.enabled(if: TutorFixtures.hasSeed), arguments: [(5, 1), (5, 2), (7, 1), (7, 2)])
    func everyHopOfTheSeedsServiceDiagrams(slide: Int, diagram: Int) throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        #expect(s.showDiagram(slide: slide, diagram: diagram, flow: 1, hop: 1) == nil)
        let player = try #require(s.player)
        var frames: [String] = []
        for i in player.steps.indices {
            #expect(s.showDiagram(slide: slide, diagram: diagram, flow: 1, hop: i + 1) == nil)
            let screen = TutorFixtures.screen(s)
            let glyph = s.player!.packetDied ? "✗" : player.steps[i].phase == .reply ? "○" : "●"
            #expect(screen.contains { $0.contains(glyph) }, "hop \(i + 1): the packet is on screen at 80x24")
            // What it lights is on screen too, unless it and the packet cannot both fit the rows
            // the drawing has.
            if let id = player.steps[i].element, let p = s.player?.packetCell,
               let r = player.layout.node(id)?.rect ?? player.layout.groups.first(where: { $0.id == id })?.rect {
                let rows = Screens.layoutDiagram(s, s.player!).diagramHeight
                if max(p.y, r.y + 1) - min(p.y, r.y) < rows {
                    #expect(screen.contains { $0.contains("┏") || $0.contains("┃") || $0.contains("┗") }, "hop \(i + 1): what it lights is on screen too")
                }
            }
            let counter = player.steps[i].phase == .request ? "\(i + 1)/\(player.requestCount) "
                : "réponse \(i - player.requestCount + 1)/\(player.steps.count - player.requestCount) "
            #expect(screen.contains { $0.contains(counter) }, "hop \(i + 1): the inspector says \(counter)")
            #expect(screen[0].contains("diagramme \(diagram)/2"))
            frames.append("── hop \(i + 1) ──")
            frames += screen
        }
        try TutorFixtures.snapshot(frames, "seed-slide-\(slide)-diagram-\(diagram)-hops")
    }

    /// The second NodePort diagram, the one with `pod-green-2:8181`: `d` opens it, and the
    /// label's mistake is shown, whole, from the hop that reaches pod-green-2.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func theSecondDiagramOfASlidePlaysAndItsMistakeShowsFromItsHop() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, ":", "7", "Enter", "Enter")
        #expect(s.screen == .diagram && s.diagramIndex == 0)
        #expect(TutorFixtures.screen(s)[0].contains("diagramme 1/2"))
        TutorFixtures.press(&s, "d")
        #expect(s.diagramIndex == 1)
        #expect(TutorFixtures.screen(s)[0].contains("diagramme 2/2"))
        let player = try #require(s.player)
        #expect(player.trace?.verdict == .delivered(ObjectName("default", "pod-green-2")))
        let reaches = try #require(player.steps.firstIndex { $0.element == "pod3_1" })
        let note = "pod-green-2 n'écoute pas le"
        for i in 0..<reaches {
            #expect(s.showDiagram(slide: 7, diagram: 2, flow: 1, hop: i + 1) == nil)
            #expect(!TutorFixtures.screen(s).joined(separator: "\n").contains(note), "hop \(i + 1): not yet")
        }
        #expect(s.showDiagram(slide: 7, diagram: 2, flow: 1, hop: reaches + 1) == nil)
        let text = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(text.contains(note) && text.contains("port 8181 (il écoute 8282)"), "the whole note at 80 columns:\n\(text)")
        TutorFixtures.press(&s, "d")
        #expect(s.diagramIndex == 0, "d comes back to the first")
    }

    /// Enter opens the diagram on screen: scrolled down to the second, it is the second.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func enterOpensTheDiagramOnScreen() {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, ":", "5", "Enter", "Enter")
        #expect(s.diagramIndex == 0, "at the top of the slide, the first")
        TutorFixtures.press(&s, "Esc")
        for _ in 0..<60 { TutorFixtures.press(&s, "j") }
        #expect(TutorFixtures.screen(s).joined(separator: "\n").contains("Le service Green est load-balancé"), "the end of the second diagram is on screen")
        TutorFixtures.press(&s, "Enter")
        #expect(s.screen == .diagram && s.diagramIndex == 1)
        #expect(s.player?.trace?.verdict == .delivered(ObjectName("default", "pod-green-2")))
    }

    /// The inspector's beginner view says what changed and why; `i` shows the rule and the
    /// chain names; the packet's VXLAN header wraps instead of being cut at 80 columns; at
    /// 200x60 the hop list holds every hop with its chain uncut.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func theInspectorHasABeginnerViewAndUsesTheRoomItHas() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        #expect(s.showDiagram(slide: 5, diagram: 1, flow: 1, hop: 5) == nil)
        var text = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(text.contains("5/10 kube-proxy (iptables) sur le Node 1  DNAT"))
        #expect(text.contains("destination : 10.0.0.7:82 → 10.4.32.6:8282"))
        #expect(text.contains("réponse."), "the sentence ends on screen:\n\(text)")
        #expect(!text.contains("-A KUBE-SEP"), "no rule in the beginner view")
        TutorFixtures.press(&s, "i")
        text = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(text.contains("-A KUBE-SEP-") && text.contains("KUBE-SERVICES"), "i: the rule and the chains")
        #expect(s.showDiagram(slide: 5, diagram: 1, flow: 1, hop: 6) == nil)
        text = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(text.contains("udp/8472]"), "the outer header, wrapped, whole:\n\(text)")

        var wide = TutorFixtures.app([TutorFixtures.seed], width: 200, height: 60, language: .fr)
        #expect(wide.showDiagram(slide: 5, diagram: 1, flow: 1, hop: 1) == nil)
        TutorFixtures.press(&wide, "i")
        let screen = TutorFixtures.screen(wide)
        let player = try #require(wide.player)
        for step in player.steps {
            if case .kubeProxy(_, let chain) = step.hop.place {
                #expect(screen.contains { $0.contains(chain) && !$0.contains(chain + "…") }, "\(chain) whole in the list")
            }
        }
        #expect(screen.contains { $0.contains("↩4 Pod default/pod-blue-1") }, "every hop listed, the reply's too")
    }

    /// At 80x24 a scene taller than the screen can be looked over with the arrows (or hjkl):
    /// every box comes on screen, the edges say how much is off screen, and playing again
    /// follows the packet (#14).
    @Test func aDrawingLargerThanTheScreenPansAndSaysWhatIsOffScreen() throws {
        var s = TutorFixtures.app([Self.bundled + "/08-ingress.md"], width: 80, height: 24, language: .fr)
        #expect(s.showDiagram(slide: 3, diagram: 1, flow: 1, hop: 1) == nil)
        let player = try #require(s.player)
        #expect(player.drawing.height > 24, "the scene is taller than the screen")
        var screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(screen.contains("lignes de plus"), "\(screen)")
        var seen = Set<String>()
        for _ in 0..<80 {
            screen = TutorFixtures.screen(s).joined(separator: "\n")
            for node in player.layout.nodes where node.lines.allSatisfy({ screen.contains($0) }) { seen.insert(node.id) }
            TutorFixtures.press(&s, "j")
        }
        #expect(Set(player.layout.nodes.map(\.id)) == seen, "every box was on screen: missing \(Set(player.layout.nodes.map(\.id)).subtracting(seen))")
        #expect(screen.contains("↑ ") && !screen.contains("↓ "), "at the bottom: only what is above")
        TutorFixtures.press(&s, "Space")
        #expect(s.pan == nil, "playing follows the packet again")
    }

    /// Presenting, each diagram of the slide plays in turn.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func presentingPlaysEachDiagramOfTheSlideInTurn() {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 40, language: .fr)
        TutorFixtures.press(&s, ":", "5", "Enter", "P")
        #expect(s.screen == .diagram && s.diagramIndex == 0)
        var seen: Set<Int> = [s.diagramIndex]
        for _ in 0..<(60 * 30) where seen.count < 2 {
            s.advance(by: 1.0 / 30)
            seen.insert(s.diagramIndex)
        }
        #expect(seen == [0, 1])
        #expect(s.player?.playing == true)
    }

    /// A resize keeps the flow, the hop and whether it played.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func resizingKeepsTheHopAndThePlayState() {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, ":", "5", "Enter", "Enter", "d", ".", ".", ".", ".")
        #expect(s.player?.hop == 4)
        s.resize(width: 120, height: 40)
        #expect(s.player?.hop == 4 && s.diagramIndex == 1 && s.player?.playing == false)
        TutorFixtures.press(&s, "Space")
        s.resize(width: 100, height: 30)
        #expect(s.player?.hop == 4 && s.player?.playing == true, "still playing, same hop")
    }

    /// A scene drawn from YAML shows each flow's way and lights the Service box at its DNAT.
    @Test func aSceneShowsTheWayAndLightsTheServiceAtItsDNAT() throws {
        var s = TutorFixtures.app([Self.bundled + "/08-ingress.md"], width: 120, height: 60, language: .fr)
        #expect(s.showDiagram(slide: 3, diagram: 1, flow: 1, hop: 1) == nil)
        let player = try #require(s.player)
        #expect(player.flowTarget == "http://198.51.100.7/api/panier Host: boutique.example.com", "the title says which Host")
        let places = player.steps.filter { $0.phase == .request }.compactMap(\.element)
        #expect(places.first == "client_navigateur")
        #expect(places.contains("lb_198_51_100_7"), "the load balancer has a box")
        let dnat = try #require(player.steps.firstIndex { $0.hop.action == .dnat })
        #expect(player.steps[dnat].element == "svc_ingress_nginx_ingress_nginx_controller")
        // The client's arrow to the load balancer is drawn, numbered by the flows that take it.
        #expect(player.chart.edges.contains { $0.from == "client_navigateur" && $0.to == "lb_198_51_100_7" && $0.label == "1,2,3" })
    }

    /// The NetworkPolicy that drops intrus's request has a box in the scene, lit at the drop.
    @Test func thePolicyThatDecidesIsLitWhereThePacketDies() throws {
        var s = TutorFixtures.app([Self.bundled + "/11-networkpolicy.md"], width: 100, height: 50, language: .fr)
        #expect(s.showDiagram(slide: 3, diagram: 1, flow: 2, hop: 1) == nil)
        let player = try #require(s.player)
        let drop = try #require(player.steps.firstIndex { $0.hop.action == .drop })
        let boxes = player.steps[drop].decidedBy
        #expect(!boxes.isEmpty && boxes.allSatisfy { player.entities[$0].map { if case .decides(kind: "NetworkPolicy", _) = $0 { return true }; return false } ?? false })
        #expect(s.showDiagram(slide: 3, diagram: 1, flow: 2, hop: drop + 1) == nil)
        let screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(screen.contains("┃ NetworkPolicy ┃"), "the policy's box is lit:\n\(screen)")
        #expect(screen.contains("✗"))
    }

    @Test func aPortForwardShowsItsTargetAsWrittenAndPassesTheAPIServer() throws {
        let lesson = Self.bundled + "/12-port-forward-debogage.md"
        let curriculum = Curriculum.load(paths: [lesson])
        let found = Self.players([lesson], width: 100).flatMap { entry in entry.player.flowTargets.indices.map { (entry.player, $0) } }
            .first { $0.0.flowTargets[$0.1].hasPrefix("port-forward") }
        let (original, flow) = try #require(found, "a port-forward flow in \(curriculum.lessons.map(\.file))")
        var player = original
        player.select(flow: flow)
        #expect(!player.flowTarget.contains("::"), "\(player.flowTarget)")
        #expect(player.flowTarget == "port-forward svc/web:80", "the target as written")
        #expect(player.steps.contains { $0.element == "apiserver" }, "the API server has a box and is lit")
    }
}
