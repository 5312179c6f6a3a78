/// Text drawn where only ASCII can be shown (`--ascii`, or a locale whose codeset is not
/// UTF-8 with no C.UTF-8 to fall back on): each character becomes the ASCII one nearest to
/// it, cell for cell, so that columns stay where they were laid out. A French letter keeps
/// its letter (`é` → `e`, `Ç` → `C`): it is never dropped (the C locale used to delete it).
public enum ASCIIFold {
    /// The ASCII character standing for `c` (`?` when nothing is near).
    public static func character(_ c: Character) -> Character {
        guard let scalar = c.unicodeScalars.first else { return c }
        if scalar.isASCII { return Character(scalar) }
        return Character(Unicode.Scalar(fold(scalar.value)))
    }

    /// A line folded cell for cell: a character two cells wide becomes two ASCII ones.
    public static func line(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            let width = CellWidth.of(c)
            if width == 0 { continue }
            out.append(character(c))
            if width == 2 { out.append(" ") }
        }
        return out
    }

    private static let latin: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"),
            ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐŒ", "O"), ("òóôõöøōŏőœ", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşšß", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"), ("Æ", "A"), ("æ", "a"),
            // Punctuation and signs of French text and of our screens.
            ("«»“”„″", "\""), ("‘’‚′", "'"), ("‐‑‒–—―−", "-"), ("…·•∙", "."), ("\u{00A0}\u{202F}\u{2009}\u{2007}", " "),
            ("×", "x"), ("÷", "/"), ("°", "o"), ("€", "E"), ("©", "c"), ("®", "r"), ("±", "+"), ("≤", "<"), ("≥", ">"), ("≠", "#"),
            ("←↩⇐◀◁◂◄", "<"), ("→↪⇒▶▷▸►", ">"), ("↑▲△▴", "^"), ("↓▼▽▾", "v"), ("↔⇔", "-"),
            ("●○◉◎◯⬤", "o"), ("■□▪▫◆◇", "#"), ("✓✔", "v"), ("✗✘✕", "x"), ("⚠", "!"), ("★☆", "*"), ("›", ">"), ("‹", "<"),
        ]
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = ascii.asciiValue! }
        }
        return table
    }()

    private static func fold(_ value: UInt32) -> UInt8 {
        if let ascii = latin[value] { return ascii }
        switch value {
        // Box drawing: the lines by their direction, the rest corners.
        // Dotted lines as `--ascii` draws them (`.` and `:`).
        case 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D: return UInt8(ascii: ".")
        case 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F: return UInt8(ascii: ":")
        case 0x2500, 0x2501, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return UInt8(ascii: "-")
        case 0x2502, 0x2503, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return UInt8(ascii: "|")
        case 0x2500...0x257F: return UInt8(ascii: "+")
        case 0x2580...0x259F: return UInt8(ascii: "#")
        default: return UInt8(ascii: "?")
        }
    }
}
