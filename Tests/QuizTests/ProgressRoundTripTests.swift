import Foundation
import Speech
import Testing
import Words
@testable import Memory

/// The audit's data-loss findings on the progress file: nothing this version does not know
/// is dropped, one bad card does not cost the others, links are written through.
@Suite struct ProgressRoundTripTests {
    let state = ProgressFixtures.state

    func store() throws -> ProgressStore { ProgressStore(directory: try ProgressFixtures.folder("roundtrip")) }

    func json(_ store: ProgressStore) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.path))) as! [String: Any]
    }

    @Test func unknownFieldsSurviveASave() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try """
        {"version": 1, "settings": {"theme": "light"}, "cards": {"l/q1": {"stability": 3, "difficulty": 5, "lastReview": 0,
         "due": 86400, "reps": 1, "lapses": 0, "lesson": "l", "notes": "mine"}}}
        """.write(toFile: store.path, atomically: true, encoding: .utf8)
        try store.update { $0.cards["l/q2"] = state }
        let saved = try json(store)
        #expect((saved["settings"] as? [String: Any])?["theme"] as? String == "light", "a top-level key of a newer version")
        let cards = try #require(saved["cards"] as? [String: [String: Any]])
        #expect(cards["l/q1"]?["notes"] as? String == "mine", "a card's unknown field")
        #expect(cards["l/q2"] != nil)
    }

    @Test func aNewerVersionIsReadButNeverWrittenOver() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let newer = "{\"version\": 2, \"cards\": {}}"
        try newer.write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(throws: ProgressStore.StoreError.newerVersion(store.path, version: 2)) { try store.update { $0.cards["l/q1"] = state } }
        #expect(try String(contentsOfFile: store.path, encoding: .utf8) == newer)
        #expect(French().ui(.storeFailure(.newerVersion(store.path, version: 2))).contains("écrit par un reseau plus récent"))
    }

    @Test func oneBadCardIsSetAsideAlone() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try """
        {"version": 1, "cards": {"l/bad": {"stability": "high"}, "l/q1": {"stability": 3, "difficulty": 5, "lastReview": 0,
         "due": 86400, "reps": 1, "lapses": 0, "lesson": "l"}}}
        """.write(toFile: store.path, atomically: true, encoding: .utf8)
        let progress = try store.load()
        #expect(progress.cards.keys.sorted() == ["l/q1"], "the good card is read")
        #expect(progress.setAside.keys.sorted() == ["l/bad"])
        #expect(store.notices.contains(.cardsSetAside(path: store.path, ids: ["l/bad"])))
        try store.update { $0.cards["l/q2"] = state }
        let cards = try #require(try json(store)["cards"] as? [String: [String: Any]])
        #expect(cards["l/bad"]?["stability"] as? String == "high", "kept as it was")
        #expect(Set(cards.keys) == ["l/bad", "l/q1", "l/q2"])
        #expect(!FileManager.default.fileExists(atPath: store.path + ".damaged"), "the file was not set aside whole")
    }

    @Test func aLinkedFileIsWrittenThroughItsLink() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let elsewhere = store.directory + "/sync"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: store.path, withDestinationPath: elsewhere + "/progress.json")
        try store.update { $0.cards["l/q1"] = state }
        try store.update { $0.cards["l/q2"] = state }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: store.path)) == elsewhere + "/progress.json", "the link stays")
        #expect(try store.load().cards.count == 2)
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/progress.json"))
    }

    @Test func aLinkedLockIsNotFollowed() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        let trap = store.directory + "/elsewhere.lock"
        try FileManager.default.createSymbolicLink(atPath: store.directory + "/progress.lock", withDestinationPath: trap)
        #expect(throws: ProgressStore.StoreError.self) { try store.update { $0.cards["l/q1"] = state } }
        #expect(!FileManager.default.fileExists(atPath: trap), "no file made through the link")
    }
}

/// Reading progress (#16): the slides read per lesson and the last one live in the same
/// file as the answers, saved the same way.
@Suite struct ReadingProgressTests {
    func store() throws -> ProgressStore { ProgressStore(directory: try ProgressFixtures.folder("reading")) }

    @Test func theSlidesReadAndTheLastOneAreSavedWithTheCards() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try store.update { $0.cards["l/q1"] = ProgressFixtures.state }
        try store.update { p in p.reading["02-dns"] = LessonReading(read: [1, 2], last: 2, at: 10).reading(4, at: 20) }
        let read = try store.load()
        #expect(read.reading["02-dns"] == LessonReading(read: [1, 2, 4], last: 4, at: 20))
        #expect(read.cards["l/q1"] != nil, "the answers are still there")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.path))) as! [String: Any]
        #expect(((json["reading"] as? [String: Any])?["02-dns"] as? [String: Any])?["last"] as? Int == 4)
    }

    @Test func aReadingOfAnotherShapeIsKeptAsItWas() throws {
        let store = try store()
        defer { try? FileManager.default.removeItem(atPath: store.directory) }
        try "{\"version\": 1, \"reading\": [\"not\", \"ours\"], \"cards\": {}}".write(toFile: store.path, atomically: true, encoding: .utf8)
        try store.update { $0.cards["l/q1"] = ProgressFixtures.state }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store.path))) as! [String: Any]
        #expect(json["reading"] as? [String] == ["not", "ours"])
    }
}
