/// The one rule for characters that must never reach a terminal as text: C0 controls but
/// tab and line feed (which layout uses), DEL, and C1 controls (U+0080–U+009F, which a
/// terminal may read as commands). Every reader and writer of the program asks here.
public enum ControlCharacters {
    public static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar.value) }

    /// The same rule on UTF-8 bytes, without decoding: a C0 byte but tab and line feed, DEL,
    /// or a C1 character (`C2 80`–`C2 9F`; `C2 A0`–`C2 BF` are `«`, `»`, the no-break
    /// space… which French text is full of, and are not controls).
    @inlinable public static func mightHold(_ bytes: some Sequence<UInt8>) -> Bool {
        var afterC2 = false
        for byte in bytes {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if afterC2 && byte < 0xA0 { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// `text` without its control characters.
    public static func removed(from text: String) -> String {
        guard mightHold(text.utf8) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }
}
