import Canvas
import Mermaid
import Testing
@testable import Drawing

/// Lines that crossed or ran together, untangled (#14, items 2 and 3): ends on one side of a
/// box trade places or take another side when that leaves no shared cell; a box stacked
/// under another gets a row for each line coming in; a label with no room between boxes
/// gets the boxes set apart when the page has the columns; a legend's mark is always drawn.
struct UntangleTests {
    static func draw(_ source: String, width: Int) -> [String] {
        DiagramRenderer(glyphs: Glyphs(ascii: false)).render(Mermaid.parse(source).diagram!.flowchart!, maxWidth: width).map(\.text)
    }

    /// Where two lines meet on screen: a crossing, or a junction where one runs into another.
    static let meetings: Set<Character> = ["┼", "┬", "┴", "├", "┤"]

    /// A chain of admission steps whose two middle steps each call a webhook in a frame of
    /// its own and get an answer back: four labelled lines on the same sides of two boxes.
    static let webhooks = """
    flowchart LR
        req["Request"] --> auth["Authn / Authz"]
        auth --> mut["Mutating step<br/>(calls out)"]
        mut --> schema["Schema check"]
        schema --> val["Validating step<br/>(calls out)"]
        val --> store["Stored in etcd"]
        subgraph "Mutation hook"
            mh["Hook server<br/>mutate"]
        end
        subgraph "Validation hook"
            vh["Hook server<br/>validate"]
        end
        mut -->|"AdmissionReview"| mh
        mh -->|"JSON patch"| mut
        val -->|"AdmissionReview"| vh
        vh -->|"allowed: true"| val
    """

    @Test(arguments: [80, 120])
    func aCallAndItsAnswerDoNotCross(width: Int) {
        let lines = Self.draw(Self.webhooks, width: width)
        let drawing = lines.joined(separator: "\n")
        #expect(!drawing.contains { Self.meetings.contains($0) }, "\(drawing)")
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "every label on its line:\n\(drawing)")
        for label in ["AdmissionReview", "JSON patch", "allowed: true"] { #expect(drawing.contains(label)) }
        #expect(lines.allSatisfy { CellWidth.of($0) <= width })
    }

    /// Three Nodes in a cluster, the Service above: at 80 columns the Node with two Pods
    /// stacks them, and the dotted endpoint link and the solid request both come into the
    /// lower Pod.
    static let threeNodes = """
    flowchart TD
        svc["Service green<br/>clusterIP 10.0.0.7<br/>port 82"]
        subgraph Cluster ["Cluster"]
            subgraph n1 ["Node 1"]
                a["pod-blue-1<br/>10.4.32.2<br/>port 8181"]
            end
            subgraph n2 ["Node 2"]
                b["pod-blue-2<br/>10.4.32.5<br/>port 8181"]
                c["pod-green-1<br/>10.4.32.6<br/>port 8282"]
            end
            subgraph n3 ["Node 3"]
                d["pod-green-2<br/>10.4.32.8<br/>port 8282"]
            end
        end
        svc -.-> c
        svc -.-> d
        a -->|"1 - http:// green:82"| svc
        svc -->|"2 - http:// 10.4.32.6:8282"| c
    """

    @Test func twoLinesIntoAStackedPodEachComeDownOnTheirOwn() throws {
        let lines = Self.draw(Self.threeNodes, width: 80)
        let drawing = lines.joined(separator: "\n")
        #expect(!drawing.contains { Self.meetings.contains($0) }, "\(drawing)")
        // Both heads over pod-green-1, each reached from above by a line of its own (one
        // coming straight down, one turning down into it), none running into the other.
        let top = try #require(lines.firstIndex { $0.contains("pod-green-1") }) - 1
        let heads = Array(lines[top - 1]).enumerated().filter { $0.element == "▼" }.map(\.offset)
        #expect(heads.count == 2, "\(drawing)")
        let above = Array(lines[top - 2])
        for x in heads { #expect(x < above.count && "│┆┌┐".contains(above[x]), "\(drawing)") }
    }

    @Test func atWiderPagesTheNodesMoveApartSoBothLabelsSitOnTheirLines() {
        let lines = Self.draw(Self.threeNodes, width: 120)
        let drawing = lines.joined(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(drawing)")
        #expect(lines.contains { $0.contains("│ 2 - http:// 10.4.32.6:8282") }, "\(drawing)")
        #expect(lines.allSatisfy { CellWidth.of($0) <= 120 })
    }

    /// At 80 columns the Service keeps room on its right for the label of the line it sends
    /// (dagre gives labels room as nodes of their own): both labels on their lines.
    @Test func atEightyColumnsTheServiceKeepsRoomForItsLabel() {
        let lines = Self.draw(Self.threeNodes, width: 80)
        let drawing = lines.joined(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(drawing)")
        #expect(lines.contains { $0.contains("│ 2 - http:// 10.4.32.6:8282") }, "\(drawing)")
        #expect(lines.contains { $0.contains("1 - http:// green:82") }, "\(drawing)")
        #expect(lines.allSatisfy { CellWidth.of($0) <= 80 })
    }

    @Test(arguments: [60, 70, 80, 120])
    func everyLegendLineHasItsMarkOnTheDrawing(width: Int) {
        let lines = Self.draw(Self.threeNodes, width: width)
        let legend = lines.filter { $0.hasPrefix("(") }
        if width <= 70 { #expect(!legend.isEmpty, "at \(width) columns one label is in the legend") }
        let drawing = lines.filter { !$0.hasPrefix("(") }.joined(separator: "\n")
        for entry in legend {
            let mark = String(entry.prefix { $0 != " " })
            #expect(drawing.contains(mark), "\(mark) not drawn:\n\(lines.joined(separator: "\n"))")
        }
    }

    /// Two Services whose Pods share a Node, and a client written last that calls the first
    /// Node: the barycentre sweeps put the shared Node first and the client at the far end,
    /// where its line crossed both fan-outs; trying every order of the two ranks finds one
    /// with no crossing (the client first, the Nodes in their written order).
    static let sharedNode = """
    flowchart TD
        blue["Service blue<br/>nodePort 30001"]
        green["Service green<br/>nodePort 30002"]
        subgraph n1 ["Node 1"]
            b1["blue-1"]
        end
        subgraph n2 ["Node 2"]
            b2["blue-2"]
            g1["green-1"]
        end
        subgraph n3 ["Node 3"]
            g2["green-2"]
        end
        blue -.-> b1
        blue -.-> b2
        green -.-> g1
        green -.-> g2
        client(["client"])
        client --> n1
    """

    @Test(arguments: [80, 120])
    func theOrderOfTheRanksLeavesNoCrossing(width: Int) throws {
        let lines = Self.draw(Self.sharedNode, width: width)
        let drawing = lines.joined(separator: "\n")
        #expect(!drawing.contains { Self.meetings.contains($0) }, "\(drawing)")
        let titles = try #require(lines.first { $0.contains("Node 1") && $0.contains("Node 3") }, "\(drawing)")
        #expect(titles.range(of: "Node 1")!.lowerBound < titles.range(of: "Node 2")!.lowerBound)
        #expect(titles.range(of: "Node 2")!.lowerBound < titles.range(of: "Node 3")!.lowerBound)
    }

    /// Two labelled lines between the same boxes run side by side at the drawing's left
    /// edge: the first label has no room on the right (the second line) nor on the left (the
    /// page's edge), so the drawing moves right and the label goes left of its line.
    @Test(arguments: [80, 120])
    func aLabelAtTheLeftEdgeGetsTheRoomTheDrawingMovesOver(width: Int) {
        let lines = Self.draw("""
        flowchart TD
            a[api] -->|requests on 8080| b[db]
            a -->|health checks| b
        """, width: width)
        let drawing = lines.joined(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(drawing)")
        #expect(lines.contains { $0.contains("requests on 8080 │ │ health checks") || $0.contains("health checks │ │ requests on 8080") },
                "\(drawing)")
        #expect(lines.allSatisfy { CellWidth.of($0) <= width })
        // Moved back as far as the label allows: it starts after the drawing's one-column margin.
        #expect(lines.contains { $0.hasPrefix(" requests") || $0.hasPrefix(" health") }, "\(drawing)")
    }

    /// Left to right, a box with two lines out and one with two lines in are made tall
    /// enough for a place each on their facing sides (ELK sizes nodes to their ports): no
    /// line is sent round by a top or bottom, and none leaves a stub past its arrowhead.
    @Test func leftToRightABusyBoxIsTallEnoughForItsLines() {
        let lines = Self.draw("""
        flowchart LR
            ingress --> svc1 & svc2 --> pod
        """, width: 80)
        let drawing = lines.joined(separator: "\n")
        // Every arrowhead points right, into a left side; no line turns up or down into a box.
        #expect(!drawing.contains("▲") && !drawing.contains("▼"), "\(drawing)")
        #expect(drawing.filter { $0 == "▶" }.count == 4, "\(drawing)")
        // Both lines leave ingress by its right side, on two rows of their own, and both
        // come into pod by its left side; each box keeps its name on its middle row.
        #expect(lines.filter { $0.hasPrefix(" │         │────") }.count == 2, "\(drawing)")
        #expect(lines.filter { $0.contains("└▶│") || $0.contains("┌▶│") }.count == 4, "\(drawing)")
        #expect(lines.contains { $0.contains("│ ingress │") && $0.contains("│ pod │") }, "\(drawing)")
        #expect(!drawing.contains { Self.meetings.contains($0) }, "\(drawing)")
    }

    /// A subgraph written twice under one id is one frame with both's boxes (mermaid's
    /// subgraph.spec.js "should handle nested subgraphs"): the second's boxes were dropped.
    @Test func aSubgraphWrittenTwiceKeepsEveryBox() {
        let lines = Self.draw("""
        flowchart TD
            subgraph pool
                a1 --> a2
            end
            subgraph pool
                b1 --> b2
            end
        """, width: 80)
        let drawing = lines.joined(separator: "\n")
        for name in ["a1", "a2", "b1", "b2"] { #expect(drawing.contains("│ \(name) │"), "\(name):\n\(drawing)") }
        #expect(drawing.components(separatedBy: "pool").count == 2, "one frame:\n\(drawing)")
        #expect(drawing.filter { $0 == "▼" }.count == 2, "\(drawing)")
    }

    /// Top-down, a box with many lines out is as wide as they need (a place each two cells
    /// apart), and the gap under it holds a row per pair of nested turns: no line is sent
    /// out by a side, none runs into another (mermaid's "A-->B1 … A-->B12" drew 13 crossings
    /// and 7 merged lines).
    @Test func aWideFanLeavesItsBoxByTheBottomOnly() throws {
        let source = "flowchart TD\n" + (1...8).map { "    A --> B\($0)" }.joined(separator: "\n")
        let lines = Self.draw(source, width: 120)
        let drawing = lines.joined(separator: "\n")
        let bottom = try #require(lines.firstIndex { $0.contains("└") && $0.contains("┘") && !$0.contains("B") }, "\(drawing)")
        let under = lines[bottom + 1]
        #expect(under.filter { $0 == "│" }.count == 8, "every line leaves A by its bottom:\n\(drawing)")
        #expect(!lines[1].contains("─"), "no line along A's sides:\n\(drawing)")
        #expect(!drawing.contains { "┬┴├┤".contains($0) }, "no line runs into another:\n\(drawing)")
        #expect(drawing.filter { $0 == "▼" }.count == 8)
    }

    /// Left to right, a long label into a frame gets its gap by wrapping long box text at
    /// its spaces (as mermaid wraps a long label) rather than going to the legend or the
    /// chart turning top-down.
    @Test func leftToRightLongBoxTextIsWrappedSoTheLabelsKeepTheirLines() throws {
        let lines = Self.draw("""
        flowchart LR
            browser([browser]) -. TLS terminated at the edge proxy .-> edge
            subgraph dc [datacenter]
                edge[Edge proxy, 203.0.113.250]
                edge -->|/shop| shop[Service shop-frontend:8443]
                edge -->|/api| api[Service orders-backend:9090]
                shop --> s1[Pod] & s2[Pod]
                api --> a1[Pod] & a2[Pod]
            end
        """, width: 120)
        let drawing = lines.joined(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("(1)") }, "\(drawing)")
        for label in ["TLS terminated at the edge proxy", "/shop", "/api"] { #expect(drawing.contains(label), "\(label):\n\(drawing)") }
        // Still left to right: the browser on the proxy's row, the proxy's text on two lines.
        let row = try #require(lines.first { $0.contains("browser") }, "\(drawing)")
        #expect(row.contains("┄▶│") && (row.contains("Edge proxy,") || row.contains("203.0.113.250")), "\(drawing)")
        // A word is never cut: an address or a host:port stays whole.
        for word in ["shop-frontend:8443", "orders-backend:9090", "203.0.113.250"] { #expect(drawing.contains(word), "\(word):\n\(drawing)") }
        #expect(lines.allSatisfy { CellWidth.of($0) <= 120 })
    }
}
