import Facts
/// How many terminal cells a character takes, from our own table: `wcwidth` answers -1 in
/// the C locale, and terminals agree on these ranges. Combining marks and zero-width
/// characters take 0; East Asian wide characters and emoji take 2; box drawing, arrows and
/// everything else 1. A grapheme takes the width of its first scalar, or 2 when it carries
/// an emoji presentation selector.
public enum CellWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if isControl(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { width = 2 }
        return width
    }

    /// The cells a text takes on one line.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// C0 controls, DEL and C1 controls: they take no cell, and the grid never holds one.
    /// No cell: the control characters, and tab and line feed (the grid never holds them).
    public static func isControl(_ v: UInt32) -> Bool { ControlCharacters.isControl(v) || v == 0x09 || v == 0x0A }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x0483...0x0489).contains(v) || (0x0591...0x05BD).contains(v)
            || (0x0610...0x061A).contains(v) || (0x064B...0x065F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2060...0x2064).contains(v) || (0x20D0...0x20FF).contains(v) || (0xFE00...0xFE0F).contains(v)
            || (0xFE20...0xFE2F).contains(v) || v == 0xFEFF || (0xE0100...0xE01EF).contains(v)
            || (0x1F3FB...0x1F3FF).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F680...0x1F6FF).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x1FA70...0x1FAFF).contains(v) || (0x1F1E6...0x1F1FF).contains(v) || (0x20000...0x3FFFD).contains(v)
            || v == 0x231A || v == 0x231B || v == 0x23E9 || v == 0x23EA || v == 0x23EB || v == 0x23EC || v == 0x23F0 || v == 0x23F3
            || v == 0x25FD || v == 0x25FE || v == 0x2614 || v == 0x2615 || (0x2648...0x2653).contains(v) || v == 0x267F
            || v == 0x2693 || v == 0x26A1 || v == 0x26AA || v == 0x26AB || v == 0x26BD || v == 0x26BE || v == 0x26C4
            || v == 0x26C5 || v == 0x26CE || v == 0x26D4 || v == 0x26EA || v == 0x26F2 || v == 0x26F3 || v == 0x26F5
            || v == 0x26FA || v == 0x26FD || v == 0x2705 || v == 0x270A || v == 0x270B || v == 0x2728 || v == 0x274C
            || v == 0x274E || (0x2753...0x2755).contains(v) || v == 0x2757 || (0x2795...0x2797).contains(v) || v == 0x27B0
            || v == 0x27BF || v == 0x2B1B || v == 0x2B1C || v == 0x2B50 || v == 0x2B55
    }
}
