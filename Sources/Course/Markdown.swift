import Facts
import CCmark
import FoundationEssentials
import Glibc

/// A parsed cmark-gfm document. Owns the tree and frees it.
final class MarkdownDocument {
    let root: MarkdownNode
    private let pointer: OpaquePointer

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The GFM extensions the lesson format asks for (tables, `~strike~`, task lists)
    /// plus bare-URL autolinks.
    static let extensionNames = ["table", "strikethrough", "tasklist", "autolink"]

    /// Parses `bytes`, emptied once fed to cmark (which keeps its own copy of what it reads).
    init(consuming bytes: inout [UInt8]) {
        _ = Self.extensionsRegistered
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        bytes = []
        pointer = cmark_parser_finish(parser)
        root = MarkdownNode(pointer)
    }

    deinit { cmark_node_free(pointer) }
}

/// A borrowed view of one cmark node; valid while its document lives.
struct MarkdownNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

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
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
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
    var children: Children { Children(first: cmark_node_first_child(pointer)) }

    struct Children: Sequence, IteratorProtocol {
        var upcoming: OpaquePointer?
        init(first: OpaquePointer?) { upcoming = first }
        mutating func next() -> MarkdownNode? {
            guard let node = upcoming else { return nil }
            upcoming = cmark_node_next(node)
            return MarkdownNode(node)
        }
    }
}
