import Speech
import Words
import Testing
@testable import Course

/// The typed block model over `Tests/Fixtures/lessons/every-block.md`, which holds one of
/// everything the lesson format allows.
struct BlockModelTests {
    let lesson = Lesson.load(path: Paths.fixture("every-block.md"))

    func blocks(_ slide: Int) -> [Block] { lesson.slides[slide - 1].blocks }

    @Test func loadsCleanly() {
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides.count == 4, "thematic breaks ---, *** and ___ end slides; trailing empty ones are dropped")
    }

    @Test func frontmatterKeysAndUnknownOnesKept() {
        let fm = lesson.frontmatter
        #expect(fm.title == "Tous les blocs")
        #expect(fm.license == "CC BY-SA 4.0")
        #expect(fm.tags == ["test", "réseau"])
        #expect(fm.order == 2)
        #expect(fm.lang == "fr")
        #expect(fm.extra == ["layout": "@layouts/CoursePartLayout.astro", "auteur": "Nous"])
    }

    @Test func inlineRuns() throws {
        guard case .paragraph(let p) = blocks(1)[1] else { throw Failure("no paragraph") }
        #expect(p.content.contains(.emphasis([.text("accentué")])))
        #expect(p.content.contains(.strong([.text("fort")])))
        #expect(p.content.contains(.code("code")))
        #expect(p.content.contains(.strikethrough([.text("barré")])), "one tilde")
        #expect(p.content.contains(.strikethrough([.text("doublement barré")])), "two tildes")
        #expect(p.content.contains(.link(target: "https://kubernetes.io", title: "titre", content: [.text("lien")])))
        #expect(p.content.contains(.link(target: "https://example.com", title: "", content: [.text("https://example.com")])))
        #expect(p.content.contains(.lineBreak))
        #expect(p.content.contains(.softBreak))
        #expect(p.content.contains(.image(alt: "un schéma", target: "schema.png")))
        #expect(p.content.contains(.footnoteReference("1")))
    }

    @Test func headingDropsItsDecorativeEmoji() throws {
        guard case .heading(let h) = blocks(1)[0] else { throw Failure("no heading") }
        #expect(h.level == 2)
        #expect(h.content.plainText == "🚀 Blocs simples")
        #expect(h.title == "Blocs simples")
        #expect(lesson.toc.map(\.title) == ["Blocs simples", "Listes"])
        #expect(lesson.toc.map(\.slide) == [1, 2])
    }

    @Test func footnoteStaysOnItsSlide() throws {
        guard case .footnote(let f) = blocks(1).last else { throw Failure("footnote moved") }
        #expect(f.label == "1")
        #expect(f.blocks.map(\.searchText) == ["La note de bas de page."])
    }

    @Test func nestedOrderedAndTaskLists() throws {
        guard case .list(let list) = blocks(2)[1] else { throw Failure("no list") }
        #expect(list.ordered)
        #expect(list.start == 1)
        #expect(list.items.count == 2)
        guard case .list(let inner) = list.items[1].blocks[1] else { throw Failure("no nested list") }
        #expect(!inner.ordered)
        #expect(inner.items.map(\.checked) == [nil, true, false])
        #expect(inner.items[1].blocks.map(\.searchText) == ["tâche faite"])
        guard case .quote(let q) = blocks(2)[2] else { throw Failure("no quote") }
        #expect(q.blocks.map(\.searchText) == ["Une citation sur deux lignes."])
    }

    @Test func codeBlockWithOptionsAndCaption() throws {
        guard case .code(let code) = blocks(3)[0] else { throw Failure("no code") }
        #expect(code.language == "yaml")
        #expect(code.options == "{9,12} title=\"pod.yaml\"")
        #expect(code.highlightedLines == [9, 12])
        #expect(code.title == "pod.yaml")
        #expect(code.text == "apiVersion: v1\nkind: Pod\n")
        #expect(code.caption == [.text("Un "), .link(target: "https://kubernetes.io/docs/", title: "", content: [.text("Pod")]),
                                 .text(" minimal."), .lineBreak, .text("Fin.")])
    }

    @Test func tableWithAlignment() throws {
        guard case .table(let table) = blocks(3)[1] else { throw Failure("no table") }
        #expect(table.alignments == [.left, .center])
        #expect(table.header.map(\.plainText) == ["Cas", "Type"])
        #expect(table.rows.map { $0.map(\.plainText) } == [["interne", "ClusterIP"], ["externe", "NodePort"]])
        #expect(table.rows[0][1] == [.strong([.text("ClusterIP")])])
    }

    @Test func directivesNestAndHoldBlocks() throws {
        let slide = blocks(4)
        guard case .directive(let tip) = slide[0],
              case .directive(let warning) = slide[1],
              case .directive(let correction) = slide[2] else { throw Failure("directives missing") }
        #expect(tip.kind == .tip)
        #expect(tip.blocks.map(\.kindName) == ["paragraph", "list"], "the closing ::: is not swallowed by the list")
        #expect(warning.label == "Attention")
        #expect(warning.blocks.map(\.kindName) == ["directive:note", "paragraph"])
        #expect(correction.kind.startsHidden)
        guard case .list(let list) = slide[3] else { throw Failure("no list") }
        #expect(list.items[0].blocks.map(\.kindName) == ["paragraph", "directive:info"], "an indented directive inside a list item")
    }

    @Test func mermaidSceneAndHTML() throws {
        let slide = blocks(4)
        guard case .mermaid(let diagram) = slide[4] else { throw Failure("no mermaid") }
        #expect(diagram.source == "flowchart LR\n  a --> b\n")
        #expect(diagram.line == 70)
        guard case .scene(let scene) = slide[5] else { throw Failure("no scene") }
        #expect(scene.source.hasPrefix("apiVersion: reseau/v1"))
        #expect(slide[6].searchText == "Texte Ctrl+C gardé & décodé.", "HTML tags dropped, text and entities kept")
        #expect(slide.count == 7, "the <script> block leaves nothing")
    }

    @Test func directiveKindAliases() {
        #expect(DirectiveKind(name: "warn") == .warning)
        #expect(DirectiveKind(name: "exo") == .exo)
        #expect(DirectiveKind(name: "strong") == .strong)
        #expect(DirectiveKind(name: "unknown") == .unknown)
        #expect(DirectiveKind(name: "bidule") == .unknown)
    }
}

struct SlideSplittingTests {
    @Test func oldLayoutSectionMarkerIsASlideBreakNotAHeading() {
        let lesson = Lesson.load(path: Paths.fixture("old-slide-marker.md"))
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides.map { $0.firstHeading?.title } == ["Première", "Deuxième"])
        #expect(!lesson.toc.contains { $0.title.contains("layout") })
    }

    @Test func aSetextHeadingThatIsNotAMarkerStaysAHeading() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\nNote: important\n---\n\nTexte.\n", file: "t.md")
        #expect(lesson.slides.count == 1)
        #expect(lesson.toc.map(\.title) == ["Note: important"])
    }

    @Test func breaksInsideFencesListsAndDirectivesDoNotSplit() {
        let text = """
        ---
        title: t
        ---

        ```yaml
        a: 1
        ---
        b: 2
        ```

        - item

          ---

        :::tip
        avant

        ---

        après
        :::
        """
        let lesson = Lesson.parse(text: text, file: "t.md")
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides.count == 1)
        #expect(lesson.slides[0].blocks.map(\.kindName) == ["code:yaml", "list", "directive:tip"])
    }

    /// A fence is found by its bytes, as cmark finds it: a combining accent after the third
    /// backtick leaves it a fence (cmark reads the accent as the info string), so a `:::` line
    /// inside stays code instead of opening a directive.
    @Test func aFenceWhoseInfoStartsWithACombiningMarkStillHoldsItsLines() {
        let text = "---\ntitle: t\n---\n\n```\u{0301}\n:::tip\nx\n:::\n```\n\nFin.\n"
        let lesson = Lesson.parse(text: text, file: "t.md")
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.slides[0].blocks.map(\.kindName) == ["code:\u{0301}", "paragraph"])
        guard case .code(let code)? = lesson.slides[0].blocks.first else { Issue.record("no code block"); return }
        #expect(code.text == ":::tip\nx\n:::\n")
    }

    /// HTML is read by bytes: what a reader sees of tags, attributes, comments and a lone `<`.
    @Test func htmlTextAttributesAndStrayBrackets() {
        let text = """
        ---
        title: t
        ---

        Voir <a HREF='https://x.y/é?a=1&amp;b=2'>le <em>lien</em></a>, <img alt="schéma &eacute;" src=a.png/>, 3 < 4 et <é> <!-- note --> fin.

        <DIV CLASS="note caption">Légende</DIV>
        """
        let lesson = Lesson.parse(text: text, file: "t.md")
        let blocks = lesson.slides[0].blocks
        guard case .paragraph(let paragraph)? = blocks.first else { Issue.record("no paragraph"); return }
        #expect(paragraph.content.contains(.link(target: "https://x.y/é?a=1&b=2", title: "", content: [.text("le lien")])), "an HTML <em> is dropped, its text kept")
        #expect(paragraph.content.contains(.image(alt: "schéma é", target: "a.png")))
        #expect(blocks[0].searchText.hasSuffix(", 3 < 4 et <é>  fin."), "a < that opens no tag stays, a comment goes")
        #expect(blocks.count == 2)
        #expect(blocks[1].searchText == "Légende", "an upper-case caption with no figure before it is a paragraph")
    }

    @Test func aFolderIsSortedByFrontmatterOrderThenName() {
        let course = Curriculum.load(paths: [Paths.repository.appendingPathComponent("Tests/Fixtures/lessons").path])
        // every-block.md has `order: 2`, the only one with an order: it comes first.
        #expect(course.lessons.first?.title == "Tous les blocs")
        let rest = course.lessons.dropFirst().map(\.file)
        #expect(rest == rest.sorted())
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// KaTeX math is kept as text, exactly as written (`$…$` inline, `$$` blocks).
struct MathTests {
    @Test func inlineMathKeepsEscapesAndStars() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\nSoit $a*b*c = \\{x\\}$ et `$HOME` ou 5 $ et 10 $, puis $$E=mc^2$$.\n", file: "t.md")
        #expect(lesson.slides[0].blocks.map(\.searchText) == ["Soit $a*b*c = \\{x\\}$ et $HOME ou 5 $ et 10 $, puis $$E=mc^2$$."])
        guard case .paragraph(let p) = lesson.slides[0].blocks[0] else { return }
        #expect(!p.content.contains { if case .emphasis = $0 { true } else { false } })
    }

    @Test func shellVariablesAreNotMath() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\nexport PATH=$HOME/bin:$PATH et $USER\n", file: "t.md")
        #expect(lesson.slides[0].blocks.map(\.searchText) == ["export PATH=$HOME/bin:$PATH et $USER"])
    }

    @Test func displayMathIsAMathBlock() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\n$$\n\\frac{a}{b} * c\n$$\n\nAprès.\n", file: "t.md")
        #expect(lesson.diagnostics.isEmpty)
        guard case .code(let code) = lesson.slides[0].blocks[0] else {
            Issue.record("no math block")
            return
        }
        #expect(code.language == "math")
        #expect(code.text == "\\frac{a}{b} * c\n")
        #expect(code.line == 5)
        #expect(lesson.slides[0].blocks[1].searchText == "Après.")
    }
}
