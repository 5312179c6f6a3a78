import Speech
import Words
import Testing
@testable import Course

/// `../shared/course/reseau.md`, the page the program is about, exactly as it reached us.
@Suite(.enabled(if: Paths.hasShared, Paths.sharedMissing))
struct SeedPageTests {
    let lesson = Lesson.load(path: Paths.seedPage)

    @Test func frontmatterIsRepaired() {
        #expect(lesson.title == "Réseau")
        #expect(lesson.frontmatter.tags == ["docker", "kubernetes", "devops", "network"])
        #expect(lesson.frontmatter.license?.hasPrefix("© 2025 Tom Avenel") == true)
        #expect(lesson.frontmatter.extra["layout"] == "@layouts/CoursePartLayout.astro")
    }

    @Test func hasTwentyFourSlides() {
        #expect(lesson.slides.count == 24)
        #expect(lesson.slides.map(\.number) == Array(1...24))
    }

    @Test func blockCounts() {
        let blocks = lesson.allBlocks
        #expect(blocks.filter { if case .mermaid = $0 { true } else { false } }.count == 8)
        let code = blocks.compactMap { if case .code(let c) = $0 { c } else { nil } }
        #expect(code.map(\.language) == ["", "yaml"])
        #expect(code[0].text.hasPrefix("Internet\n   |\n[ LoadBalancer / NodePort ]"))
        #expect(code[1].text.contains("type: ExternalName"))
        let tables = blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.count == 1)
        #expect(tables.first?.header.count == 2)
        #expect(tables.first?.rows.count == 8)
        #expect(tables.first?.rows.allSatisfy { $0.count == 2 } == true)
        let directives = blocks.compactMap { if case .directive(let d) = $0 { d } else { nil } }
        #expect(directives.map(\.kind) == [.tip, .link])
    }

    @Test func frenchReadsRight() {
        let text = lesson.allBlocks.map(\.searchText).joined(separator: "\n")
        for word in ["réseaux", "grâce", "Récapitulatif", "Accès à une base de données", "isolé",
                     "l'API ServiceCIDR"] {
            #expect(text.contains(word), "missing \(word)")
        }
        for mojibake in ["Ã", "Â", "â€", "ğŸ"] {
            #expect(!text.contains(mojibake), "left over: \(mojibake)")
        }
    }

    @Test func repairReportsWhatWasDropped() throws {
        let repair = try #require(lesson.encodingRepair)
        #expect(repair.codePage == "Windows-1254")
        // Emoji whose last byte has no Windows-1254 character (🌐 ends in 0x90, 🏷️ in 0x8F).
        #expect(repair.droppedSequences == 46)
        #expect(repair.lines.first == 12)
        let summary = try #require(lesson.diagnostics.first)
        #expect(summary.description ==
            "\(Paths.seedPage):1:1: warning: text was double-encoded (UTF-8 read as Windows-1254): repaired; 46 unrecoverable sequences dropped on 46 lines")
        #expect(lesson.diagnostics.contains {
            $0.line == 12 && $0.column == 4 && $0.text == "1 character lost in the double encoding, dropped"
        })
        #expect(!lesson.diagnostics.hasErrors)
    }

    @Test func recoverableEmojiSurvive() {
        // 📦 (F0 9F 93 A6) lost nothing in Windows-1254 and comes back whole.
        let text = lesson.allBlocks.map(\.searchText).joined()
        #expect(text.contains("Pods 📦"))
    }

    @Test func sectionsAndTableOfContents() {
        #expect(lesson.toc.first?.title == "CIDRs")
        // The diagram slide after "Service: ClusterIP" has no heading and belongs to it.
        #expect(lesson.slides[3].firstHeading == nil)
        #expect(lesson.slides[3].sectionPath == ["Service", "Service: ClusterIP"])
        #expect(lesson.slides[23].sectionPath == ["Cas d'usage - quels services utiliser ?", "Récapitulatif"])
    }

    @Test func captionsAttachToTheFigureBeforeThem() {
        let diagrams = lesson.allBlocks.compactMap { if case .mermaid(let d) = $0 { d } else { nil } }
        #expect(diagrams[0].caption?.plainText == "ClusterIP multi Nodes")
        #expect(diagrams[1].caption == nil)
        #expect(diagrams[2].caption?.plainText.hasPrefix("Communication entre Pods par ClusterIP.") == true)
        guard case .link(let target, _, _)? = diagrams[6].caption?.first(where: {
            if case .link = $0 { true } else { false }
        }) else {
            Issue.record("the Ingress caption lost its link")
            return
        }
        #expect(target == "https://kubernetes.io/docs/concepts/services-networking/ingress/")
    }

    @Test func mermaidSourceKeepsItsLine() {
        let first = lesson.allBlocks.compactMap { if case .mermaid(let d) = $0 { d } else { nil } }.first
        #expect(first?.line == 51)
        #expect(first?.source.hasPrefix("---\ntitle: ClusterIP Multi-Nodes\n---\nflowchart TD") == true)
    }
}
