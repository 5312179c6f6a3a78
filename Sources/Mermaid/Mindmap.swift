import Facts
import FoundationEssentials

/// A `mindmap`: a tree given by indentation, each node with its text and shape
/// (`((circle))`, `(rounded)`, `[square]`, `{{hexagon}}`, `))bang((`, `)cloud(`, plain).
public struct Mindmap: Sendable, Equatable {
    public enum Shape: String, Sendable, Equatable { case plain, square, rounded, circle, hexagon, bang, cloud }

    public struct Node: Sendable, Equatable {
        /// The id written before the shape (`root((Réseau))` is `root`), else the text.
        public var id: String
        public var text: String
        public var shape: Shape
        public var children: [Node] = []
        /// `::icon(fa fa-book)` and `:::urgent large` lines under the node: read, not drawn.
        public var icon: String?
        public var classes: String?

        public init(id: String? = nil, text: String, shape: Shape, children: [Node] = []) {
            self.id = id ?? text
            self.text = text
            self.shape = shape
            self.children = children
        }
    }

    public var title: String?
    public var root: Node?

    public init() {}
}

extension Mindmap {
    /// Reads the lines after `mindmap`. Indentation (spaces, a tab as four) gives each node's
    /// parent: the nearest line above indented less. `::icon(…)` and `:::class` lines are
    /// read and not drawn.
    static func parse(_ lines: [Substring], firstLine: Int) -> (Mindmap, [MermaidDiagnostic]) {
        var map = Mindmap()
        var diagnostics: [MermaidDiagnostic] = []
        // The path from the root to the last node read, with each one's indentation.
        var stack: [(indent: Int, node: Node)] = []
        func close(to indent: Int) {
            while let last = stack.last, last.indent >= indent, stack.count > 1 {
                let child = stack.removeLast().node
                stack[stack.count - 1].node.children.append(child)
            }
        }
        for (offset, raw) in lines.enumerated() {
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            var text = raw.trimmingBlanks()
            // A comment ends the line (mermaid's MMP-22).
            if let comment = text.firstRange(of: "%%") { text = text[..<comment.lowerBound].trimmingBlanks() }
            guard !text.isEmpty else { continue }
            // Decorations belong to the node above.
            if text.hasPrefix("::icon("), text.hasSuffix(")"), !stack.isEmpty {
                stack[stack.count - 1].node.icon = String(text.dropFirst(7).dropLast())
                continue
            }
            if text.hasPrefix(":::"), !stack.isEmpty {
                stack[stack.count - 1].node.classes = String(text.dropFirst(3)).trimmingBlanks()
                continue
            }
            if text.hasPrefix("::icon(") || text.hasPrefix(":::") { continue }
            let node = Self.node(text)
            if stack.isEmpty {
                stack = [(indent, node)]
                continue
            }
            if indent <= stack[0].indent {
                // A second root: mermaid refuses it; it is kept under the first, said once.
                diagnostics.append(MermaidDiagnostic(line: firstLine + offset, column: raw.statementColumn, severity: .warning,
                                                     problem: .mindmapSecondRoot(String(text.prefix(40)))))
                close(to: stack[0].indent + 1)
                stack.append((stack[0].indent + 1, node))
                continue
            }
            close(to: indent)
            stack.append((indent, node))
        }
        close(to: Int.min)
        map.root = stack.first?.node
        return (map, diagnostics)
    }

    /// `id((text))` and the other shapes: the id before the bracket, the text inside.
    static func node(_ text: String) -> Node {
        let shapes: [(String, String, Shape)] = [("((", "))", .circle), ("))", "((", .bang), ("{{", "}}", .hexagon),
                                                 ("(", ")", .rounded), (")", "(", .cloud), ("[", "]", .square)]
        for (open, close, shape) in shapes {
            guard let start = text.firstRange(of: open), text.hasSuffix(close), start.upperBound <= text.index(text.endIndex, offsetBy: -close.count) else { continue }
            let inner = text[start.upperBound..<text.index(text.endIndex, offsetBy: -close.count)]
            let id = text[..<start.lowerBound].trimmingBlanks()
            let clean = Self.clean(String(inner))
            return Node(id: id.isEmpty ? clean : id, text: clean, shape: shape)
        }
        return Node(text: Self.clean(text), shape: .plain)
    }

    /// Quotes and backticks around a label dropped, `<br/>` as a space.
    static func clean(_ text: String) -> String {
        var t = text.trimmingBlanks()
        if t.count >= 2, (t.hasPrefix("\"") && t.hasSuffix("\"")) || (t.hasPrefix("`") && t.hasSuffix("`")) { t = String(t.dropFirst().dropLast()) }
        return t.replacing("<br/>", with: " ").replacing("<br>", with: " ")
    }
}
