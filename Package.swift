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
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // cmark-gfm: the CommonMark reference parser with GitHub's table,
        // strikethrough, autolink and task-list extensions (see docs/decisions.md).
        .systemLibrary(
            name: "CCmark",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Canvas"),
        // ncursesw: the only C is shim.h (macros as functions, signal handlers).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "Canvas"]),
        .target(name: "Tutor", dependencies: ["Canvas", "Drawing", "Course", "Mermaid", "NetSim", "Quiz", "Memory"]),
        // Spaced repetition (FSRS-6) and the progress file: Foundation only, no terminal.
        .target(name: "Memory"),
        // Questions from lessons, tables and the engine; a round's state.
        .target(name: "Quiz", dependencies: ["Course", "NetSim", "Memory"]),
        .target(name: "Drawing", dependencies: ["Canvas", "Course", "Mermaid", "NetSim"]),
        .target(name: "NetSim", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Mermaid", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "Course",
            dependencies: ["CCmark", "Mermaid", "NetSim", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "reseau",
            dependencies: [
                "Course",
                "Mermaid",
                "NetSim",
                "Drawing",
                "Canvas",
                "Tutor",
                "CursesTerminal",
                "Quiz",
                "Memory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "reseau-bench", dependencies: ["Course", "CCmark", "Mermaid", "NetSim", "Drawing"]),
        // The fuzz targets (`make fuzz`) and the functions the regression tests replay.
        .target(name: "FuzzTargets", dependencies: ["Course", "Mermaid", "NetSim", "Drawing", "Canvas"]),
        .target(name: "CFuzzer"),
        .executableTarget(name: "reseau-fuzz", dependencies: ["FuzzTargets", "CFuzzer"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "Mermaid"]),
        .testTarget(name: "MermaidTests", dependencies: ["Mermaid"]),
        .testTarget(name: "NetSimTests", dependencies: ["NetSim"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Canvas", "Course", "NetSim"]),
        .testTarget(name: "DrawingTests", dependencies: ["Drawing", "Canvas", "Course", "Mermaid", "NetSim"]),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Memory", "Course", "NetSim"]),
        .testTarget(name: "ReseauCommandTests", dependencies: ["reseau", "Memory", "Quiz"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"]),
    ]
)

// `make fuzz` (scripts/fuzz.sh) sets RESEAU_FUZZ to the path of libFuzzer's runtime without
// its main: the code the fuzz targets reach is compiled with coverage (-sanitize=fuzzer at
// compile time only), and reseau-fuzz links that runtime and calls its driver from its own
// main. SwiftPM's --defsym main=… rules out linking with -sanitize=fuzzer, whose runtime
// brings a main of its own. A normal build never sees any of this.
if let runtime = ProcessInfo.processInfo.environment["RESEAU_FUZZ"], !runtime.isEmpty {
    let covered: Set<String> = ["Canvas", "Course", "Drawing", "Mermaid", "NetSim", "FuzzTargets", "reseau-fuzz"]
    for target in package.targets where covered.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"]), .define("FUZZING")]
    }
    for target in package.targets where target.name == "reseau-fuzz" {
        target.linkerSettings = [.unsafeFlags([runtime, "-lstdc++"])]
    }
}
