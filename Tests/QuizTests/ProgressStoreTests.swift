import Speech
import Words
import Foundation
import Testing
@testable import Memory

struct ProgressStoreTests {
    func temporaryDirectory() throws -> String { try ProgressFixtures.folder("progress") }

    let state = ProgressFixtures.state

    @Test func xdgDataHomeDecidesWhereProgressLives() {
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/reseau")
        #expect(ProgressStore.defaultDirectory(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/reseau")
        // The spec: a relative XDG_DATA_HOME is invalid and ignored.
        #expect(ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"]) == "/home/a/.local/share/reseau")
    }

    @Test func updatesAreSavedAndReadBack() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(directory: dir + "/nested/reseau")
        #expect(try store.load().cards.isEmpty)
        try store.update { $0.cards["l/q1"] = state }
        try store.update { $0.cards["l/q2"] = state }
        #expect(try ProgressStore(directory: store.directory).load().cards.keys.sorted() == ["l/q1", "l/q2"])
    }

    @Test func aDamagedFileIsKeptAsideWithAMessage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(directory: dir)
        try Data("{\"version\":1,\"cards\":{\"l/q1\":{\"stab".utf8).write(to: URL(fileURLWithPath: store.path))
        // Reading alone does not move it; the message says what will happen.
        #expect(try store.load().cards.isEmpty)
        #expect(store.notices.last.map { English().ui(.progressNotice($0)) }?.contains("damaged") == true)
        try store.update { $0.cards["l/q2"] = state }
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("progress.json.damaged-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOfFile: dir + "/" + aside[0], encoding: .utf8).hasPrefix("{\"version\":1,\"cards\":{\"l/q1\""))
        #expect(store.notices.last.map { English().ui(.progressNotice($0)) }?.contains("kept as") == true)
        #expect(store.notices.last.map { French().ui(.progressNotice($0)) }?.contains("gardé sous") == true)
        #expect(try store.load().cards.keys.sorted() == ["l/q2"])
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Two stores on one directory stand for two processes: each applies its change to
        // the latest file under the lock (flock locks belong to open file descriptions).
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = ProgressStore(directory: dir)
                    for i in 0..<50 { try? store.update { $0.cards["w\(writer)/q\(i)"] = self.state } }
                }
            }
        }
        #expect(try ProgressStore(directory: dir).load().cards.count == 100)
    }
}
