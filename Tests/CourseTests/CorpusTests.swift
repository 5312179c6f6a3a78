import Speech
import Words
import Foundation
import Testing
@testable import Course

/// Thirteen real pages of the course (`../shared/corpus/course`): every one loads with no
/// error, and linting them gives warnings at most.
@Suite(.enabled(if: Paths.hasShared, Paths.sharedMissing))
struct CorpusTests {
    static let pages: [String] = Curriculum.lessonFiles(in: Paths.corpusCourse)

    @Test func thereAreThirteenPages() {
        #expect(Self.pages.count == 13)
    }

    @Test(arguments: pages)
    func pageLoadsWithoutError(path: String) {
        let lesson = Lesson.load(path: path)
        #expect(!lesson.slides.isEmpty)
        #expect(lesson.frontmatter.title?.isEmpty == false)
        let errors = (lesson.diagnostics + lesson.diagramDiagnostics).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test func networkPageIsTheSeedCorrectlyEncoded() {
        let lesson = Lesson.load(path: Paths.corpusCourse + "/k8s/network.md")
        #expect(lesson.encodingRepair == nil)
        #expect(lesson.title == "Réseau")
        #expect(lesson.toc.first?.title == "CIDRs")
        // Since the seed was taken it has gained a DNS slide and lost the cert-manager one.
        #expect(lesson.slides.count == 24)
        #expect(lesson.slides[1].firstHeading?.title == "DNS")
        #expect(!lesson.toc.contains { $0.title.hasPrefix("cert-manager") })
    }

    @Test func aFolderIsSortedByOrderThenName() {
        let course = Curriculum.load(paths: [Paths.corpusCourse])
        #expect(course.lessons.count == 13)
        #expect(course.lessons.map(\.file) == Curriculum.sorted(course.lessons).map(\.file))
        #expect(!course.allDiagnostics.hasErrors)
    }
}
