import Facts
import Yams

/// Helpers that turn Yams' errors and nodes into positions inside the lesson file.
public enum YAMLText {
    /// A YAML error as a position in the lesson file and a message. `origin` is the
    /// file line of the YAML's first line, `column` the file column of its first column.
    /// An error with a context (`while scanning a quoted scalar`) is placed where that
    /// construct starts, which is where the author must look; the message ends with the
    /// position where libyaml gave up.
    public static func describe(_ error: Error, line origin: Int, column: Int) -> (line: Int, column: Int, problem: YAMLProblem) {
        func place(_ mark: Mark) -> (Int, Int) { (origin + mark.line - 1, column + mark.column - 1) }
        guard let error = error as? YamlError else { return (origin, column, .invalid(problem: "\(error)", context: nil, at: nil)) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let (line, col) = place(mark)
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                let (cLine, cCol) = place(context.mark)
                return (cLine, cCol, .invalid(problem: problem, context: context.text, at: (line, col)))
            }
            return (line, col, .invalid(problem: problem, context: nil, at: nil))
        case .reader(let problem, _, _, _):
            return (origin, column, .invalid(problem: problem, context: nil, at: nil))
        default:
            return (origin, column, .invalid(problem: "\(error)", context: nil, at: nil))
        }
    }

    /// The scalar text of a node, for keys and simple values.
    static func string(_ node: Node?) -> String? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A sequence of scalars, or a lone scalar taken as a list of one.
    static func strings(_ node: Node?) -> [String]? {
        guard let node else { return nil }
        switch node {
        case .scalar(let s): return [s.string]
        case .sequence(let seq): return seq.compactMap { string($0) }
        case .mapping, .alias: return nil
        }
    }

    /// A one-line rendering of any node, for unknown frontmatter keys.
    static func flat(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return "[" + seq.map(flat).joined(separator: ", ") + "]"
        case .mapping(let map): return "{" + map.map { "\(flat($0.key)): \(flat($0.value))" }.joined(separator: ", ") + "}"
        case .alias: return "*"
        }
    }
}
