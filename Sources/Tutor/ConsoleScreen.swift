import Words
import Canvas
import Course
import Drawing

/// What `reseau console` knows of the presentation it follows, from the presenter's last
/// message.
public struct ConsoleView: Sendable, Equatable {
    /// The slide projected (0-based, across the lessons).
    public var slide = 0
    public var elapsed = 0.0
    public var duration: Double?
    /// The inspector's first line when a flow plays.
    public var hop: String?
    /// The presentation is gone (it ended, or was never found).
    public var ended = false

    public init() {}
}

extension Screens {
    /// The speaker's console: the slide projected with its notes, the next slide's first
    /// lines, the time, the hop playing. A function of the course (in `state`) and the view.
    public static func console(_ state: AppState, _ view: ConsoleView) -> Grid {
        var grid = Grid(width: state.width, height: state.height)
        let words = state.words
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var head = " reseau · " + words.ui(.consoleTitle) + " · "
            + words.ui(.presenterClock(slide: view.slide + 1, of: state.slides.count,
                                       minutes: twoDigits(Int(view.elapsed) / 60), seconds: twoDigits(Int(view.elapsed) % 60)))
        if let duration = view.duration {
            let rest = Int(duration.rounded()) - Int(view.elapsed)
            head += " · " + words.ui(.timeLeft(minutes: twoDigits(abs(rest) / 60), seconds: twoDigits(abs(rest) % 60), over: rest < 0))
        }
        let padded = Text.truncate(head, to: state.width)
        grid.put(padded + String(repeating: " ", count: max(0, state.width - CellWidth.of(padded))), x: 0, y: 0,
                 style: Style(.title, bold: true, reverse: true))
        var lines: [StyledLine] = []
        var renderer = renderer(state)
        renderer.showNotes = true
        func title(_ index: Int) -> String {
            let ref = state.slides[index]
            return ref.slide.blocks.lazy.compactMap { if case .heading(let h) = $0 { return h.title }; return nil }.first
                ?? ref.slide.sectionPath.last ?? state.lessons[ref.lesson].title
        }
        if view.ended {
            lines.append([Span(words.ui(.presentationEnded), Style(.warning, bold: true))])
        } else if state.slides.indices.contains(view.slide) {
            let ref = state.slides[view.slide]
            lines.append([Span("\(view.slide + 1). ", Style(.muted)), Span(title(view.slide), Style(.heading(2), bold: true))])
            lines.append([])
            let notes = ref.slide.allBlocks.compactMap { block -> Directive? in
                if case .directive(let d) = block, d.kind == .notes { return d }
                return nil
            }
            if notes.isEmpty {
                lines.append([Span(words.ui(.noNotes), Style(.muted, italic: true))])
            } else {
                for d in notes { lines += renderer.render(d.blocks, width: state.width - 2) }
            }
            if let hop = view.hop {
                lines.append([])
                lines += Text.wrap([Span(words.ui(.hopPlaying) + " ", Style(.muted)), Span(hop, Style(.flow(0), bold: true))], width: state.width - 2)
            }
            lines.append([])
            if state.slides.indices.contains(view.slide + 1) {
                lines.append([Span(words.ui(.nextSlide) + " ", Style(.muted)), Span("\(view.slide + 2). " + title(view.slide + 1), Style(.plain, bold: true))])
                lines += renderer.render(state.slides[view.slide + 1].slide).prefix(6)
            } else {
                lines.append([Span(words.ui(.lastSlideOfTalk), Style(.muted))])
            }
        }
        for (i, line) in lines.prefix(state.height - 3).enumerated() { grid.put(line, x: 1, y: 2 + i) }
        grid.put(Text.truncate(words.ui(.consoleFooter), to: state.width), x: 0, y: state.height - 1, style: Style(.muted))
        return grid
    }
}
