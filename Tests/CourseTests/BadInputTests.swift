import Speech
import Words
import Foundation
import Testing
@testable import Course

/// Each bad input the format names gets its exact diagnostic, and the rest of the lesson
/// still loads.
struct BadInputTests {
    func messages(_ lesson: Lesson) -> [String] {
        lesson.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.text)" }
    }

    @Test func unclosedDirectiveIsAnErrorButKeepsItsContent() {
        let lesson = Lesson.load(path: Paths.fixture("unclosed-directive.md"))
        #expect(messages(lesson) == [
            "9:1: error: directive `:::warning` is never closed (a line `:::` must end it); its content is kept",
        ])
        guard case .directive(let d)? = lesson.slides.first?.blocks.last else {
            Issue.record("the directive is gone")
            return
        }
        #expect(d.kind == .warning)
        #expect(d.label == "Attention")
        #expect(d.blocks.map(\.kindName) == ["paragraph", "list"])
    }

    @Test func badFrontmatterIsLocatedAndTheBodyLoads() {
        let lesson = Lesson.load(path: Paths.fixture("bad-frontmatter.md"))
        #expect(messages(lesson) == [
            "2:8: error: frontmatter: invalid YAML: while scanning a quoted scalar found unexpected end of stream (3:12)",
        ])
        #expect(lesson.title == "Le reste se lit")
        #expect(lesson.slides.count == 1)
        #expect(lesson.slides[0].blocks.map(\.kindName) == ["heading", "paragraph"])
    }

    @Test func malformedQuizIsAnErrorForThatBlockOnly() {
        let lesson = Lesson.load(path: Paths.fixture("bad-quiz.md"))
        #expect(messages(lesson) == [
            "14:11: error: quiz: answer `C` is not one of the choices",
            "18:11: error: quiz: invalid YAML: while parsing a flow sequence did not find expected ',' or ']' (19:1)",
        ])
        #expect(lesson.questions.count == 1)
        #expect(lesson.questions.first?.answers == [2])
        #expect(lesson.slides[0].blocks.last.map(\.kindName) == "paragraph")
    }

    @Test func unknownDirectiveIsAWarningAndAStrayCloserToo() {
        let lesson = Lesson.load(path: Paths.fixture("unknown-directive.md"))
        #expect(messages(lesson) == [
            "5:1: warning: unknown directive `:::remarque`: shown as a plain box titled \"remarque\"",
            "9:1: warning: `:::` closes no open directive: ignored",
        ])
        guard case .directive(let d)? = lesson.slides.first?.blocks.first else {
            Issue.record("the unknown directive was dropped")
            return
        }
        #expect(d.kind == .unknown)
        #expect(d.name == "remarque")
    }

    @Test func binaryFileIsRefusedWithAMessage() {
        let lesson = Lesson.load(path: Paths.fixture("binary.md"))
        #expect(messages(lesson) == ["1:1: error: binary file (NUL byte at offset 4), not a lesson: skipped"])
        #expect(lesson.slides.isEmpty)
    }

    @Test func missingFileIsAnError() {
        let course = Curriculum.load(paths: [Paths.fixture("nope.md")])
        #expect(course.allDiagnostics.map(\.text) == ["no such file or folder"])
    }

    @Test func controlCharactersNeverSurvive() {
        let lesson = Lesson.load(path: Paths.fixture("control-characters.md"))
        #expect(messages(lesson) == [
            "7:4: warning: control character U+001B removed",
            "7:14: warning: control character U+001B removed",
            "7:32: warning: control character U+0007 removed",
        ])
        let text = lesson.allBlocks.map(\.searchText).joined()
        #expect(text.contains("Un [31mrouge[0m et une cloche."))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    /// Found by fuzzing: cmark and our HTML reading decode numeric references, which can
    /// name a control character the source never held as such.
    @Test func referencesToControlCharactersDecodeToNothing() {
        let lesson = Lesson.parse(text: "# T\n\n<p>A &#27;[31m red &#x85; ok</p>\n\nAnd &#1; inline &#x1B;.\n", file: "r.md")
        let text = lesson.allBlocks.map(\.searchText).joined(separator: " ")
        #expect(text.contains("A [31m red  ok"))
        #expect(text.contains("And  inline ."))
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }

    @Test func bomAndCRLFAreRead() {
        let lesson = Lesson.load(path: Paths.fixture("bom-crlf.md"))
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.title == "BOM et CRLF")
        #expect(lesson.frontmatter.tags == ["a"])
        #expect(lesson.allBlocks.map(\.searchText) == ["Titre", "Café au lait."])
    }

    @Test func latin1FileIsReadAsWindows1252() {
        let bytes: [UInt8] = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n\nD".utf8) + [0xE9] + Array("j".utf8) + [0xE0]
        let lesson = Lesson.parse(bytes: bytes, file: "latin1.md")
        #expect(lesson.title == "Café")
        #expect(messages(lesson) == ["1:1: warning: file is not UTF-8: read as Windows-1252"])
        #expect(lesson.allBlocks.map(\.searchText) == ["Déjà"])
    }

    @Test func invalidUTF8InAnUTF8FileIsDroppedAndLocated() {
        let bytes: [UInt8] = Array("---\ntitle: Déjà\n---\n\nun ".utf8) + [0xFF] + Array(" deux".utf8)
        let lesson = Lesson.parse(bytes: bytes, file: "bad.md")
        #expect(messages(lesson) == ["5:4: warning: invalid UTF-8: 1 byte sequence dropped"])
        #expect(lesson.allBlocks.map(\.searchText) == ["un  deux"])
    }

    @Test func aCorrectFileWithAccentsAndEmojiIsNotRepaired() {
        let lesson = Lesson.parse(text: "---\ntitle: Réseau 🌐\n---\n\n## 🌐 Déjà vu\n\nÃ© n'est pas un accident ici.\n", file: "ok.md")
        let decoded = SourceDecoder.decode(Array("---\ntitle: Réseau 🌐\n---\n\nÉté à Noël, ça ! Ã©\n".utf8), file: "ok.md")
        #expect(decoded.repair == nil)
        #expect(decoded.text?.contains("Été à Noël") == true)
        #expect(lesson.toc.first?.title == "Déjà vu")
        // The cheap look's mark (`é` right before `…` or `→`) in a correct French text: every
        // code page is scored, none explains it, the text stays as written.
        let french = "---\ntitle: t\n---\n\nL’été… la sécurité→ d’abord.\n"
        #expect(SourceDecoder.mightBeDoubleEncoded(french))
        let kept = SourceDecoder.decode(Array(french.utf8), file: "fr.md")
        #expect(kept.repair == nil)
        #expect(kept.text == french)
    }

    /// The scan reads ASCII a byte at a time and gives the parser only the rest (#19): on
    /// random bytes, mostly French letters, emoji, broken and truncated sequences, it finds
    /// what one standard-library parser run over the whole text finds (text, where each
    /// invalid sequence was, how many scalars took several bytes).
    @Test func theUTF8ScanAgreesWithOneParserOverTheWholeText() {
        func reference(_ bytes: [UInt8]) -> (text: String, errors: [UTF8Scan.Spot], multibyte: Int) {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var kept: [UInt8] = [], errors: [UTF8Scan.Spot] = [], multibyte = 0
            var line = 1, column = 1
            loop: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    if encoded.count > 1 { multibyte += 1 }
                    kept.append(contentsOf: encoded)
                    if encoded.count == 1 && encoded.first == 0x0A { line += 1; column = 1 } else { column += 1 }
                case .error:
                    if errors.last != UTF8Scan.Spot(line: line, column: column) { errors.append(UTF8Scan.Spot(line: line, column: column)) }
                case .emptyInput: break loop
                }
            }
            return (String(decoding: kept, as: UTF8.self), errors, multibyte)
        }
        let pieces: [[UInt8]] = [Array("é".utf8), Array("🚀".utf8), Array("€".utf8), [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x9A],
                                 [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x0A], Array("ab ".utf8)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let scan = UTF8Scan(bytes[...]), expected = reference(bytes)
            #expect(scan.text == expected.text && scan.errors == expected.errors && scan.validMultibyte == expected.multibyte, "\(bytes)")
            let counted = bytes.withUnsafeBufferPointer { UTF8Scan.count($0) }
            #expect(counted.validMultibyte == expected.multibyte && counted.errors == expected.errors.count, "\(bytes)")
        }
    }

    @Test func fiftyThousandCharacterLinesLoad() {
        let long = String(repeating: "mot ", count: 12_500)
        let svg = "<svg width=\"10\">" + String(repeating: "<path d=\"M0 0\"/>", count: 3_200) + "</svg>"
        let text = "---\ntitle: Long\n---\n\n\(long)\n\n\(svg)\n\n## Après\n"
        let lesson = Lesson.parse(text: text, file: "long.md")
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides[0].blocks.map(\.kindName) == ["paragraph", "paragraph", "heading"])
        #expect(lesson.slides[0].blocks[1].searchText == "SVG")
    }

    @Test func tenMegabyteFileLoads() {
        var text = "---\ntitle: Gros\n---\n\n"
        let slide = "## Diapositive\n\n- un point avec du _texte_\n- un autre `code`\n\n:::tip\nAstuce.\n:::\n\n---\n\n"
        text.reserveCapacity(10_500_000)
        while text.utf8.count < 10_000_000 { text += slide }
        let lesson = Lesson.parse(bytes: Array(text.utf8), file: "big.md")
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides.count > 100_000)
    }

    @Test func unterminatedFenceAndFrontmatterDoNotHang() {
        let lesson = Lesson.parse(text: "---\ntitle: x\n\n```mermaid\nflowchart\n:::tip\n", file: "x.md")
        #expect(messages(lesson).first == "1:1: error: frontmatter: no closing `---` line; the file is read as Markdown only")
    }
}
