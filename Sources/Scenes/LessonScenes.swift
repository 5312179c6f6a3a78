import Facts
import Course
import FoundationEssentials
import Mermaid
import NetSim

/// A scene of a lesson, with where it is written.
public struct LessonScene: Sendable {
    /// 1-based, in lesson order (`LESSON.md#N`).
    public var number: Int
    public var scene: Scene
    /// The line of the block (the opening fence).
    public var line: Int
    /// For a diagram scene: what each id of the diagram stands for.
    public var reading: DiagramScene.Reading?
}

extension Lesson {
    /// Every scene of the lesson: `yaml scene` blocks and mermaid diagrams that describe a
    /// cluster, in order. Built on demand: loading a lesson does not build its clusters.
    public func scenes() -> [LessonScene] {
        var out: [LessonScene] = []
        for block in allBlocks {
            switch block {
            case .scene(let source):
                let number = out.count + 1
                let scene = ManifestScene.load(source.source, file: file, line: source.line + 1, column: source.column,
                                               name: "\(title) #\(number)")
                out.append(LessonScene(number: number, scene: scene, line: source.line))
            case .mermaid(let diagram):
                guard let chart = diagram.diagram?.flowchart,
                      let reading = DiagramScene.read(chart, file: file, line: diagram.line + 1, column: diagram.column,
                                                      name: chart.title ?? "\(title) #\(out.count + 1)") else { continue }
                out.append(LessonScene(number: out.count + 1, scene: reading.scene, line: diagram.line, reading: reading))
            default:
                continue
            }
        }
        return out
    }

    /// Everything `reseau lint` reports for this lesson: the loader's diagnostics, the
    /// diagrams', then each scene's (objects it could not place, diagram steps the engine
    /// contradicts).
    public func lint() -> [Diagnostic] {
        var all = diagnostics + diagramDiagnostics
        let scenes = scenes()
        for scene in scenes {
            if let reading = scene.reading { all += scene.scene.diagnostics + FlowCheck.check(reading, file: file) }
            else { all += scene.scene.lint(file: file) }
        }
        return (all + inventedNodeAddresses(scenes) + labDiagnostics()).sortedByPosition()
    }

    /// Each lab checked as a student would meet it: its starting files must miss a goal (else
    /// there is nothing to do) and its correction must meet every one. What the correction's
    /// files and the fixed part hold wrong is reported at its line in the lesson; the starting
    /// files' mistakes are the exercise and are not.
    func labDiagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for source in labs {
            guard let lab = source.lab else { continue }
            let start = LabCheck.run(lab, files: lab.files, lessonFile: file, folder: nil)
            if start.passed {
                out.append(Diagnostic(file: file, line: source.line, column: source.column, severity: .error, message: .lab(.startPassesEveryGoal)))
            }
            let correction = LabCheck.run(lab, files: lab.correction, lessonFile: file, folder: nil)
            out += correction.diagnostics.filter { $0.severity == .error }
            for r in correction.results where !r.passed {
                out.append(Diagnostic(file: file, line: r.goal.line, column: r.goal.column, severity: .error,
                                      message: .lab(.correctionFails(number: r.number, lab: source.number))))
            }
        }
        return out
    }

    /// A diagram's Node drawn without an address gets one from the engine (192.168.1.11…);
    /// when the lesson's other scenes draw their Nodes in another range, the student sees
    /// two networks where the author meant one.
    func inventedNodeAddresses(_ scenes: [LessonScene]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for scene in scenes {
            guard let undrawn = scene.reading?.undrawnNodes, !undrawn.isEmpty else { continue }
            let others = scenes.filter { $0.number != scene.number }.flatMap { other in
                other.scene.cluster.nodes.filter { other.reading?.undrawnNodes[$0.name] == nil }.map { CIDR(network: $0.ip, prefix: 24) }
            }
            guard let range = others.first else { continue }
            for (name, line) in undrawn.sorted(by: { $0.value < $1.value }) {
                guard let node = scene.scene.cluster.node(named: name), !range.contains(node.ip) else { continue }
                out.append(Diagnostic(file: file, line: line, column: 1, severity: .warning,
                                      message: .scene(.nodeAddressInvented(node: scene.reading?.nodeTitles[name] ?? name,
                                                                           given: node.ip.description, lessonRange: range.description))))
            }
        }
        return out
    }
}

extension Curriculum {
    /// Every diagnostic `reseau lint` prints: the paths', then each lesson's `lint()`.
    public func lint() -> [Diagnostic] { diagnostics + lessons.flatMap { $0.lint() } }

    /// `reseau lint` over paths: lessons and folders of lessons, and scene files
    /// (`.yaml`, `.yml`) named as such.
    public static func lint(paths: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var lessonPaths: [String] = []
        for path in paths {
            let ext = Paths.pathExtension(path).lowercased()
            if ext == "yaml" || ext == "yml" {
                let (scene, diagnostics) = SceneLocator.load(path)
                let decoding = diagnostics.filter { d in !(scene?.diagnostics.contains(d) ?? false) }
                out += (decoding + (scene?.lint(file: path) ?? [])).sortedByPosition()
            } else {
                lessonPaths.append(path)
            }
        }
        if !lessonPaths.isEmpty { out += Curriculum.load(paths: lessonPaths).lint() }
        return out
    }
}
