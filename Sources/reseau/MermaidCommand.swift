import Words
import ArgumentParser
import Course
import Facts
import FoundationEssentials
import Glibc
import Mermaid

struct MermaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mermaid",
        abstract: said(.showHowAMermaidDiagramIsRead))

    @Argument(help: said(.aMmdFileAMarkdownLessonOr))
    var file: String

    @Flag(help: said(.printJsonInMermaidSOwnNames))
    var json = false
    @Option(help: said(.languageOfTheMessagesFrOrEn))
    var lang: Language?

    func run() throws {
        let language = uiLanguage(lang, scene: file)
        let words = language.words
        var blocks: [(line: Int, column: Int, source: String)] = []
        let isMarkdown = ["md", "markdown"].contains(Paths.pathExtension(file).lowercased())
        if isMarkdown {
            let lesson = Lesson.load(path: file)
            for block in lesson.allBlocks {
                if case .mermaid(let diagram) = block { blocks.append((diagram.line, diagram.column, diagram.source)) }
            }
            for d in lesson.diagnostics where d.severity == .error { printError(words.line(d)) }
        } else {
            let data: Data?
            if file == "-" {
                var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let n = read(STDIN_FILENO, &chunk, chunk.count)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { break }
                    bytes += chunk.prefix(n)
                }
                data = Data(bytes)
            } else { data = FileManager.default.contents(atPath: file) }
            guard let data else {
                printError(words.line(.wholeFile(file, severity: .error, message: .loader(.cannotRead))))
                throw ExitCode(1)
            }
            blocks.append((0, 1, String(decoding: data, as: UTF8.self)))
        }
        var failed = false
        var objects: [[String: Any]] = []
        for block in blocks {
            let result = Mermaid.parse(block.source)
            for problem in result.diagnostics {
                printError("\(file):\(block.line + problem.line):\(block.column + problem.column - 1): \(words.severity(problem.severity)): \(words.mermaid(problem.problem))")
                if problem.severity == .error { failed = true }
            }
            if json {
                var object = MermaidJSON.object(result) { words.mermaid($0) }
                if isMarkdown { object["line"] = block.line }
                objects.append(object)
            } else {
                if isMarkdown { print(words.ui(.diagramAtLine(block.line))) }
                switch result.diagram {
                case nil: print(words.ui(.notADiagram))
                case .unsupported(let kind, let title)?: print(words.ui(.diagramKindNotDrawn(kind: kind, title: title)))
                case .flowchart(let chart)?: for line in MermaidText.lines(chart) { print(line) }
                case .git(let g)?: print("gitGraph: " + g.branches.joined(separator: ", "))
                case .state(let state)?: for line in MermaidText.lines(state.flowchart) { print(line) }
                case .classes(let classes)?: for line in MermaidText.lines(classes.flowchart) { print(line) }
                case .mindmap(let m)?:
                    func show(_ n: Mindmap.Node, _ depth: Int) { print(String(repeating: "  ", count: depth) + n.text); n.children.forEach { show($0, depth + 1) } }
                    if let root = m.root { show(root, 0) }
                case .sequence(let s)?:
                    for p in s.participants { print("participant \(p.id)\(p.label != p.id ? " as " + p.label : "")\(p.isActor ? " (actor)" : "")") }
                    for item in s.items { if case .message(let from, let to, let text, _, _, _, _) = item { print("\(from) → \(to): \(text)") } }
                }
            }
        }
        if json { print(MermaidJSON.text(isMarkdown ? objects as Any : (objects.first ?? [:]) as Any)) }
        if failed { throw ExitCode(1) }
    }
}
