/// The one HTML character-reference decoder: named references (`&amp;`, `&eacute;`…),
/// decimal and hexadecimal ones (`&#233;`, `&#xE9;`), and, for Mermaid labels, mermaid's own
/// `#quot;` and `#9829;` forms. A reference to a control character decodes to nothing: the
/// loader removes those from the source and a reference must not make new ones (found by
/// fuzzing).
public enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "laquo": "«", "raquo": "»",
        "rarr": "→", "larr": "←", "hellip": "…", "mdash": "—", "ndash": "–", "copy": "©",
    ]

    /// `hashForms`: also read mermaid's `#name;` and `#123;` (no ampersand).
    public static func decode(_ text: String, hashForms: Bool = false) -> String {
        guard text.contains("&") || (hashForms && text.contains("#")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let i = rest.firstIndex(where: { $0 == "&" || (hashForms && $0 == "#") }) {
            out += rest[..<i]
            let after = rest[rest.index(after: i)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                var name = after[..<semi]
                if rest[i] == "#" { name = "#" + name }
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(scalarText)
                } else if name.hasPrefix("#"), let n = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(n).map(scalarText)
                } else if rest[i] == "#" || name.hasPrefix("#") {
                    decoded = named[String(name.dropFirst())]
                } else {
                    decoded = named[String(name)]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out.append(rest[i])
            rest = after
        }
        return out + rest
    }

    static func scalarText(_ scalar: Unicode.Scalar) -> String {
        ControlCharacters.isControl(scalar) ? "" : String(scalar)
    }
}
