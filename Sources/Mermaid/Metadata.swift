import Yams

/// The body of `id@{ … }`: YAML, as mermaid reads it (a one-line body as a flow mapping,
/// a multi-line one as a block), flattened to text values.
enum Metadata {
    static func parse(_ body: String) throws -> [String: String] {
        let yaml = body.contains("\n") ? dedent(body) : "{" + body + "}"
        let value: Any?
        do {
            value = try Yams.load(yaml: yaml, .default, .default, .utf8)
        } catch {
            throw FlowchartParser.SyntaxError(message: "`@{ }` is not valid YAML", position: 0)
        }
        guard let map = value as? [String: Any] else { return [:] }
        return map.mapValues { v in
            if let b = v as? Bool { return b ? "true" : "false" }
            return "\(v)"
        }
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
