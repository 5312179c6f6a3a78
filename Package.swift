// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "reseau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reseau", targets: ["reseau"]),
        .executable(name: "reseau-bench", targets: ["reseau-bench"]),
        .executable(name: "reseau-fuzz", targets: ["reseau-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // cmark-gfm: the CommonMark reference parser with GitHub's table,
        // strikethrough, autolink and task-list extensions (see docs/decisions.md).
        .systemLibrary(
            name: "CCmark",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Canvas", dependencies: ["Facts"]),
        // ncursesw: the only C is shim.h (macros as functions, signal handlers, a run of cells).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "Canvas", "Facts"]),
        .target(name: "Tutor", dependencies: ["Canvas", "Drawing", "Course", "Mermaid", "NetSim", "Scenes", "Quiz", "Memory", "Words"]),
        // Spaced repetition (FSRS-6) and the progress file: FoundationEssentials and Facts (its JSON values), no terminal.
        .target(name: "Memory", dependencies: ["Facts"]),
        // Questions from lessons, tables and the engine; a round's state.
        .target(name: "Quiz", dependencies: ["Course", "NetSim", "Scenes", "Memory", "Words"]),
        .target(name: "Drawing", dependencies: ["Canvas", "Course", "Facts", "Mermaid", "NetSim", "Scenes", "Words"]),
        // What the engine and the loader state, without words: diagnostics and their
        // problems, a trace's ending. No dependency.
        .target(name: "Facts"),
        // Every sentence the program says, one catalog per language (see docs/decisions.md).
        .target(name: "Words", dependencies: ["Facts", "NetSim", "Course", "Mermaid", "Memory"]),
        .target(name: "NetSim", dependencies: ["Facts", .product(name: "Crypto", package: "swift-crypto")]),
        // libyaml, the YAML 1.1 reference parser in C (see docs/decisions.md).
        .systemLibrary(name: "CYaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Every YAML reader's composer (libyaml's events into nodes) and its alias-bomb guard.
        .target(name: "YAMLGuard", dependencies: ["CYaml", "Facts"]),
        .target(name: "Mermaid", dependencies: ["Facts", "YAMLGuard"]),
        .target(
            name: "Course",
            dependencies: ["CCmark", "Facts", "Mermaid", "YAMLGuard"]
        ),
        // Lessons' scenes: manifests and cluster diagrams read into NetSim's clusters, flows checked.
        .target(
            name: "Scenes",
            dependencies: ["Course", "Facts", "Mermaid", "NetSim", "YAMLGuard"]
        ),
        .executableTarget(
            name: "reseau",
            dependencies: [
                "Course",
                "Mermaid",
                "NetSim",
                "Scenes",
                "Words",
                "Drawing",
                "Canvas",
                "Tutor",
                "CursesTerminal",
                "Quiz",
                "Memory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reseau-bench", dependencies: ["Course", "CCmark", "Mermaid", "NetSim", "Scenes", "Drawing", "Words"]),
        // The fuzz targets (`make fuzz`) and the functions the regression tests replay.
        .target(name: "FuzzTargets", dependencies: ["Course", "Mermaid", "NetSim", "Scenes", "Drawing", "Canvas", "Words"]),
        .target(name: "CFuzzer"),
        .executableTarget(name: "reseau-fuzz", dependencies: ["FuzzTargets", "CFuzzer"]),
        // What tests read: facts in English and French, for assertions on what people see.
        .target(name: "Speech", dependencies: ["Facts", "Mermaid", "NetSim", "Words"], path: "Tests/Support"),
        .testTarget(name: "CourseTests", dependencies: ["Course", "Mermaid", "Scenes", "Words", "Speech", "YAMLGuard"]),
        .testTarget(name: "MermaidTests", dependencies: ["Mermaid", "Words", "Speech"]),
        .testTarget(name: "NetSimTests", dependencies: ["NetSim", "Words", "Speech"]),
        .testTarget(name: "WordsTests", dependencies: ["Words", "NetSim", "Course", "Scenes", "Facts", "Speech", "Canvas", "Mermaid"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas", "CursesTerminal", "Drawing", "Course"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Canvas", "Course", "NetSim", "Scenes", "Words", "Speech"]),
        .testTarget(name: "DrawingTests", dependencies: ["Drawing", "Canvas", "Course", "Mermaid", "NetSim", "Scenes", "Words", "Speech"]),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Memory", "Course", "NetSim", "Scenes", "Words", "Speech"]),
        .testTarget(name: "ReseauCommandTests", dependencies: ["reseau", "Memory", "Quiz", "Course", "Speech", "Canvas"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "Speech"]),
    ]
)

// `make fuzz` (scripts/fuzz.sh) sets RESEAU_FUZZ to the path of libFuzzer's runtime without
// its main: the code the fuzz targets reach is compiled with coverage (-sanitize=fuzzer at
// compile time only), and reseau-fuzz links that runtime and calls its driver from its own
// main. SwiftPM's --defsym main=… rules out linking with -sanitize=fuzzer, whose runtime
// brings a main of its own. A normal build never sees any of this.
if let runtime = ProcessInfo.processInfo.environment["RESEAU_FUZZ"], !runtime.isEmpty {
    let covered: Set<String> = ["Canvas", "Course", "Drawing", "Facts", "Mermaid", "NetSim", "Scenes", "Words", "YAMLGuard", "FuzzTargets", "reseau-fuzz"]
    for target in package.targets where covered.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"]), .define("FUZZING")]
    }
    for target in package.targets where target.name == "reseau-fuzz" {
        target.linkerSettings = [.unsafeFlags([runtime, "-lstdc++"])]
    }
}
