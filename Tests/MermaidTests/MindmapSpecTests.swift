import Testing
@testable import Mermaid

/// packages/mermaid/src/diagrams/mindmap/mindmap.spec.ts, test by test (MMP-1…25).
struct MindmapSpecTests {
    static func root(_ s: String) -> [String: Any] { Spec.json(s)[object: "mindmap"] }
    static func children(_ n: [String: Any]) -> [[String: Any]] { n[list: "children"] }

    @Test func mmp1SimpleRootAndMmp3RootWithAShapeAndNoID() {
        #expect(Self.root("mindmap\n    root")[string: "descr"] == "root")
        #expect(Self.root("mindmap\n    (root)")[string: "descr"] == "root")
    }

    @Test func mmp2AndMmp4Hierarchies() {
        let two = Self.root("mindmap\n    root\n      child1\n      child2\n ")
        #expect(two[string: "descr"] == "root" && Self.children(two).map { $0[string: "descr"] } == ["child1", "child2"])
        let four = Self.root("mindmap\n    root\n      child1\n        leaf1\n      child2")
        #expect(Self.children(four).count == 2)
        #expect(Self.children(Self.children(four)[0]).first?[string: "descr"] == "leaf1")
        #expect(Self.children(four)[1][string: "descr"] == "child2")
    }

    /// "5 Multiple roots are illegal" and "MMP-6 real root in wrong place": mermaid throws; we
    /// warn at the line ("There can be only one root") and keep the node under the root.
    @Test func multipleRootsAreAWarningAtTheirLine() {
        let d = Spec.diagnostics("mindmap\n    root\n    fakeRoot")
        #expect(d.count == 1 && d.first?["line"] as? Int == 3 && d.first?[string: "severity"] == "warning")
        #expect((d.first?[string: "message"] ?? "").contains("fakeRoot"))
    }

    @Test func mmp7To9AnIDAndATypeForANode() {
        let seven = Self.root("mindmap\n    root[The root]\n      ")
        #expect(seven[string: "nodeId"] == "root" && seven[string: "descr"] == "The root" && seven[string: "type"] == "RECT")
        for s in ["mindmap\n    root\n      theId(child1)", "mindmap\nroot\n      theId(child1)"] {
            let child = Self.children(Self.root(s)).first ?? [:]
            #expect(Self.children(Self.root(s)).count == 1)
            #expect(child[string: "descr"] == "child1" && child[string: "nodeId"] == "theId" && child[string: "type"] == "ROUNDED_RECT")
        }
    }

    @Test(arguments: [("root((the root))", "CIRCLE"), ("root)the root(", "CLOUD"), ("root))the root((", "BANG"), ("root{{the root}}", "HEXAGON")])
    func mmp10To12MultipleTypes(line: String, type: String) {
        let r = Self.root("mindmap\n \(line)\n")
        #expect(r[string: "descr"] == "the root" && r[string: "type"] == type && Self.children(r).isEmpty)
    }

    @Test func mmp13To16IconAndClasses() {
        let icon = Self.root("mindmap\n    root[The root]\n    ::icon(bomb)\n    ")
        #expect(icon[string: "type"] == "RECT" && icon[string: "icon"] == "bomb")
        let classes = Self.root("mindmap\n    root[The root]\n    :::m-4 p-8\n    ")
        #expect(classes[string: "class"] == "m-4 p-8")
        for s in ["mindmap\n    root[The root]\n    :::m-4 p-8\n    ::icon(bomb)\n    ", "mindmap\n    root[The root]\n    ::icon(bomb)\n    :::m-4 p-8\n    "] {
            #expect(Self.root(s)[string: "class"] == "m-4 p-8" && Self.root(s)[string: "icon"] == "bomb")
        }
    }

    @Test func mmp17And18NodeSyntaxInTheDescriptions() {
        let r = Self.root("mindmap\n    root[\"String containing []\"]\n      child1[\"String containing ()\"]\n")
        #expect(r[string: "nodeId"] == "root" && r[string: "descr"] == "String containing []")
        #expect(Self.children(r).count == 1 && Self.children(r)[0][string: "descr"] == "String containing ()")
    }

    /// MMP-19 (a child after a class assignment), MMP-20 (empty rows), MMP-21 (a comment row),
    /// MMP-22 (a comment at the end of a line).
    @Test(arguments: [
        "mindmap\n  root(Root)\n    Child(Child)\n    :::hot\n      a(a)\n      b[New Stuff]",
        "mindmap\n  root(Root)\n    Child(Child)\n      a(a)\n\n      b[New Stuff]",
        "mindmap\n  root(Root)\n    Child(Child)\n      a(a)\n      %% This is a comment\n      b[New Stuff]",
        "mindmap\n  root(Root)\n    Child(Child)\n      a(a) %% This is a comment\n      b[New Stuff]",
    ])
    func mmp19To22ChildrenAfterDecorationsEmptyRowsAndComments(source: String) {
        let r = Self.root(source)
        #expect(r[string: "nodeId"] == "root" && r[string: "descr"] == "Root" && Self.children(r).count == 1)
        let child = Self.children(r)[0]
        #expect(child[string: "nodeId"] == "Child")
        #expect(Self.children(child).map { $0[string: "nodeId"] } == ["a", "b"])
    }

    /// MMP-23 (rows with only spaces), MMP-24 and 25 (rows above the declaration).
    @Test(arguments: ["mindmap\nroot\n A\n \n\n B", "\n \nmindmap\nroot\n A\n \n\n B", "\n\n\nmindmap\nroot\n A\n \n\n B"])
    func mmp23To25BlankRows(source: String) {
        let r = Self.root(source)
        #expect(r[string: "nodeId"] == "root" && Self.children(r).map { $0[string: "nodeId"] } == ["A", "B"])
    }
}
