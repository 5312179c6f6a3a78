import Canvas

/// A small highlighter for the languages lessons show most: YAML, shell (bash, sh,
/// console), JSON and Dockerfile. It colours by meaning (keys, strings, comments,
/// keywords, numbers); anything it does not know stays plain.
public enum Highlighter {
    public static func supports(_ language: String) -> Bool {
        ["yaml", "yml", "bash", "sh", "shell", "console", "json", "dockerfile", "docker"].contains(language.lowercased())
    }

    static let key = Style(.code, bold: true)
    static let string = Style(.diagramClass("green"))
    static let comment = Style(.muted, italic: true)
    static let keyword = Style(.diagramClass("blue"), bold: true)
    static let number = Style(.diagramClass("red"))
    static let plain = Style(.code)

    public static func line(_ text: String, language: String) -> StyledLine {
        switch language.lowercased() {
        case "yaml", "yml": return yaml(text)
        case "bash", "sh", "shell", "console": return shell(text, console: language.lowercased() == "console")
        case "json": return json(text)
        case "dockerfile", "docker": return dockerfile(text)
        default: return [Span(text, plain)]
        }
    }

    /// Splits at a `#` comment that is not inside quotes.
    static func splitComment(_ text: String) -> (String, String?) {
        var quote: Character?
        var previous: Character = " "
        for (i, c) in text.enumerated() {
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == "#" && (previous == " " || i == 0) {
                let index = text.index(text.startIndex, offsetBy: i)
                return (String(text[..<index]), String(text[index...]))
            }
            previous = c
        }
        return (text, nil)
    }

    static func scalarStyle(_ value: String) -> Style {
        let v = value.trimming(" ")
        if v.hasPrefix("\"") || v.hasPrefix("'") { return string }
        if Double(v) != nil || ["true", "false", "null", "~", "yes", "no"].contains(v.lowercased()) { return number }
        return plain
    }

    static func yaml(_ text: String) -> StyledLine {
        let (body, comment) = splitComment(text)
        var out: StyledLine = []
        let indent = body.prefix { $0 == " " || $0 == "-" }
        var rest = body.dropFirst(indent.count)
        if !indent.isEmpty { out.append(Span(String(indent), plain)) }
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains(" ") || rest.first == "\"",
           rest.index(after: colon) == rest.endIndex || rest[rest.index(after: colon)] == " " {
            out.append(Span(String(rest[...colon]), key))
            rest = rest[rest.index(after: colon)...]
        }
        if !rest.isEmpty { out.append(Span(String(rest), scalarStyle(String(rest)))) }
        if let comment { out.append(Span(comment, Highlighter.comment)) }
        return out
    }

    static let shellKeywords: Set<String> = ["if", "then", "else", "elif", "fi", "for", "do", "done", "while", "case",
                                             "esac", "function", "export", "in", "sudo", "return", "local"]

    static func shell(_ text: String, console: Bool) -> StyledLine {
        var out: StyledLine = []
        var body = Substring(text)
        if console, body.hasPrefix("$ ") || body.hasPrefix("# ") {
            out.append(Span(String(body.prefix(2)), Style(.muted, bold: true)))
            body = body.dropFirst(2)
        } else if console {
            return [Span(text, Style(.muted))]   // output lines
        }
        let (code, comment) = splitComment(String(body))
        var first = true
        for (i, word) in code.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append(Span(" ", plain)) }
            let w = String(word)
            if w.hasPrefix("\"") || w.hasPrefix("'") { out.append(Span(w, string)) }
            else if w.hasPrefix("$") { out.append(Span(w, number)) }
            else if shellKeywords.contains(w) || (first && !w.isEmpty) { out.append(Span(w, keyword)) }
            else if w.hasPrefix("-") { out.append(Span(w, Style(.code, italic: true))) }
            else { out.append(Span(w, plain)) }
            if !w.isEmpty { first = false }
            if w == "|" || w == "&&" || w == ";" { first = true }
        }
        if let comment { out.append(Span(comment, Highlighter.comment)) }
        return out
    }

    static func json(_ text: String) -> StyledLine {
        var out: StyledLine = []
        var current = ""
        var inString = false
        var escaped = false
        for c in text {
            if inString {
                current.append(c)
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true; continue }
                if c == "\"" {
                    inString = false
                    out.append(Span(current, string))
                    current = ""
                }
                continue
            }
            if c == "\"" {
                if !current.isEmpty { out.append(Span(current, scalarStyle(current))) }
                current = "\""
                inString = true
                continue
            }
            if c == ":", let last = out.last, last.style == string {
                out[out.count - 1].style = key
            }
            current.append(c)
        }
        if !current.isEmpty { out.append(Span(current, inString ? string : scalarStyle(current))) }
        return out
    }

    static let dockerInstructions: Set<String> = ["FROM", "RUN", "CMD", "COPY", "ADD", "ENV", "EXPOSE", "WORKDIR",
                                                  "ENTRYPOINT", "ARG", "USER", "VOLUME", "LABEL", "HEALTHCHECK", "SHELL", "ONBUILD", "STOPSIGNAL"]

    static func dockerfile(_ text: String) -> StyledLine {
        let trimmed = text.drop { $0 == " " }
        if trimmed.hasPrefix("#") { return [Span(text, comment)] }
        let word = trimmed.prefix { $0 != " " }
        guard dockerInstructions.contains(word.uppercased()) else { return [Span(text, plain)] }
        let lead = text.prefix(text.count - trimmed.count)
        return [Span(String(lead), plain), Span(String(word), keyword), Span(String(trimmed.dropFirst(word.count)), plain)]
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
