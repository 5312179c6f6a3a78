import Canvas
import Course
import Facts
import Mermaid
import Testing

/// One printable-character rule and one HTML-entity decoder, used by every reader.
@Suite struct OneRuleTests {
    @Test func tabAndLineFeedStayEveryOtherControlGoes() {
        #expect(!ControlCharacters.isControl("\t") && !ControlCharacters.isControl("\n"))
        for v: UInt32 in [0x00, 0x07, 0x0D, 0x1B, 0x7F, 0x80, 0x9B, 0x9F] { #expect(ControlCharacters.isControl(v), "U+\(v)") }
        for v: UInt32 in [0x20, 0x41, 0xA0, 0xE9] { #expect(!ControlCharacters.isControl(v)) }
        // The same answer from a span, the loader and the terminal-safe output.
        let text = "a\u{1B}[31mb\tc\nd\u{7F}e\u{9B}f"
        #expect(ControlCharacters.removed(from: text) == "a[31mb\tc\ndef")
        #expect(Span(text).text == "a[31mb\tc\ndef")
    }

    @Test func oneDecoderForLessonsAndDiagramLabels() {
        #expect(HTMLEntities.decode("caf&eacute; &amp; th&#xE9; &#8594;") == "café & thé →")
        #expect(HTMLEntities.decode("&#27;[31m") == "[31m", "a reference to ESC makes no ESC")
        #expect(LabelText.decodeEntities("#quot;A#quot; #9829; &#x1B;") == "\"A\" ♥ ", "mermaid's forms, and no control character either")
        #expect(HTMLEntities.decode("#quot;") == "#quot;", "the hash form is Mermaid's only")
        #expect(HTMLEntities.decode("AT&T; & co") == "AT&T; & co", "an unknown name stays as written")
    }
}

/// The audit: bidi controls and zero-width characters from a lesson never reach the terminal.
@Suite struct InvisibleCharacterTests {
    @Test func bidiOverridesAndZeroWidthSpacesAreDroppedJoinersKept() {
        let trojan = "admin\u{202E}\u{2066}txt.exe\u{2069}\u{202C} a\u{200B}b\u{2060}c\u{FEFF}"
        #expect(ControlCharacters.mightHold(trojan.utf8))
        #expect(ControlCharacters.removed(from: trojan) == "admintxt.exe abc")
        #expect(Span(trojan).text == "admintxt.exe abc")
        let emoji = "👩\u{200D}💻 café « ok »"
        #expect(!ControlCharacters.mightHold(emoji.utf8), "a zero-width joiner and Latin-1 letters are not controls")
        #expect(ControlCharacters.removed(from: emoji) == emoji)
    }

    /// The scan of contiguous bytes (the loader's) and the byte-by-byte one answer the same,
    /// for every control at every place, among French letters, emoji and random bytes.
    @Test func theFastScanAndTheByteByByteOneAgree() {
        let pieces: [[UInt8]] = [Array("é".utf8), Array("«".utf8), Array("👩\u{200D}💻".utf8), [0x41], [0x09], [0x0A],
                                 [0x1B], [0x7F], [0xC2, 0x85], [0xC2, 0xA0], [0xE2, 0x80, 0x8B], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAF],
                                 [0xE2, 0x81, 0xA0], [0xE2, 0x81, 0xA9], [0xE2, 0x81, 0xAA], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB], [0xE2], [0xC2]]
        var generator = SystemRandomNumberGenerator()
        let ascii = Array("Le paquet quitte front par eth0 : route par defaut via 10.244.1.1 ".utf8)
        for _ in 0..<6000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                // Runs of printable ASCII of every length, so that a piece falls at every
                // place of the eight-byte words the fast scan reads.
                bytes += ascii.prefix(Int.random(in: 0...20, using: &generator))
                if Bool.random(using: &generator) { bytes += pieces.randomElement(using: &generator)! }
                else { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
            }
            bytes += ascii.prefix(Int.random(in: 0...20, using: &generator))
            let fast = bytes.withUnsafeBufferPointer { ControlCharacters.mightHold(buffer: $0) }
            let slow = ControlCharacters.mightHold(bytes.lazy.map { $0 })
            #expect(fast == slow, "\(bytes)")
        }
    }

    @Test func theLoaderSaysWhereItRemovedThem() {
        let lesson = Lesson.parse(bytes: Array("---\ntitle: t\n---\n\n# Titre \u{202E}caché\n".utf8), file: "l.md")
        #expect(lesson.diagnostics.contains { $0.line == 5 && $0.column == 9 && $0.message == .loader(.controlCharacterRemoved("U+202E")) })
        #expect(lesson.slides.first?.firstHeading?.title == "Titre caché")
    }
}

/// What replaced Foundation's string functions (`Facts/Text.swift`): the same answers.
@Suite struct TextFunctionTests {
    @Test func searchFoldingDropsCaseAccentsAndWidth() {
        #expect("Élève ÇA à l'œil Ａｂ Ñ ﬁ".foldedForSearch() == "eleve ca a l'œil ab n ﬁ")
        #expect("re\u{301}seau".foldedForSearch() == "reseau", "a combining accent is dropped")
    }

    @Test func blanksAreSpacesAndTabsNotLineBreaks() {
        #expect(" \t\u{A0}\u{2009}mot \t".trimmingBlanks() == "mot")
        #expect("\nmot\n".trimmingBlanks() == "\nmot\n")
        #expect("  ".trimmingBlanks() == "" && "\"a b\" ".trimming("\" ") == "a b")
    }

    @Test func pathsAsNSStringReadThem() {
        #expect(Paths.lastComponent("/a/b/03-clusterip.md") == "03-clusterip.md" && Paths.lastComponent("a/b/") == "b")
        #expect(Paths.pathExtension("a/b.MD") == "MD" && Paths.pathExtension(".hidden") == "" && Paths.pathExtension("x") == "")
        #expect(Paths.deletingExtension("a/03.md") == "a/03" && Paths.deletingLastComponent("a/b.md") == "a")
        #expect(Paths.appending("lab", "x.yaml") == "lab/x.yaml" && Paths.appending("lab/", "x.yaml") == "lab/x.yaml")
        #expect(Paths.standardized("/a/./b/../c//d") == "/a/c/d" && Paths.standardized("/../x") == "/x")
    }

    @Test func printfAndStrftime() {
        #expect(cFormat("%0.10f", 1.0 / 3.0) == "0.3333333333" && cFormat("%%%02X", UInt8(0xE9)) == "%E9")
        #expect(cFormat("%.0f %%", 49.6) == "50 %")
        #expect(cTime("%Y-%m-%d %H:%M", seconds: 86_400 * 365, utc: true) == "1971-01-01 00:00")
    }
}
