/// The one rule for characters that must never reach a terminal as text: C0 controls but
/// tab and line feed (which layout uses), DEL, and C1 controls (U+0080–U+009F, which a
/// terminal may read as commands). Every reader and writer of the program asks here.
public enum ControlCharacters {
    public static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar.value) }

    /// A cheap test on UTF-8 bytes: false means no control character for sure (C1
    /// characters start with 0xC2, as do Latin-1 letters, so true only means "look").
    @inlinable public static func mightHold(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }
    }

    /// `text` without its control characters.
    public static func removed(from text: String) -> String {
        guard mightHold(text.utf8) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }
}
