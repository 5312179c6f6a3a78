import Foundation
import Speech
import Testing
import Words
@testable import Memory

/// Issue "Never lose progress": a progress file that exists but cannot be read stops the
/// save with a message and is left alone; only a missing file is "no progress".
@Suite struct UnreadableProgressTests {
    let state = ProgressFixtures.state

    func folder() throws -> String { try ProgressFixtures.folder("unreadable") }

    @Test func aFolderInThePlaceOfTheFileIsNotReplaced() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(directory: dir)
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
        try "keep".write(toFile: store.path + "/inside", atomically: true, encoding: .utf8)
        #expect(throws: ProgressStore.StoreError.cannotRead(store.path, why: "Is a directory")) { try store.update { $0.cards["l/q1"] = state } }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: store.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(FileManager.default.fileExists(atPath: store.path + "/inside"), "what was there is still there")
        #expect(English().ui(.storeFailure(.cannotRead(store.path, why: "Is a directory"))).hasSuffix("cannot read it (Is a directory); nothing is saved over it"))
    }

    @Test func aFIFOInThePlaceOfTheFileNeitherHangsNorIsReplaced() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(directory: dir)
        #expect(mkfifo(store.path, 0o600) == 0)
        #expect(throws: ProgressStore.StoreError.self) { try store.update { $0.cards["l/q1"] = state } }
        var info = stat()
        #expect(lstat(store.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still there")
    }

    @Test func onlyAMissingFileIsNoProgress() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ProgressStore(directory: dir)
        #expect(try store.load().cards.isEmpty)
        try store.update { $0.cards["l/q1"] = state }
        #expect(try store.load().cards.count == 1)
    }
}
