import Course
import Canvas
import Mermaid
import Testing
@testable import Drawing

/// Labels get room on their own edge before the legend (#14, "Labels get space reserved
/// between ranks", dagre's label nodes): left to right the gap between two ranks is as wide
/// as the label crossing it when the page allows; top-down a subgraph leaves room beside the
/// line inside it.
struct LabelRoomTests {
    static func draw(_ source: String, width: Int) -> [String] {
        DiagramRenderer(glyphs: Glyphs(ascii: false)).render(Mermaid.parse(source).diagram!.flowchart!, maxWidth: width).map(\.text)
    }

    static let twoNodes = """
    flowchart LR
        subgraph n1 ["Node 1<br/>192.168.56.11"]
            front["front-1<br/>10.244.1.4"]
        end
        subgraph n2 ["Node 2<br/>192.168.56.12"]
            api["api-1<br/>10.244.2.7"]
        end
        front -->|"1 - http:// 10.244.2.7:8080"| api
    """

    @Test func leftToRightTheGapFitsTheLabelAboveItsArrow() throws {
        let lines = Self.draw(Self.twoNodes, width: 80)
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "no legend:\n\(lines.joined(separator: "\n"))")
        let label = try #require(lines.firstIndex { $0.contains("1 - http:// 10.244.2.7:8080") })
        // The arrow runs on the next row, under the whole label, into api-1's box.
        let arrow = lines[label + 1]
        let start = lines[label].range(of: "1 - http")!.lowerBound.utf16Offset(in: lines[label])
        let row = Array(arrow)
        #expect(row[start - 1] == "─" && row[start + 27] == "─", "\(arrow)")
        #expect(arrow.contains("─▶│ 10.244.2.7"))
        #expect(lines.allSatisfy { CellWidth.of($0) <= 80 })
    }

    @Test func whenThePageIsNarrowTheDrawingTurnsTopDownAndTheLabelGoesBesideItsLine() {
        // At 50 columns neither left-to-right layout fits: top-down, the label is written
        // beside the vertical line, still on its own edge.
        let lines = Self.draw(Self.twoNodes, width: 50)
        #expect(lines.allSatisfy { CellWidth.of($0) <= 50 })
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("│ 1 - http:// 10.244.2.7:8080") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func topDownASubgraphLeavesRoomBesideItsLine() {
        let source = """
        flowchart TD
            subgraph Cluster ["Cluster"]
                svc["Service green<br/>clusterIP 10.0.0.7"]
                subgraph node1 ["Node 1"]
                    pod1["pod-blue-1<br/>10.4.32.2"]
                end
            end
            pod1 -->|"http:// green:82"| svc
        """
        let lines = Self.draw(source, width: 80)
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(lines.joined(separator: "\n"))")
        let row = lines.first { $0.contains("http:// green:82") } ?? ""
        // Inside the Cluster's frame: its border on both sides of the label's row.
        #expect(row.hasPrefix(" │") && row.hasSuffix("│"), "\(row)")
        #expect(row.contains("│ http:// green:82"))
    }
}

/// Edge ends stay on their box (#14 item 1): a box whose top lies under its frame's title
/// (one free row between) is entered by a side, its arrowhead against the box, rather than
/// by a line forced sideways into the row under the title (heads missing from their box).
struct TitleBlockedPortTests {
    @Test func aBoxUnderItsFramesTitleIsEnteredFromTheSide() {
        let source = """
        flowchart TD
            C["Mutating Admission"]
            D["Schema Validation"]
            subgraph "Mutating Webhook"
                MW["Webhook Code"]
            end
            C --> D
            C -->|"Call registered webhook"| MW
            MW -->|"Modified object"| C
        """
        let lines = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(Mermaid.parse(source).diagram!.flowchart!, maxWidth: 80).map(\.text)
        let text = lines.joined(separator: "\n")
        let row = lines.firstIndex { $0.contains("│ Webhook Code │") } ?? -1
        #expect(row > 0, "\(text)")
        // The arrow comes from the left into the box's side: `─▶│ Webhook Code │`.
        #expect(lines[row].contains("▶│ Webhook Code │"), "\(text)")
        // Nothing comes down through the title row into the box's top.
        let title = lines.firstIndex { $0.contains("Mutating Webhook") } ?? -1
        let frame = Array(lines[title]), under = Array(lines[title + 1])
        let start = frame.firstIndex(of: "┌") ?? 0, end = frame.lastIndex(of: "┐") ?? 0
        #expect(!under[start...min(end, under.count - 1)].contains("▼"), "\(text)")
    }
}

/// Lesson 04's chart (#14): the Service's dotted and solid arrows into api-2, which must come
/// in under Node 2's title lines, each get a row: no line crosses another, none runs along
/// Node 2's frame (they crossed at `┌┼─┘` before).
struct ParallelArrowsUnderATitleTests {
    @Test func lessonFoursArrowsDoNotCross() throws {
        let path = DrawingPaths.repository.appendingPathComponent("Lessons/04-clusterip.md").path
        let lesson = Lesson.load(path: path)
        let charts = lesson.allBlocks.compactMap { block -> Flowchart? in
            if case .mermaid(let d) = block { return d.diagram?.flowchart }
            return nil
        }
        let chart = try #require(charts.first)
        for width in [80, 120] {
            let lines = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(chart, maxWidth: width).map(\.text)
            let text = lines.joined(separator: "\n")
            #expect(!text.contains("┼"), "a crossing at \(width):\n\(text)")
            #expect(!text.contains("│─ Node 2"), "a line on Node 2's corner at \(width):\n\(text)")
            #expect(lines.contains { $0.contains("▼ ▼") }, "two arrowheads into api-2 at \(width):\n\(text)")
        }
    }
}

/// Labels kept beside their lines by lifting the box that sends them (#14, `lift`).
struct LiftedSourceTests {
    /// A client beside a row of Services, its two labelled requests going down to Node 1
    /// through the Services' lines (the NodePort slide at 80 columns): no room for the labels
    /// beside either line, so both went to the legend. The client gets a row of its own
    /// above the Services, its lines pass them on the side where Node 1 is, and each label
    /// sits beside its own line, with no line crossing another.
    @Test func aClientAboveARowOfServicesKeepsItsLabelsAtEightyColumns() throws {
        let source = """
        flowchart TD
            svcA["Service shop<br/>NodePort 10.96.0.30<br/>port 80<br/>nodePort 30080"]
            svcB["Service blog<br/>NodePort 10.96.0.31<br/>port 80<br/>nodePort 30081"]
            subgraph n1 ["Node 1<br/>192.168.56.11<br/>:30080 :30081"]
                a1["shop-1<br/>10.244.1.2<br/>port 8080"]
            end
            subgraph n2 ["Node 2<br/>192.168.56.12<br/>:30080 :30081"]
                a2["shop-2<br/>10.244.2.2<br/>port 8080"]
                b1["blog-1<br/>10.244.2.3<br/>port 8080"]
            end
            subgraph n3 ["Node 3<br/>192.168.56.13<br/>:30080 :30081"]
                b2["blog-2<br/>10.244.3.2<br/>port 8080"]
            end
            svcA -.-> a1
            svcA -.-> a2
            svcB -.-> b1
            svcB -.-> b2
            laptop(["laptop"])
            laptop -->|"1 - http:// 192.168.56.11:30080"| n1
            laptop -->|"2 - http:// shop-1:8080 direct"| a1
        """
        let chart = Mermaid.parse(source).diagram!.flowchart!
        let layout = DiagramRenderer(glyphs: Glyphs(ascii: false)).layout(chart, maxWidth: 80)
        let lines = LabelRoomTests.draw(source, width: 80)
        let drawn = lines.joined(separator: "\n")
        #expect(layout.legend.isEmpty, "no legend:\n\(drawn)")
        #expect(lines.allSatisfy { CellWidth.of($0) <= 80 })
        let laptop = try #require(layout.node("laptop")), shop = try #require(layout.node("svcA"))
        #expect(laptop.rect.maxY <= shop.rect.y, "the client is above the Services:\n\(drawn)")
        // Each label on a row its own line runs through, right beside it.
        for edge in layout.edges where !edge.label.isEmpty {
            let at = try #require(edge.labelAt, "\(edge.label) is placed")
            let width = CellWidth.of(edge.label)
            #expect(edge.cells.contains { $0.y == at.y && ($0.x == at.x - 2 || $0.x == at.x + width + 1) },
                    "\(edge.label) is beside its own line:\n\(drawn)")
        }
        // No two lines meet: no cell is on two edges.
        var seen: [DiagramLayout.Point: Int] = [:]
        for edge in layout.edges { for c in Set(edge.cells) { seen[c, default: 0] += 1 } }
        #expect(seen.values.allSatisfy { $0 == 1 }, "lines cross or share cells:\n\(drawn)")
    }
}
