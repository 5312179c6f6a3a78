import Course
import Facts
import Foundation
import NetSim
import Scenes
import Speech
import Testing
import Words

/// Issue "One language at a time": every hop of every flow of every bundled lesson and of
/// the seed page has a sentence in each language, and the sentence is in that language
/// (checked by small lists of words only one of the two languages uses).
@Suite struct OneLanguageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let englishOnly: Set<String> = ["the", "is", "does", "not", "and", "with", "from", "its", "which", "this", "has", "no", "to", "receives",
                                           "sends", "packet", "leaves", "becomes", "picks", "every", "through", "reply", "answers",
                                           "recognises", "resolves"]
    static let frenchOnly: Set<String> = ["le", "la", "les", "est", "du", "des", "une", "un", "aucun", "aucune", "vers", "paquet", "reçoit",
                                          "envoie", "réponse", "devient", "sur", "dans", "par", "n'a", "n'est", "répond", "à",
                                          "reconnaît", "résout"]

    static func words(_ text: String) -> [String] {
        // Names (`front-vers-comptes`, `banque/dns`) stay whole: only words count.
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "-" || $0 == "/" || $0 == "_") }).map(String.init)
    }

    /// True when the sentence reads as `language`: it has a word of that language and none of the other's.
    static func reads(_ text: String, as language: Language) -> Bool {
        let w = words(text)
        let mine = language == .fr ? frenchOnly : englishOnly, theirs = language == .fr ? englishOnly : frenchOnly
        return !w.contains(where: theirs.contains) && w.contains(where: mine.contains)
    }

    static func lessons() -> [Lesson] {
        var lessons = Curriculum.load(paths: [repository.appendingPathComponent("Lessons").path]).lessons
        let seed = repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
        if FileManager.default.fileExists(atPath: seed) { lessons.append(Lesson.load(path: seed)) }
        return lessons
    }

    @Test func everyHopOfEveryFlowSpeaksEachLanguage() {
        var hops = 0
        for lesson in Self.lessons() {
            for scene in lesson.scenes() {
                for (f, trace) in scene.scene.traces().enumerated() {
                    for (i, hop) in (trace.hops + trace.reply).enumerated() {
                        hops += 1
                        for language in Language.allCases {
                            let text = language.words.hop(hop.reason)
                            #expect(!text.isEmpty)
                            #expect(Self.reads(text, as: language), "\(lesson.file) scene \(scene.number) flow \(f + 1) hop \(i + 1) [\(language)]: \(text)")
                        }
                    }
                    for language in Language.allCases {
                        let ending = language.words.ending(trace.ending)
                        #expect(!ending.isEmpty, "\(lesson.file) scene \(scene.number) flow \(f + 1) has no ending")
                        #expect(!language.words.verdict(trace.verdict).isEmpty)
                    }
                }
            }
        }
        #expect(hops > 300, "the course's flows were walked (\(hops) hops)")
    }

    @Test func languageChoiceFollowsFlagThenLocaleThenLesson() {
        #expect(Language.choose(flag: .en, environment: ["LANG": "fr_FR.UTF-8"], lessonLanguage: "fr") == .en)
        #expect(Language.choose(flag: nil, environment: ["LANG": "fr_FR.UTF-8"], lessonLanguage: "en") == .fr)
        #expect(Language.choose(flag: nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"], lessonLanguage: "fr") == .en)
        #expect(Language.choose(flag: nil, environment: ["LANG": "C.UTF-8"], lessonLanguage: "fr") == .fr, "C names no language: the lesson's")
        #expect(Language.choose(flag: nil, environment: [:], lessonLanguage: "fr") == .fr)
        #expect(Language.choose(flag: nil, environment: ["LANG": "POSIX"], lessonLanguage: nil) == .en)
        #expect(Language.choose(flag: nil, environment: ["LC_MESSAGES": "fr_CA.UTF-8", "LANG": "C"], lessonLanguage: "en") == .fr)
    }

    @Test func diagnosticsOfTheSeedPageInFrench() throws {
        let seed = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
        guard FileManager.default.fileExists(atPath: seed) else { return }
        let lines = Lesson.load(path: seed).lint().map(French().line)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains(": attention: ") || line.contains(": erreur: "), "\(line)")
            let english: Set<String> = ["the", "is", "lost", "dropped", "warning", "error"]
            let found = Self.words(line).filter { english.contains($0) }
            #expect(found.isEmpty, "\(line)")
        }
    }

    @Test func theEngineCarriesFactsComparedByValue() throws {
        let (loaded, _) = SceneLocator.load(Self.repository.appendingPathComponent("Tests/Fixtures/scenes/shop.yaml").path)
        let scene = try #require(loaded)
        let flow = try #require(scene.flows.first)
        let trace = try #require(scene.traces().first)
        let dnat = try #require(trace.hops.first { $0.action == .dnat })
        if case .dnat(_, _, let to, _) = dnat.reason {
            #expect(dnat.after.dst.description + ":" + String(dnat.after.dstPort) == to, "the fact names the endpoint the packet now goes to")
        } else {
            Issue.record("the DNAT hop's reason is not .dnat: \(dnat.reason)")
        }
        #expect(trace.hops == Tracer(cluster: scene.cluster).trace(flow.request(seed: 0)).hops, "hops compare by value")
        #expect(English().hop(dnat.reason).hasPrefix("DNAT: destination"))
        #expect(French().hop(dnat.reason).hasPrefix("DNAT : la destination"))
    }
}
