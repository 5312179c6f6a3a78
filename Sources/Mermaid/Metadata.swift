import Facts
import YAMLGuard

/// The body of `id@{ … }`: YAML, as mermaid reads it (a one-line body as a flow mapping,
/// a multi-line one as a block), flattened to text values.
enum Metadata {
    static func parse(_ body: String) throws -> [String: String] {
        let yaml = body.contains("\n") ? dedent(body) : "{" + body + "}"
        // A key made of aliases would make Yams hash the whole expansion (see YAMLAliasGuard).
        if YAMLAliasGuard.check(yaml) != nil {
            throw FlowchartParser.SyntaxError(problem: .metadataExpandsTooFar, position: 0)
        }
        let node: YAMLGuard.Node?
        do {
            node = try YAMLRead.compose(yaml)
        } catch {
            throw FlowchartParser.SyntaxError(problem: .metadataInvalid, position: 0)
        }
        return scalarMapping(node)
    }

    /// A mapping's entries whose key and value are scalars, as text (booleans as `true` and
    /// `false`). Read from the node tree, not through Yams' `Any` constructor, which stops
    /// the program on a key that is not a string (`? {a: b} : c`, found by fuzzing).
    static func scalarMapping(_ node: YAMLGuard.Node?) -> [String: String] {
        guard let mapping = node?.mapping else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let scalar = value.scalar else { continue }
            if let bool = value.bool { out[name] = bool ? "true" : "false" } else { out[name] = scalar.string }
        }
        return out
    }

    /// Removes the indentation the first non-blank line has from every line.
    static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = lines.first { !$0.trimmed.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count } ?? 0
        return lines.map { line in
            let drop = min(indent, line.prefix { $0 == " " || $0 == "\t" }.count)
            return String(line.dropFirst(drop))
        }.joined(separator: "\n")
    }
}

extension Substring {
    var trimmed: String { String(self).trimmed }
}
