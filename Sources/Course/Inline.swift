import Facts
/// A run of text inside a paragraph, heading, list item or table cell.
/// Not `indirect` as a whole: a text run is a String in place (the nested cases hold arrays,
/// which are already behind a pointer), so a paragraph's runs cost one allocation each
/// instead of two. The rare cases with two strings are boxed to keep an Inline 16 bytes.
public enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    indirect case link(target: String, title: String, content: [Inline])
    /// An image cannot be drawn in a terminal: its alternative text and its target.
    indirect case image(alt: String, target: String)
    case softBreak
    case lineBreak
    /// `[^note]`, kept as its text; the definition is a `.footnote` block.
    case footnoteReference(String)
}

extension Inline {
    /// The text a reader sees, without any formatting (links give their text).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .strikethrough(let c): return c.plainText
        case .link(_, _, let c): return c.plainText
        case .image(let alt, _): return alt
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .footnoteReference(let label): return "[^\(label)]"
        }
    }
}

extension Collection where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}
