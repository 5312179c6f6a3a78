import Words
import Canvas
import Course
import Drawing
import NetSim

/// The full-screen diagram: the drawing at the current hop with the packet, the view on it,
/// the label notes, legend and caption, and the inspector.
extension Screens {
    static func diagram(_ state: AppState, _ grid: inout Grid) {
        guard let player = state.player, let ref = state.currentSlide else { return }
        let lesson = state.lessons[ref.lesson]
        let count = state.playableBlocks(ref).count
        // Which diagram of the slide comes before its title, which may be cut at 80 columns.
        let which = count > 1 ? state.words.ui(.diagramNumber(state.diagramIndex + 1, of: count)) + " · " : ""
        let title = state.labSession.map { state.words.lab(.viewTitle($0.lab.title)) } ?? player.chart.title ?? state.words.ui(.diagramTitle)
        if let session = state.quiz {
            // The trace of a quiz question: the question it answers, not the slide left behind
            // when the quiz began (its lesson may be another).
            header(state, &grid, "Quiz · \(session.index + 1)/\(session.items.count) · \(title)")
        } else {
            header(state, &grid, "\(lesson.title) · \(state.current + 1)/\(state.slides.count) · \(which)\(title)")
        }
        if labCorrection(state, &grid, hints: KeyMap.footer(for: .diagram, state.language, ascii: state.ascii,
                                                             excluding: [.footerPlayPause, .footerHop, .footerSpeed, .footerFlow, .footerRestart,
                                                                         .footerNextDiagram, .footerDetails, .footerPan, .footerHelp],
                                                             width: state.width)) { return }
        let g = layoutDiagram(state, player)
        let top = g.top
        // Projected, the header is gone: the diagram's title takes the first row.
        if state.presenter, let title = player.chart.title {
            let text = Text.truncate(title, to: state.width - 2)
            grid.put(text, x: max(0, (state.width - CellWidth.of(text)) / 2), y: 0, style: Style(.heading(2), bold: true))
        }
        // A lab: its goals above the drawing.
        let panelRows = labPanelRows(state)
        for (i, line) in labPanel(state, width: state.width).prefix(panelRows).enumerated() {
            grid.put(line, x: 1, y: top - panelRows + i)
        }
        let drawing = frame(player, ascii: state.ascii)
        let (below, notes, inspectorHeight, noteRows, belowRows, diagramHeight) = (g.below, g.notes, g.inspectorHeight, g.noteRows, g.belowRows, g.diagramHeight)
        let view = diagramView(state, height: diagramHeight)
        let x = drawing.width <= state.width ? (state.width - drawing.width) / 2 : -view.x
        grid.clipped(to: Rect(x: 0, y: top, width: state.width, height: diagramHeight)) { g in
            g.blit(drawing, x: x, y: top - view.y)
        }
        // Scrolled down a sequence diagram, its participants stay at the top of the view.
        let sticky = min(player.stickyRows, diagramHeight / 3)
        if view.y > 0, sticky > 0 {
            grid.clipped(to: Rect(x: 0, y: top, width: state.width, height: sticky)) { g in
                g.fill(Rect(x: 0, y: top, width: state.width, height: sticky))
                g.blit(drawing, x: x, y: top)
            }
        }
        // What is off screen, said at the edges of the view.
        let aboveCount = view.y, belowCount = max(0, drawing.height - view.y - diagramHeight)
        let leftCount = drawing.width > state.width ? view.x : 0, rightCount = drawing.width > state.width ? max(0, drawing.width - view.x - state.width) : 0
        let marks: [(count: Int, arrow: String, y: Int, right: Bool, rows: Bool)] = [
            (aboveCount, state.ascii ? "^" : "↑", top, true, true), (belowCount, state.ascii ? "v" : "↓", top + diagramHeight - 1, true, true),
            (leftCount, state.ascii ? "<" : "←", top + diagramHeight / 2, false, false),
            (rightCount, state.ascii ? ">" : "→", top + diagramHeight / 2, true, false),
        ]
        for (count, arrow, y0, right, rows) in marks where count > 0 && diagramHeight > 2 {
            // Under the participants kept at the top, not over them.
            let y = y0 == top && view.y > 0 ? top + sticky : y0
            let mark = offScreenMark(state, drawing: drawing, at: (x, top, view.y, diagramHeight), count: count, arrow: arrow, y: y,
                                     right: right, rows: rows)
            if mark.ownRow { grid.put(String(repeating: " ", count: state.width), x: 0, y: mark.y) }
            grid.put(mark.text, x: mark.x, y: mark.y, style: Style(.warning, bold: true))
        }
        let belowTop = top + min(diagramHeight, drawing.height)
        for (i, line) in below.prefix(belowRows).enumerated() {
            grid.put(line, x: max(1, (state.width - line.reduce(0) { $0 + CellWidth.of($1.text) }) / 2), y: belowTop + i)
        }
        for (i, line) in notes.prefix(noteRows).enumerated() {
            grid.put(String(repeating: " ", count: state.width), x: 0, y: top + diagramHeight + i)
            grid.put(line, x: 1, y: top + diagramHeight + i)
        }
        inspector(state, player, &grid, top: state.height - inspectorHeight - 1, height: inspectorHeight)
        // At 80 columns the whole footer fits: restart (0) and help (?) stay in the help screen.
        var excluded: Set<KeyHelp> = [.footerRestart, .footerHelp]
        if count < 2 { excluded.insert(.footerNextDiagram) }
        // Nothing to play: the keys that look around instead; and those only when there is more to see.
        if player.traces.isEmpty { excluded.formUnion([.footerPlayPause, .footerHop, .footerSpeed, .footerFlow, .footerDetails]) }
        if view.maxX == 0 && view.maxY == 0 { excluded.insert(.footerPan) }
        // A lab: its hint and correction keys instead of the player's finer ones (in the help).
        if state.labSession == nil { excluded.formUnion([.footerHint, .footerCorrection]) }
        else { excluded.formUnion([.footerNextDiagram, .footerPlayPause, .footerSpeed, .footerDetails, .footerPan]) }
        footer(state, &grid, hints: KeyMap.footer(for: .diagram, state.language, ascii: state.ascii, excluding: excluded,
                                                  speed: Int(player.speed), width: state.width))
    }

    /// Where a mark saying what is off screen goes, and what it says. Where the drawing is
    /// blank at an end of its row (the right end, else the left), else of one of the two rows
    /// just inside the edge, so that the mark never hides what it is about (in the middle it
    /// would read as part of the drawing); else the count alone there ("↓ 13"); else the edge
    /// row to itself, the row it hides counted with the others, unless that row holds the
    /// hop (its lit element or the packet): then over the drawing at the end, as a last resort.
    static func offScreenMark(_ state: AppState, drawing: Grid, at view: (x: Int, top: Int, y: Int, height: Int), count: Int,
                              arrow: String, y: Int, right: Bool, rows: Bool)
        -> (text: String, x: Int, y: Int, ownRow: Bool) {
        let full = " " + state.words.ui(.offScreen(arrow: arrow, count: count, rows: rows)) + " "
        func ends(_ text: String) -> [Int] {
            right ? [state.width - CellWidth.of(text), 0] : [0, state.width - CellWidth.of(text)]
        }
        guard rows else { return (full, ends(full)[0], y, false) }
        func cells(_ y: Int) -> Int? {
            let row = y - view.top + view.y
            return row >= 0 && row < drawing.height ? row : nil
        }
        func blank(_ text: String, _ at: Int, _ y: Int) -> Bool {
            guard let row = cells(y) else { return true }
            return (at..<at + CellWidth.of(text)).allSatisfy { col in
                let c = col - view.x
                return c < 0 || c >= drawing.width || drawing[c, row].character == " "
            }
        }
        let inward = y == view.top + view.height - 1 ? -1 : 1
        let tries = [y, y + inward, y + 2 * inward].filter { $0 >= view.top && $0 < view.top + view.height }
        for text in [full, " \(arrow) \(count) "] {
            for row in tries { for at in ends(text) where blank(text, at, row) { return (text, at, row, false) } }
        }
        // The hop's rows: the packet's and its lit element's (not its trail, drawn in the same style).
        let hop = state.player.map { player in
            Set([player.packetCell?.y].compactMap { $0 } + (player.litRect.map { Array($0.y..<$0.maxY) } ?? []))
        } ?? []
        if let row = cells(y), hop.contains(row) { return (full, ends(full)[0], y, false) }
        let more = " " + state.words.ui(.offScreen(arrow: arrow, count: count + 1, rows: rows)) + " "
        return (more, state.width - CellWidth.of(more), y, true)
    }

    /// How the full-screen diagram shares the rows: the drawing, the legend and caption under
    /// it, the label notes, the inspector.
    struct DiagramGeometry {
        var top: Int
        var below: [StyledLine]
        var notes: [StyledLine]
        var inspectorHeight: Int
        var noteRows: Int
        var belowRows: Int
        var diagramHeight: Int
    }

    static func layoutDiagram(_ state: AppState, _ player: DiagramPlayer) -> DiagramGeometry {
        let top = (state.presenter ? (player.chart.title == nil ? 0 : 1) : 1) + labPanelRows(state)
        let drawing = player.drawing
        // Under the drawing: its numbered legend (labels that found no room) and the caption.
        var below: [StyledLine] = []
        for (n, label) in player.layout.legend.enumerated() {
            below += Text.wrap([Span("(\(n + 1)) ", Style(.muted)), Span(label)], width: state.width - 2)
        }
        if let caption = player.caption, !caption.isEmpty { below += Text.wrap([Span(caption, Style(.caption))], width: state.width - 2) }
        // What the diagram's labels say that the engine contradicts: the whole sentence,
        // across the screen, from the first hop it concerns.
        let notes = player.currentNotes.flatMap { note in
            Text.wrap([Span("⚠ " + state.words.ui(.diagramSaysOtherwise(state.words.problem(note))), Style(.warning, bold: true))],
                      width: state.width - 2)
        }
        // The inspector takes the rows the drawing leaves (at least a third of the screen,
        // at most three fifths): at 200x60 its hop list and details grow, not blank rows.
        let available = state.height - top - 1
        let base = min(12, max(6, state.height / 3))
        // What the drawing, its notes and its legend and caption (up to three rows) need.
        let wanted = available - drawing.height - min(notes.count, 3) - min(below.count, 3)
        let inspectorHeight = player.traces.isEmpty ? 2
            : min(max(base, wanted), max(base, available * 3 / 5), max(base, player.steps.count + 2))
        let noteRows = min(notes.count, max(0, state.height - top - inspectorHeight - 1 - 6))
        let room = state.height - top - inspectorHeight - 1 - noteRows
        // The legend and caption take rows the drawing does not need, or up to three of its own.
        let belowRows = min(below.count, max(room - drawing.height, min(3, room / 4)))
        return DiagramGeometry(top: top, below: below, notes: notes, inspectorHeight: inspectorHeight, noteRows: noteRows,
                               belowRows: belowRows, diagramHeight: room - belowRows)
    }

    /// The part of the drawing on screen: its first column and row, and how far each can go.
    /// Moved by hand (`pan`), else following the packet.
    public static func diagramView(_ state: AppState, height known: Int? = nil) -> (x: Int, y: Int, maxX: Int, maxY: Int) {
        guard let player = state.player else { return (0, 0, 0, 0) }
        let height = known ?? layoutDiagram(state, player).diagramHeight
        let maxY = max(0, player.drawing.height - height), maxX = max(0, player.drawing.width - state.width)
        if let pan = state.pan { return (min(pan.x, maxX), min(pan.y, maxY), maxX, maxY) }
        let y = viewOffset(player, drawingHeight: player.drawing.height, viewHeight: height)
        let x = player.packetCell.map { min(max(0, $0.x - state.width / 2), maxX) } ?? 0
        return (x, y, maxX, maxY)
    }

    /// The drawing at the player's current step: the element of the hop lit, the packet
    /// (`●` on its way, `○` on the reply's, `✗` where it died).
    public static func frame(_ player: DiagramPlayer, ascii: Bool) -> Grid {
        var drawing = player.ascii == ascii || player.isStill ? player.drawing
            : DiagramRenderer(glyphs: Glyphs(ascii: ascii)).draw(player.layout, chart: player.chart).trimmingBlankBottom()
        for id in [player.element(at: player.hop)].compactMap({ $0 }) + (player.currentStep?.decidedBy ?? []) {
            if let node = player.layout.node(id) {
                DiagramRenderer(glyphs: Glyphs(ascii: ascii)).drawNode(node, on: &drawing, lit: Style(.packet, bold: true))
            } else if let group = player.layout.groups.first(where: { $0.id == id }) {
                drawing.box(group.rect, style: ascii ? .ascii : .heavy, border: Style(.packet, bold: true), title: group.title,
                            titleStyle: Style(.packet, bold: true))
            }
        }
        let reply = player.currentStep?.phase == .reply
        // Behind the packet, the way it came is drawn in its colour: at a crossing the student
        // sees which line it took (and a move costs the terminal one colour change, not two).
        let trailStyle = reply ? Style(.ok, bold: true) : Style(.packet, bold: true)
        for c in player.trail where c.x >= 0 && c.y >= 0 && c.x < drawing.width && c.y < drawing.height {
            var cell = drawing[c.x, c.y]
            guard !cell.isContinuation, cell.character != " " else { continue }
            cell.style = trailStyle
            drawing[c.x, c.y] = cell
        }
        if let p = player.packetCell, p.x >= 0, p.y >= 0, p.x < drawing.width, p.y < drawing.height {
            let glyph = player.packetDied ? (ascii ? "X" : "✗") : reply ? (ascii ? "o" : "○") : (ascii ? "@" : "●")
            drawing.put(glyph, x: p.x, y: p.y, style: player.packetDied ? Style(.error, bold: true) : trailStyle)
        }
        return drawing
    }

    /// The first row of the drawing shown when it is taller than the room it has: the
    /// packet near the middle, and the element its hop lights on screen too (a part of it at
    /// least). When both cannot be, the packet, but for a hop it waits on (CoreDNS answering,
    /// a Node's kernel lit while the packet stays at the Service box): then what the
    /// inspector speaks of, the lit element.
    public static func viewOffset(_ player: DiagramPlayer, drawingHeight: Int, viewHeight: Int) -> Int {
        guard drawingHeight > viewHeight, viewHeight > 0 else { return 0 }
        let highest = drawingHeight - viewHeight
        func clamp(_ offset: Int) -> Int { min(max(0, offset), highest) }
        let lit = player.litRect
        guard let y = player.packetCell?.y ?? lit.map({ $0.y + $0.height / 2 }) else { return 0 }
        let centred = clamp(y - viewHeight / 2)
        guard let lit, !(lit.y < centred + viewHeight && lit.y + lit.height > centred) else { return centred }
        // The offsets that show the packet's row and one row of the element at least.
        let low = max(y, lit.y) - viewHeight + 1, high = min(y, lit.y + lit.height - 1)
        let lowest = max(low, 0), top = min(high, highest)
        if lowest <= top {
            // As much of the element as they allow: from its top row when it is above.
            return lit.y < y ? max(lowest, min(top, lit.y - 1)) : min(top, max(lowest, y - 1))
        }
        // (Without a packet the view was centred on the element, and returned above.)
        return player.currentStep?.waits == true ? clamp(lit.y - 1) : centred
    }

    /// What Packet Tracer shows: the hops, and for the current one the packet before and
    /// after, the rule, and the explanation.
    static func inspector(_ state: AppState, _ player: DiagramPlayer, _ grid: inout Grid, top: Int, height: Int) {
        let rule = String(repeating: state.ascii ? "-" : "─", count: state.width)
        grid.put(rule, x: 0, y: top, style: Style(.border))
        guard let trace = player.trace else {
            grid.put(Text.truncate(state.words.ui(.noFlow), to: state.width - 2), x: 1, y: top + 1, style: Style(.muted))
            return
        }
        let title = state.words.ui(.flowTitle(flow: player.flow + 1, of: player.traces.count, from: trace.request.from,
                                              to: player.flowTarget, verdict: state.words.verdict(trace.verdict)))
        grid.put(Text.truncate(title, to: state.width - 2), x: 1, y: top, style: Style(.flow(player.flow), bold: true))
        let steps = player.steps
        let requestCount = player.requestCount
        func place(_ hop: Hop) -> String { state.words.place(hop.place.renamingNodes(player.nodeTitles)) }
        // The beginner view names kube-proxy, not its chains (`i` shows them).
        func brief(_ hop: Hop) -> String {
            if !state.inspectorDetails, case .kubeProxy(let node, _) = hop.place {
                return state.words.ui(.kubeProxyOn(node: player.nodeTitles[node] ?? node))
            }
            return place(hop)
        }
        // The hop list on the left (when there is room), the current hop's details on the right.
        var detailX = 1
        var detailWidth = state.width - 2
        if state.width >= 80 {
            let listWidth = min(48, max(26, state.width / 3))
            let rows = height - 1
            let start = max(0, min(player.hop - rows / 2, steps.count - rows))
            for (row, i) in (start..<min(steps.count, start + rows)).enumerated() {
                let marker = i == player.hop ? (state.ascii ? ">" : "▶") : " "
                let number = steps[i].phase == .reply ? (state.ascii ? "<" : "↩") + String(i - requestCount + 1) : String(i + 1)
                // The list names kube-proxy's hops by their Node (their chains with `i`).
                var name = place(steps[i].hop)
                if !state.inspectorDetails, case .kubeProxy(let node, _) = steps[i].hop.place {
                    name = "\(player.nodeTitles[node] ?? node) kube-proxy"
                }
                // A Pod of the default namespace by its name alone: at 80 columns "Pod
                // default/pod-blu…" left pod-blue-1 and pod-blue-2 alike.
                if !state.inspectorDetails, case .pod(let pod) = steps[i].hop.place, pod.namespace == "default" {
                    name = state.words.ui(.podNamed(pod.name))
                }
                let text = "\(marker)\(number.leftPad(3)) \(name)"
                grid.put(Text.truncate(text, to: listWidth - 1), x: 1, y: top + 1 + row,
                         style: i == player.hop ? Style(.flow(player.flow), bold: true) : (i < player.hop ? Style(.muted) : .plain))
            }
            for row in 0..<rows { grid.put(state.ascii ? "|" : "│", x: listWidth, y: top + 1 + row, style: Style(.border)) }
            detailX = listWidth + 2
            detailWidth = state.width - detailX - 1
        }
        var lines: [StyledLine] = []
        if let step = player.currentStep {
            let hop = step.hop
            let counter = step.phase == .reply ? state.words.ui(.replyStep(player.hop - requestCount + 1, of: steps.count - requestCount)) + " "
                : "\(player.hop + 1)/\(requestCount) "
            // The action stays whole: on the title's last line when it fits, else on its own
            // (at 80 columns "saut de" ended a line and "chaîne" began the next).
            var title = Text.wrap([Span(counter, Style(step.phase == .reply ? .ok : .muted)), Span(brief(hop), Style(.plain, bold: true))],
                                  width: detailWidth)
            let action = Span(state.words.action(hop.action), Style(.flow(player.flow), bold: true))
            if let last = title.last, CellWidth.of(last.map(\.text).joined()) + 2 + CellWidth.of(action.text) <= detailWidth {
                title[title.count - 1] += [Span("  "), action]
            } else {
                title += Text.wrap([action], width: detailWidth)
            }
            lines += title
            if let node = step.inKernelOf {
                lines += Text.wrap([Span(state.words.ui(.drawnAtService(node: player.nodeTitles[node] ?? node)), Style(.muted, italic: true))],
                                   width: detailWidth)
            }
            if state.inspectorDetails {
                // Whole packets, wrapped rather than cut (a VXLAN outer header at 80 columns).
                if hop.before != hop.after {
                    lines += Text.wrap([Span(state.words.ui(.before), Style(.muted)), Span(hop.before.description)], width: detailWidth)
                    lines += Text.wrap([Span(state.words.ui(.after), Style(.muted)), Span(hop.after.description)], width: detailWidth)
                } else {
                    lines += Text.wrap([Span(state.words.ui(.packet), Style(.muted)), Span(hop.after.description)], width: detailWidth)
                }
                if let r = hop.rule { lines += Text.wrap([Span(state.words.rule(r), Style(.code))], width: detailWidth) }
            } else {
                // What changed, then the one sentence.
                for change in changes(hop, state.words) { lines += Text.wrap([Span(change, Style(.code))], width: detailWidth) }
            }
            lines += Text.wrap([Span(state.words.hop(hop.reason.renamingNodes(player.nodeTitles)))], width: detailWidth)
            // How it ended: where the request stops, and again once the reply is back.
            if player.hop == requestCount - 1 || player.hop == steps.count - 1 {
                let died = player.packetDied
                // Back on the client, "Remis à pod-blue-1" alone read as if the reply went there.
                let ending = player.hop >= requestCount ? state.words.ui(.roundTripDone(state.words.ending(trace.ending))) : state.words.ending(trace.ending)
                lines += Text.wrap([Span((died ? (state.ascii ? "X " : "✗ ") : "→ ") + ending,
                                         Style(died ? .error : .ok, bold: true))], width: detailWidth)
            }
        }
        for (i, line) in lines.prefix(height - 1).enumerated() { grid.put(line, x: detailX, y: top + 1 + i) }
    }

    /// What a hop changed in the packet, for the beginner view; the packet itself when
    /// nothing changed.
    static func changes(_ hop: Hop, _ words: any Phrasebook) -> [String] {
        let (a, b) = (hop.before, hop.after)
        var out: [String] = []
        // A hop that answers (CoreDNS): the packet goes back the way it came, ends swapped.
        if a.src != a.dst, b.src == a.dst, b.srcPort == a.dstPort, b.dst == a.src, b.dstPort == a.srcPort {
            return [words.ui(.question("\(a.src):\(a.srcPort) → \(a.dst):\(a.dstPort) \(a.protocol.lowercased)")),
                    words.ui(.answer("\(b.src):\(b.srcPort) → \(b.dst):\(b.dstPort)"))]
        }
        if a.src != b.src || a.srcPort != b.srcPort { out.append(words.ui(.changedSource(from: "\(a.src):\(a.srcPort)", to: "\(b.src):\(b.srcPort)"))) }
        if a.dst != b.dst || a.dstPort != b.dstPort { out.append(words.ui(.changedDestination(from: "\(a.dst):\(a.dstPort)", to: "\(b.dst):\(b.dstPort)"))) }
        if let outer = b.outer, a.outer == nil { out.append(words.ui(.encapsulated("VXLAN \(outer.src) → \(outer.dst) udp/\(outer.port)"))) }
        if a.outer != nil, b.outer == nil { out.append(words.ui(.decapsulated)) }
        if out.isEmpty {
            out.append(words.ui(.packet) + "\(b.src):\(b.srcPort) → \(b.dst):\(b.dstPort) \(b.protocol.lowercased)")
        }
        return out
    }
}
