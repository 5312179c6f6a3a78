import Words
import Canvas
import Course
import Drawing
import Foundation
import NetSim

/// Every screen, as a function of the state.
public enum Screens {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            let words = state.words.ui(.terminalTooSmall)
            let need = "(\(minimumWidth)×\(minimumHeight) min, \(state.width)×\(state.height))"
            grid.put(Text.truncate(words, to: state.width), x: 0, y: 0, style: Style(.warning, bold: true))
            if state.height > 1 { grid.put(Text.truncate(need, to: state.width), x: 0, y: 1, style: Style(.muted)) }
            return grid
        }
        if state.blanked { return grid }
        switch state.screen {
        case .course: course(state, &grid)
        case .slide: slide(state, &grid)
        case .contents: contents(state, &grid)
        case .help: help(state, &grid)
        // `.projection` names key rows, never the screen shown.
        case .diagram, .projection: diagram(state, &grid)
        case .quiz: quiz(state, &grid)
        case .problems: problems(state, &grid)
        }
        return grid
    }


    /// The title line; the lesson's error and warning count at its end when it has some.
    static func header(_ state: AppState, _ grid: inout Grid, _ text: String) {
        guard !state.presenter else { return }
        var status = ""
        if let ref = state.currentSlide, state.screen != .problems {
            let file = state.lessons[ref.lesson].file
            let mine = state.problems.filter { $0.file == file }
            let errors = mine.filter { $0.severity == .error }.count
            if !mine.isEmpty { status = state.words.ui(.problemCount(errors: errors, warnings: mine.count - errors)) + " " }
        }
        let room = max(0, state.width - CellWidth.of(status))
        var line = Text.truncate(" reseau · " + text, to: room)
        line += String(repeating: " ", count: max(0, room - CellWidth.of(line))) + status
        grid.put(line + String(repeating: " ", count: max(0, state.width - CellWidth.of(line))), x: 0, y: 0, style: Style(.title, bold: true, reverse: true))
    }

    static func footer(_ state: AppState, _ grid: inout Grid, hints: String) {
        let y = state.height - 1
        var text: String
        var style = Style(.muted)
        if let prompt = state.prompt {
            switch prompt {
            case .search(let t): text = "/" + t + "▏"
            case .jump(let t): text = ":" + t + "▏"
            }
            style = Style(.plain, bold: true)
        } else if let message = state.message {
            text = state.words.ui(message)
            style = Style(.ok)
        } else if state.presenter {
            let minutes = Int(state.elapsed) / 60, seconds = Int(state.elapsed) % 60
            // Drawn at every frame of an animation: no String(format:), which goes through Foundation.
            func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            text = state.words.ui(.presenterClock(slide: state.current + 1, of: state.slides.count, minutes: twoDigits(minutes), seconds: twoDigits(seconds)))
            var left = ""
            var over = false
            if let duration = state.duration {
                let rest = Int(duration.rounded()) - Int(state.elapsed)
                over = rest < 0
                left = " · " + state.words.ui(.timeLeft(minutes: twoDigits(abs(rest) / 60), seconds: twoDigits(abs(rest) % 60), over: over))
            }
            let x = max(0, state.width - CellWidth.of(text + left) - 1)
            grid.put(text, x: x, y: y, style: Style(.muted))
            if !left.isEmpty { grid.put(left, x: x + CellWidth.of(text), y: y, style: over ? Style(.warning, bold: true) : Style(.muted)) }
            return
        } else {
            text = hints
        }
        grid.put(Text.truncate(text, to: state.width), x: 0, y: y, style: style)
    }

    // MARK: - Slides

    public static func renderer(_ state: AppState) -> SlideRenderer {
        let margin = state.presenter ? 6 : 1
        var r = SlideRenderer(width: max(20, state.width - 2 * margin), ascii: state.ascii, language: state.language, showCorrections: state.showCorrections)
        if let ref = state.currentSlide {
            r.lessonLanguage = Language(localeName: state.lessons[ref.lesson].frontmatter.lang) ?? .fr
            r.file = state.lessons[ref.lesson].file
        }
        return r
    }

    /// The current slide's lines at the screen's width.
    public static func slideLines(_ state: AppState) -> [StyledLine] {
        guard let ref = state.currentSlide else { return [] }
        let r = renderer(state)
        // A frontmatter that could not be read says so at the top of the lesson's first slide.
        let lesson = state.lessons[ref.lesson]
        let frontmatter = lesson.diagnostics.filter { $0.severity == .error && $0.message.isAboutFrontmatter }
        if ref.slide.number == 1, !frontmatter.isEmpty {
            return r.problems(frontmatter, width: r.width) + [[]] + r.render(ref.slide)
        }
        return r.render(ref.slide)
    }

    /// Rows for the slide's text: below the header, above the "more below" line and the footer.
    public static func bodyRows(_ state: AppState) -> Int { state.height - (state.presenter ? 1 : 2) - 2 }

    static func slide(_ state: AppState, _ grid: inout Grid) {
        guard let ref = state.currentSlide else {
            grid.put(state.words.ui(.noSlide), x: 1, y: 1)
            return
        }
        let lesson = state.lessons[ref.lesson]
        // Each thing once: the section path leaves out the title the lesson already shows.
        let path = ref.slide.sectionPath.drop { $0 == lesson.title }.joined(separator: " › ")
        header(state, &grid, "\(lesson.title) · \(state.current + 1)/\(state.slides.count)\(path.isEmpty ? "" : " · " + path)")
        let lines = slideLines(state)
        let top = state.presenter ? 1 : 2
        let bodyHeight = bodyRows(state)
        let margin = state.presenter ? 6 : 1
        let visible = lines.dropFirst(state.scroll).prefix(bodyHeight)
        // The search's matches stand out while the search lasts (Esc ends it).
        let query = state.searchQuery.map(Search.fold) ?? []
        for (i, line) in visible.enumerated() { grid.put(query.isEmpty ? line : Search.highlight(line, query), x: margin, y: top + i) }
        let below = lines.count - state.scroll - bodyHeight
        let playable = ref.slide.allBlocks.contains(where: \.isPlayable)
        let hints = KeyMap.footer(for: .slide, state.language, ascii: state.ascii, excluding: playable ? [] : [.footerOpen], width: state.width)
        // Not on a projection: the audience does not scroll.
        if below > 0, !state.presenter {
            let more = (state.ascii ? "v " : "↓ ") + state.words.ui(.moreLinesHint(below))
            grid.put(Text.truncate(more, to: state.width - 2), x: margin, y: state.height - 2, style: Style(.warning))
        }
        footer(state, &grid, hints: hints)
    }

    // MARK: - Course, contents, help

    static func course(_ state: AppState, _ grid: inout Grid) {
        header(state, &grid, state.words.ui(.courseTitle))
        func mark(_ seen: Int, _ total: Int) -> String {
            seen == 0 ? (state.ascii ? "[ ]" : "○") : seen >= total ? (state.ascii ? "[x]" : "●") : (state.ascii ? "[~]" : "◐")
        }
        // Each lesson with its sections, each marked by whether it was read; when that does not
        // fit, one row per lesson (a whole course at 80x24) and only the lesson under the cursor
        // (marked `›`, not only by colour) shows its sections.
        let room = max(1, state.height - 3)
        let everything = state.lessons.reduce(0) { $0 + 1 + $1.toc.filter { $0.level <= 2 }.count }
        var rows: [(text: String, x: Int, style: Style)] = []
        var cursorRow = 0
        var offset = 0
        for (i, lesson) in state.lessons.enumerated() {
            let seen = (offset..<offset + lesson.slides.count).filter { state.visited.contains($0) }.count
            let pointer = i == state.cursor ? (state.ascii ? ">" : "›") : " "
            if i == state.cursor { cursorRow = rows.count }
            rows.append(("\(pointer) \(mark(seen, lesson.slides.count)) \(lesson.title)  \(seen)/\(lesson.slides.count)", 1,
                         i == state.cursor ? Style(.selected) : Style(.plain, bold: true)))
            if i == state.cursor || everything <= room {
                let sections = lesson.toc.filter { $0.level <= 2 }
                for (s, section) in sections.enumerated() {
                    let end = s + 1 < sections.count ? sections[s + 1].slide - 1 : lesson.slides.count
                    let slides = (offset + section.slide - 1)..<(offset + max(section.slide, end))
                    let read = slides.filter { state.visited.contains($0) }.count
                    rows.append(("\(mark(read, slides.count)) \(section.title)", 7, Style(.muted)))
                }
            }
            offset += lesson.slides.count
        }
        // The window follows the cursor: its lesson, then as many of its sections as fit.
        let open = rows.count - cursorRow - (state.lessons.count - state.cursor - 1)
        let start = max(0, min(cursorRow, cursorRow + open - room, rows.count - room))
        for (y, row) in rows.dropFirst(max(0, start)).prefix(room).enumerated() {
            grid.put(Text.truncate(row.text, to: state.width - row.x - 2), x: row.x, y: 2 + y, style: row.style)
        }
        footer(state, &grid, hints: KeyMap.footer(for: .course, state.language, ascii: state.ascii, width: state.width))
    }

    /// `!`: the errors and warnings, each one line (file:line:col), Enter going to its slide.
    static func problems(_ state: AppState, _ grid: inout Grid) {
        header(state, &grid, state.words.ui(.problemsTitle))
        guard !state.problems.isEmpty else {
            grid.put(state.words.ui(.noProblem), x: 2, y: 2, style: Style(.ok))
            footer(state, &grid, hints: KeyMap.footer(for: .problems, state.language, ascii: state.ascii, width: state.width))
            return
        }
        let height = state.height - 3
        let start = max(0, min(state.cursor - height / 2, state.problems.count - height))
        for (row, i) in (start..<min(state.problems.count, start + height)).enumerated() {
            let d = state.problems[i]
            let style = i == state.cursor ? Style(.selected) : Style(d.severity == .error ? .error : .warning)
            grid.put(Text.truncate(state.words.shortLine(d), to: state.width - 4), x: 2, y: 2 + row, style: style)
        }
        footer(state, &grid, hints: KeyMap.footer(for: .problems, state.language, ascii: state.ascii, width: state.width))
    }

    static func contents(_ state: AppState, _ grid: inout Grid) {
        header(state, &grid, state.words.ui(.contentsTitle))
        let entries = state.tocEntries
        let height = state.height - 3
        let start = max(0, min(state.cursor - height / 2, entries.count - height))
        for (row, i) in (start..<min(entries.count, start + height)).enumerated() {
            let e = entries[i]
            // A lesson's title in bold at the margin, the open lesson's sections under it.
            let indent = e.level == 0 ? "" : String(repeating: "  ", count: max(1, e.level - 1))
            let marker = e.level == 0 ? (e.lesson == state.currentSlide?.lesson ? (state.ascii ? "v " : "▾ ") : (state.ascii ? "> " : "▸ ")) : "  "
            let line = "\(marker)\(indent)\(e.title)"
            let number = "\(state.lessonOffset(e.lesson) + e.slide)"
            let style = i == state.cursor ? Style(.selected) : (e.level == 0 ? Style(.plain, bold: true) : .plain)
            grid.put(Text.truncate(line, to: state.width - 10), x: 2, y: 2 + row, style: style)
            grid.put(number, x: state.width - 2 - number.count, y: 2 + row, style: Style(.muted))
        }
        footer(state, &grid, hints: KeyMap.footer(for: .contents, state.language, ascii: state.ascii, width: state.width))
    }

    static func help(_ state: AppState, _ grid: inout Grid) {
        header(state, &grid, state.words.ui(.helpTitle))
        let lines = KeyMap.helpLines(state.language)
        for (i, line) in lines.dropFirst(state.scroll).prefix(state.height - 3).enumerated() {
            grid.put(Text.truncate(line, to: state.width - 2), x: 1, y: 2 + i, style: line.hasPrefix(" ") ? .plain : Style(.heading(3), bold: true))
        }
        footer(state, &grid, hints: KeyMap.footer(for: .help, state.language, ascii: state.ascii, width: state.width))
    }

    // MARK: - Diagram and inspector

    static func diagram(_ state: AppState, _ grid: inout Grid) {
        guard let player = state.player, let ref = state.currentSlide else { return }
        let lesson = state.lessons[ref.lesson]
        let count = state.playableBlocks(ref).count
        // Which diagram of the slide comes before its title, which may be cut at 80 columns.
        let which = count > 1 ? state.words.ui(.diagramNumber(state.diagramIndex + 1, of: count)) + " · " : ""
        header(state, &grid, "\(lesson.title) · \(state.current + 1)/\(state.slides.count) · \(which)\(player.chart.title ?? state.words.ui(.diagramTitle))")
        let g = layoutDiagram(state, player)
        let top = g.top
        // Projected, the header is gone: the diagram's title takes the first row.
        if state.presenter, let title = player.chart.title {
            let text = Text.truncate(title, to: state.width - 2)
            grid.put(text, x: max(0, (state.width - CellWidth.of(text)) / 2), y: 0, style: Style(.heading(2), bold: true))
        }
        let drawing = frame(player, ascii: state.ascii)
        let (below, notes, inspectorHeight, noteRows, belowRows, diagramHeight) = (g.below, g.notes, g.inspectorHeight, g.noteRows, g.belowRows, g.diagramHeight)
        let view = diagramView(state, height: diagramHeight)
        let x = drawing.width <= state.width ? (state.width - drawing.width) / 2 : -view.x
        grid.clipped(to: Rect(x: 0, y: top, width: state.width, height: diagramHeight)) { g in
            g.blit(drawing, x: x, y: top - view.y)
        }
        // What is off screen, said at the edges of the view.
        let aboveCount = view.y, belowCount = max(0, drawing.height - view.y - diagramHeight)
        let leftCount = drawing.width > state.width ? view.x : 0, rightCount = drawing.width > state.width ? max(0, drawing.width - view.x - state.width) : 0
        for (count, arrow, y, right) in [(aboveCount, state.ascii ? "^" : "↑", top, true), (belowCount, state.ascii ? "v" : "↓", top + diagramHeight - 1, true),
                                         (leftCount, state.ascii ? "<" : "←", top + diagramHeight / 2, false),
                                         (rightCount, state.ascii ? ">" : "→", top + diagramHeight / 2, true)] where count > 0 && diagramHeight > 2 {
            let mark = " " + state.words.ui(.offScreen(arrow: arrow, count: count, rows: arrow == "↑" || arrow == "↓" || arrow == "^" || arrow == "v")) + " "
            grid.put(mark, x: right ? state.width - CellWidth.of(mark) : 0, y: y, style: Style(.warning, bold: true))
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
        footer(state, &grid, hints: KeyMap.footer(for: .diagram, state.language, ascii: state.ascii, excluding: excluded,
                                                  speed: Int(player.speed), width: state.width))
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
        let top = state.presenter ? (player.chart.title == nil ? 0 : 1) : 1
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
        let wanted = available - drawing.height - min(notes.count, 3)
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
        var drawing = player.ascii == ascii ? player.drawing
            : DiagramRenderer(glyphs: Glyphs(ascii: ascii)).draw(player.layout, chart: player.chart)
        for id in [player.element(at: player.hop)].compactMap({ $0 }) + (player.currentStep?.decidedBy ?? []) {
            let group = player.layout.groups.first { $0.id == id }
            if let rect = player.layout.node(id)?.rect ?? group?.rect {
                drawing.box(rect, style: ascii ? .ascii : .heavy, border: Style(.packet, bold: true), title: group?.title,
                            titleStyle: Style(.packet, bold: true))
                redrawLabel(player, id, &drawing)
            }
        }
        if let p = player.packetCell, p.x >= 0, p.y >= 0, p.x < drawing.width, p.y < drawing.height {
            let reply = player.currentStep?.phase == .reply
            let glyph = player.packetDied ? (ascii ? "X" : "✗") : reply ? (ascii ? "o" : "○") : (ascii ? "@" : "●")
            let style = player.packetDied ? Style(.error, bold: true) : reply ? Style(.ok, bold: true) : Style(.packet, bold: true)
            drawing.put(glyph, x: p.x, y: p.y, style: style)
        }
        return drawing
    }

    /// The first row of the drawing shown when it is taller than the room it has: the
    /// packet (else the lit element) kept in view, near the middle.
    public static func viewOffset(_ player: DiagramPlayer, drawingHeight: Int, viewHeight: Int) -> Int {
        guard drawingHeight > viewHeight, viewHeight > 0 else { return 0 }
        let lit = player.element(at: player.hop).flatMap { id in player.layout.node(id)?.rect ?? player.layout.groups.first { $0.id == id }?.rect }
        guard let y = player.packetCell?.y ?? lit.map({ $0.y + $0.height / 2 }) else { return 0 }
        var offset = min(max(0, y - viewHeight / 2), drawingHeight - viewHeight)
        // The packet waits while a frame elsewhere lights (the Node's kernel after the Service
        // box): both on screen when they fit, the packet first.
        if let lit, !(lit.y < offset + viewHeight && lit.y + 1 >= offset) {
            let top = min(y, lit.y), bottom = max(y, lit.y + 1)
            if bottom - top < viewHeight { offset = min(max(0, top - 1), drawingHeight - viewHeight) }
        }
        return offset
    }

    static func redrawLabel(_ player: DiagramPlayer, _ id: String, _ grid: inout Grid) {
        guard let node = player.layout.node(id) else { return }
        for (i, text) in node.lines.enumerated() {
            grid.put(text, x: node.rect.x + (node.rect.width - CellWidth.of(text)) / 2, y: node.rect.y + 1 + i, style: Style(.packet, bold: true))
        }
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
            lines += Text.wrap([Span(counter, Style(step.phase == .reply ? .ok : .muted)), Span(brief(hop), Style(.plain, bold: true)),
                                Span("  \(state.words.action(hop.action))", Style(.flow(player.flow), bold: true))], width: detailWidth)
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
            lines += Text.wrap([Span(state.words.hop(hop.reason))], width: detailWidth)
            // How it ended: where the request stops, and again once the reply is back.
            if player.hop == requestCount - 1 || player.hop == steps.count - 1 {
                let died = player.packetDied
                lines += Text.wrap([Span((died ? (state.ascii ? "X " : "✗ ") : "→ ") + state.words.ending(trace.ending),
                                         Style(died ? .error : .ok, bold: true))], width: detailWidth)
            }
        }
        for (i, line) in lines.prefix(height - 1).enumerated() { grid.put(line, x: detailX, y: top + 1 + i) }
    }
}

extension Screens {
    /// What a hop changed in the packet, for the beginner view; the packet itself when
    /// nothing changed.
    static func changes(_ hop: Hop, _ words: any Phrasebook) -> [String] {
        let (a, b) = (hop.before, hop.after)
        var out: [String] = []
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

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
