import FoundationEssentials
import Synchronization
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
    /// Kept as a number in a table of addresses: a style is copied with every cell, and a
    /// string in it would cost a reference count each time.
    public var link: String? {
        get { linkID == 0 ? nil : LinkTable.shared.address(linkID) }
        set { linkID = newValue.map { LinkTable.shared.id(for: $0) } ?? 0 }
    }
    var linkID: UInt32 = 0
    /// Whether the style is a link's (without looking its address up).
    public var hasLink: Bool { linkID != 0 }

    public init(_ role: Role = .plain, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                strike: Bool = false, dim: Bool = false, reverse: Bool = false, link: String? = nil) {
        if let link { self.linkID = LinkTable.shared.id(for: link) }
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


/// Every link address a style has named, each once, by number (0 is none). Shared by all
/// threads; addresses are few (those of the lessons' links).
final class LinkTable: @unchecked Sendable {
    static let shared = LinkTable()
    private struct Table {
        var addresses: [String] = [""]
        var ids: [String: UInt32] = [:]
    }
    private let table = Mutex(Table())

    func id(for address: String) -> UInt32 {
        table.withLock { table in
            if let id = table.ids[address] { return id }
            table.addresses.append(address)
            let id = UInt32(table.addresses.count - 1)
            table.ids[address] = id
            return id
        }
    }

    func address(_ id: UInt32) -> String {
        table.withLock { $0.addresses.indices.contains(Int(id)) ? $0.addresses[Int(id)] : "" }
    }
}
