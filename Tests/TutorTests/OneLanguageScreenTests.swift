import Course
import Foundation
import NetSim
import Speech
import Testing
import Words
@testable import Tutor

/// Issue "One language at a time", as a student sees it: every screen of the bundled course
/// (each slide, each diagram at each hop with its inspector, the help, a quiz question) says
/// nothing in the other language. The rule text kube-proxy writes (its own comments are
/// English) is excused: it is the Node's, not ours.
@Suite struct OneLanguageScreenTests {
    /// Words only English says, and that the French course and our French never use.
    static let english: Set<String> = ["the", "is", "does", "which", "receives", "sends", "packet", "quit", "help", "previous",
                                       "next", "before", "after", "search", "flow", "delivered", "dropped", "rejected", "ready",
                                       "hop", "speed", "back", "open", "contents", "play", "answer", "right", "wrong"]
    /// Words only French says, and that our English never uses.
    static let french: Set<String> = ["le", "la", "les", "est", "du", "des", "une", "vers", "paquet", "quitter", "aide", "suivante",
                                      "précédente", "sommaire", "chercher", "flux", "remis", "jeté", "rejeté", "saut", "revenir",
                                      "vitesse", "ouvrir", "avant", "après", "réponse", "juste", "faux"]

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") }).map(String.init))
    }

    /// The other language's words on `screen`, but for those of `excused` (rule text, lesson content).
    static func strays(_ screen: [String], language: Language, excused: Set<String> = []) -> Set<String> {
        words(screen.joined(separator: "\n")).intersection(language == .fr ? english : french).subtracting(excused)
    }

    static func ruleWords(_ player: DiagramPlayer?) -> Set<String> {
        guard let hop = player?.currentHop, let rule = hop.rule else { return [] }
        return words(English().rule(rule))
    }

    /// What the author wrote and a screen shows as written: the slide's text, a diagram's labels.
    static func authored(_ state: AppState) -> Set<String> {
        var text = state.currentSlide.map { Screens.renderer(state).render($0.slide).map(\.text).joined(separator: " ") } ?? ""
        if let chart = state.player?.chart {
            text += " " + (chart.title ?? "") + " " + chart.nodes.map(\.label).joined(separator: " ") + " "
                + chart.edges.map(\.label).joined(separator: " ") + " " + chart.subgraphs.map(\.title).joined(separator: " ")
        }
        for lesson in state.lessons { text += " " + lesson.title }
        return words(text)
    }

    @Test(arguments: Language.allCases) func theBundledCourseSpeaksOneLanguage(_ language: Language) {
        let paths = [TutorFixtures.repository.appendingPathComponent("Lessons").path]
        var state = TutorFixtures.app(paths, width: 120, height: 40, language: language)
        var screens = 0
        TutorFixtures.press(&state, "Enter")
        for _ in 0..<state.slides.count {
            let slide = TutorFixtures.screen(state)
            screens += 1
            #expect(Self.strays(slide, language: language, excused: Self.authored(state)).isEmpty,
                    "slide \(state.current + 1) [\(language)]: \(Self.strays(slide, language: language, excused: Self.authored(state)))")
            if state.currentSlide?.slide.allBlocks.contains(where: \.isPlayable) == true {
                TutorFixtures.press(&state, "Enter")
                if state.screen == .diagram, let player = state.player {
                    for _ in 0..<max(1, player.hops.count) {
                        let screen = TutorFixtures.screen(state)
                        screens += 1
                        let excused = Self.ruleWords(state.player).union(Self.authored(state))
                        #expect(Self.strays(screen, language: language, excused: excused).isEmpty,
                                "slide \(state.current + 1) hop \((state.player?.hop ?? 0) + 1) [\(language)]: \(Self.strays(screen, language: language, excused: excused))\n\(screen.joined(separator: "\n"))")
                        TutorFixtures.press(&state, ".")
                    }
                    TutorFixtures.press(&state, "Esc")
                }
            }
            TutorFixtures.press(&state, "Space")
        }
        TutorFixtures.press(&state, "?")
        let help = TutorFixtures.screen(state)
        #expect(Self.strays(help, language: language).isEmpty, "help [\(language)]: \(Self.strays(help, language: language))")
        TutorFixtures.press(&state, "Esc", "Q")
        #expect(state.screen == .quiz)
        // A question's words are the author's (a quiz block); the screen around them is ours.
        func questionWords() -> Set<String> {
            guard let item = state.quiz?.current else { return [] }
            return Self.words(([item.prompt] + item.choices + [item.explanation].compactMap { $0 }).map { $0.text(language) }.joined(separator: " "))
        }
        let quiz = TutorFixtures.screen(state)
        #expect(Self.strays(quiz, language: language, excused: questionWords()).isEmpty, "quiz [\(language)]: \(Self.strays(quiz, language: language, excused: questionWords()))")
        TutorFixtures.press(&state, "1", "Enter")
        let answered = TutorFixtures.screen(state)
        #expect(Self.strays(answered, language: language, excused: questionWords()).isEmpty, "answered quiz [\(language)]: \(Self.strays(answered, language: language, excused: questionWords()))")
        #expect(screens > 100, "\(screens) screens read")
    }
}
