import Canvas
import Course
import Drawing
import Scenes
import Words

/// The lab's panel above its drawing: every goal ✓ or ✗ (and what happened instead), the
/// problems of the student's files at their line and column, the hints asked for, the
/// correction when shown.
extension Screens {
    static func labPanel(_ state: AppState, width: Int) -> [StyledLine] {
        guard let session = state.labSession else { return [] }
        let words = state.words
        let check = session.check
        let inner = max(10, width - 2)
        var lines: [StyledLine] = []
        let passed = check.results.filter(\.passed).count
        let summary = check.passed ? words.lab(.allPassed) : words.lab(.summary(passed: passed, of: check.results.count))
        lines += Text.wrap([Span(words.lab(.viewTitle(session.lab.title)) + " — ", Style(.title, bold: true)),
                            Span(summary, Style(check.passed ? .ok : .warning, bold: true))], width: inner)
        lines += Text.wrap([Span(words.lab(.viewWatching(session.folder)), Style(.muted))], width: inner)
        // Just started: which files it wrote, and which it found there and kept.
        for written in session.written {
            switch written {
            case .wrote(let path): lines += Text.wrap([Span(words.lab(.wrote(path)), Style(.muted))], width: inner)
            case .kept(let path): lines += Text.wrap([Span(words.lab(.kept(path)), Style(.muted))], width: inner)
            }
        }
        let playing = state.player.flatMap { p in session.flowGoals.indices.contains(p.flow) ? session.flowGoals[p.flow] : nil }
        for (i, r) in check.results.enumerated() {
            let mark = r.passed ? (state.ascii ? "[x]" : "✓") : (state.ascii ? "[ ]" : "✗")
            let pointer = i == playing ? (state.ascii ? ">" : "▶") : " "
            var spans = [Span(pointer + mark + " ", Style(r.passed ? .ok : .error, bold: true)),
                         Span("\(r.number). " + LabReport.describe(r.goal, words: words))]
            if let instead = LabReport.instead(r, in: check, words: words) { spans.append(Span(" — " + instead, Style(.warning))) }
            lines += Text.wrap(spans, width: inner)
        }
        if !check.diagnostics.isEmpty {
            lines += [[Span(words.lab(.viewDiagnostics(check.diagnostics.count)), Style(.error, bold: true))]]
            for d in check.diagnostics.prefix(3) { lines += Text.wrap([Span("  " + words.line(d), Style(.error))], width: inner) }
        }
        for (n, hint) in session.lab.hints.prefix(session.hintsShown).enumerated() {
            lines += Text.wrap([Span(words.lab(.hint(n + 1, of: session.lab.hints.count, hint)), Style(.directive("tip")))], width: inner)
        }
        if session.hintsShown >= session.lab.hints.count, session.hintsShown > 0, !session.showCorrection {
            lines += Text.wrap([Span(words.lab(.noMoreHints), Style(.muted, italic: true))], width: inner)
        }
        if session.showCorrection {
            lines += [[Span(words.lab(.correctionFiles), Style(.ok, bold: true))]]
            for file in session.lab.correction {
                lines += [[Span(file.name, Style(.code, bold: true))]]
                lines += file.text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("  " + Text.truncate(String($0), to: inner - 2), Style(.code))] }
            }
        }
        return lines
    }

    /// How many rows the panel may take: all it needs, up to half the screen (the drawing
    /// and the inspector keep the rest).
    static func labPanelRows(_ state: AppState) -> Int {
        guard state.labSession != nil else { return 0 }
        return min(labPanel(state, width: state.width).count, max(3, (state.height - 2) / 2))
    }

    /// The correction asked for: the panel alone, the whole screen, scrolled with j/k.
    static func labCorrection(_ state: AppState, _ grid: inout Grid, hints: String) -> Bool {
        guard let session = state.labSession, session.showCorrection else { return false }
        let panel = labPanel(state, width: state.width)
        let rows = state.height - 2
        let first = min(state.scroll, max(0, panel.count - rows))
        for (i, line) in panel.dropFirst(first).prefix(rows).enumerated() { grid.put(line, x: 1, y: 1 + i) }
        footer(state, &grid, hints: hints)
        return true
    }
}
