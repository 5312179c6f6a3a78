/// What a cell means; a theme turns it into colours later (the canvas knows no colour).
public enum Role: Hashable, Sendable {
    case plain, muted, heading(Int), code, link, quote, border, title, caption, selected
    case directive(String)
    /// A mermaid class (`blue`, `green`…): the site's colour for it.
    case diagramClass(String)
    /// The n-th flow of a scene.
    case flow(Int)
    case packet, error, warning, ok
}

/// A cell's style: its meaning and text attributes.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold = false
    public var italic = false
    public var underline = false
    public var strike = false
    public var dim = false
    public var reverse = false
    /// The address a link's text leads to: an OSC 8 hyperlink where the terminal has them.
    public var link: String?

    public init(_ role: Role = .plain, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                strike: Bool = false, dim: Bool = false, reverse: Bool = false, link: String? = nil) {
        self.link = link
        self.role = role
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.dim = dim
        self.reverse = reverse
    }

    public static let plain = Style()
}
