import Words
import Canvas
import Course
import Drawing
import FoundationEssentials
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


    /// The title line; the lesson's error and warning count at its end when it has some. A
    /// path given that could not be opened at all (missing, unreadable) counts on every
    /// lesson's slides: it belongs to none of them, and was seen only on `!` before.
    static func header(_ state: AppState, _ grid: inout Grid, _ text: String) {
        guard !state.presenter else { return }
        var status = ""
        if let ref = state.currentSlide, state.screen != .problems {
            let file = state.lessons[ref.lesson].file
            let mine = state.problems.filter { d in
                d.file == file || (d.isWholeFile && !state.lessons.contains { $0.file == d.file })
            }
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
        let lines = KeyMap.helpLines(state.language, width: state.width - 2)
        for (i, line) in lines.dropFirst(state.scroll).prefix(state.bodyHeight).enumerated() {
            grid.put(Text.truncate(line, to: state.width - 2), x: 1, y: 2 + i, style: line.hasPrefix(" ") ? .plain : Style(.heading(3), bold: true))
        }
        // As on a slide: what is below is said, and how to get there.
        let below = lines.count - state.scroll - state.bodyHeight
        if below > 0 {
            let more = (state.ascii ? "v " : "↓ ") + state.words.ui(.moreLinesHint(below))
            grid.put(Text.truncate(more, to: state.width - 2), x: 1, y: state.height - 2, style: Style(.warning))
        }
        footer(state, &grid, hints: KeyMap.footer(for: .help, state.language, ascii: state.ascii, width: state.width))
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
