import CYaml
import Facts

/// Reads YAML's events (libyaml, before Yams builds anything) and measures what aliases make
/// of the text: how many nodes each anchor stands for once expanded. A "billion laughs"
/// needs only a few hundred bytes, and Yams, while building the tree, hashes every mapping
/// key to find duplicates: a key made of aliases is walked in full, which can take minutes
/// (found by fuzzing). So the text is refused here, before Yams sees it, when it would
/// expand past `limit` nodes, or when a mapping key alone stands for more than `keyLimit`.
public enum YAMLAliasGuard {
    /// The text with NEL, LS and PS (U+0085, U+2028, U+2029) made spaces. YAML counts them
    /// as line breaks and editors do not, so every line after one would be misplaced in a
    /// diagnostic (found by fuzzing); a break inside a flow scalar folds to a space anyway.
    public static func withEditorLineBreaks(_ yaml: String) -> String {
        guard yaml.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return yaml }
        var out = String.UnicodeScalarView()
        for scalar in yaml.unicodeScalars {
            out.append([0x85, 0x2028, 0x2029].contains(scalar.value) ? " " : scalar)
        }
        return String(out)
    }

    public struct Refusal: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var problem: YAMLProblem
    }

    /// nil when the text may be composed (a syntax error is left for Yams to report).
    public static func check(_ yaml: String, limit: Int = 200_000, keyLimit: Int = 1_000) -> Refusal? {
        // Without an anchor there is no alias to expand.
        guard yaml.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Refusal? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

            struct Frame {
                var anchor: String?
                var isMapping: Bool
                var start: yaml_mark_t
                var size = 1
                var children = 0
            }
            var stack: [Frame] = []
            var anchors: [String: Int] = [:]
            var total = 0

            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }

            /// A finished node of `size` nodes, `new` of which were not counted yet (its own
            /// children were, as they finished): added to its parent, checked as a key.
            func add(_ size: Int, new: Int, at mark: yaml_mark_t) -> Refusal? {
                total = min(total &+ new, Int.max / 4)
                if total > limit {
                    return Refusal(line: mark.line + 1, column: mark.column + 1,
                                   problem: .expandsTooFar(limit: limit))
                }
                guard !stack.isEmpty else { return nil }
                let parent = stack.count - 1
                if stack[parent].isMapping, stack[parent].children % 2 == 0, size > keyLimit {
                    return Refusal(line: mark.line + 1, column: mark.column + 1,
                                   problem: .aliasKey(limit: keyLimit))
                }
                stack[parent].children += 1
                stack[parent].size = min(stack[parent].size &+ size, Int.max / 4)
                return nil
            }

            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    // Anchors are per document; the total counts the whole text.
                    anchors = [:]
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    if let refusal = add(1, new: 1, at: mark) { return refusal }
                case YAML_ALIAS_EVENT:
                    let size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                    if let refusal = add(size, new: size, at: mark) { return refusal }
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(anchor: name(event.data.sequence_start.anchor), isMapping: false, start: mark))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(anchor: name(event.data.mapping_start.anchor), isMapping: true, start: mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return nil }
                    if let anchor = frame.anchor { anchors[anchor] = frame.size }
                    if let refusal = add(frame.size, new: 1, at: frame.start) { return refusal }
                default:
                    continue
                }
            }
        }
    }
}
