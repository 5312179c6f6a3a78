import Facts
/// What the loader keeps of HTML (section 5 of the lesson format): tags are dropped and
/// their text kept, `<a href>` becomes a link, `<br/>` a line break, `<img alt>` an image;
/// the content of `<script>`, `<style>` and `<svg>` is not text and is left out.
enum HTMLText {
    enum Token: Equatable {
        case text(String)
        case open(name: String, attributes: [String: String], selfClosing: Bool)
        case close(name: String)
    }

    /// Elements whose content is not text a reader should see.
    static let opaque: Set<String> = ["script", "style", "svg", "head", "template"]

    static func inlines(_ html: String) -> [Inline] {
        var assembler = InlineAssembler()
        assembler.feed(html: html)
        return assembler.finish()
    }

    /// Whether an HTML block is a figure caption, `<div class="caption">…</div>`. Only its
    /// first tag is read (the block may be long, and is tokenized again if it is a caption).
    static func isCaption(_ html: String) -> Bool {
        let trimmed = html.drop(while: \.isWhitespace)
        guard trimmed.utf8.count > 4, trimmed.prefix(4).lowercased() == "<div",
              let close = trimmed.utf8.firstIndex(of: UInt8(ascii: ">")),
              case .open("div", let attributes, false)? = parseTag(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
        else { return false }
        return attributes["class"]?.split(separator: " ").contains("caption") == true
    }

    /// Text and tags in order. Read by bytes: `<`, `>` and `-->` are ASCII and never part of
    /// a longer UTF-8 sequence, and the text between tags is taken as whole slices (the loader
    /// spent 7 % of its time here appending one Character at a time).
    static func tokenize(_ html: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = html.utf8
        var text = ""
        var textStart = bytes.startIndex
        var i = bytes.startIndex
        /// Once no `>` follows a `<`, none follows a later one either.
        var noCloseAfter = bytes.endIndex
        func flush(upTo end: String.Index) {
            text += html[textStart..<end]
            if !text.isEmpty { tokens.append(.text(decodeEntities(text))); text = "" }
        }
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = bytes[open...]
            if rest.starts(with: "<!--".utf8) {
                flush(upTo: open)
                i = html[open...].firstRange(of: "-->")?.upperBound ?? bytes.endIndex
                textStart = i
                continue
            }
            let after = bytes.index(after: open)
            guard open < noCloseAfter, let close = rest.firstIndex(of: UInt8(ascii: ">")) else {
                noCloseAfter = open
                i = after
                continue
            }
            guard let tag = parseTag(html[after..<close]) else {
                i = after
                continue
            }
            flush(upTo: open)
            tokens.append(tag)
            i = bytes.index(after: close)
            textStart = i
        }
        flush(upTo: bytes.endIndex)
        return tokens
    }

    /// The inside of `<…>`: `a href="x"`, `/a`, `br/`, `!DOCTYPE html`.
    static func parseTag(_ inside: Substring) -> Token? {
        var body = inside
        if body.hasPrefix("!") || body.hasPrefix("?") { return .text("") }
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }
        guard let first = name.first, first.isLetter else { return nil }
        if closing { return .close(name: name.lowercased()) }
        var rest = body.dropFirst(name.count)
        let selfClosing = rest.hasSuffix("/")
        if selfClosing { rest = rest.dropLast() }
        return .open(name: name.lowercased(), attributes: parseAttributes(rest), selfClosing: selfClosing)
    }

    static func parseAttributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = text[...]
        while true {
            rest = rest.drop { $0.isWhitespace }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }
            if name.isEmpty { break }
            rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0.isWhitespace }
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst()
                    let v = body.prefix { $0 != quote }
                    value = String(v)
                    rest = body.dropFirst(v.count).dropFirst()
                } else {
                    let v = rest.prefix { !$0.isWhitespace }
                    value = String(v)
                    rest = rest.dropFirst(v.count)
                }
            }
            attributes[name.lowercased()] = decodeEntities(value)
        }
        return attributes
    }

    static func decodeEntities(_ text: String) -> String { HTMLEntities.decode(text) }
}

/// Builds a list of inlines from pieces that arrive in order: inline nodes from cmark and
/// HTML tags, where an `<a href>` opened in one piece is closed in a later one.
struct InlineAssembler {
    private var stack: [(target: String, content: [Inline])] = []
    private var output: [Inline] = []
    private var opaqueDepth = 0
    private var opaqueName = ""

    mutating func append(_ inline: Inline) {
        guard opaqueDepth == 0 else { return }
        if case .text(let s) = inline, s.isEmpty { return }
        if stack.isEmpty {
            Self.append(inline, to: &output)
        } else {
            Self.append(inline, to: &stack[stack.count - 1].content)
        }
    }

    /// Appends, joining adjacent text runs (`Ctrl` from `<kbd>Ctrl</kbd>` and the text
    /// around it read as one).
    private static func append(_ inline: Inline, to list: inout [Inline]) {
        if case .text(let new) = inline, case .text(let old)? = list.last {
            list[list.count - 1] = .text(old + new)
        } else {
            list.append(inline)
        }
    }

    mutating func feed(html: String) {
        for token in HTMLText.tokenize(html) {
            switch token {
            case .text(let s):
                append(.text(s))
            case .open(let name, let attributes, let selfClosing):
                if opaqueDepth > 0 {
                    if name == opaqueName && !selfClosing { opaqueDepth += 1 }
                    continue
                }
                switch name {
                case "br": append(.lineBreak)
                case "a" where !selfClosing: stack.append((attributes["href"] ?? "", []))
                case "img": append(.image(alt: attributes["alt"] ?? "", target: attributes["src"] ?? ""))
                case _ where HTMLText.opaque.contains(name) && !selfClosing:
                    if name == "svg" { append(.image(alt: attributes["aria-label"] ?? "SVG", target: "")) }
                    opaqueName = name
                    opaqueDepth = 1
                default: break
                }
            case .close(let name):
                if opaqueDepth > 0 {
                    if name == opaqueName { opaqueDepth -= 1 }
                    continue
                }
                if name == "a", !stack.isEmpty { closeLink() }
            }
        }
    }

    private mutating func closeLink() {
        let frame = stack.removeLast()
        append(.link(target: frame.target, title: "", content: frame.content))
    }

    mutating func finish() -> [Inline] {
        opaqueDepth = 0
        while !stack.isEmpty { closeLink() }
        return output
    }
}
