import Canvas
import NetSim
import Quiz

extension Screens {
    /// The quiz: the question, its numbered choices, then right or wrong (mark, word and
    /// colour) with the explanation; at the end, the score and the questions missed.
    static func quiz(_ state: AppState, _ grid: inout Grid) {
        guard let session = state.quiz else { return }
        let french = fr(state)
        let width = max(10, state.width - 4)
        let score = french ? "score \(session.score)/\(session.results.count) · série \(session.streak)"
                           : "score \(session.score)/\(session.results.count) · streak \(session.streak)"
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style = .plain, indent: String = "") {
            for line in Text.wrap([Span(text, style)], width: width - CellWidth.of(indent)) {
                lines.append(indent.isEmpty ? line : [Span(indent, style)] + line)
            }
        }
        if session.isFinished {
            header(state, &grid, "Quiz · " + (french ? "bilan" : "summary"))
            add(french ? "Score : \(session.score)/\(session.results.count) · meilleure série : \(session.bestStreak)"
                       : "Score: \(session.score)/\(session.results.count) · best streak: \(session.bestStreak)", Style(.title, bold: true))
            lines.append([])
            let missed = session.missed
            if missed.isEmpty {
                add(french ? "Aucune question manquée." : "No question missed.", Style(.ok))
            } else {
                add(french ? "Questions manquées (Entrée : la reposer) :" : "Questions missed (Enter: ask again):", Style(.heading(3), bold: true))
                for (i, item) in missed.enumerated() {
                    let selected = i == state.missedCursor
                    add((selected ? "› " : "  ") + "✗ " + item.prompt.text(state.language),
                        selected ? Style(.selected, bold: true) : Style(.plain))
                }
            }
            put(lines, state, &grid)
            footer(state, &grid, hints: french ? "j/k choisir · Entrée reposer · Échap revenir · q quitter"
                                               : "j/k move · Enter ask again · Esc back · q quit")
            return
        }
        guard let item = session.current else { return }
        header(state, &grid, "Quiz · \(session.index + 1)/\(session.items.count) · " + score)
        add(item.prompt.text(state.language), Style(.title, bold: true))
        if item.isMultipleAnswer, session.result == nil {
            add(french ? "(plusieurs réponses : Espace ou le numéro pour cocher, Entrée pour valider)"
                       : "(several answers: Space or the number to tick, Enter to submit)", Style(.muted))
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
                    verdict = french ? "  ✓ bonne réponse" : "  ✓ right answer"
                    style = Style(.ok, bold: true)
                } else if picked {
                    verdict = french ? "  ✗ faux" : "  ✗ wrong"
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
                add(french ? "✓ Juste !" : "✓ Right!", Style(.ok, bold: true))
            } else {
                add(french ? "✗ Faux." : "✗ Wrong.", Style(.error, bold: true))
            }
            if let explanation = item.explanation { add(explanation.text(state.language), .plain, indent: "  ") }
        }
        put(lines, state, &grid)
        let hints: String
        if session.result == nil {
            hints = french ? "1-9/a-i choisir · Espace cocher · Entrée valider · Échap quitter le quiz · ? aide"
                           : "1-9/a-i pick · Space tick · Enter submit · Esc leave the quiz · ? help"
        } else if item.replay != nil {
            hints = french ? "Entrée suivante · v revoir la trace · Échap quitter le quiz" : "Enter next · v watch the trace · Esc leave the quiz"
        } else {
            hints = french ? "Entrée question suivante · Échap quitter le quiz" : "Enter next question · Esc leave the quiz"
        }
        footer(state, &grid, hints: hints)
    }

    private static func put(_ lines: [StyledLine], _ state: AppState, _ grid: inout Grid) {
        for (row, line) in lines.prefix(max(0, state.height - 3)).enumerated() {
            var x = 2
            for span in line { x = grid.put(span.text, x: x, y: 2 + row, style: span.style) }
        }
    }
}
