import Testing
import Course
import Mermaid

/// The lesson's YAML is read with Yams' basic resolver (YAMLRead): no ICU regular expression
/// runs to type a scalar. What the author wrote must read the same as before: a quiz's
/// choices that look like YAML 1.1 booleans, numbers or null stay the text written, keys are
/// found whether quoted or not, and mermaid's `animate: true` / `yes` are still true.
struct YAMLReadTests {
    @Test func quizValuesThatLookTypedAreReadAsWritten() {
        let text = """
        # T

        ```quiz
        - "question": Combien ?
          choices: [yes, ~, 1e3, 0x1F, null]
          'answer': 1e3
          shuffle: no
        ```

        """
        let lesson = Lesson.parse(text: text, file: "q.md")
        #expect(!lesson.diagnostics.contains { $0.severity == .error })
        let question = lesson.questions.first
        #expect(question?.prompt == "Combien ?")
        #expect(question?.choices == ["yes", "~", "1e3", "0x1F", "null"])
        #expect(question?.answers == [2])
        #expect(question?.shuffles == false)
    }

    @Test func frontmatterAndEdgeMetadataReadTheSame() throws {
        let lesson = Lesson.parse(text: "---\ntitle: 2024\ntags: [on, off]\n---\n\n# T\n", file: "f.md")
        #expect(lesson.title == "2024")
        #expect(lesson.frontmatter.tags == ["on", "off"])
        for value in ["true", "yes", "True"] {
            let chart = try #require(Mermaid.parse("flowchart TD\n  A e1@--> B\n  e1@{ animate: \(value) }\n").diagram?.flowchart)
            #expect(chart.edges.first?.animate == true, "animate: \(value)")
        }
        let still = try #require(Mermaid.parse("flowchart TD\n  A e1@--> B\n  e1@{ animate: false }\n").diagram?.flowchart)
        #expect(still.edges.first?.animate == false)
    }
}
