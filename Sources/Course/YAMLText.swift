import Facts
import YAMLGuard

/// Helpers that turn YAML errors and nodes into positions inside the lesson file.
public enum YAMLText {
    /// A YAML error as a position in the lesson file and a message. `origin` is the
    /// file line of the YAML's first line, `column` the file column of its first column.
    /// An error with a context (`while scanning a quoted scalar`) is placed where that
    /// construct starts, which is where the author must look; the message ends with the
    /// position where libyaml gave up.
    public static func describe(_ error: Error, line origin: Int, column: Int) -> (line: Int, column: Int, problem: YAMLProblem) {
        func place(_ mark: Mark) -> (Int, Int) { (origin + mark.line - 1, column + mark.column - 1) }
        guard let error = error as? YAMLError else { return (origin, column, .invalid(problem: "\(error)", context: nil, at: nil)) }
        let (line, col) = place(error.mark)
        if let context = error.context, context.mark != error.mark {
            let (cLine, cCol) = place(context.mark)
            return (cLine, cCol, .invalid(problem: error.problem, context: context.text, at: (line, col)))
        }
        return (line, col, .invalid(problem: error.problem, context: nil, at: nil))
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
        case .mapping: return nil
        }
    }

    /// A one-line rendering of any node, for unknown frontmatter keys.
    static func flat(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return "[" + seq.map(flat).joined(separator: ", ") + "]"
        case .mapping(let map): return "{" + map.map { "\(flat($0.key)): \(flat($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
