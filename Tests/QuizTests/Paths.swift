import Speech
import Words
import Foundation
import Testing

/// The project's fixtures, and `../shared` beside the checkout (absent on a fresh clone).
enum Paths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedPage = repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
    static var hasShared: Bool { FileManager.default.fileExists(atPath: seedPage) }
    static let sharedMissing: Comment = "../shared is absent (a fresh clone): the seed page tests are skipped"
}
