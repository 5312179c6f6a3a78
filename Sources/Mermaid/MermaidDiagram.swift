import Facts
import YAMLGuard

/// A mermaid block, parsed: a flowchart reseau can draw, or another kind it cannot yet.
public enum MermaidDiagram: Sendable, Equatable {
    case flowchart(Flowchart)
    case sequence(SequenceDiagram)
    case mindmap(Mindmap)
    /// A state diagram, as mermaid's stateDb holds it (`.flowchart` draws it).
    case state(StateDiagram)
    /// A class diagram, as mermaid's classDb holds it (`.flowchart` draws it).
    case classes(ClassDiagram)
    case git(GitGraph)
    /// `classDiagram`, `stateDiagram`…: shown as source.
    case unsupported(kind: String, title: String?)

    public var flowchart: Flowchart? {
        if case .flowchart(let f) = self { return f }
        return nil
    }
}

/// A problem in a diagram, located in the diagram's own source (1-based).
public struct MermaidDiagnostic: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var problem: MermaidProblem
}

public struct MermaidResult: Sendable {
    /// Nil only when the text is not a diagram at all.
    public var diagram: MermaidDiagram?
    public var diagnostics: [MermaidDiagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum Mermaid {
    /// The first words of the diagram kinds mermaid knows besides flowcharts.
    public static let otherKinds: Set<String> = [
        "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
        "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph",
        "mindmap", "timeline", "zenuml", "sankey-beta", "sankey", "xychart-beta", "xychart",
        "block-beta", "block", "packet-beta", "packet", "architecture-beta", "architecture",
        "kanban", "radar-beta", "treemap-beta", "C4Context", "C4Container", "C4Component",
        "C4Dynamic", "C4Deployment", "info",
    ]

    /// Parses a mermaid block. Never throws: problems are diagnostics, and as much of
    /// the diagram as could be read is kept.
    public static func parse(_ source: String) -> MermaidResult {
        var scanner = Scanner(source)
        var diagnostics: [MermaidDiagnostic] = []
        let title = frontmatterTitle(&scanner, &diagnostics)
        // The first significant line names the kind.
        while !scanner.atEnd {
            scanner.skipWhitespace(newlines: true)
            if scanner.peek("%%") { scanner.skipLine(); continue }
            break
        }
        guard !scanner.atEnd else {
            diagnostics.append(scanner.diagnostic(.error, .emptyDiagram))
            return MermaidResult(diagram: nil, diagnostics: diagnostics)
        }
        let start = scanner.position
        let word = scanner.readWhile { !$0.isWhitespace && $0 != ";" }
        switch word {
        case "graph", "flowchart", "flowchart-elk":
            var parser = FlowchartParser(scanner: scanner)
            parser.chart.title = title
            parser.parseHeader()
            parser.parseDocument()
            return MermaidResult(diagram: .flowchart(parser.chart), diagnostics: diagnostics + parser.diagnostics)
        case "sequenceDiagram":
            var (sequence, found) = SequenceDiagram.parse(rest(of: scanner), firstLine: scanner.line(of: scanner.position))
            if sequence.title == nil { sequence.title = title }
            return MermaidResult(diagram: .sequence(sequence), diagnostics: diagnostics + found)
        case "gitGraph", "gitGraph:":
            var (graph, found) = GitGraph.parse(rest(of: scanner), firstLine: scanner.line(of: scanner.position))
            graph.title = title
            return MermaidResult(diagram: .git(graph), diagnostics: diagnostics + found)
        case "classDiagram", "classDiagram-v2":
            var (classes, found) = ClassDiagramReader.parse(rest(of: scanner), firstLine: scanner.line(of: scanner.position))
            classes.title = title
            return MermaidResult(diagram: .classes(classes), diagnostics: diagnostics + found)
        case "stateDiagram", "stateDiagram-v2":
            var (state, found) = StateDiagramReader.parse(rest(of: scanner), firstLine: scanner.line(of: scanner.position))
            state.title = title
            return MermaidResult(diagram: .state(state), diagnostics: diagnostics + found)
        case "mindmap":
            var (map, found) = Mindmap.parse(rest(of: scanner), firstLine: scanner.line(of: scanner.position))
            map.title = title
            return MermaidResult(diagram: .mindmap(map), diagnostics: diagnostics + found)
        case let kind where otherKinds.contains(kind):
            return MermaidResult(diagram: .unsupported(kind: kind, title: title), diagnostics: diagnostics)
        default:
            scanner.position = start
            diagnostics.append(scanner.diagnostic(.error, .unknownKind(String(word))))
            return MermaidResult(diagram: nil, diagnostics: diagnostics)
        }
    }

    /// The lines after a diagram's keyword, the rest of the keyword's own line first (usually
    /// nothing): what the line-by-line readers (sequence, state, class, git, mindmap) read.
    static func rest(of scanner: Scanner) -> [Substring] {
        String(String.UnicodeScalarView(scanner.chars[scanner.position...])).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `---` / `title: …` / `config: …` / `---` at the top of the block.
    static func frontmatterTitle(_ scanner: inout Scanner, _ diagnostics: inout [MermaidDiagnostic]) -> String? {
        let save = scanner.position
        scanner.skipWhitespace(newlines: true)
        guard scanner.peekLine().trimmed == "---" else { scanner.position = save; return nil }
        let yamlLine = scanner.line + 1
        scanner.skipLine()
        var lines: [String] = []
        while !scanner.atEnd {
            let line = scanner.peekLine()
            scanner.skipLine()
            if line.trimmed == "---" {
                do {
                    let yaml = lines.joined(separator: "\n")
                    if let refusal = YAMLAliasGuard.check(yaml) {
                        diagnostics.append(MermaidDiagnostic(line: yamlLine + refusal.line - 1, column: refusal.column, severity: .error,
                                                             problem: .yaml(refusal.problem)))
                        return nil
                    }
                    let node = try YAMLRead.compose(yaml)
                    return Metadata.scalarMapping(node)["title"]
                } catch {
                    diagnostics.append(MermaidDiagnostic(line: yamlLine, column: 1, severity: .error,
                                                         problem: .frontmatterInvalid))
                    return nil
                }
            }
            lines.append(line)
        }
        diagnostics.append(MermaidDiagnostic(line: yamlLine - 1, column: 1, severity: .error,
                                             problem: .frontmatterUnclosed))
        return nil
    }
}
