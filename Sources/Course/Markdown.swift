import Facts
import CCmark
import FoundationEssentials
import Glibc

/// A lesson's cmark-gfm tree, made and handed out one part at a time: the top-level nodes
/// in order, each part's tree freed once its last node has been taken (#20: on a lesson of
/// many small slides, cmark's tree of the whole file was 30 times the file).
///
/// A part ends on a slide break: a `---` line at the start of a line, after a blank line,
/// outside code fences (found by `SourceLayout`). cmark reads blocks a line at a time, and
/// once a top-level thematic break is read nothing is left open: what follows parses the
/// same from a fresh parser, only its line numbers start again (added back here). Whether a
/// line was such a break is cmark's to say, not ours: a part whose last node is not a thematic
/// break on its last line (the `---` was in an HTML comment, a list…) is parsed again to a
/// later break. Link reference definitions and footnotes belong to the whole document: a
/// lesson holding `]:` anywhere is parsed in one part.
final class MarkdownStream: Sequence, IteratorProtocol {
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The GFM extensions the lesson format asks for (tables, `~strike~`, task lists)
    /// plus bare-URL autolinks.
    static let extensionNames = ["table", "strikethrough", "tasklist", "autolink"]

    /// The size a part reaches before it may end: a few hundred kilobytes of cmark's tree.
    static let partBytes = 32 * 1024

    private let parser: OpaquePointer
    private var bytes: [UInt8]
    /// Where a part may end: the byte just past a break line's newline, and that line (1-based).
    private var breaks: [(end: Int, line: Int)] = []
    private var nextBreak = 0
    private let partBytes: Int
    /// The current part: its tree, the next top-level node to hand out, the line it began on.
    private var root: OpaquePointer?
    private var upcoming: OpaquePointer?
    private var start = 0
    /// The line `start` is on, and what the current part's lines are off by.
    private var nextLine = 1
    private var lineOffset = 0
    /// How many parts were parsed, and how many of them again (for tests and benchmarks).
    private(set) var parts = 0
    private(set) var reparsed = 0

    /// Parses `bytes` (emptied: the stream keeps them until its last part). `breakLines` are
    /// the 1-based lines that may end a part, in order.
    init(consuming bytes: inout [UInt8], breakLines: [Int], partBytes: Int = MarkdownStream.partBytes) {
        _ = Self.extensionsRegistered
        parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        self.bytes = bytes
        bytes = []
        self.partBytes = partBytes
        if !breakLines.isEmpty, !Self.holdsDefinitionMark(self.bytes) {
            breaks = Self.lineEnds(breakLines, in: self.bytes)
        }
    }

    deinit {
        if let root { cmark_node_free(root) }
        cmark_parser_free(parser)
    }

    func next() -> MarkdownNode? {
        while true {
            if let node = upcoming {
                upcoming = cmark_node_next(node)
                return MarkdownNode(node, lineOffset: lineOffset)
            }
            if let root {
                cmark_node_free(root)
                self.root = nil
            }
            guard start < bytes.count || parts == 0 else {
                bytes = []
                return nil
            }
            parseNextPart()
        }
    }

    /// Parses from `start` to the first break at least `partBytes` on that cmark confirms,
    /// or to the end. A break refused makes the next try reach twice as far.
    private func parseNextPart() {
        var reach = partBytes
        while true {
            while nextBreak < breaks.count, breaks[nextBreak].end - start < reach { nextBreak += 1 }
            let end = nextBreak < breaks.count ? breaks[nextBreak].end : bytes.count
            let document = parse(start..<end)
            parts += 1
            if nextBreak < breaks.count {
                let last = cmark_node_last_child(document)
                let expected = breaks[nextBreak].line - nextLine + 1
                guard let last, cmark_node_get_type(last) == CMARK_NODE_THEMATIC_BREAK,
                      Int(cmark_node_get_start_line(last)) == expected else {
                    cmark_node_free(document)
                    reparsed += 1
                    reach = Swift.max(reach, end - start) * 2
                    continue
                }
                nextBreak += 1
            }
            root = document
            upcoming = cmark_node_first_child(document)
            lineOffset = nextLine - 1
            if end < bytes.count { nextLine = breaks[nextBreak - 1].line + 1 }
            start = end
            return
        }
    }
    /// One part's tree; the parser is ready for the next part once it is finished.
    private func parse(_ range: Range<Int>) -> OpaquePointer {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress! + range.lowerBound, range.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    /// Whether `bytes` hold `]:` (a link reference or footnote definition may be there).
    /// memchr finds each `]`; `memmem` is a GNU extension Glibc's module does not offer.
    static func holdsDefinitionMark(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var position = 0
            while position < buffer.count,
                  let found = memchr(base + position, 0x5D, buffer.count - position) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 1 < buffer.count, base[at + 1] == UInt8(ascii: ":") { return true }
                position = at + 1
            }
            return false
        }
    }

    /// For each of `lines` (1-based, ascending), the offset just past its newline (or the end).
    static func lineEnds(_ lines: [Int], in bytes: [UInt8]) -> [(end: Int, line: Int)] {
        var result: [(end: Int, line: Int)] = []
        result.reserveCapacity(lines.count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var line = 1, position = 0
            for wanted in lines {
                while line <= wanted {
                    guard let found = memchr(base + position, 0x0A, buffer.count - position) else {
                        position = buffer.count
                        line = wanted + 1
                        break
                    }
                    position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    line += 1
                }
                if result.last.map({ $0.end < position }) ?? true { result.append((position, wanted)) }
            }
        }
        return result
    }
}

/// A borrowed view of one cmark node; valid while its document lives.
struct MarkdownNode {
    let pointer: OpaquePointer
    /// How many lines of the lesson come before the part of it this node was parsed from.
    let lineOffset: Int

    init(_ pointer: OpaquePointer, lineOffset: Int) {
        self.pointer = pointer
        self.lineOffset = lineOffset
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// Whether the node's type is `name` ("table", "table_row", "strikethrough", "tasklist"…
    /// for extension nodes), compared in place (no String made for each node).
    func hasTypeName(_ name: StaticString) -> Bool {
        guard let own = cmark_node_get_type_string(pointer) else { return false }
        return name.withUTF8Buffer { expected in
            expected.withMemoryRebound(to: CChar.self) { strncmp(own, $0.baseAddress!, $0.count) == 0 && own[$0.count] == 0 }
        }
    }
    /// The node's text. The source lost its control characters on loading, but cmark
    /// decodes numeric references (`&#1;`, `&#x1b;`) into new ones: those go too (found by
    /// fuzzing). Newlines and tabs stay.
    var literal: String {
        guard let cString = cmark_node_get_literal(pointer) else { return "" }
        // Scanned as bytes before a String is made: most literals hold no control character.
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        let text = String(decoding: bytes, as: UTF8.self)
        guard ControlCharacters.mightHold(bytes) else { return text }
        return ControlCharacters.removed(from: text)
    }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var listTight: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) + lineOffset }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) + lineOffset }
    var isFenced: Bool { cmark_node_get_fenced(pointer, nil, nil, nil) != 0 }
    var taskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    var tableAlignments: [Table.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let raw = cmark_gfm_extensions_get_table_alignments(pointer) else {
            return Array(repeating: .none, count: count)
        }
        return (0..<count).map { i in
            switch raw[i] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    /// The children in order, walked without building an array.
    var children: Children { Children(first: cmark_node_first_child(pointer), lineOffset: lineOffset) }

    struct Children: Sequence, IteratorProtocol {
        var upcoming: OpaquePointer?
        let lineOffset: Int
        init(first: OpaquePointer?, lineOffset: Int) {
            upcoming = first
            self.lineOffset = lineOffset
        }
        mutating func next() -> MarkdownNode? {
            guard let node = upcoming else { return nil }
            upcoming = cmark_node_next(node)
            return MarkdownNode(node, lineOffset: lineOffset)
        }
    }
}
