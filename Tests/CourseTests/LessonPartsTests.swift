@testable import Course
import Facts
import Foundation
import Testing

/// cmark's tree is made a part of the lesson at a time (#20, a large lesson's memory). The
/// lesson read in parts must be the lesson read whole: the same slides, lines and messages.
@Suite struct LessonPartsTests {
    /// Read whole (one part), and in parts ending on every break cmark confirms.
    static func bothWays(_ text: String, file: String = "parts.md")
        -> (whole: Lesson, inParts: Lesson, parts: Int, reparsed: Int) {
        let whole = Lesson.parseCountingParts(owned: text, file: file, partBytes: Int.max)
        #expect(whole.parts == 1)
        let split = Lesson.parseCountingParts(owned: text, file: file, partBytes: 0)
        return (whole.lesson, split.lesson, split.parts, split.reparsed)
    }

    static func expectSame(_ a: Lesson, _ b: Lesson, _ name: String) {
        #expect(a.slides == b.slides, "\(name): slides")
        #expect(a.toc == b.toc, "\(name): table of contents")
        #expect(a.diagnostics == b.diagnostics, "\(name): diagnostics")
        #expect(a.frontmatter == b.frontmatter, "\(name): frontmatter")
    }

    static let tricky = """
    ---
    title: Des pièges
    ---

    # Un

    Un paragraphe.

    ---

    ```yaml
    kind: Service

    ---
    kind: Pod
    ```

    ---

    <!-- un commentaire

    ---

    la fin du commentaire -->

    ---

    - une liste
    - lâche

      ---

    ---

    > une citation

    ---

    :::note
    Dans une directive

    ---

    toujours dedans
    :::

    ---

    Titre souligné
    ---

    ---

        du code indenté

    ---

    | a | b |
    |---|---|
    | 1 | 2 |

    ---

    $$
    x

    ---
    y
    $$

    ---

    ## Deux

    Un [lien](https://kubernetes.io) et ~~barré~~.

    ---
    """

    @Test func aLessonOfTrapsReadInPartsIsTheLessonReadWhole() {
        let (whole, inParts, parts, reparsed) = Self.bothWays(Self.tricky)
        Self.expectSame(whole, inParts, "tricky")
        #expect(parts >= 10, "it was read in parts (\(parts))")
        #expect(reparsed >= 1, "the `---` inside the HTML comment is not a break: that part is read again")
        // What a person sees: the slide with "Deux" keeps its heading's line in the file.
        let deux = inParts.slides.first { $0.blocks.contains { if case .heading(let h) = $0 { h.content.plainText == "Deux" } else { false } } }
        let line = deux?.blocks.compactMap { if case .heading(let h) = $0 { h.line } else { nil } }.first
        #expect(line == Self.tricky.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "## Deux").map { $0 + 1 })
        #expect(inParts.slides.count == whole.slides.count)
    }

    @Test func aLinkDefinedElsewhereInTheLessonStillResolves() {
        let text = "---\ntitle: t\n---\n\n# Un\n\nVoir [la doc][doc].\n\n---\n\n# Deux\n\n[doc]: https://kubernetes.io/docs/\n"
        let (whole, inParts, parts, _) = Self.bothWays(text)
        Self.expectSame(whole, inParts, "reference")
        #expect(parts == 1, "a lesson with `]:` is read whole")
        let link = inParts.slides.first?.blocks.first { if case .paragraph = $0 { true } else { false } }
        guard case .paragraph(let p) = link else { Issue.record("no paragraph"); return }
        #expect(p.content.contains { if case .link = $0 { true } else { false } })
    }

    @Test func aDirectiveOpenAcrossABreakIsReportedWhereItOpened() {
        let text = "---\ntitle: t\n---\n\n:::lab\nDébut\n\n---\n\nSuite\n"
        let (whole, inParts, parts, _) = Self.bothWays(text)
        Self.expectSame(whole, inParts, "directive")
        #expect(parts == 2)
        #expect(inParts.diagnostics.contains { $0.line == 5 && $0.message == .loader(.unclosedDirective("lab")) })
    }

    @Test func everyPageWeHaveReadsTheSameInParts() throws {
        var files: [String] = []
        let lessons = Paths.repository.appendingPathComponent("Lessons").path
        let fixtures = Paths.repository.appendingPathComponent("Tests/Fixtures/lessons").path
        for folder in [lessons, fixtures] + (Paths.hasShared ? [Paths.corpusCourse] : []) {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
            files += names.sorted().map { folder + "/" + $0 }
        }
        if Paths.hasShared { files.append(Paths.seedPage) }
        var split = 0
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else { continue }
            let decoded = SourceDecoder.decode(bytes, file: file)
            guard let text = decoded.text else { continue }
            let (whole, inParts, parts, _) = Self.bothWays(text, file: file)
            Self.expectSame(whole, inParts, file)
            if parts > 1 { split += 1 }
        }
        #expect(files.count >= 13)
        #expect(split >= 10, "most pages have slide breaks and were read in parts (\(split) of \(files.count))")
    }
}
