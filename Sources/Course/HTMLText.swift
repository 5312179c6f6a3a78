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
        var textStart = bytes.startIndex
        var i = bytes.startIndex
        /// Once no `>` follows a `<`, none follows a later one either.
        var noCloseAfter = bytes.endIndex
        func flush(upTo end: String.Index) {
            if textStart < end { tokens.append(.text(decodeEntities(String(html[textStart..<end])))) }
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

    /// The inside of `<…>`: `a href="x"`, `/a`, `br/`, `!DOCTYPE html`. Read by bytes: tag
    /// and attribute names are ASCII (as HTML and cmark have them), and every delimiter is;
    /// a step by Character cost 300 instructions, 19,000 a tag.
    static func parseTag(_ inside: Substring) -> Token? {
        var body = inside.utf8[...]
        if body.first == UInt8(ascii: "!") || body.first == UInt8(ascii: "?") { return .text("") }
        let closing = body.first == UInt8(ascii: "/")
        if closing { body = body.dropFirst() }
        guard let first = body.first, isASCIILetter(first) else { return nil }
        let nameEnd = body.firstIndex { !(isASCIILetter($0) || isASCIIDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":")) } ?? body.endIndex
        let name = String(Substring(body[..<nameEnd])).lowercased()
        if closing { return .close(name: name) }
        var rest = body[nameEnd...]
        let selfClosing = rest.last == UInt8(ascii: "/")
        if selfClosing { rest = rest.dropLast() }
        return .open(name: name, attributes: parseAttributes(Substring(rest)), selfClosing: selfClosing)
    }

    static func parseAttributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = text.utf8[...]
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while true {
            rest = rest.drop(while: isSpace)
            let nameEnd = rest.firstIndex { isSpace($0) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ">") } ?? rest.endIndex
            if nameEnd == rest.startIndex { break }
            let name = String(Substring(rest[..<nameEnd])).lowercased()
            rest = rest[nameEnd...].drop(while: isSpace)
            var value = ""
            if rest.first == UInt8(ascii: "=") {
                rest = rest.dropFirst().drop(while: isSpace)
                if let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let body = rest.dropFirst()
                    let end = body.firstIndex(of: quote) ?? body.endIndex
                    value = String(Substring(body[..<end]))
                    rest = body[end...].dropFirst()
                } else {
                    let end = rest.firstIndex(where: isSpace) ?? rest.endIndex
                    value = String(Substring(rest[..<end]))
                    rest = rest[end...]
                }
            }
            attributes[name] = decodeEntities(value)
        }
        return attributes
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    static func decodeEntities(_ text: String) -> String { HTMLEntities.decode(text) }
}

/// Builds a list of inlines from pieces that arrive in order: inline nodes from cmark and
/// HTML tags, where an `<a href>` opened in one piece is closed in a later one.
struct InlineAssembler {
    private var stack: [(target: String, content: [Inline])] = []
    private var output: [Inline] = []
    private var opaqueDepth = 0
    private var opaqueName = ""

    mutating func reserveCapacity(_ count: Int) { output.reserveCapacity(count) }

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
