import Course
import Foundation
import Speech
import Testing
import Words
@testable import Tutor

/// Issue "The course author's loop": saving the lesson while a diagram plays keeps the
/// diagram, the flow and the hop.
@Suite struct ReloadTests {
    @Test func aSaveWhileADiagramPlaysKeepsTheDiagramAndTheHop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reseau-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("04.md").path
        let original = try String(contentsOfFile: TutorFixtures.repository.appendingPathComponent("Lessons/04-clusterip.md").path, encoding: .utf8)
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        var state = TutorFixtures.app([path], width: 120, height: 40, language: .fr)
        TutorFixtures.press(&state, "Space", "Enter", ".", ".", ".")
        #expect(state.screen == .diagram)
        #expect(state.player?.hop == 3)
        let slide = state.current
        // The author adds a sentence to the last slide and saves.
        try (original + "\nUne phrase de plus.\n").write(toFile: path, atomically: true, encoding: .utf8)
        state.reload(Curriculum.load(paths: [path]))
        #expect(state.screen == .diagram, "the diagram stays open")
        #expect(state.current == slide)
        #expect(state.player?.hop == 3, "at the same hop")
        #expect(TutorFixtures.screen(state).contains { $0.contains("4/10") })
        #expect(state.message == .reloaded)
    }
}
