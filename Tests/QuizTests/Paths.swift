import Speech
import Words
import Foundation
import Testing
@testable import Memory

/// The project's fixtures, and `../shared` beside the checkout (absent on a fresh clone).
enum Paths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedPage = repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
    static var hasShared: Bool { FileManager.default.fileExists(atPath: seedPage) }
    static let sharedMissing: Comment = "../shared is absent (a fresh clone): the seed page tests are skipped"
}

/// What the progress-file suites share: a card with a review behind it, and an empty folder.
enum ProgressFixtures {
    static let state = MemoryState(stability: 3, difficulty: 5, lastReview: 0, due: 86_400, reps: 1, lapses: 0, lesson: "l")

    /// A new empty folder under the temporary directory, named `reseau-NAME-UUID`.
    static func folder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "reseau-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
