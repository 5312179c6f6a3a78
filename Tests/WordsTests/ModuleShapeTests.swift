import Foundation
import Testing

/// The shape issue "One language at a time" asks for, checked on the sources: the loader
/// never imports the engine, and the engine writes no sentence of its own.
@Suite struct ModuleShapeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func files(_ module: String) throws -> [(String, String)] {
        let folder = sources.appendingPathComponent(module)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func theLoaderDoesNotImportTheEngine() throws {
        for (name, text) in try Self.files("Course") {
            #expect(!text.contains("import NetSim"), "Course/\(name) imports NetSim")
            #expect(!text.contains("import Words"), "Course/\(name) imports the catalogs")
        }
    }

    @Test func theEngineKnowsNoLanguage() throws {
        for (name, text) in try Self.files("NetSim") {
            #expect(!text.contains("Localized") && !text.contains("Language"), "NetSim/\(name) names a language")
            // French sentences carry accents or « »; English ones `the`/`is` between quotes.
            // kube-proxy's own rule comments (`--comment "… has no endpoints"`) are its words, not ours.
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && !line.contains("--comment") {
                for quoted in line.split(separator: "\"").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                    let words = quoted.lowercased().split(separator: " ")
                    #expect(!(words.contains("the") || words.contains("is") || quoted.contains("é") || quoted.contains("è")),
                            "NetSim/\(name): \"\(quoted)\"")
                }
            }
        }
    }
}
