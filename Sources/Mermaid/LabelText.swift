import Facts
/// Turns a mermaid label into the lines a terminal shows.
public enum LabelText {
    public static func lines(_ label: String, type: LabelType) -> [String] {
        // Each rewrite only when its mark is there: most labels have none, and a chart's
        // layout asks for its labels' lines many times (1,000 nodes: a sixth of the drawing).
        var text = label
        if label.utf8.contains(UInt8(ascii: "<")) {
            for br in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>"] {
                text = text.replacingAll(br, with: "\n")
            }
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "#") }) {
            text = decodeEntities(text)
        }
        if type == .markdown {
            text = text.replacingAll("**", with: "").replacingAll("__", with: "")
            text = String(text.filter { $0 != "*" && $0 != "`" })
        }
        let icons = text.holds("fa-")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard icons else { return String(line).trimmed }
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
                .filter { !($0.hasPrefix("fa:fa-") || $0.hasPrefix("fab:fa-") || $0.hasPrefix("fas:fa-")) }
            return words.joined(separator: " ").trimmed
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `&lt;`, `&amp;`, and mermaid's own `#quot;`, `#9829;` forms (the one decoder).
    public static func decodeEntities(_ text: String) -> String { HTMLEntities.decode(text, hashForms: true) }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard holds(target) else { return self }
        return replacing(target, with: replacement)
    }

    /// Whether the text holds `needle`, byte for byte (no Foundation search: this runs for
    /// every label a layout measures).
    func holds(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            for i in 0...(bytes.count - pattern.count) where bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            return false
        }
    }

    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

