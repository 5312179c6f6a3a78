import Facts
import Glibc
/// A first pass over a lesson's lines, before cmark sees them: it finds the frontmatter
/// and the `:::name` / `:::` directive lines (outside code fences).
///
/// cmark knows nothing of directives, and a bare `:::` line would be read as a lazy
/// continuation of the paragraph or list item above it. Each directive line is therefore
/// rewritten as a one-line HTML comment, `<!--reseau:directive:N-->`, which CommonMark
/// treats as an HTML block that interrupts a paragraph and ends on the same line. The
/// block builder turns those markers back into directives. Line numbers do not change.
struct SourceLayout {
    struct Marker: Equatable {
        enum Kind: Equatable { case open(name: String, label: String?), close }
        var kind: Kind
        var line: Int
        var column: Int
        /// How many colons: a longer fence may hold shorter ones.
        var colons: Int
    }

    static let markerPrefix = "<!--reseau:directive:"

    var frontmatter: (yaml: String, line: Int)?
    /// The text handed to cmark, as UTF-8 bytes.
    var markdown: [UInt8]
    var markers: [Marker] = []
    /// The `$…$` math spans, in order: the text cmark sees holds a placeholder instead
    /// (see `MathSpans`), so that escapes and `*` inside them are kept as written.
    var mathSpans: [String] = []
    /// `[^label]:` footnote definitions: label, line and column.
    var footnoteDefinitions: [(label: String, line: Int, column: Int)] = []
    /// The 1-based lines, in order, that are `---` after a blank line outside fences and
    /// display math: thematic breaks to cmark unless inside some other block.
    var breakLines: [Int] = []
    var diagnostics: [Diagnostic] = []

    init(text: String, file: String) {
        var text = text
        let lines = text.withUTF8 { Self.lineRanges($0) }
        var replacements: [(range: Range<Int>, with: String)] = []
        var bodyStart = 0

        func line(_ i: Int) -> Substring {
            let r = lines[i]
            let utf8 = text.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
        }

        if !lines.isEmpty, line(0).trimmingSpaces() == "---" {
            if let end = (1..<lines.count).first(where: { let t = line($0).trimmingSpaces(); return t == "---" || t == "..." }) {
                frontmatter = ((1..<end).map { String(line($0)) }.joined(separator: "\n"), 2)
                // Blank lines keep cmark's line numbers those of the file.
                for i in 0...end { replacements.append((lines[i], "")) }
                bodyStart = end + 1
            } else {
                diagnostics.append(Diagnostic(
                    file: file, line: 1, column: 1, severity: .error,
                    message: .loader(.frontmatterUnclosed)))
            }
        }

        // Only lines whose first visible character is ` ~ : or [ matter here; they are
        // found on the bytes, and only they become strings.
        var fence: (byte: UInt8, count: Int)?
        var displayMath = false
        // `---` lines after a blank line, which may end a slide (and a part of cmark's work,
        // see `MarkdownStream`): kept below when outside fences and display math.
        var possibleBreaks: [Int] = []
        let candidates: [Int] = text.withUTF8 { bytes in
            var found: [Int] = []
            var previousBlank = true
            for i in bodyStart..<lines.count {
                var j = lines[i].lowerBound
                while j < lines[i].upperBound, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                let blank = j == lines[i].upperBound
                defer { previousBlank = blank }
                guard !blank else { continue }
                let b = bytes[j]
                if b == UInt8(ascii: "-"), j == lines[i].lowerBound, previousBlank {
                    var k = j
                    while k < lines[i].upperBound, bytes[k] == UInt8(ascii: "-") { k += 1 }
                    let dashes = k - j
                    while k < lines[i].upperBound, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                    if dashes >= 3, k == lines[i].upperBound {
                        possibleBreaks.append(i)
                        found.append(i)
                        continue
                    }
                }
                if b == UInt8(ascii: "`") || b == UInt8(ascii: "~") || b == UInt8(ascii: ":") || b == UInt8(ascii: "[")
                    || memchr(bytes.baseAddress! + j, Int32(UInt8(ascii: "$")), lines[i].upperBound - j) != nil {
                    found.append(i)
                }
            }
            return found
        }
        // Read by bytes, as cmark reads fences: a backtick is a backtick even when a combining
        // mark follows it (and stepping by Characters cost the loader 5 % of its time).
        var nextPossibleBreak = 0
        for i in candidates {
            let text = line(i)
            let indentCount = Self.leading(text.utf8) { $0 == 0x20 || $0 == 0x09 }
            let body = Substring(text.utf8.dropFirst(indentCount))
            let bytes = body.utf8
            if let open = fence {
                let run = Self.leading(bytes) { $0 == open.byte }
                if run >= open.count, Self.isBlank(bytes.dropFirst(run)) { fence = nil }
                continue
            }
            // `$$` alone on a line opens and closes display math: read as a `math` code block.
            if Self.isDisplayMathFence(bytes) {
                let indent = String(Substring(text.utf8.prefix(indentCount)))
                replacements.append((lines[i], indent + (displayMath ? "```" : "```math")))
                displayMath.toggle()
                continue
            }
            if displayMath { continue }
            while nextPossibleBreak < possibleBreaks.count, possibleBreaks[nextPossibleBreak] < i { nextPossibleBreak += 1 }
            if nextPossibleBreak < possibleBreaks.count, possibleBreaks[nextPossibleBreak] == i {
                breakLines.append(i + 1)
                continue
            }
            if let first = bytes.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = Self.leading(bytes) { $0 == first }
                if run >= 3, !(first == UInt8(ascii: "`") && bytes.dropFirst(run).contains(UInt8(ascii: "`"))) {
                    fence = (first, run)
                }
                continue
            }
            if bytes.starts(with: "[^".utf8), let close = bytes.firstIndex(of: UInt8(ascii: "]")),
               bytes[bytes.index(after: close)...].first == UInt8(ascii: ":") {
                let label = body[bytes.index(bytes.startIndex, offsetBy: 2)..<close]
                footnoteDefinitions.append((String(label), i + 1, indentCount + 1))
            }
            if bytes.contains(UInt8(ascii: "$")), let protected = MathSpans.protect(text, startingAt: mathSpans.count) {
                replacements.append((lines[i], protected.line))
                mathSpans += protected.spans
                continue
            }
            guard bytes.starts(with: ":::".utf8) else { continue }
            guard let marker = Self.parseMarker(body, line: i + 1, column: indentCount + 1, file: file,
                                                diagnostics: &diagnostics) else { continue }
            let indent = String(Substring(text.utf8.prefix(indentCount)))
            replacements.append((lines[i], indent + "\(Self.markerPrefix)\(markers.count)-->"))
            markers.append(marker)
        }
        markdown = replacements.isEmpty ? Array(text.utf8) : Self.apply(replacements, to: text)
    }

    /// How many bytes at the start satisfy `predicate`.
    static func leading(_ bytes: Substring.UTF8View, _ predicate: (UInt8) -> Bool) -> Int {
        var count = 0
        for byte in bytes {
            guard predicate(byte) else { break }
            count += 1
        }
        return count
    }

    /// Nothing but spaces and tabs.
    static func isBlank(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `$$` with only spaces or tabs around it.
    static func isDisplayMathFence(_ bytes: Substring.UTF8View) -> Bool {
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let rest = bytes[start...]
        return rest.starts(with: "$$".utf8) && isBlank(rest.dropFirst(2))
    }

    /// The byte ranges of the lines, without their newlines.
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return [0..<0] }
        var start = 0
        while let found = memchr(base + start, 0x0A, bytes.count - start) {
            let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// The text with each range (in order, not overlapping) replaced.
    static func apply(_ replacements: [(range: Range<Int>, with: String)], to text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + replacements.count * 32)
        var text = text
        text.withUTF8 { bytes in
            var position = 0
            for (range, replacement) in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                out.append(contentsOf: bytes[position..<range.lowerBound])
                out.append(contentsOf: replacement.utf8)
                position = range.upperBound
            }
            out.append(contentsOf: bytes[position..<bytes.count])
        }
        return out
    }

    /// `:::name`, `:::name[label]`, `:::name[label]{attrs}` or a closing `:::`.
    static func parseMarker(_ body: Substring, line: Int, column: Int, file: String,
                            diagnostics: inout [Diagnostic]) -> Marker? {
        let colons = body.prefix { $0 == ":" }.count
        var rest = body.dropFirst(colons)
        if rest.trimmingSpaces().isEmpty {
            return Marker(kind: .close, line: line, column: column, colons: colons)
        }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard let first = name.first, first.isLetter else { return nil }
        rest = rest.dropFirst(name.count)
        var label: String?
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            label = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
        if rest.first == "{", let close = rest.firstIndex(of: "}") {
            rest = rest[rest.index(after: close)...]
        }
        let trailing = rest.trimmingSpaces()
        if !trailing.isEmpty {
            diagnostics.append(Diagnostic(
                file: file, line: line, column: column + colons + name.count, severity: .warning,
                message: .loader(.directiveTrailingText(name: String(name), trailing: String(trailing)))))
            label = label ?? trailing
        }
        return Marker(kind: .open(name: String(name), label: label), line: line, column: column, colons: colons)
    }

    /// The marker index an HTML block stands for, if it is one of ours.
    static func markerIndex(inHTML html: String) -> Int? {
        let trimmed = html.trimmingSpaces()
        guard trimmed.hasPrefix(markerPrefix) else { return nil }
        let digits = trimmed.dropFirst(markerPrefix.count).prefix { $0.isNumber }
        return Int(digits)
    }
}
