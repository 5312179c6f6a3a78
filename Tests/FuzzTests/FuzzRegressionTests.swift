import Speech
import Words
import Foundation
import Testing
@testable import FuzzTargets

/// Every input a fuzz target ever stopped on (`Tests/Fixtures/fuzz/TARGET/`), replayed through
/// the same target: none may stop it again. A new crash from `make fuzz` is added here first.
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static var inputs: [(String, String)] {
        FuzzTargets.names.flatMap { target -> [(String, String)] in
            let dir = folder.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return files.sorted().map { (target, dir.appendingPathComponent($0).path) }
        }
    }

    @Test func thereAreSavedInputs() {
        #expect(Self.inputs.count >= 3)
    }

    @Test(arguments: inputs.map { "\($0.0) \($0.1)" })
    func savedInputRunsThrough(_ input: String) throws {
        let parts = input.split(separator: " ", maxSplits: 1).map(String.init)
        let data = try #require(FileManager.default.contents(atPath: parts[1]))
        #expect(FuzzTargets.run(parts[0], [UInt8](data)))
    }

    /// A broken property stops the program, which is how libFuzzer keeps the input.
    @Test func aBrokenPropertyStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            FuzzTargets.check(false, "on purpose")
        }
    }

    /// The properties hold the code to what a reader must never see.
    @Test func aControlCharacterNeverReachesADrawing() {
        #expect(FuzzTargets.hasControl("a\u{1B}[31m"))
        #expect(FuzzTargets.hasControl("a\u{85}"))
        #expect(!FuzzTargets.hasControl("Réseau\t🌐"))
    }
}
