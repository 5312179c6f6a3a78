import Testing
@testable import Mermaid

/// packages/mermaid/src/diagrams/class/classDiagram.spec.ts, test by test.
struct ClassSpecTests {
    static func classes(_ s: String) -> [String: [String: Any]] { Spec.json(s)["classes"] as? [String: [String: Any]] ?? [:] }
    static func relations(_ s: String) -> [[String: Any]] { Spec.json(s)[list: "relations"] }
    static func relation(_ r: [String: Any]) -> [String] {
        let k = r[object: "relation"]
        return [k[string: "type1"] ?? "", k[string: "type2"] ?? "", k[string: "lineType"] ?? ""]
    }

    @Test func shouldHandleRelationDefinitionsExtension() {
        let s = "classDiagram\nClass1 <|-- Class02"
        #expect(Self.classes(s)["Class1"]?[string: "id"] == "Class1" && Self.classes(s)["Class02"]?[string: "id"] == "Class02")
        #expect(Self.relations(s).map(Self.relation) == [["EXTENSION", "none", "LINE"]])
    }

    @Test func shouldHandleGenericsAndGenericClassWithRelationDefinitions() {
        for s in ["classDiagram\nClass1~T~ <|-- Class02", "classDiagram\nClass01~T~ <|-- Class02"] {
            let id = s.contains("Class01") ? "Class01" : "Class1"
            #expect(Self.classes(s)[id]?[string: "type"] == "T")
            #expect(Self.relations(s).map(Self.relation) == [["EXTENSION", "none", "LINE"]])
        }
    }

    @Test func shouldHandleRelationDefinitionsAggregationAndDottedLine() {
        #expect(Self.relations("classDiagram\nClass1 o.. Class02").map(Self.relation) == [["AGGREGATION", "none", "DOTTED_LINE"]])
    }

    @Test func shouldHandleRelationDefinitionsCompositionOnBothSides() {
        #expect(Self.relations("classDiagram\nClass1 *--* Class02").map(Self.relation) == [["COMPOSITION", "COMPOSITION", "LINE"]])
    }

    @Test func shouldHandleRelationDefinitionsWithNoTypesAndWithTypeOnlyOnRightSide() {
        #expect(Self.relations("classDiagram\nClass1 -- Class02").map(Self.relation) == [["none", "none", "LINE"]])
        #expect(Self.relations("classDiagram\nClass1 --|> Class02").map(Self.relation) == [["none", "EXTENSION", "LINE"]])
    }

    @Test func shouldHandleMultipleClassesAndRelationDefinitions() {
        let s = "classDiagram\nClass1 <|-- Class02\nClass03 *-- Class04\nClass05 o-- Class06\nClass07 .. Class08\nClass09 -- Class10"
        let r = Self.relations(s)
        #expect(Self.classes(s)["Class10"]?[string: "id"] == "Class10")
        #expect(r.count == 5)
        #expect(Self.relation(r[0]) == ["EXTENSION", "none", "LINE"])
        #expect(Self.relation(r[3]) == ["none", "none", "DOTTED_LINE"])
    }

    /// "should handle relation definition of different types and directions" and its dashed
    /// twin: mermaid only parses them; we say what each reads as.
    @Test func shouldHandleRelationDefinitionOfDifferentTypesAndDirections() {
        let s = "classDiagram\nClass11 <|.. Class12\nClass13 --> Class14\nClass15 ..> Class16\nClass17 ..|> Class18\nClass19 <--* Class20"
        #expect(Spec.diagnostics(s).isEmpty)
        #expect(Self.relations(s).map(Self.relation) == [
            ["EXTENSION", "none", "DOTTED_LINE"], ["none", "DEPENDENCY", "LINE"], ["none", "DEPENDENCY", "DOTTED_LINE"],
            ["none", "EXTENSION", "DOTTED_LINE"], ["DEPENDENCY", "COMPOSITION", "LINE"],
        ])
    }

    @Test func shouldHandleCardinalityAndLabels() {
        let s = "classDiagram\nClass1 \"1\" *-- \"many\" Class02 : contains\nClass03 o-- Class04 : aggregation\nClass05 --> \"1\" Class06"
        let r = Self.relations(s)
        #expect(Spec.diagnostics(s).isEmpty)
        #expect(r[0][string: "relationTitle1"] == "1" && r[0][string: "relationTitle2"] == "many" && r[0][string: "title"] == "contains")
        #expect(r[1][string: "title"] == "aggregation")
        #expect(r[2][string: "relationTitle1"] == "none" && r[2][string: "relationTitle2"] == "1")
    }

    @Test func shouldParseClassesWithTextLabels() {
        let s = "classDiagram\nclass C1[\"Class 1 with text label\"]\nclass C2[\"Class 2 with chars @?\"]\n"
        #expect(Self.classes(s)["C1"]?[string: "label"] == "Class 1 with text label")
        #expect(Self.classes(s)["C2"]?[string: "label"] == "Class 2 with chars @?")
        let shorthand = "classDiagram\nclass C1[\"Class 1 with text label\"]:::styleClass1\nclass C2[\"Class 2 !@#$%^&*() label\"]:::styleClass2"
        #expect(Self.classes(shorthand)["C2"]?[string: "label"] == "Class 2 !@#$%^&*() label")
    }

    @Test func shouldParseAClassWithATextLabelMemberAndAnnotation() {
        let s = "classDiagram\nclass C1[\"Class 1 with text label\"]\n<<interface>> C1\nC1 : int member1"
        let c1 = Self.classes(s)["C1"] ?? [:]
        #expect(c1[string: "label"] == "Class 1 with text label")
        #expect(c1["members"] as? [String] == ["int member1"])
        #expect(c1["annotations"] as? [String] == ["interface"])
    }

    @Test func shouldHandleClassAnnotationsWithMembersAndMethodsAndInBrackets() {
        let s = "classDiagram\nclass Class1\nClass1 : int test\nClass1 : test()\n<<interface>> Class1"
        let c = Self.classes(s)["Class1"] ?? [:]
        #expect((c["annotations"] as? [String]) == ["interface"] && (c["members"] as? [String])?.count == 1 && (c["methods"] as? [String])?.count == 1)
        let brackets = Self.classes("classDiagram\nclass Class1 {\n<<interface>>\nint : test\ntest()\n}")["Class1"] ?? [:]
        #expect((brackets["annotations"] as? [String]) == ["interface"])
        #expect((brackets["members"] as? [String]) == ["int : test"] && (brackets["methods"] as? [String]) == ["test()"])
    }

    @Test func shouldAddBracketMembersInRightOrder() {
        let c = Self.classes("classDiagram\nclass Class1 {\nint : test\nstring : foo\ntest()\nfoo()\n}")["Class1"] ?? [:]
        #expect(c["members"] as? [String] == ["int : test", "string : foo"])
        #expect(c["methods"] as? [String] == ["test()", "foo()"])
    }

    @Test func shouldHandleAbstractAndStaticMethods() {
        for mark in ["*", "$"] {
            let c = Self.classes("classDiagram\nclass Class1\nClass1 : someMethod()\(mark)")["Class1"] ?? [:]
            #expect((c["annotations"] as? [String]) == [] && (c["members"] as? [String]) == [])
            #expect(c["methods"] as? [String] == ["someMethod()"])
        }
    }

    @Test func shouldHandleGenericClassesWithinNamespaces() {
        let s = "classDiagram\nnamespace Company.Project.Module {\n    class GenericClass~T~ {\n        +addItem(item: T)\n        +getItem() T\n    }\n}"
        let c = Self.classes(s)["GenericClass"] ?? [:]
        #expect(c[string: "type"] == "T")
        #expect(c["methods"] as? [String] == ["+addItem(item: T)", "+getItem() : T"])
        #expect(c[string: "parent"] == "Company.Project.Module")
        #expect(Spec.diagnostics(s).isEmpty)
    }

    @Test func shouldHandleNestedNamespacesAndRelationships() {
        let s = """
        classDiagram
          namespace Company.Project.Module.SubModule {
            class Report {
              +generatePDF(data: List)
              +generateCSV(data: List)
            }
          }
          namespace Company.Project.Module {
            class Admin {
              +generateReport()
            }
          }
          Admin --> Report : generates
        """
        let c = Self.classes(s)
        #expect(c["Report"]?[string: "parent"] == "Company.Project.Module.SubModule" && c["Admin"]?[string: "parent"] == "Company.Project.Module")
        let r = Self.relations(s)
        #expect(r.first?[string: "id1"] == "Admin" && r.first?[string: "id2"] == "Report" && r.first?[string: "title"] == "generates")
        #expect(c["}"] == nil, "a namespace's closing brace is no class")
    }

    @Test func shouldHandleNoteForAndNote() {
        let s = "classDiagram\nClass11 <|.. Class12\nnote for Class11 \"test\"\n"
        #expect(Spec.diagnostics(s).isEmpty && Spec.json(s)[list: "notes"].first?[string: "class"] == "Class11")
        #expect(Spec.json("classDiagram\nnote \"test\"\n")[list: "notes"].first?[string: "text"] == "test")
    }

    /// "should handle note with %s at beginning of string" and "…a "note for" with a %s in it"
    /// (mermaid's keyword list, but for the line break, which its template literal makes real).
    @Test(arguments: ["direction", "classDiagram", "classDiagram-v2", "namespace", "{}", "{", "}", "()", "(", ")", "[]", "[", "]", "class",
                      "cssClass", "callback", "link", "click"])
    func shouldHandleANoteWithAKeywordInIt(keyword: String) {
        #expect(Spec.json("classDiagram\n                      note \"\(keyword)\"")[list: "notes"].first?[string: "text"] == keyword)
        let s = "classDiagram\n  class Something {\n    int id\n    string name\n  }\n  note for Something \"This is a keyword: \(keyword). It truly is.\"\n"
        #expect(Spec.json(s)[list: "notes"].first?[string: "text"] == "This is a keyword: \(keyword). It truly is.")
        #expect(Spec.diagnostics(s).isEmpty)
    }
}
