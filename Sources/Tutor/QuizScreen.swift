import Words
import Canvas
import NetSim
import Quiz

extension Screens {
    /// The quiz: the question, its numbered choices, then right or wrong (mark, word and
    /// colour) with the explanation; at the end, the score and the questions missed.
    static func quiz(_ state: AppState, _ grid: inout Grid) {
        guard let session = state.quiz else { return }
        let w = state.words
        let width = max(10, state.width - 4)
        let score = w.ui(.quizScore(score: session.score, of: session.answered, streak: session.streak))
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style = .plain, indent: String = "") {
            for line in Text.wrap([Span(text, style)], width: width - CellWidth.of(indent)) {
                lines.append(indent.isEmpty ? line : [Span(indent, style)] + line)
            }
        }
        if session.isFinished {
            header(state, &grid, w.ui(.quizSummaryTitle))
            add(w.ui(.quizSummary(score: session.score, of: session.answered, best: session.bestStreak)), Style(.title, bold: true))
            lines.append([])
            let missed = session.missed
            if missed.isEmpty {
                add(w.ui(.noQuestionMissed), Style(.ok))
            } else {
                add(w.ui(.questionsMissedAskAgain), Style(.heading(3), bold: true))
                for (i, item) in missed.enumerated() {
                    let selected = i == state.missedCursor
                    add((selected ? "› " : "  ") + "✗ " + item.prompt.text(state.language),
                        selected ? Style(.selected, bold: true) : Style(.plain))
                }
            }
            put(lines, state, &grid)
            footer(state, &grid, hints: KeyMap.footer(for: .quiz, state.language, ascii: state.ascii, excluding: [.footerPick, .footerTick, .footerTrace, .footerNextQuestion], width: state.width))
            return
        }
        guard let item = session.current else { return }
        header(state, &grid, "Quiz · \(session.index + 1)/\(session.items.count) · " + score)
        add(item.prompt.text(state.language), Style(.title, bold: true))
        if item.isMultipleAnswer, session.result == nil {
            add(w.ui(.severalAnswersHint), Style(.muted))
        }
        lines.append([])
        let right = Set(item.answers)
        for (i, choice) in item.choices.enumerated() {
            let number = i < 9 ? "\(i + 1)" : " "
            let picked = session.picked.contains(i)
            let box = item.isMultipleAnswer ? (picked ? "[x]" : "[ ]") : (picked ? "(•)" : "( )")
            let cursor = session.result == nil && i == session.cursor ? "›" : " "
            var style = Style(.plain)
            var verdict = ""
            if session.result != nil {
                if right.contains(i) {
                    verdict = w.ui(.rightAnswerMark)
                    style = Style(.ok, bold: true)
                } else if picked {
                    verdict = w.ui(.wrongMark)
                    style = Style(.error, bold: true)
                }
            } else if i == session.cursor {
                style = Style(.selected)
            }
            add("\(cursor) \(box) \(number). \(choice.text(state.language))\(verdict)", style)
        }
        if let result = session.result {
            lines.append([])
            if result.right {
                add(w.ui(.right), Style(.ok, bold: true))
            } else {
                add(w.ui(.wrong), Style(.error, bold: true))
            }
            if let explanation = item.explanation { add(explanation.text(state.language), .plain, indent: "  ") }
        }
        // A question computed from a scene shows the scene, so that it is answered by reading
        // the drawing, not from memory: beside the question when there is room, else above it.
        if let player = state.scenePlayer(for: item) {
            let drawing = player.drawing
            let side = state.width - drawing.width - 4
            if side >= 40 && drawing.height <= state.height - 3 {
                grid.clipped(to: Rect(x: 0, y: 2, width: state.width, height: state.height - 3)) { g in
                    g.blit(drawing, x: state.width - drawing.width - 1, y: 2)
                }
                put(rewrap(lines, width: side - 2), state, &grid)
            } else {
                let room = state.height - 3 - lines.count - 1
                if room >= min(drawing.height, 8) {
                    let shown = min(drawing.height, room)
                    let top = sceneTop(player, choices: item.choices.map { $0.text(state.language) }, rows: shown)
                    grid.clipped(to: Rect(x: 0, y: 2, width: state.width, height: shown)) { g in
                        g.blit(drawing, x: max(0, (state.width - drawing.width) / 2), y: 2 - top)
                    }
                    put(lines, state, &grid, top: 2 + shown + 1)
                } else {
                    put(lines + [[Span(w.ui(.sceneOnKey), Style(.muted))]], state, &grid)
                }
            }
        } else {
            put(lines, state, &grid)
        }
        let hints: String
        if session.result == nil {
            hints = KeyMap.footer(for: .quiz, state.language, ascii: state.ascii, excluding: [.footerTrace, .footerNextQuestion], width: state.width)
        } else {
            hints = KeyMap.footer(for: .quiz, state.language, ascii: state.ascii,
                                  excluding: item.replay != nil ? [.footerPick, .footerTick, .footerSubmit] : [.footerPick, .footerTick, .footerTrace, .footerSubmit], width: state.width)
        }
        footer(state, &grid, hints: hints)
    }

    /// The first row of the scene shown above the question when only `rows` of it fit: the
    /// boxes the choices name (the Pods a request may reach) in the middle, else its top. At
    /// 80×24 the top of the DNS lesson's scene showed the Services, and the Pods asked about
    /// were cut off.
    static func sceneTop(_ player: DiagramPlayer, choices: [String], rows: Int) -> Int {
        let height = player.drawing.height
        guard height > rows else { return 0 }
        let names = choices.flatMap { choice in [choice, choice.split(separator: "/").last.map(String.init) ?? choice] }.filter { $0.count >= 3 }
        let named = player.layout.nodes.filter { box in box.lines.contains { line in names.contains { line.contains($0) } } }.map(\.rect)
        guard let low = named.map(\.y).min(), let high = named.map(\.maxY).max() else { return 0 }
        let middle = (low + high) / 2
        return min(max(0, middle - rows / 2), height - rows, max(0, low - 1))
    }

    private static func put(_ lines: [StyledLine], _ state: AppState, _ grid: inout Grid, top: Int = 2) {
        for (row, line) in lines.prefix(max(0, state.height - 1 - top)).enumerated() {
            var x = 2
            for span in line { x = grid.put(span.text, x: x, y: top + row, style: span.style) }
        }
    }

    /// The lines wrapped again to a narrower column.
    private static func rewrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        lines.flatMap { $0.isEmpty ? [[]] : Text.wrap($0, width: max(10, width)) }
    }
}
