import Facts
/// The Windows code pages a double-encoded lesson is known to have gone through.
///
/// A UTF-8 file read as Windows-1252 (or its Turkish sibling 1254) and saved again as
/// UTF-8 turns `é` (C3 A9) into `Ã©`. Mapping each character back to its code-page byte
/// gives the original UTF-8 bytes, except the bytes the code page has no character for:
/// those were dropped by the first conversion and cannot be recovered.
struct CodePage: Sendable {
    let name: String
    /// Characters for bytes 0x80-0x9F; nil where the code page defines none.
    private let high: [UInt32?]
    /// Bytes 0xA0-0xFF that differ from Latin-1.
    private let overrides: [UInt8: UInt32]
    private let reverse: [UInt32: UInt8]

    private init(name: String, high: [UInt32?], overrides: [UInt8: UInt32]) {
        self.name = name
        self.high = high
        self.overrides = overrides
        var reverse: [UInt32: UInt8] = [:]
        for (offset, scalar) in high.enumerated() {
            if let scalar { reverse[scalar] = UInt8(0x80 + offset) }
        }
        for byte in 0xA0...0xFF {
            let b = UInt8(byte)
            reverse[overrides[b] ?? UInt32(byte)] = b
        }
        self.reverse = reverse
    }

    /// The byte this scalar stands for in the code page, or nil when it has none.
    func byte(for scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        return reverse[scalar.value]
    }

    /// The character a byte decodes to, or nil for the undefined bytes.
    func scalar(for byte: UInt8) -> Unicode.Scalar? {
        if byte < 0x80 { return Unicode.Scalar(byte) }
        if byte < 0xA0 { return high[Int(byte) - 0x80].flatMap(Unicode.Scalar.init) }
        return Unicode.Scalar(overrides[byte] ?? UInt32(byte))
    }

    static let windows1252 = CodePage(
        name: "Windows-1252",
        high: [0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
               nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178],
        overrides: [:])

    static let windows1254 = CodePage(
        name: "Windows-1254",
        high: [0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, nil, nil,
               nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, nil, 0x0178],
        overrides: [0xD0: 0x011E, 0xDD: 0x0130, 0xDE: 0x015E,
                    0xF0: 0x011F, 0xFD: 0x0131, 0xFE: 0x015F])

    static let candidates = [windows1252, windows1254]
}
