import Testing
import Course
import Mermaid
import Words
import YAMLGuard

/// The lesson's YAML is composed from libyaml's events (YAMLRead), every scalar kept as its
/// text: no ICU regular expression runs to type a scalar. What the author wrote must read
/// the same as with Yams: a quiz's choices that look like YAML 1.1 booleans, numbers or null stay the text written, keys are
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

/// #20: YAML is composed without a recursive call per level (Yams recursed, and so would the
/// tree's release): 20,000 nested brackets are refused at the 500th (with the frontmatter's
/// mapping, the 501st collection), with a message in the reader's language, and what comes
/// after the frontmatter is still read.
struct DeepYAMLTests {
    @Test func deeplyNestedYAMLIsRefusedWhereItGoesTooDeep() {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let lesson = Lesson.parse(text: "---\ntitle: \(deep)\n---\n\n# Titre\n\nTexte.\n", file: "d.md")
        let error = lesson.diagnostics.first { $0.severity == .error }
        #expect(error?.line == 2 && error?.column == 8 + 499, "\(String(describing: error))")
        #expect(lesson.slides.first?.firstHeading?.title == "Titre")
        let french = error.map { Language.fr.words.problem($0.message) } ?? ""
        #expect(french.contains("plus de 500 listes ou dictionnaires imbriqués"), "\(french)")
        #expect(!french.contains("«"), "every part of the message is translated: \(french)")
    }

    @Test func aQuizBlockOfTwoDocumentsSaysSoInFrench() {
        let lesson = Lesson.parse(text: "# T\n\n```quiz\n- question: A ?\n  choices: [a, b]\n  answer: a\n---\n- question: B ?\n```\n", file: "q.md")
        let error = lesson.diagnostics.first { $0.severity == .error }
        #expect(error != nil)
        let french = error.map { Language.fr.words.problem($0.message) } ?? ""
        #expect(french.contains("un seul document attendu") && french.contains("mais un autre document suit"), "\(french)")
    }
}

/// The composer that replaced Yams: nodes, marks and YAML 1.1's integers and booleans read
/// from plain scalars only (as Yams' `int` and `bool` did), aliases replaced by their node.
struct YAMLComposerTests {
    @Test func integersAndBooleansAsYAML11ReadsThem() throws {
        let yaml = "a: 0x1F\nb: 010\nc: 1_000\nd: '12'\ne: !!str 12\nf: 1:30\ng: yes\nh: 'yes'\ni: -42\nj: Off\nk: 0o17\nl: nope\n"
        let root = try #require(try YAMLRead.compose(yaml))
        #expect(root["a"]?.int == 31 && root["b"]?.int == 8 && root["c"]?.int == 1000 && root["i"]?.int == -42 && root["k"]?.int == 15)
        #expect(root["d"]?.int == nil && root["e"]?.int == nil, "quoted or tagged: text, not a number")
        #expect(root["f"]?.int == 90, "sexagesimal")
        #expect(root["g"]?.bool == true && root["j"]?.bool == false && root["h"]?.bool == nil && root["l"]?.bool == nil)
        #expect(root["d"]?.string == "12" && root["e"]?.string == "12")
        #expect(root["c"]?.mark == Mark(line: 3, column: 4))
    }

    @Test func aliasesStandForTheirNodeAndOrderIsKept() throws {
        let root = try #require(try YAMLRead.compose("base: &b {x: 1, y: [2, 3]}\ncopy: *b\nz: last\n"))
        #expect(root["copy"]?["y"]?.sequence?.compactMap(\.string) == ["2", "3"])
        #expect(root.mapping?.map { $0.key.string ?? "" } == ["base", "copy", "z"])
    }

    @Test func errorsKeepLibyamlsWordsAndPlaces() {
        #expect(throws: YAMLError.self) { try YAMLRead.compose("a: [1, 2\n") }
        let duplicated = #expect(throws: YAMLError.self) { try YAMLRead.compose("a: 1\na: 2\n") }
        #expect(duplicated?.problem == "found duplicated key" && duplicated?.mark == Mark(line: 2, column: 1))
        let undefined = #expect(throws: YAMLError.self) { try YAMLRead.compose("a: *nowhere\n") }
        #expect(undefined?.problem == "found undefined alias" && undefined?.mark == Mark(line: 1, column: 4))
        let (documents, error) = YAMLRead.documents("a: 1\n---\nb: 2\n---\nc: [\n")
        #expect(documents.count == 2 && error != nil, "the documents before the error are kept")
    }
}
