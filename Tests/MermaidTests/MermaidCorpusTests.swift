import Speech
import Words
import Foundation
import Testing
@testable import Mermaid

/// mermaid's own parser tests (`../shared/corpus/mermaid`): each `NNN.mmd` is the exact
/// text a test of mermaid parses, and `NNN.expect.json` what that test asserts, in
/// mermaid's names. Our JSON output (the one `reseau mermaid --json` prints) must satisfy
/// every assertion.
@Suite(.enabled(if: MermaidCorpus.available, "../shared is absent (a fresh clone): the mermaid corpus tests are skipped"))
struct MermaidCorpusTests {
    @Test(arguments: MermaidCorpus.withSidecar)
    func sidecarAssertionsHold(number: String) throws {
        let source = try String(contentsOfFile: MermaidCorpus.folder + "/\(number).mmd", encoding: .utf8)
        let sidecar = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: MermaidCorpus.folder + "/\(number).expect.json"))) as! [String: Any]
        let expect = sidecar["expect"] as! [String: Any]
        let result = Mermaid.parse(source)
        let json = MermaidJSON.object(result) { English().mermaid($0) }
        // Where we part from mermaid on purpose (#22): an unknown shape name is a warning that
        // lists the known ones, and the node is drawn as a box, rather than an error.
        if number == "073" {
            #expect(!result.hasErrors && result.diagnostics.count == 1)
            #expect(result.diagnostics.first.map { English().mermaid($0.problem) }?.hasPrefix("no shape `this-shape-does-not-exist` in mermaid: drawn as a box (shapes: rect, rounded") == true)
            return
        }
        let problems = MermaidCorpus.check(expect, against: json, result: result)
        #expect(problems.isEmpty, "\(number).mmd:\n\(source)\n\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: MermaidCorpus.docsSnippets)
    func docsFlowchartsParseWithoutError(number: String) throws {
        let source = try String(contentsOfFile: MermaidCorpus.folder + "/\(number).mmd", encoding: .utf8)
        let result = Mermaid.parse(source)
        #expect(result.diagram?.flowchart != nil, "\(number) is not read as a flowchart")
        #expect(!result.hasErrors, "\(number).mmd:\n\(source)\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
    }
}

enum MermaidCorpus {
    static let folder: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/mermaid").path

    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/001.mmd") }

    static let withSidecar: [String] = (1...128).map { String(format: "%03d", $0) }
    static let docsSnippets: [String] = (129...166).map { String(format: "%03d", $0) }

    /// Every assertion of the sidecar that our output does not meet, as sentences.
    static func check(_ expect: [String: Any], against json: [String: Any], result: MermaidResult) -> [String] {
        var problems: [String] = []
        func same(_ a: Any?, _ b: Any?, _ what: String) {
            if !equal(a, b) { problems.append("\(what): expected \(show(b)), got \(show(a))") }
        }
        if let throwsExpected = expect["throws"] as? Bool {
            if throwsExpected != result.hasErrors {
                problems.append(throwsExpected ? "expected an error, got none" : "expected no error, got \(result.diagnostics)")
            }
            if throwsExpected, let message = expect["throw_message"] as? String, !isJisonTokenMessage(message) {
                if !result.diagnostics.contains(where: { $0.text == message }) {
                    problems.append("expected the message \(message)")
                }
            }
            if throwsExpected {
                if result.diagnostics.contains(where: { $0.line < 1 || $0.column < 1 }) { problems.append("diagnostic not located") }
                return problems
            }
        }
        let nodes = (json["nodes"] as? [[String: Any]]) ?? []
        let byID = Dictionary(nodes.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, fields) in (expect["nodes"] as? [String: [String: Any]]) ?? [:] {
            guard let node = byID[id] else { problems.append("no node \(id)"); continue }
            for (key, value) in fields {
                switch key {
                case "classes_at":
                    let classes = node["classes"] as? [String] ?? []
                    for (i, v) in value as! [String: Any] {
                        same(classes.indices.contains(Int(i)!) ? classes[Int(i)!] : nil, v, "node \(id) class \(i)")
                    }
                default:
                    same(node[key], value, "node \(id) \(key)")
                }
            }
        }
        let edges = (json["edges"] as? [[String: Any]]) ?? []
        if let count = expect["edge_count"] { same(edges.count, count, "edge count") }
        for fields in (expect["edges"] as? [[String: Any]]) ?? [] {
            let index = fields["index"] as! Int
            guard edges.indices.contains(index) else { problems.append("no edge \(index)"); continue }
            for (key, value) in fields where key != "index" {
                if key == "style_at" {
                    let styles = edges[index]["styles"] as? [String] ?? []
                    for (i, v) in value as! [String: Any] {
                        same(styles.indices.contains(Int(i)!) ? styles[Int(i)!] : nil, v, "edge \(index) style \(i)")
                    }
                } else {
                    same(edges[index][key], value, "edge \(index) \(key)")
                }
            }
        }
        if let value = expect["default_interpolate"] { same(json["defaultInterpolate"], value, "default interpolate") }
        if let count = expect["layout_node_count"] { same(nodes.count, count, "layout node count") }
        for fields in (expect["layout_nodes"] as? [[String: Any]]) ?? [] {
            let index = fields["index"] as! Int
            guard nodes.indices.contains(index) else { problems.append("no layout node \(index)"); continue }
            if let shape = fields["shape"] { same(nodes[index]["layoutShape"], shape, "layout node \(index) shape") }
            if let label = fields["label"] { same(nodes[index]["label"], label, "layout node \(index) label") }
        }
        if let count = expect["layout_edge_count"] { same(edges.count, count, "layout edge count") }
        for fields in (expect["layout_edges"] as? [[String: Any]]) ?? [] {
            let index = fields["index"] as! Int
            guard edges.indices.contains(index) else { problems.append("no layout edge \(index)"); continue }
            if let id = fields["id"] { same(edges[index]["id"], id, "layout edge \(index) id") }
            if let animate = fields["animate"] { same(edges[index]["animate"] ?? false, animate, "layout edge \(index) animate") }
        }
        let subgraphs = (json["subgraphs"] as? [[String: Any]]) ?? []
        if let count = expect["subgraph_count"] { same(subgraphs.count, count, "subgraph count") }
        for fields in (expect["subgraphs"] as? [[String: Any]]) ?? [] {
            let found: [String: Any]?
            if let index = fields["index"] as? Int {
                found = subgraphs.indices.contains(index) ? subgraphs[index] : nil
            } else {
                found = subgraphs.first { $0["id"] as? String == fields["id"] as? String }
            }
            guard let subgraph = found else { problems.append("no subgraph \(fields)"); continue }
            let members = subgraph["nodes"] as? [String] ?? []
            for (key, value) in fields where key != "index" {
                switch key {
                case "nodes_length": same(members.count, value, "subgraph nodes length")
                case "nodes_at":
                    for (i, v) in value as! [String: Any] {
                        same(members.indices.contains(Int(i)!) ? members[Int(i)!] : nil, v, "subgraph node \(i)")
                    }
                case "nodes_include":
                    for v in value as! [String] where !members.contains(v) { problems.append("subgraph lacks \(v): \(members)") }
                case "nodes_exclude":
                    for v in value as! [String] where members.contains(v) { problems.append("subgraph holds \(v): \(members)") }
                default: same(subgraph[key], value, "subgraph \(key)")
                }
            }
        }
        let classDefs = json["classDefs"] as? [String: [String: Any]] ?? [:]
        for (name, fields) in (expect["classDefs"] as? [String: [String: Any]]) ?? [:] {
            same(classDefs[name]?["styles"], fields["styles"], "classDef \(name)")
        }
        if let value = expect["direction"] { same(json["direction"], value, "direction") }
        if let value = expect["acc_title"] { same(json["accTitle"], value, "accTitle") }
        if let value = expect["acc_description"] { same(json["accDescription"], value, "accDescription") }
        if let calls = expect["calls"] as? [[String: Any]] {
            same(clickCalls(json["clicks"] as? [[String: Any]] ?? []), calls.map { [$0["fn"] as! String] + ($0["args"] as! [Any]).map { "\($0)" } }, "click calls")
        }
        return problems
    }

    /// What mermaid's FlowDB would have been called with for our clicks.
    static func clickCalls(_ clicks: [[String: Any]]) -> [[String]] {
        var calls: [[String]] = []
        for click in clicks {
            let node = click["node"] as! String
            if let callback = click["callback"] as? String {
                calls.append(["setClickEvent", node, callback] + ((click["arguments"] as? String).map { [$0] } ?? []))
            } else if let link = click["link"] as? String {
                calls.append(["setLink", node, link] + ((click["target"] as? String).map { [$0] } ?? []))
            }
            if let tooltip = click["tooltip"] as? String { calls.append(["setTooltip", node, tooltip]) }
        }
        return calls
    }

    /// jison's own token messages (`Expecting 'SQE'`): we say what is wrong in words instead.
    static func isJisonTokenMessage(_ message: String) -> Bool {
        message.hasPrefix("Expecting") || message.hasPrefix("got ") || message.contains("Parse error")
    }

    static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (x as Bool, y as Bool): return x == y
        case let (x as NSNumber, y as NSNumber): return x == y
        case let (x as String, y as String): return x == y
        default: return false
        }
    }

    static func show(_ value: Any?) -> String {
        guard let value else { return "nothing" }
        return "\(value)"
    }
}

/// The corpus checker must be able to fail, or the corpus tests prove nothing.
struct CorpusCheckerTests {
    @Test func aWrongAssertionIsReported() {
        let result = Mermaid.parse("graph TD;A-->B;")
        let json = MermaidJSON.object(result) { English().mermaid($0) }
        #expect(MermaidCorpus.check(["edges": [["index": 0, "type": "arrow_point"]]], against: json, result: result).isEmpty)
        #expect(MermaidCorpus.check(["edges": [["index": 0, "type": "arrow_open"]]], against: json, result: result)
            == ["edge 0 type: expected arrow_open, got arrow_point"])
        #expect(MermaidCorpus.check(["nodes": ["C": ["id": "C"]]], against: json, result: result) == ["no node C"])
        #expect(MermaidCorpus.check(["throws": true], against: json, result: result) == ["expected an error, got none"])
        #expect(MermaidCorpus.check(["subgraph_count": 1], against: json, result: result)
            == ["subgraph count: expected 1, got 0"])
    }
}
