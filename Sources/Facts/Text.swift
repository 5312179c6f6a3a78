#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few text operations the program needs beyond the standard library, written on it so
/// that the shipped program links no Foundation (whose ICU data is 34 MB of the binary and
/// the pages a start touches; see docs/decisions.md).
extension StringProtocol {
    /// Without leading and trailing blanks: spaces (any `Zs` character) and tabs, not line
    /// breaks, which is what Foundation's `.whitespaces` trims.
    public func trimmingBlanks() -> String {
        func blank(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(Substring(scalars[first...last]))
    }

    /// Without the leading and trailing characters that are in `characters`.
    public func trimming(_ characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !set.contains($0) })!
        return String(Substring(scalars[first...last]))
    }

    /// The text a search compares: lower case, without accents (`É` → `e`), full-width
    /// forms as their ASCII (`Ａ` → `a`). A Latin letter whose Unicode name (the standard
    /// library's table) says `LATIN … LETTER X WITH …` becomes x; combining marks are
    /// dropped; other scripts' letters are only lowered (`Ά` → `ά`, where Foundation gave α).
    public func foldedForSearch() -> String {
        var out = String.UnicodeScalarView()
        for scalar in Substring(self).unicodeScalars {
            let v = scalar.value
            if (0xFF01...0xFF5E).contains(v), let ascii = Unicode.Scalar(v - 0xFEE0) {
                out.append(contentsOf: String(ascii).lowercased().unicodeScalars)
                continue
            }
            if v < 0xC0 {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                continue
            }
            let properties = scalar.properties
            if [.nonspacingMark, .enclosingMark, .spacingMark].contains(properties.generalCategory) { continue }
            if let name = properties.name, let with = name.firstRange(of: " WITH "),
               let letter = name[..<with.lowerBound].split(separator: " ").last, letter.count == 1,
               name.hasPrefix("LATIN "),
               let base = Character(String(letter)).lowercased().unicodeScalars.first, base.value < 0x80 {
                out.append(base)
                continue
            }
            out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(out)
    }
}

/// printf's formatting (C's `vsnprintf`, not Foundation's `String(format:)`): `%0.10f`,
/// `%.0f`, `%02X`… Arguments must be C-compatible (numbers, not Swift strings).
public func cFormat(_ format: String, _ arguments: CVarArg...) -> String {
    withVaList(arguments) { first in
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(vsnprintf(&buffer, buffer.count, format, first))
        if needed < buffer.count {
            return String(decoding: buffer.prefix(max(0, needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        buffer = [CChar](repeating: 0, count: needed + 1)
        return withVaList(arguments) { again in
            _ = vsnprintf(&buffer, buffer.count, format, again)
            return String(decoding: buffer.prefix(needed).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

/// File paths as text, as NSString's path methods read them.
public enum Paths {
    /// `a/b/c.md` → `c.md` (trailing slashes ignored; `/` stays `/`).
    public static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p = p.dropLast() }
        guard p != "/" else { return "/" }
        return String(p[(p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex)...])
    }

    /// `c.md` → `md`; "" without one (a leading dot is a name, not an extension).
    public static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `a/c.md` → `a/c`.
    public static func deletingExtension(_ path: String) -> String {
        let ext = pathExtension(path)
        guard !ext.isEmpty else { return path }
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p = p.dropLast() }
        return String(p.dropLast(ext.count + 1))
    }

    /// `a/c.md` → `a`; `c.md` → "".
    public static func deletingLastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// Without `.` and `..` components nor doubled slashes (`/a/./b/../c` → `/a/c`), as
    /// NSString's `standardizingPath` writes an absolute path.
    public static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if part == "..", path.hasPrefix("/") { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `a` + `c.md` → `a/c.md`.
    public static func appending(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// A moment (seconds since 1970) written by C's `strftime` (`%Y-%m-%d %H:%M`), in the local
/// time zone (the `TZ` the person has) or in UTC.
public func cTime(_ format: String, seconds: Double, utc: Bool = false) -> String {
    var moment = time_t(seconds.rounded(.down))
    var parts = tm()
    if utc { gmtime_r(&moment, &parts) } else { localtime_r(&moment, &parts) }
    var text = [CChar](repeating: 0, count: 128)
    let count = strftime(&text, text.count, format, &parts)
    return String(decoding: text.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
