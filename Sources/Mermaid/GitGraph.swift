import Facts
import FoundationEssentials

/// A `gitGraph`: commits on branches, branches made and merged, in the order written.
public struct GitGraph: Sendable, Equatable {
    public enum Event: Sendable, Equatable {
        /// A commit on `branch`, with its id, tag, type (`NORMAL`, `REVERSE`, `HIGHLIGHT`) and message as written.
        case commit(branch: String, id: String?, tag: String?, type: String?, message: String?)
        /// `branch` made from `from`.
        case branch(String, from: String)
        /// `source` merged into `target` (a commit on `target`).
        case merge(source: String, target: String, id: String?, tag: String?)
        /// `cherry-pick id: …` onto `branch`.
        case cherryPick(branch: String, id: String)
        /// `checkout` / `switch`: the branch later commits go on.
        case checkout(String)
    }

    public var title: String?
    /// `gitGraph TB:` / `gitGraph BT:`; mermaid's default is LR (drawn top-down here all the same:
    /// a terminal's lanes run down).
    public var direction = "LR"
    /// In the order they were made, `main` (or the configured main branch) first.
    public var branches: [String] = ["main"]
    public var events: [Event] = []
    /// `branch x order: 2`.
    public var orders: [String: Double] = [:]

    public init() {}

    /// The branches as mermaid lays out their lanes (`getBranchesAsObjArray`): by `order:`,
    /// a branch without one at 0.i (i its place among all), so before any ordered one.
    public var lanes: [String] {
        branches.enumerated().map { i, name in (name, orders[name] ?? Double("0.\(i)") ?? 0) }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }
}

extension GitGraph {
    static func parse(_ lines: [Substring], firstLine: Int) -> (GitGraph, [MermaidDiagnostic]) {
        var graph = GitGraph()
        var diagnostics: [MermaidDiagnostic] = []
        var current = "main"
        func warn(_ offset: Int, _ line: String) {
            diagnostics.append(MermaidDiagnostic(line: firstLine + offset, column: lines[offset].statementColumn, severity: .warning,
                                                 problem: .gitLineNotRead(String(line.prefix(60)))))
        }
        /// `id: "x" tag: "v1" type: HIGHLIGHT` → its values.
        func attributes(_ text: String) -> [String: String] {
            var out: [String: String] = [:]
            var rest = Substring(text)
            while let colon = rest.firstIndex(of: ":") {
                let key = rest[..<colon].split(separator: " ").last.map(String.init) ?? ""
                var value = rest[rest.index(after: colon)...].drop { $0 == " " }
                if value.first == "\"", let close = value.dropFirst().firstIndex(of: "\"") {
                    out[key] = String(value[value.index(after: value.startIndex)..<close])
                    rest = value[value.index(after: close)...]
                } else {
                    let word = value.prefix { $0 != " " }
                    out[key] = String(word)
                    value = value.dropFirst(word.count)
                    rest = value
                }
            }
            return out
        }
        for (offset, raw) in lines.enumerated() {
            var line = raw.trimmingBlanks()
            // The rest of the keyword's line: `:`, `TB:`, `BT:`, `LR:`.
            if offset == 0 {
                if line.hasSuffix(":") { line.removeLast() }
                if ["LR", "TB", "BT"].contains(line) { graph.direction = line; continue }
            }
            guard !line.isEmpty, !line.hasPrefix("%%") else { continue }
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            let rest = words.count > 1 ? words[1] : ""
            switch words[0].lowercased() {
            case "commit":
                let a = attributes(rest)
                // `commit "text"` is its message too, as `msg: "text"` is.
                let bare = rest.hasPrefix("\"") ? rest.dropFirst().prefix { $0 != "\"" } : nil
                graph.events.append(.commit(branch: current, id: a["id"], tag: a["tag"], type: a["type"], message: a["msg"] ?? bare.map(String.init)))
            case "branch":
                let name = rest.split(separator: " ").first.map { String($0).trimming("\"") } ?? ""
                guard !name.isEmpty else { warn(offset, line); continue }
                if !graph.branches.contains(name) { graph.branches.append(name) }
                if let order = attributes(String(rest.dropFirst(rest.prefix { $0 != " " }.count)))["order"].flatMap(Double.init) {
                    graph.orders[name] = order
                }
                graph.events.append(.branch(name, from: current))
                current = name
            case "checkout", "switch":
                let name = rest.trimming("\" ")
                guard graph.branches.contains(name) else { warn(offset, line); continue }
                current = name
                graph.events.append(.checkout(name))
            case "merge":
                let name = rest.split(separator: " ").first.map { String($0).trimming("\"") } ?? ""
                guard graph.branches.contains(name), name != current else { warn(offset, line); continue }
                let a = attributes(String(rest.dropFirst(name.count)))
                graph.events.append(.merge(source: name, target: current, id: a["id"], tag: a["tag"]))
            case "cherry-pick":
                guard let id = attributes(rest)["id"] else { warn(offset, line); continue }
                graph.events.append(.cherryPick(branch: current, id: id))
            default:
                warn(offset, line)
            }
        }
        return (graph, diagnostics)
    }
}
