import Speech
import Words
import Canvas
import Course
import Mermaid
import Testing
@testable import Drawing

/// Blocks as a reader sees them, on the project's own fixture.
struct SlideRenderingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let lesson = Lesson.load(path: SlideRenderingTests.repository.appendingPathComponent("Tests/Fixtures/lessons/every-block.md").path)

    func text(_ slide: Int, width: Int = 60, ascii: Bool = false, french: Bool = true) -> [String] {
        SlideRenderer(width: width, ascii: ascii, language: french ? .fr : .en).render(lesson.slides[slide - 1]).map(\.text)
    }

    @Test func headingsParagraphsAndLinks() {
        let lines = text(1)
        #expect(lines[0] == "🚀 Blocs simples")
        #expect(lines[1] == String(repeating: "─", count: 16), "a level-2 heading is underlined to its width in cells")
        #expect(lines.joined(separator: " ").contains("un lien <https://kubernetes.io> et https://example.com."))
        #expect(lines.contains { $0.contains("[image: un schéma]") })
        #expect(lines.last == "[1] La note de bas de page.")
    }

    /// Seen on a course page (`Kubernetes ~~n'utilise pas le RBAC interne de etcd~~`): the
    /// struck words were drawn as plain text, saying the opposite of what the author meant.
    @Test func struckTextIsStruck() {
        let page = Lesson.parse(text: "---\ntitle: t\n---\n\nIl ~~n'utilise pas~~ etcd.\n", file: "t.md")
        let unicode = SlideRenderer(width: 60).render(page.slides[0]).map(\.text)
        #expect(unicode == ["Il n\u{336}'\u{336}u\u{336}t\u{336}i\u{336}l\u{336}i\u{336}s\u{336}e\u{336} p\u{336}a\u{336}s\u{336} etcd."])
        #expect(CellWidth.of(unicode[0]) == "Il n'utilise pas etcd.".count, "the stroke takes no cell")
        let ascii = SlideRenderer(width: 60, ascii: true).render(page.slides[0]).map(\.text)
        #expect(ascii == ["Il ~~n'utilise pas~~ etcd."])
        #expect(page.slides[0].blocks[0].searchText == "Il n'utilise pas etcd.", "search reads the words")
    }

    @Test func listsWithNumbersBulletsAndCheckBoxes() {
        let lines = text(2)
        #expect(lines[2...].prefix(5) == ["1. premier", "2. second", "   ◦ imbriqué", "   ◦ ☑ tâche faite", "   ◦ ☐ tâche à faire"])
        #expect(lines.contains("│ Une citation sur deux lignes."))
        let ascii = text(2, ascii: true)
        #expect(ascii.contains("   - [x] tâche faite"), "the second level's bullet")
    }

    @Test func codeInABoxWithLanguageTitleAndHighlightedLines() {
        let lines = text(3)
        #expect(lines[0] == "╭─ yaml · pod.yaml " + String(repeating: "─", count: 40) + "╮")
        #expect(lines[1].hasPrefix("│ apiVersion: v1"))
        #expect(lines.contains { $0.contains("Un Pod <https://kubernetes.io/docs/> minimal.") }, "the caption under its figure")
    }

    @Test func tablesWithBordersAndAlignment() {
        let lines = text(3)
        #expect(lines.contains("┌─────────┬───────────┐"))
        #expect(lines.contains("│ Cas     │   Type    │"), "centred header")
        #expect(lines.contains("│ interne │ ClusterIP │"))
    }

    @Test func directivesAreTitledBoxesAndCorrectionsAreHidden() {
        let lines = text(4)
        #expect(lines.contains { $0.hasPrefix("╭─ Astuce ─") })
        #expect(lines.contains { $0.hasPrefix("┏━ Attention ━") }, "a warning gets a heavy border")
        #expect(lines.contains { $0.contains("(masquée : appuyez sur c pour l'afficher)") })
        #expect(!lines.contains { $0.contains("Réponse cachée") })
        var shown = SlideRenderer(width: 60)
        shown.showCorrections = true
        #expect(shown.render(lesson.slides[3]).map(\.text).contains { $0.contains("Réponse cachée.") })
        #expect(text(4, french: false).contains { $0.contains("(hidden: press c to show it)") })
    }

    @Test func htmlLeavesOnlyText() {
        #expect(text(4).contains("Texte Ctrl+C gardé & décodé."))
    }

    @Test(arguments: [20, 30, 45, 60, 80])
    func nothingIsWiderThanAsked(width: Int) {
        for slide in lesson.slides {
            for line in SlideRenderer(width: width).render(slide) {
                #expect(line.width <= width, "\(line.text)")
            }
        }
    }

    @Test func longCodeLinesContinueInsteadOfBeingCut() {
        let long = Lesson.parse(text: "---\ntitle: t\n---\n\n```sh\necho \(String(repeating: "x", count: 70))\n```\n", file: "t.md")
        let lines = SlideRenderer(width: 40).render(long.slides[0]).map(\.text)
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("│ ↪ "))
        #expect(lines.joined().filter { $0 == "x" }.count == 70)
    }

    @Test func tableColumnsShareTheRoom() {
        #expect(TableRenderer.columnWidths(natural: [5, 40, 30], available: 40) == [5, 18, 17])
        #expect(TableRenderer.columnWidths(natural: [5, 10], available: 40) == [5, 10])
    }

    @Test func quizBlocksShowTheirQuestions() throws {
        let quiz = Lesson.load(path: SlideRenderingTests.repository.appendingPathComponent("Tests/Fixtures/lessons/bad-quiz.md").path)
        let lines = SlideRenderer(width: 70).render(quiz.slides[0]).map(\.text)
        #expect(lines.contains { $0.hasPrefix("╭─ Quiz · 1 question ") })
        // In the shuffled order the quiz asks them in; the answer shows only with the corrections.
        let question = try #require(quiz.questions.first)
        #expect(lines.contains { $0.contains("1) \(question.choices[question.order[0]])") })
        #expect(!lines.contains { $0.contains("✓") })
        let corrected = SlideRenderer(width: 70, showCorrections: true).render(quiz.slides[0]).map(\.text)
        #expect(corrected.contains { $0.contains("\(question.choices[question.answers[0]]) ✓") })
    }
}

import Foundation

/// Deep nesting never pushes the text out of the page.
@Suite struct DeepNestingRenderingTests {
    @Test(arguments: ["> ", "- "]) func deepNestingKeepsItsTextOnThePage(_ marker: String) {
        let lesson = Lesson.parse(bytes: Array(("---\ntitle: t\n---\n\n" + String(repeating: marker, count: 300) + "fond\n").utf8), file: "d.md")
        let lines = SlideRenderer(width: 60).render(lesson.slides[0]).map(\.text)
        #expect(lines.contains { $0.contains("fond") })
        #expect(lines.allSatisfy { CellWidth.of($0) <= 60 })
    }

    /// Found by fuzzing (`render`): 21 nested tips around a code block left its box less
    /// than nothing to hold a line, and cutting the line at that room never ended (the
    /// program hung, its memory growing). Boxes stop framing below 20 columns, as quotes do.
    @Test(arguments: [21, 100]) func deeplyNestedTipsStillShowTheirCode(_ depth: Int) {
        let text = "# Nid\n\n" + String(repeating: ":::tip\n", count: depth) + "```\nkubectl get pods\n日本語\n```\n"
            + String(repeating: ":::\n", count: depth)
        let lesson = Lesson.parse(bytes: Array(text.utf8), file: "nid.md")
        let lines = SlideRenderer(width: 80).render(lesson.slides[0]).map(\.text)
        #expect(lines.contains { $0.contains("kubectl get pods") })
        #expect(lines.contains { $0.contains("日本語") })
        #expect(lines.allSatisfy { CellWidth.of($0) <= 80 })
        // Every tip's title is still said, framed or on a line of its own.
        #expect(lines.filter { $0.contains("Tip") || $0.contains("Astuce") }.count >= min(depth, 100))
    }
}
