import Facts
import Course
import FoundationEssentials
import NetSim

/// Finds the scene a command names: a YAML file, or `LESSON.md#N` (the N-th scene of a
/// lesson, 1-based; `LESSON.md` alone when it has exactly one).
public enum SceneLocator {
    public static func load(_ spec: String) -> (Scene?, [Diagnostic]) {
        var path = spec
        var number: Int?
        if let hash = spec.lastIndex(of: "#"), let n = Int(spec[spec.index(after: hash)...]) {
            path = String(spec[..<hash])
            number = n
        }
        let ext = Paths.pathExtension(path).lowercased()
        if ext == "md" || ext == "markdown" {
            let lesson = Lesson.load(path: path)
            let scenes = lesson.scenes()
            let errors = (lesson.diagnostics + lesson.diagramDiagnostics).filter { $0.severity == .error }
            guard !scenes.isEmpty else {
                return (nil, errors + [.wholeFile(path, severity: .error, message: .scene(.noSceneInLesson))])
            }
            guard let n = number ?? (scenes.count == 1 ? 1 : nil) else {
                let list = scenes.map { SceneListing(number: $0.number, line: $0.line, name: $0.scene.name) }
                return (nil, [.wholeFile(path, severity: .error, message: .scene(.severalScenes(path: path, scenes: list)))])
            }
            guard scenes.indices.contains(n - 1) else {
                return (nil, [.wholeFile(path, severity: .error, message: .scene(.noSuchScene(number: n, count: scenes.count)))])
            }
            let scene = scenes[n - 1].scene
            return (scene, scene.diagnostics)
        }
        let bytes: [UInt8]
        switch InputFile.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            return (nil, [.wholeFile(path, severity: .error, message: .loader(failure.problem))])
        }
        let decoded = SourceDecoder.decode(bytes, file: path)
        guard let text = decoded.text else { return (nil, decoded.diagnostics) }
        let scene = ManifestScene.load(text, file: path, line: 1, column: 1, name: Paths.lastComponent(path))
        return (scene, decoded.diagnostics + scene.diagnostics)
    }
}
