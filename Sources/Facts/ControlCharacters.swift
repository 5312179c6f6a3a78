/// The one rule for characters that must never reach a terminal as text: C0 controls but
/// tab and line feed (which layout uses), DEL, C1 controls (U+0080–U+009F, which a terminal
/// may read as commands), and the invisible characters that reorder or hide text (bidi
/// controls, zero-width spaces). Every reader and writer of the program asks here.
public enum ControlCharacters {
    public static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value) || isInvisible(value)
    }

    /// Characters that change what the reader sees without being seen: the bidirectional
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, the "Trojan Source"
    /// ones), and the zero-width space, word joiner and byte-order mark (U+200B, U+2060,
    /// U+FEFF). The zero-width joiner stays: emoji sequences are made with it.
    public static func isInvisible(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200B || value == 0x2060 || value == 0xFEFF
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar.value) }

    /// The same rule on UTF-8 bytes, without decoding: a C0 byte but tab and line feed, DEL,
    /// or a C1 character (`C2 80`–`C2 9F`; `C2 A0`–`C2 BF` are `«`, `»`, the no-break
    /// space… which French text is full of, and are not controls).
    @inlinable public static func mightHold(_ bytes: some Sequence<UInt8>) -> Bool {
        if let found = bytes.withContiguousStorageIfAvailable({ mightHold(buffer: $0) }) { return found }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if previous == 0xC2 && byte < 0xA0 { return true }
            // The invisible ones: E2 80 8B, E2 80 AA–AE, E2 81 A0, E2 81 A6–A9, EF BB BF.
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0x8B || (0xAA...0xAE).contains(byte)) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (byte == 0xA0 || (0xA6...0xA9).contains(byte)) { return true }
            if beforePrevious == 0xEF && previous == 0xBB && byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The same, on contiguous bytes: printable ASCII (most of a lesson) is passed over
    /// eight bytes at a time, a sequence looked at only from its lead byte (the loader
    /// runs this on every text it keeps: 6 % of its time went to the byte-by-byte loop above).
    @inlinable public static func mightHold(buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buffer.count
        var i = 0
        while i < n {
            // Eight bytes at a time while they are all printable ASCII (0x20–0x7E): none
            // below 0x20 (the borrow of `w - 0x20…` sets the top bit only there, or after such
            // a byte) and none at 0x7F or above (`w + 0x01…` or `w` has its top bit set).
            if i + 8 <= n {
                let w = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let low = (w &- 0x2020_2020_2020_2020) & ~w
                let high = (w &+ 0x0101_0101_0101_0101) | w
                if (low | high) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            // Else these eight a byte at a time (a newline or an accented letter is no reason
            // to look further than its byte).
            let end = min(i + 8, n)
            while i < end {
                let byte = buffer[i]
                i += 1
                guard needsLook(byte) else { continue }
                if byte < 0x20 || byte == 0x7F { return true }
                let next = i < n ? buffer[i] : 0, third = i + 1 < n ? buffer[i + 1] : 0
                switch byte {
                case 0xC2: if i < n && next < 0xA0 { return true }
                case 0xE2:
                    if next == 0x80 && (third == 0x8B || (0xAA...0xAE).contains(third)) { return true }
                    if next == 0x81 && (third == 0xA0 || (0xA6...0xA9).contains(third)) { return true }
                case 0xEF: if next == 0xBB && third == 0xBF { return true }
                default: break
                }
            }
        }
        return false
    }

    /// A C0 control but tab and line feed, DEL, or the lead byte of a sequence that may be a
    /// control or an invisible character (`C2`, `E2`, `EF`).
    @inlinable @inline(__always) static func needsLook(_ byte: UInt8) -> Bool {
        byte < 0x20 ? (UInt32(0xFFFF_F9FF) >> UInt32(byte)) & 1 != 0
            : byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
    }

    /// `text` without its control characters.
    public static func removed(from text: String) -> String {
        guard mightHold(text.utf8) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }
}
