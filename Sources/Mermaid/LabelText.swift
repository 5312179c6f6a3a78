import Facts
/// Turns a mermaid label into the lines a terminal shows.
public enum LabelText {
    public static func lines(_ label: String, type: LabelType) -> [String] {
        var text = label
        for br in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>"] {
            text = text.replacingAll(br, with: "\n")
        }
        text = decodeEntities(text)
        if type == .markdown {
            text = text.replacingAll("**", with: "").replacingAll("__", with: "")
            text = String(text.filter { $0 != "*" && $0 != "`" })
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
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
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

import Foundation
