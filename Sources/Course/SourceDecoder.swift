import Facts
import Glibc
/// Turns the bytes of a lesson file into the text the loader parses.
///
/// In order: binary files are refused; a UTF-8 byte-order mark is dropped; invalid UTF-8 is
/// dropped (or, when nothing in the file is UTF-8, the file is read as Windows-1252);
/// CRLF and lone CR become LF; a double-encoded file (UTF-8 read through a Windows code
/// page and saved again, `RÃ©seau`) is repaired; and control characters other than tab
/// and newline are removed, so that none can ever reach a terminal.
public enum SourceDecoder {
    public struct Result: Sendable {
        /// The text to parse, or nil when the file was refused.
        public var text: String?
        public var diagnostics: [Diagnostic]
        /// Set when the file was double-encoded and has been repaired.
        public var repair: EncodingRepair?
    }

    /// What the double-encoding repair did.
    public struct EncodingRepair: Sendable, Equatable {
        /// The code page the text had gone through (`Windows-1254`).
        public var codePage: String
        /// How many byte sequences had lost a byte and were dropped.
        public var droppedSequences: Int
        /// The lines where sequences were dropped, in order, each once.
        public var lines: [Int]
    }

    public static func decode(_ bytes: [UInt8], file: String) -> Result {
        if let offset = binaryMarker(in: bytes) {
            return Result(text: nil, diagnostics: [Diagnostic(
                file: file, line: 1, column: 1, severity: .error,
                message: .loader(.binaryFile(nulAt: offset)))],
                repair: nil)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }

        var diagnostics: [Diagnostic] = []
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else if let strict = Optional(UTF8Scan(body)), strict.validMultibyte == 0 {
            text = decodeSingleByte(body, with: .windows1252)
            diagnostics.append(Diagnostic(
                file: file, line: 1, column: 1, severity: .warning,
                message: .loader(.notUTF8)))
        } else {
            let strict = UTF8Scan(body)
            text = strict.text
            for (line, spots) in group(strict.errors) {
                diagnostics.append(Diagnostic(
                    file: file, line: line, column: spots[0], severity: .warning,
                    message: .loader(.invalidUTF8(sequences: spots.count))))
            }
        }

        text = normalizeNewlines(text)

        var repair: EncodingRepair?
        if mightBeDoubleEncoded(text), let (page, scan) = detectDoubleEncoding(text) {
            text = scan.text
            let grouped = group(scan.errors)
            repair = EncodingRepair(codePage: page.name, droppedSequences: scan.errors.count,
                                    lines: grouped.map(\.line))
            diagnostics.append(Diagnostic(file: file, line: 1, column: 1, severity: .warning,
                                          message: .loader(.doubleEncoded(codePage: page.name, dropped: scan.errors.count,
                                                                          lines: grouped.count))))
            for (line, spots) in grouped {
                diagnostics.append(Diagnostic(
                    file: file, line: line, column: spots[0], severity: .warning,
                    message: .loader(.charactersLost(spots.count))))
            }
        }

        let (clean, controls) = removeControlCharacters(text)
        text = clean
        for (line, column, scalar) in controls {
            diagnostics.append(Diagnostic(
                file: file, line: line, column: column, severity: .warning,
                message: .loader(.controlCharacterRemoved(scalar.codePointName))))
        }
        return Result(text: text, diagnostics: diagnostics, repair: repair)
    }

    // MARK: - Steps

    /// A NUL byte in the first 64 KiB marks a binary file.
    static func binaryMarker(in bytes: [UInt8]) -> Int? {
        bytes.prefix(65_536).firstIndex(of: 0)
    }

    static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, with page: CodePage) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if let scalar = page.scalar(for: byte) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    static func normalizeNewlines(_ text: String) -> String {
        var copy = text
        let hasCR = copy.withUTF8 { buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }
        guard hasCR else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if !(byte == 0x0A && previousCR) { out.append(byte) }
            previousCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// When every non-ASCII character maps back to a byte of a code page and the bytes
    /// then form more valid UTF-8 sequences than broken ones, the text was double-encoded.
    static func detectDoubleEncoding(_ text: String) -> (CodePage, UTF8Scan)? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        // Each code page is scored by counting alone; only the best one's text is made (a
        // French lesson often has the cheap look's mark, `é’`, and no double encoding).
        var text = text
        return text.withUTF8 { utf8 -> (CodePage, UTF8Scan)? in
            var best: (page: CodePage, score: Int)?
            // Each page's bytes are laid out once in a buffer and read from there, ASCII a byte
            // at a time (the parser only sees the rest). A character gives one byte, or its
            // own UTF-8 when foreign to the page: never more bytes than the text has.
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: utf8.count)
            defer { buffer.deallocate() }
            for page in CodePage.candidates {
                let (count, foreign) = PageBytes.write(utf8, through: page, into: buffer)
                let counts = UTF8Scan.count(UnsafeBufferPointer(rebasing: buffer[..<count]))
                let mangled = counts.validMultibyte - foreign
                guard mangled > 0, mangled > counts.errors else { continue }
                // The right code page explains the most characters and leaves the fewest aside.
                let score = mangled - counts.errors - foreign
                if best == nil || score > best!.score { best = (page, score) }
            }
            guard let page = best?.page else { return nil }
            let (count, _) = PageBytes.write(utf8, through: page, into: buffer)
            return (page, UTF8Scan(Array(buffer[..<count])[...]))
        }
    }

    /// A text's scalars as the bytes of a code page (a scalar the page has no byte for, a
    /// character that was never mangled, as its own UTF-8), counting those foreign ones.
    /// Read from the text's UTF-8 (ASCII passed on as it is, a longer sequence decoded from
    /// its lead byte), nothing allocated: this ran at 100 instructions a character through
    /// the scalar view and an array per foreign character.
    struct PageBytes: IteratorProtocol {
        let utf8: UnsafeBufferPointer<UInt8>
        let page: CodePage
        var foreign = 0
        private var index = 0
        /// A foreign character's remaining bytes, from `pendingStart` to `pendingEnd`.
        private var pendingStart = 0, pendingEnd = 0

        init(utf8: UnsafeBufferPointer<UInt8>, page: CodePage) {
            self.utf8 = utf8
            self.page = page
        }

        /// Writes the text's bytes through `page` at the start of `buffer` (as long as the
        /// text's UTF-8); returns how many bytes, and how many characters were foreign to it.
        static func write(_ utf8: UnsafeBufferPointer<UInt8>, through page: CodePage,
                          into buffer: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, foreign: Int) {
            var iterator = PageBytes(utf8: utf8, page: page)
            var count = 0
            while let byte = iterator.next() { buffer[count] = byte; count += 1 }
            return (count, iterator.foreign)
        }

        @inline(__always)
        mutating func next() -> UInt8? {
            if pendingStart < pendingEnd {
                pendingStart += 1
                return utf8[pendingStart - 1]
            }
            guard index < utf8.count else { return nil }
            let lead = utf8[index]
            if lead < 0x80 { index += 1; return lead }
            let length = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, utf8.count - index)
            var value = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
            for k in 1..<max(length, 1) { value = value << 6 | UInt32(utf8[index + k] & 0x3F) }
            let start = index
            index += length
            if let scalar = Unicode.Scalar(value), let byte = page.byte(for: scalar) { return byte }
            foreign += 1
            pendingStart = start + 1
            pendingEnd = start + length
            return lead
        }
    }

    /// A cheap look for the mark of double encoding: a character that stands for a UTF-8
    /// lead byte (`Ã`, `Â`, `â`, `ï`, `ğ`, `ð`…) right before one that stands for a
    /// continuation byte (U+0080-U+00BF, or a code-page sign such as `Œ`, `Ÿ`, `€`, `™`).
    static func mightBeDoubleEncoded(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i + 2 < n {
                // Eight ASCII bytes at a time (no lead byte among them).
                if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = bytes[i]
                if b < 0xC3 { i += 1; continue }
                let lead = (b == 0xC3 && (0x82...0xB4).contains(bytes[i + 1])) || (b == 0xC4 && bytes[i + 1] == 0x9F)
                if lead {
                    let next = bytes[i + 2]
                    if next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2 { return true }
                }
                i += 1
            }
            return false
        }
    }

    static func removeControlCharacters(_ text: String) -> (String, [(Int, Int, Unicode.Scalar)]) {
        // Control characters are single bytes below 0x20 or 0x7F, or C2 80-C2 9F (C1).
        guard ControlCharacters.mightHold(text.utf8) else { return (text, []) }
        var found: [(Int, Int, Unicode.Scalar)] = []
        var scalars = String.UnicodeScalarView()
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if ControlCharacters.isControl(scalar) {
                // Columns count as in the file the author edits, removed characters included.
                found.append((line, column, scalar))
                column += 1
                continue
            }
            scalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (String(scalars), found)
    }

    private static func group(_ spots: [UTF8Scan.Spot]) -> [(line: Int, columns: [Int])] {
        var result: [(line: Int, columns: [Int])] = []
        for spot in spots {
            if result.last?.line == spot.line {
                result[result.count - 1].columns.append(spot.column)
            } else {
                result.append((spot.line, [spot.column]))
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// `U+001B`.
    var codePointName: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// A UTF-8 decoding that drops each invalid sequence and remembers where it was.
struct UTF8Scan {
    struct Spot: Equatable { var line: Int; var column: Int }

    var text: String
    var errors: [Spot] = []
    /// How many valid scalars took more than one byte.
    var validMultibyte = 0

    /// What `init` would find, without making the text: valid multibyte scalars, and
    /// invalid sequences (those in a row counted once, as `errors` holds them).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (validMultibyte: Int, errors: Int) {
        var pieces = Pieces(bytes: bytes)
        var multibyte = 0, errors = 0
        var afterError = false
        while let piece = pieces.next() {
            switch piece {
            case .ascii: afterError = false
            case .scalar: multibyte += 1; afterError = false
            case .invalid:
                if !afterError { errors += 1 }
                afterError = true
            }
        }
        return (multibyte, errors)
    }

    /// Bytes read as UTF-8: an ASCII byte as it is (most of a lesson, a comparison each), any
    /// other sequence through the standard library's parser, which says whether it is a
    /// scalar or how many bytes are an invalid sequence (the same answers as one parser run
    /// over the whole text: it never looks past a sequence's maximal invalid part).
    struct Pieces {
        enum Piece { case ascii(UInt8), scalar(Unicode.UTF8.EncodedScalar), invalid }
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        @inline(__always)
        mutating func next() -> Piece? {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; return .ascii(byte) }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = UnsafeBufferPointer(rebasing: bytes[index ..< min(index + 4, bytes.count)]).makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): index += encoded.count; return .scalar(encoded)
            case .error(let length): index += length; return .invalid
            case .emptyInput: index = bytes.count; return nil
            }
        }
    }

    init(_ bytes: ArraySlice<UInt8>) {
        // Valid UTF-8 (a repaired double encoding nearly always is): the standard library's
        // validation, and the lead bytes counted, instead of a scalar at a time.
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            validMultibyte = bytes.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }
            return
        }
        // The valid sequences' bytes, kept as they are (the text is made once, at its size).
        var kept = [UInt8]()
        kept.reserveCapacity(bytes.count)
        var line = 1, column = 1
        var multibyte = 0
        var errors: [Spot] = []
        bytes.withUnsafeBufferPointer { buffer in
            var pieces = Pieces(bytes: buffer)
            while let piece = pieces.next() {
                switch piece {
                case .ascii(let byte):
                    kept.append(byte)
                    if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
                case .scalar(let encoded):
                    multibyte += 1
                    kept.append(contentsOf: encoded)
                    column += 1
                case .invalid:
                    if errors.last != Spot(line: line, column: column) { errors.append(Spot(line: line, column: column)) }
                }
            }
        }
        validMultibyte = multibyte
        self.errors = errors
        text = String(decoding: kept, as: UTF8.self)
    }
}
