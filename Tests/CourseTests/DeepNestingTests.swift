import Course
import Facts
import Speech
import Testing

/// The audit: 15,000 nested quotes or list items (a 15 KB lesson) overflowed the stack.
@Suite struct DeepNestingTests {
    static func lesson(_ body: String) -> Lesson {
        Lesson.parse(bytes: Array("---\ntitle: t\n---\n\n\(body)\n".utf8), file: "deep.md")
    }

    @Test(arguments: ["> ", "- "])
    func fifteenThousandLevelsLoadFlatWithOneWarning(_ marker: String) {
        let lesson = Self.lesson(String(repeating: marker, count: 15_000) + "fond")
        #expect(lesson.diagnostics.filter { $0.message == .loader(.nestingTooDeep(limit: 100)) }.count == 1)
        #expect(lesson.diagnostics.first { $0.message == .loader(.nestingTooDeep(limit: 100)) }?.line == 5)
        let text = lesson.slides.flatMap(\.allBlocks).compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.content.plainText } else { return nil }
        }.joined()
        #expect(text.contains("fond"), "the deep text is kept")
    }

    @Test func ahundredLevelsAreStillNested() {
        let lesson = Self.lesson(String(repeating: "> ", count: 100) + "fond")
        #expect(!lesson.diagnostics.contains { $0.message == .loader(.nestingTooDeep(limit: 100)) })
    }
}
