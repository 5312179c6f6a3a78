import NetSim

/// Everything the user can ask for.
public enum Action: Equatable, Sendable {
    case next, previous, scrollDown, scrollUp, pageDown, pageUp, first, last
    case jump(Int)
    case search, searchNext, searchPrevious
    case contents, help, quit, reload, open, back
    case focusDiagram, playPause, stepForward, stepBack, faster, slower, nextFlow, restart
    case presenter, toggleCorrection, quiz
    /// A choice by number (1-9) or letter (a-i), read from the key itself.
    case choose
    case toggleChoice, submit, replay
}

/// Where the user is.
public enum ScreenKind: String, Equatable, Sendable, CaseIterable {
    case course, slide, contents, help, diagram, quiz
}

/// One row of the key table: the keys, what they do, where, and the words for help.
public struct KeyBinding: Sendable {
    public var keys: [String]
    public var action: Action
    public var screens: [ScreenKind]
    public var help: Localized
}

/// The one table that drives the keys and writes the help screen (as tig and lazygit do).
public enum KeyMap {
    static let reading: [ScreenKind] = [.slide]
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: ["Space", "→", "l", "n"], action: .next, screens: [.slide], help: Localized(fr: "diapositive suivante", en: "next slide")),
        KeyBinding(keys: ["←", "h", "p", "Backspace"], action: .previous, screens: [.slide], help: Localized(fr: "diapositive précédente", en: "previous slide")),
        KeyBinding(keys: ["Q"], action: .quiz, screens: [.slide, .course], help: Localized(fr: "quiz de la leçon", en: "quiz on the lesson")),
        KeyBinding(keys: ["1-9", "a-i"], action: .choose, screens: [.quiz], help: Localized(fr: "choisir une réponse (plusieurs réponses : cocher / décocher)", en: "pick an answer (several answers: tick / untick)")),
        KeyBinding(keys: ["Space"], action: .toggleChoice, screens: [.quiz], help: Localized(fr: "cocher / décocher la réponse sous le curseur", en: "tick / untick the answer under the cursor")),
        KeyBinding(keys: ["Enter"], action: .submit, screens: [.quiz], help: Localized(fr: "valider, puis question suivante (bilan : rouvrir une question manquée)", en: "submit, then next question (summary: reopen a missed question)")),
        KeyBinding(keys: ["v"], action: .replay, screens: [.quiz], help: Localized(fr: "revoir la trace de la question (questions du moteur)", en: "watch the question's trace again (engine questions)")),
        KeyBinding(keys: ["j", "↓"], action: .scrollDown, screens: [.slide, .help, .contents, .course, .quiz], help: Localized(fr: "descendre", en: "scroll / move down")),
        KeyBinding(keys: ["k", "↑"], action: .scrollUp, screens: [.slide, .help, .contents, .course, .quiz], help: Localized(fr: "monter", en: "scroll / move up")),
        KeyBinding(keys: ["PgDn"], action: .pageDown, screens: [.slide, .help], help: Localized(fr: "page suivante", en: "page down")),
        KeyBinding(keys: ["PgUp"], action: .pageUp, screens: [.slide, .help], help: Localized(fr: "page précédente", en: "page up")),
        KeyBinding(keys: ["gg", "Home"], action: .first, screens: [.slide], help: Localized(fr: "première diapositive", en: "first slide")),
        KeyBinding(keys: ["G", "End"], action: .last, screens: [.slide], help: Localized(fr: "dernière diapositive (12G : la 12e)", en: "last slide (12G: the 12th)")),
        KeyBinding(keys: [":"], action: .jump(0), screens: [.slide], help: Localized(fr: "aller à la diapositive n (:12)", en: "go to slide n (:12)")),
        KeyBinding(keys: ["/"], action: .search, screens: [.slide], help: Localized(fr: "chercher dans le cours", en: "search the course")),
        KeyBinding(keys: ["n"], action: .searchNext, screens: [.slide], help: Localized(fr: "résultat suivant (après une recherche)", en: "next match (after a search)")),
        KeyBinding(keys: ["N"], action: .searchPrevious, screens: [.slide], help: Localized(fr: "résultat précédent", en: "previous match")),
        KeyBinding(keys: ["t"], action: .contents, screens: [.slide, .course], help: Localized(fr: "table des matières", en: "table of contents")),
        KeyBinding(keys: ["Enter"], action: .open, screens: [.course, .contents, .slide], help: Localized(fr: "ouvrir (un diagramme : plein écran)", en: "open (a diagram: full screen)")),
        KeyBinding(keys: ["Esc"], action: .back, screens: [.contents, .help, .diagram, .course, .quiz], help: Localized(fr: "revenir", en: "go back")),
        KeyBinding(keys: ["c"], action: .toggleCorrection, screens: [.slide], help: Localized(fr: "afficher / masquer les corrections", en: "show / hide corrections")),
        KeyBinding(keys: ["Space"], action: .playPause, screens: [.diagram], help: Localized(fr: "lancer / suspendre l'animation", en: "play / pause the animation")),
        KeyBinding(keys: ["."], action: .stepForward, screens: [.diagram], help: Localized(fr: "saut suivant", en: "next hop")),
        KeyBinding(keys: [","], action: .stepBack, screens: [.diagram], help: Localized(fr: "saut précédent", en: "previous hop")),
        KeyBinding(keys: ["+"], action: .faster, screens: [.diagram], help: Localized(fr: "plus vite", en: "faster")),
        KeyBinding(keys: ["-"], action: .slower, screens: [.diagram], help: Localized(fr: "plus lentement", en: "slower")),
        KeyBinding(keys: ["Tab"], action: .nextFlow, screens: [.diagram], help: Localized(fr: "flux suivant", en: "next flow")),
        KeyBinding(keys: ["0"], action: .restart, screens: [.diagram], help: Localized(fr: "recommencer", en: "restart")),
        KeyBinding(keys: ["P"], action: .presenter, screens: [.slide, .diagram], help: Localized(fr: "mode présentateur", en: "presenter mode")),
        KeyBinding(keys: ["r"], action: .reload, screens: [.slide, .course], help: Localized(fr: "recharger le fichier", en: "reload the file")),
        KeyBinding(keys: ["?"], action: .help, screens: ScreenKind.allCases, help: Localized(fr: "cette aide", en: "this help")),
        KeyBinding(keys: ["q", "Ctrl-C"], action: .quit, screens: ScreenKind.allCases, help: Localized(fr: "quitter", en: "quit")),
    ]

    /// The action a key name gives on a screen (the first binding that has it wins).
    public static func action(for key: String, on screen: ScreenKind) -> Action? {
        bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    /// The help screen's lines, generated from the table.
    public static func helpLines(_ language: Language) -> [String] {
        var lines: [String] = []
        let groups: [(ScreenKind, Localized)] = [
            (.slide, Localized(fr: "Lecture", en: "Reading")), (.diagram, Localized(fr: "Diagramme", en: "Diagram")),
            (.course, Localized(fr: "Cours", en: "Course")), (.quiz, Localized(fr: "Quiz", en: "Quiz")),
        ]
        var shown = Set<String>()
        for (screen, title) in groups {
            lines.append(title.text(language))
            for b in bindings where b.screens.contains(screen) {
                let id = b.keys.joined() + "\(b.action)"
                guard shown.insert(id + screen.rawValue).inserted else { continue }
                let keys = b.keys.joined(separator: " ")
                lines.append("  " + keys + String(repeating: " ", count: max(1, 22 - keys.count)) + b.help.text(language))
            }
            lines.append("")
        }
        return lines
    }
}
