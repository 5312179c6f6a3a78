import Testing
@testable import Mermaid

/// Each line reader reports a statement it cannot read at its line and column (where the
/// statement starts), and reads what follows.
struct BrokenStatementTests {
    @Test(arguments: [
        ("sequenceDiagram\n    Alice->>Bob: hi\n      n'importe quoi\n    Bob-->>Alice: ok", 3, 7),
        ("sequenceDiagram\n    Alice->>Bob: hi; n'importe quoi\n    Bob-->>Alice: ok", 2, 22),
        ("stateDiagram-v2\n    [*] --> A\n     n'importe quoi\n    A --> B", 3, 6),
        ("classDiagram\n    A <|-- B\n        n'importe quoi\n    C --> D", 3, 9),
        ("gitGraph\n    commit\n   n'importe quoi\n    commit", 3, 4),
        ("mindmap\n  racine\n    enfant\n  seconde racine", 4, 3),
    ])
    func aBrokenStatementIsSaidAtItsLineAndColumn(source: String, line: Int, column: Int) {
        let result = Mermaid.parse(source)
        #expect(result.diagnostics.map { [$0.line, $0.column] } == [[line, column]], "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        let json = Spec.json(source)
        // What follows the broken line is still read.
        switch json[string: "kind"] {
        case "sequenceDiagram": #expect(Spec.messages(source).last?[string: "message"] == "ok")
        case "stateDiagram": #expect(json[list: "relations"].last?[string: "id2"] == "B")
        case "classDiagram": #expect(json[list: "relations"].last?[string: "id2"] == "D")
        case "gitGraph": #expect(json[list: "commits"].count == 2)
        default: #expect(json[object: "mindmap"][list: "children"].count == 2)
        }
    }
}
