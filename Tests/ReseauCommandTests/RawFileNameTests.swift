import Foundation
import Testing

/// A file or folder whose name is not UTF-8 (an old Latin-1 archive, `le\xe7on.md`): reseau
/// opens it by its bytes (#20: it said "no such file or folder" for a file that exists).
struct RawFileNameTests {
    /// Runs `reseau ARGUMENTS` in `folder` through sh, so that printf writes the raw bytes.
    func reseau(in folder: String, _ arguments: String) throws -> (status: Int32, out: String, err: String) {
        let child = try Child("/bin/sh", ["-c", "exec \"$0\" " + arguments, CommandTests.executable.path],
                              environment: CommandTests.environment(["LANG": "C.UTF-8"]), directory: folder)
        defer { child.clean() }
        let exit = child.wait()
        return (exit.status, child.out, child.err)
    }

    @Test func aLessonAndAFolderNamedInLatin1AreRead() throws {
        let folder = NSTemporaryDirectory() + "reseau-raw-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lesson = Array("---\ntitle: Les trois réseaux\n---\n# Pods\n\ntexte\n".utf8)
        // le\xe7on.md and dossier\xff/autre.md, created by their bytes.
        func create(_ bytes: [UInt8]) {
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + bytes + [0]
            let fd = path.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { open($0, O_WRONLY | O_CREAT, 0o600) } }
            _ = lesson.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        create(Array("le".utf8) + [0xE7] + Array("on.md".utf8))
        let sub = Array(folder.utf8) + [UInt8(ascii: "/")] + Array("dossier".utf8) + [0xFF, 0]
        _ = sub.withUnsafeBufferPointer { p in p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { mkdir($0, 0o700) } }
        create(Array("dossier".utf8) + [0xFF] + Array("/autre.md".utf8))

        let one = try reseau(in: folder, "outline --lang en \"$(printf 'le\\347on.md')\"")
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.hasPrefix("Les trois réseaux — le\u{FFFD}on.md — 1 slide"), "\(one.out)")
        let inFolder = try reseau(in: folder, "lint \"$(printf 'dossier\\377')\"")
        #expect(inFolder.status == 0 && inFolder.err.isEmpty, "\(inFolder.err)")
        let all = try reseau(in: folder, "outline --lang en .")
        #expect(all.out.contains("./dossier\u{FFFD}/autre.md — 1 slide"), "\(all.out)")
        #expect(all.out.contains("./le\u{FFFD}on.md — 1 slide"), "\(all.out)")
    }
}
