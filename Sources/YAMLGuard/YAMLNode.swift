import CYaml

/// A place in a YAML text, from 1 (libyaml's marks are from 0).
public struct Mark: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) { self.init(line: mark.line + 1, column: mark.column + 1) }

    public var description: String { "\(line):\(column)" }
}

/// A composed YAML node: libyaml's events made a tree, aliases replaced by what they name
/// (as a YAML composer does). Scalars keep their text: our readers never use a resolved type,
/// and `bool` / `int` read a plain scalar's text by YAML 1.1's rules, as Yams did.
public enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    public struct Scalar: Sendable {
        public var string: String
        /// Written without quotes nor block indicator, and without an explicit tag: only
        /// such a scalar can be a boolean or a number.
        public var isPlain: Bool
        public var mark: Mark
    }

    /// Key–value pairs in the order written.
    public struct Mapping: RandomAccessCollection, Sendable {
        public typealias Element = (key: Node, value: Node)
        public var pairs: [Element]
        public var mark: Mark

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> Element { pairs[position] }

        /// The value of the first key whose text is `key`.
        public subscript(key: String) -> Node? {
            pairs.first { $0.key.string == key }?.value
        }
    }

    public struct Sequence: RandomAccessCollection, Sendable {
        public var items: [Node]
        public var mark: Mark

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> Node { items[position] }
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let s): s.mark
        case .mapping(let m): m.mark
        case .sequence(let s): s.mark
        }
    }

    public var scalar: Scalar? { if case .scalar(let s) = self { s } else { nil } }
    public var mapping: Mapping? { if case .mapping(let m) = self { m } else { nil } }
    public var sequence: Sequence? { if case .sequence(let s) = self { s } else { nil } }
    /// A scalar's text.
    public var string: String? { scalar?.string }

    /// A mapping's value for `key`.
    public subscript(key: String) -> Node? { mapping?[key] }

    /// A plain scalar read as YAML 1.1 reads a boolean (`true`, `yes`, `on`, any case).
    public var bool: Bool? {
        guard let s = scalar, s.isPlain else { return nil }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A plain scalar read as YAML 1.1 reads an integer: a sign, `_` between digits,
    /// `0x`, `0b`, `0o` or a leading `0` (octal), or sexagesimal `1:30`.
    public var int: Int? {
        guard let s = scalar, s.isPlain else { return nil }
        var text = Substring(s.string.filter { $0 != "_" })
        if text == "0" { return 0 }
        let negative = text.first == "-"
        if negative || text.first == "+" { text = text.dropFirst() }
        let sign = negative ? "-" : ""
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where text.hasPrefix(prefix) {
            return Int(sign + text.dropFirst(prefix.count), radix: radix)
        }
        if text.contains(":") {
            var value = 0
            for part in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard let n = Int(part), n >= 0 else { return nil }
                let (times, o1) = value.multipliedReportingOverflow(by: 60)
                let (sum, o2) = times.addingReportingOverflow(n)
                guard !o1, !o2 else { return nil }
                value = sum
            }
            return negative ? -value : value
        }
        return Int(sign + text)
    }
}

/// Why libyaml (or the composer) stopped, where, and in which construct.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// libyaml's words (`did not find expected key`), translated by the catalogs.
    public var problem: String
    public var mark: Mark
    /// The construct being read (`while parsing a block mapping`) and where it starts.
    public var context: (text: String, mark: Mark)?

    public var description: String {
        (context.map { "\($0.text) (\($0.mark)) " } ?? "") + "\(problem) (\(mark))"
    }
}

/// How every YAML we read (frontmatter, quizzes, labs, mermaid's metadata, scenes' manifests)
/// is composed: libyaml's events into `Node`s, without a recursive call per level (a deep
/// text cannot overflow the stack) and without regular expressions (no ICU: a scalar stays
/// its text).
public enum YAMLRead {
    /// Collections nested deeper than this are refused (a tree that deep is no manifest, and
    /// its nodes would be freed recursively).
    public static let depthLimit = 500

    /// The first document (nil for an empty text). A second document is an error, as it is
    /// for a YAML composer asked for a single one.
    public static func compose(_ yaml: String) throws(YAMLError) -> Node? {
        var first: Node?
        var error: YAMLError?
        read(yaml) { node, mark in
            if first == nil { first = node; return true }
            error = YAMLError(problem: "but found another document", mark: mark,
                              context: ("expected a single document in the stream", Mark(line: 1, column: 1)))
            return false
        } failed: { error = $0 }
        if let error { throw error }
        return first
    }

    /// Every document, in order, until the first error (returned with those read before it).
    public static func documents(_ yaml: String) -> (documents: [Node], error: YAMLError?) {
        var documents: [Node] = []
        var error: YAMLError?
        read(yaml) { node, _ in documents.append(node); return true } failed: { error = $0 }
        return (documents, error)
    }

    private final class Frame {
        var isMapping: Bool
        var anchor: String?
        var mark: Mark
        var items: [Node] = []
        /// A mapping's scalar keys so far, for duplicates.
        var keys: Set<String> = []
        init(isMapping: Bool, anchor: String?, mark: Mark) {
            self.isMapping = isMapping
            self.anchor = anchor
            self.mark = mark
        }
    }

    /// Calls `document` with each document's root (false stops), `failed` with the error.
    private static func read(_ yaml: String, document: (Node, Mark) -> Bool, failed: (YAMLError) -> Void) {
        var bytes = Array(yaml.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return failed(YAMLError(problem: "out of memory", mark: Mark(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

            var stack: [Frame] = []
            var anchors: [String: Node] = [:]
            var root: Node?

            func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }

            /// A finished node: kept under its anchor, added to its parent.
            func finish(_ node: Node, anchor: String?) -> YAMLError? {
                if let anchor { anchors[anchor] = node }
                guard let parent = stack.last else { root = node; return nil }
                if parent.isMapping, parent.items.count % 2 == 0, let key = node.string, !parent.keys.insert(key).inserted {
                    return YAMLError(problem: "found duplicated key", mark: node.mark ?? parent.mark,
                                     context: ("while composing a mapping", parent.mark))
                }
                parent.items.append(node)
                return nil
            }

            func libyamlError() -> YAMLError {
                let problem = text(UnsafeMutablePointer(mutating: parser.problem).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: yaml_char_t.self) }) ?? "invalid YAML"
                if parser.error == YAML_READER_ERROR {
                    return YAMLError(problem: problem, mark: Mark(line: 1, column: 1))
                }
                let context = text(UnsafeMutablePointer(mutating: parser.context).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: yaml_char_t.self) })
                return YAMLError(problem: problem, mark: Mark(parser.problem_mark),
                                 context: context.map { ($0, Mark(parser.context_mark)) })
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return failed(libyamlError()) }
                defer { yaml_event_delete(&event) }
                let mark = Mark(event.start_mark)
                var error: YAMLError?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_DOCUMENT_START_EVENT:
                    anchors = [:]
                    root = nil
                case YAML_DOCUMENT_END_EVENT:
                    if let root, !document(root, mark) { return }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                    let plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nil
                    error = finish(.scalar(.init(string: value, isPlain: plain, mark: mark)), anchor: text(s.anchor))
                case YAML_ALIAS_EVENT:
                    guard let name = text(event.data.alias.anchor), let node = anchors[name] else {
                        return failed(YAMLError(problem: "found undefined alias", mark: mark,
                                                context: ("while composing a node", mark)))
                    }
                    error = finish(node, anchor: nil)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard stack.count < depthLimit else {
                        return failed(YAMLError(problem: "found more than \(depthLimit) nested collections", mark: mark))
                    }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    stack.append(Frame(isMapping: isMapping, anchor: anchor, mark: mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { continue }
                    let node: Node
                    if frame.isMapping {
                        var pairs: [Node.Mapping.Element] = []
                        pairs.reserveCapacity(frame.items.count / 2)
                        var i = 0
                        while i + 1 < frame.items.count {
                            pairs.append((frame.items[i], frame.items[i + 1]))
                            i += 2
                        }
                        node = .mapping(.init(pairs: pairs, mark: frame.mark))
                    } else {
                        node = .sequence(.init(items: frame.items, mark: frame.mark))
                    }
                    error = finish(node, anchor: frame.anchor)
                default:
                    continue
                }
                if let error { return failed(error) }
            }
        }
    }
}
