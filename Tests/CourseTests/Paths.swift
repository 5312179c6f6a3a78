import Speech
import Words
import Foundation

/// Where the tests find their inputs: the project's fixtures, and `../shared` beside the
/// checkout (absent on a user's fresh clone: tests that need it are skipped with a reason).
enum Paths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("Tests/Fixtures/lessons").appendingPathComponent(name).path
    }

    static let shared: URL = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static let seedPage = shared.appendingPathComponent("course/reseau.md").path
    static let corpusCourse = shared.appendingPathComponent("corpus/course").path

    static var hasShared: Bool { FileManager.default.fileExists(atPath: seedPage) }
    static let sharedMissing: Comment = "../shared is absent (a fresh clone): the seed page and corpus tests are skipped"
}

import Testing
