// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reseau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reseau", targets: ["reseau"]),
        .executable(name: "reseau-bench", targets: ["reseau-bench"]),
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
        .testTarget(name: "CourseTests", dependencies: ["Course", "Mermaid"]),
        .testTarget(name: "MermaidTests", dependencies: ["Mermaid"]),
        .testTarget(name: "NetSimTests", dependencies: ["NetSim"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Canvas", "Course", "NetSim"]),
        .testTarget(name: "DrawingTests", dependencies: ["Drawing", "Canvas", "Course", "Mermaid", "NetSim"]),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Memory", "Course", "NetSim"]),
        .testTarget(name: "ReseauCommandTests", dependencies: ["reseau", "Memory"]),
    ]
)
