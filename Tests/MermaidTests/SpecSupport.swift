import Foundation
import Words
@testable import Mermaid

/// mermaid's own parser tests, asked of our parse: each test of ours is named after one of
/// mermaid's (`packages/mermaid/src/diagrams/<kind>/…spec.{js,ts}`, mermaid-js/mermaid at
/// df032c942) and asserts what it asserts, through `reseau mermaid --json`'s object, which
/// speaks mermaid's names (`LINETYPE`, `relationType`, `nodeType`…).
enum Spec {
    static func json(_ source: String) -> [String: Any] {
        MermaidJSON.object(Mermaid.parse(source)) { English().mermaid($0) }
    }
    static func messages(_ source: String) -> [[String: Any]] { json(source)["messages"] as? [[String: Any]] ?? [] }
    static func types(_ source: String) -> [String] { messages(source).map { $0["type"] as? String ?? "" } }
    static func actors(_ source: String) -> [String: [String: Any]] { json(source)["actors"] as? [String: [String: Any]] ?? [:] }
    static func diagnostics(_ source: String) -> [[String: Any]] { json(source)["diagnostics"] as? [[String: Any]] ?? [] }
}

extension Dictionary where Key == String, Value == Any {
    subscript(string key: String) -> String? { self[key] as? String }
    subscript(object key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    subscript(list key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}
