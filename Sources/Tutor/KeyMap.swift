import Canvas
import Words
import NetSim

/// Everything the user can ask for.
public enum Action: Equatable, Sendable {
    case next, previous, scrollDown, scrollUp, pageDown, pageUp, first, last
    case jump(Int)
    /// `:`: ask for a slide number.
    case jumpPrompt
    case search, searchNext, searchPrevious
    case contents, help, quit, reload, open, back
    case focusDiagram, playPause, stepForward, stepBack, faster, slower, nextFlow, restart, nextDiagram
    case presenter, blank, toggleCorrection, quiz
    /// `i`: the inspector's beginner or full view.
    case toggleDetails
    case labHint, labCorrection
    /// Moves the view of a drawing larger than the screen.
    case panLeft, panRight, panUp, panDown
    /// `!`: the lesson's errors and warnings, each leading to its slide.
    case problems
    /// A choice by number (1-9) or letter (a-i), read from the key itself.
    case choose
    case toggleChoice, submit, replay
}

/// Where the user is.
public enum ScreenKind: String, Equatable, Sendable, CaseIterable {
    case course, slide, contents, help, diagram, quiz, problems
    /// Presenting (a slide or its diagram): these rows come before the screen's own. A
    /// clicker sends PgDn/PgUp or →/← (some Space), and those must change slide even while
    /// a flow plays; `s` pauses instead.
    case projection
}

/// One row of the key table: the keys, what they do, where, the words for help, and the
/// short word when the row is shown in the screen's footer (as lazygit's `DisplayOnScreen`).
public struct KeyBinding: Sendable {
    public var keys: [String]
    public var action: Action
    public var screens: [ScreenKind]
    public var help: KeyHelp
    public var footer: KeyHelp?

    init(keys: [String], action: Action, screens: [ScreenKind], help: KeyHelp, footer: KeyHelp? = nil) {
        self.keys = keys
        self.action = action
        self.screens = screens
        self.help = help
        self.footer = footer
    }
}

/// The one table that drives the keys and writes the help screen (as tig and lazygit do).
public enum KeyMap {
    static let reading: [ScreenKind] = [.slide]
    public static let bindings: [KeyBinding] = [
        // While presenting, on a slide or its diagram, these rows win over the screen's own.
        KeyBinding(keys: ["PgDn", "→", "Space", "n", "l"], action: .next, screens: [.projection], help: .nextSlide),
        KeyBinding(keys: ["PgUp", "←", "p", "Backspace", "h"], action: .previous, screens: [.projection], help: .previousSlide),
        KeyBinding(keys: ["s"], action: .playPause, screens: [.projection], help: .playPause),
        KeyBinding(keys: ["b"], action: .blank, screens: [.projection], help: .blank),
        KeyBinding(keys: ["Home"], action: .first, screens: [.projection], help: .firstSlide),
        KeyBinding(keys: ["G", "End"], action: .last, screens: [.projection], help: .lastSlide),
        KeyBinding(keys: ["Space", "→", "l", "n"], action: .next, screens: [.slide], help: .nextSlide, footer: .footerNext),
        KeyBinding(keys: ["←", "h", "p", "Backspace"], action: .previous, screens: [.slide], help: .previousSlide, footer: .footerPrevious),
        KeyBinding(keys: ["Q"], action: .quiz, screens: [.slide, .course], help: .lessonQuiz, footer: .footerQuiz),
        KeyBinding(keys: ["1-9", "a-i"], action: .choose, screens: [.quiz], help: .pickAnswer, footer: .footerPick),
        KeyBinding(keys: ["Space"], action: .toggleChoice, screens: [.quiz], help: .tickAnswer, footer: .footerTick),
        KeyBinding(keys: ["Enter"], action: .submit, screens: [.quiz], help: .submitAnswer, footer: .footerSubmit),
        // The same key once the answer is shown: the footer says what it does then.
        KeyBinding(keys: ["Enter"], action: .submit, screens: [.quiz], help: .nextQuestion, footer: .footerNextQuestion),
        KeyBinding(keys: ["v"], action: .replay, screens: [.quiz], help: .replayTrace, footer: .footerTrace),
        KeyBinding(keys: ["j", "↓"], action: .scrollDown, screens: [.slide, .help, .contents, .course, .quiz, .problems], help: .down),
        KeyBinding(keys: ["k", "↑"], action: .scrollUp, screens: [.slide, .help, .contents, .course, .quiz, .problems], help: .up),
        // On a slide, a clicker's PgDn/PgUp go on to the next or previous slide once the slide
        // is read to its end (or its top): seen doing nothing on a slide that fits.
        KeyBinding(keys: ["PgDn"], action: .pageDown, screens: [.slide], help: .pageDownThenNext),
        KeyBinding(keys: ["PgUp"], action: .pageUp, screens: [.slide], help: .pageUpThenPrevious),
        KeyBinding(keys: ["PgDn"], action: .pageDown, screens: [.help], help: .pageDown),
        KeyBinding(keys: ["PgUp"], action: .pageUp, screens: [.help], help: .pageUp),
        KeyBinding(keys: ["gg", "Home"], action: .first, screens: [.slide], help: .firstSlide),
        KeyBinding(keys: ["G", "End"], action: .last, screens: [.slide], help: .lastSlide),
        KeyBinding(keys: [":"], action: .jumpPrompt, screens: [.slide], help: .goToSlide),
        KeyBinding(keys: ["/"], action: .search, screens: [.slide], help: .search, footer: .footerSearch),
        KeyBinding(keys: ["n"], action: .searchNext, screens: [.slide], help: .nextMatch),
        KeyBinding(keys: ["N"], action: .searchPrevious, screens: [.slide], help: .previousMatch),
        KeyBinding(keys: ["t"], action: .contents, screens: [.slide, .course], help: .contents, footer: .footerContents),
        KeyBinding(keys: ["!"], action: .problems, screens: [.slide, .course], help: .problems),
        KeyBinding(keys: ["Enter"], action: .open, screens: [.course, .contents, .slide, .problems], help: .open, footer: .footerOpen),
        KeyBinding(keys: ["Esc"], action: .back, screens: [.contents, .help, .diagram, .course, .quiz, .problems], help: .back, footer: .footerBack),
        KeyBinding(keys: ["Esc"], action: .back, screens: [.slide], help: .courseList),
        KeyBinding(keys: ["c"], action: .toggleCorrection, screens: [.slide], help: .corrections),
        KeyBinding(keys: ["Space"], action: .playPause, screens: [.diagram], help: .playPause, footer: .footerPlayPause),
        KeyBinding(keys: ["."], action: .stepForward, screens: [.diagram], help: .nextHop, footer: .footerHop),
        KeyBinding(keys: [","], action: .stepBack, screens: [.diagram], help: .previousHop, footer: .footerHop),
        KeyBinding(keys: ["+"], action: .faster, screens: [.diagram], help: .faster, footer: .footerSpeed),
        KeyBinding(keys: ["-"], action: .slower, screens: [.diagram], help: .slower, footer: .footerSpeed),
        KeyBinding(keys: ["Tab"], action: .nextFlow, screens: [.diagram], help: .nextFlow, footer: .footerFlow),
        KeyBinding(keys: ["0"], action: .restart, screens: [.diagram], help: .restart, footer: .footerRestart),
        KeyBinding(keys: ["↑", "k"], action: .panUp, screens: [.diagram], help: .panUp, footer: .footerPan),
        KeyBinding(keys: ["↓", "j"], action: .panDown, screens: [.diagram], help: .panDown, footer: .footerPan),
        KeyBinding(keys: ["←", "h"], action: .panLeft, screens: [.diagram], help: .panLeft, footer: .footerPan),
        KeyBinding(keys: ["→", "l"], action: .panRight, screens: [.diagram], help: .panRight, footer: .footerPan),
        KeyBinding(keys: ["d"], action: .nextDiagram, screens: [.diagram], help: .nextDiagram, footer: .footerNextDiagram),
        KeyBinding(keys: ["i"], action: .toggleDetails, screens: [.diagram], help: .inspectorDetails, footer: .footerDetails),
        KeyBinding(keys: ["H"], action: .labHint, screens: [.diagram], help: .labHint, footer: .footerHint),
        KeyBinding(keys: ["c"], action: .labCorrection, screens: [.diagram], help: .labCorrection, footer: .footerCorrection),
        KeyBinding(keys: ["P"], action: .presenter, screens: [.slide, .diagram], help: .presenter),
        KeyBinding(keys: ["r"], action: .reload, screens: [.slide, .course], help: .reload),
        KeyBinding(keys: ["?"], action: .help, screens: ScreenKind.allCases, help: .help, footer: .footerHelp),
        KeyBinding(keys: ["q", "Ctrl-C"], action: .quit, screens: ScreenKind.allCases, help: .quit, footer: .footerQuit),
    ]

    /// The action a key name gives on a screen (the first binding that has it wins). A row
    /// may name a range of keys, `1-9` or `a-i`: any key of it matches.
    /// While `presenting` a slide or its diagram, the `.projection` rows are looked at first.
    public static func action(for key: String, on screen: ScreenKind, presenting: Bool = false) -> Action? {
        if presenting, screen == .slide || screen == .diagram, let action = action(for: key, on: .projection) { return action }
        return bindings.first { $0.screens.contains(screen) && $0.keys.contains { matches(key, $0) } }?.action
    }

    static func matches(_ key: String, _ name: String) -> Bool {
        if key == name { return true }
        let parts = name.split(separator: "-")
        guard parts.count == 2, parts[0].count == 1, parts[1].count == 1, key.count == 1,
              let low = parts[0].unicodeScalars.first, let high = parts[1].unicodeScalars.first,
              let k = key.unicodeScalars.first, low < high else { return false }
        return (low...high).contains(k)
    }

    /// The help screen's lines, generated from the table, grouped by screen; `start`, the
    /// line where the current screen's section begins.
    /// `width`: a description too long for it goes on under itself (at 80 columns the `!`
    /// line was cut, "(Entrée : a…").
    public static func helpLines(_ language: Language, width: Int = .max) -> [String] {
        let words = language.words
        var lines: [String] = []
        let groups: [(ScreenKind, HelpSection)] = [(.slide, .reading), (.diagram, .diagram), (.projection, .presenting), (.course, .course), (.quiz, .quiz)]
        var shown = Set<String>()
        for (screen, section) in groups {
            lines.append(words.ui(.helpSection(section)))
            for b in bindings where b.screens.contains(screen) {
                let id = b.keys.joined() + "\(b.action)\(b.help)"
                guard shown.insert(id + screen.rawValue).inserted else { continue }
                let keys = b.keys.map { words.ui(.keyName($0)) }.joined(separator: " ")
                let lead = "  " + keys + String(repeating: " ", count: max(1, 22 - keys.count))
                let column = CellWidth.of(lead)
                let wrapped = Text.wrap([Span(words.key(b.help))], width: max(20, width - column)).map { $0.map(\.text).joined() }
                for (k, part) in wrapped.enumerated() { lines.append((k == 0 ? lead : String(repeating: " ", count: column)) + part) }
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A screen's footer, from the rows marked for it: `Space next · ← previous · … · q quit`,
    /// the first key of each row and its short word, in table order; rows with the same word
    /// (`.` and `,` for hops) share one entry.
    /// At `width`, entries are dropped from the middle so that the last one (quit) stays.
    public static func footer(for screen: ScreenKind, _ language: Language, ascii: Bool = false, excluding: Set<KeyHelp> = [],
                              speed: Int? = nil, width: Int = .max) -> String {
        let words = language.words
        var entries: [(keys: [String], word: KeyHelp)] = []
        for b in bindings where b.screens.contains(screen) {
            guard let word = b.footer, !excluding.contains(word), var key = b.keys.first else { continue }
            if ascii, key == "←" { key = "h" }
            if let i = entries.firstIndex(where: { $0.word == word }) {
                if !entries[i].keys.contains(key) { entries[i].keys.append(key) }
            } else {
                entries.append(([key], word))
            }
        }
        // What goes first when the footer is too wide: what the help screen also tells.
        let droppable: [KeyHelp] = [.footerHelp, .footerSearch, .footerContents, .footerQuiz, .footerRestart, .footerPrevious,
                                    .footerPan, .footerSpeed, .footerFlow, .footerTick]
        var kept = entries.map(\.word)
        var texts = entries.map { entry in
            entry.keys.map { words.ui(.keyName($0)) }.joined(separator: " ") + " " + words.key(entry.word)
                + (entry.word == .footerSpeed ? speed.map { " (\($0))" } ?? "" : "")
        }
        func joined() -> String { texts.joined(separator: " · ") }
        while texts.count > 2, joined().unicodeScalars.count > width {
            let index = droppable.lazy.compactMap { w in kept.firstIndex(of: w) }.first ?? texts.count - 2
            texts.remove(at: index)
            kept.remove(at: index)
        }
        return joined()
    }
}
