import Course
import Testing
@testable import Tutor

/// The lab view (#21): Enter on a lab's slide, the goals above the student's cluster, checked
/// again when the folder changes.
struct LabViewTests {
    static let lesson = TutorFixtures.fixture("lab.md")

    static func opened() throws -> AppState {
        var s = TutorFixtures.app([Self.lesson], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "Enter")
        let request = try #require(s.labRequest, "Enter on a lab's slide asks for its folder")
        #expect(request.folder == "reseau-lab-lab-1" && request.number == 1)
        let lab = try #require(s.lessons[0].labs[0].lab)
        s.openLab(request, files: lab.files.map { Lab.File(name: $0.name, text: $0.text, line: 1) })
        return s
    }

    @Test func enterOpensTheGoalsAboveTheDrawing() throws {
        let s = try Self.opened()
        #expect(s.screen == .diagram)
        let screen = TutorFixtures.screen(s)
        #expect(screen[0].contains("labo · Le sélecteur"))
        #expect(screen[1].contains("labo · Le sélecteur de web — 1/3 objectifs atteints"), "\(screen[1])")
        #expect(screen.contains { $0.contains("✗ 1. le Service web a 1 endpoint prêt — il n'en a aucun") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("✓ 3. depuis client") })
        #expect(screen.contains { $0.contains("problème dans vos fichiers") }, "the student's YAML problems are shown")
        #expect(screen.last?.contains("H indice") == true && screen.last?.contains("c correction") == true)
        #expect(screen.contains { $0.contains("flux 1/1 : client → http://web/") }, "the flow goal plays as a flow")
    }

    @Test func aSaveThatFixesTheFileTurnsTheGoalsGreenAndRecordsThePass() throws {
        var s = try Self.opened()
        let fixed = try #require(s.lessons[0].labs[0].lab?.correction)
        s.refreshLab(files: fixed.map { Lab.File(name: $0.name, text: $0.text, line: 1) })
        let screen = TutorFixtures.screen(s)
        #expect(screen.contains { $0.contains("Tous les objectifs sont atteints") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("✓ 1. le Service web a 1 endpoint prêt") })
        #expect(s.pendingLabPassed == "lab#1")
    }

    @Test func hintsComeOneAtATimeAndTheCorrectionWhenAskedAndEscapeGoesBack() throws {
        var s = try Self.opened()
        TutorFixtures.press(&s, "H")
        var screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(screen.contains("Indice 1/1 : Le sélecteur doit reprendre les labels des Pods."))
        TutorFixtures.press(&s, "c")
        screen = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(screen.contains("Correction") && screen.contains("selector: {app: web}"), "\(screen)")
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide && s.labSession == nil)
    }

    /// A resize keeps the lab: its cluster drawn again at the new width, its goals above.
    @Test func aResizeKeepsTheLabOpen() throws {
        var s = try Self.opened()
        s.resize(width: 120, height: 40)
        let screen = TutorFixtures.screen(s)
        #expect(s.labSession != nil && s.screen == .diagram)
        #expect(screen[1].contains("labo · Le sélecteur de web — 1/3 objectifs atteints"))
        #expect(s.player?.flowTargets == ["http://web/"])
        TutorFixtures.press(&s, "d")
        #expect(s.labSession != nil, "d does not leave the lab for another diagram")
    }
}
