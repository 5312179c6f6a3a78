import Speech
import Scenes
import Words
import Canvas
import Course
import Foundation
import Mermaid
import Testing
@testable import Drawing

/// Diagrams drawn from the layout: every label and title shown, no boxes overlapping, edges
/// as paths of cells a packet can follow.
struct DiagramTests {
    static func chart(_ source: String) -> Flowchart { Mermaid.parse(source).diagram!.flowchart! }

    /// No two node boxes share a cell; a node and a group are nested or apart; sibling
    /// groups are apart.
    static func overlaps(_ layout: DiagramLayout) -> [String] {
        var problems: [String] = []
        let nodes = layout.nodes
        for i in nodes.indices { for j in nodes.indices where j > i && nodes[i].rect.intersects(nodes[j].rect) {
            problems.append("\(nodes[i].id) overlaps \(nodes[j].id)")
        } }
        func contains(_ a: Rect, _ b: Rect) -> Bool { b.x >= a.x && b.y >= a.y && b.maxX <= a.maxX && b.maxY <= a.maxY }
        for g in layout.groups {
            for n in nodes where g.rect.intersects(n.rect) && !contains(g.rect, n.rect) { problems.append("\(n.id) straddles \(g.id)") }
            for h in layout.groups where h.id < g.id && g.rect.intersects(h.rect) && !contains(g.rect, h.rect) && !contains(h.rect, g.rect) {
                problems.append("\(g.id) overlaps \(h.id)")
            }
        }
        return problems
    }

    @Test func aSimpleChainTopDown() {
        let lines = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(Self.chart("flowchart TD\n  a[client] --> b[server]"), maxWidth: 40).map(\.text)
        #expect(lines == [
            " ┌────────┐",
            " │ client │",
            " └────────┘",
            "      │",
            "      │",
            "      ▼",
            " ┌────────┐",
            " │ server │",
            " └────────┘",
        ])
    }

    @Test func leftToRightWithALabelAndStrokes() {
        let chart = Self.chart("flowchart LR\n  a([client]) -. HTTP .-> b{{gateway}}\n  b ==> c[(db)]")
        let lines = DiagramRenderer(glyphs: Glyphs(ascii: false)).render(chart, maxWidth: 80).map(\.text)
        let all = lines.joined(separator: "\n")
        #expect(all.contains("│( client )│"), "a stadium gets round corners and its brackets")
        #expect(all.contains("║< gateway >║"), "a hexagon gets a double border and pointed sides")
        #expect(all.contains("│╰╌╌╯│"), "a cylinder gets its lip")
        #expect(all.contains("┄"), "dotted stroke")
        #expect(all.contains("━▶") || all.contains("━━"), "thick stroke")
        #expect(all.contains("HTTP"))
    }

    @Test func edgesExposeTheirCells() {
        let layout = DiagramRenderer(glyphs: Glyphs(ascii: false)).layout(Self.chart("flowchart TD\n  a --> b"), maxWidth: 40)
        let edge = layout.edges[0]
        let a = layout.node("a")!.rect, b = layout.node("b")!.rect
        #expect(edge.cells.first == DiagramLayout.Point(edge.cells.first!.x, a.maxY), "leaves from under the source")
        #expect(edge.cells.last!.y == b.y - 1, "arrives just above the target")
        for (p, q) in zip(edge.cells, edge.cells.dropFirst()) { #expect(abs(p.x - q.x) + abs(p.y - q.y) == 1, "one cell at a time") }
    }

    @Test func asciiArt() {
        let lines = DiagramRenderer(glyphs: Glyphs(ascii: true)).render(Self.chart("graph TD\n  a(round) -.-> b"), maxWidth: 40).map(\.text)
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(lines.joined().contains(".-------."))
        #expect(lines.joined().contains("v"))
    }

    @Test func cyclesAreBrokenAndNestedSubgraphsContainTheirNodes() {
        let chart = Self.chart("""
        flowchart TD
          subgraph outer [Outer]
            subgraph inner [Inner]
              a --> b
            end
            c
          end
          b --> c --> a
        """)
        let layout = DiagramRenderer(glyphs: Glyphs(ascii: false)).layout(chart, maxWidth: 80)
        #expect(Self.overlaps(layout).isEmpty)
        #expect(layout.groups.map(\.id).sorted() == ["inner", "outer"])
        #expect(layout.edges.count == 3)
    }
}

/// The seed page: every slide at 100 and 80 columns and in ASCII at 80, recorded as plain
/// text files under Tests/DrawingTests/Snapshots (set RESEAU_RECORD_SNAPSHOTS=1 to record
/// them anew, then read them before committing).
enum DrawingPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
    static var available: Bool { FileManager.default.fileExists(atPath: seed) }
}

@Suite(.enabled(if: DrawingPaths.available, "../shared is absent (a fresh clone): the seed's snapshots are not compared"))
struct SeedSnapshots {
    static let repository = DrawingPaths.repository
    static let lesson = Lesson.load(path: DrawingPaths.seed)

    static func render(width: Int, ascii: Bool) -> String {
        let renderer = SlideRenderer(width: width, ascii: ascii, language: .fr)
        return lesson.slides.map { slide in
            ([LessonRenderer.separator(slide, number: slide.number, count: lesson.slides.count, width: width, ascii: ascii)]
                + LessonRenderer.lines(slide, renderer: renderer)).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    @Test(arguments: [(100, false), (80, false), (80, true)])
    func snapshot(width: Int, ascii: Bool) throws {
        let text = Self.render(width: width, ascii: ascii)
        let file = Self.repository.appendingPathComponent("Tests/DrawingTests/Snapshots/reseau-\(width)\(ascii ? "-ascii" : "").txt")
        if ProcessInfo.processInfo.environment["RESEAU_RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        let a = recorded.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("line \(first.offset + 1) differs:\n  recorded: \(first.element.0)\n  now:      \(first.element.1)")
        }
        #expect(a.count == b.count)
    }

    @Test(arguments: [(100, false), (80, false), (80, true)])
    func noLineWiderThanAskedAndNoRawMarkup(width: Int, ascii: Bool) {
        let lines = Self.render(width: width, ascii: ascii).split(separator: "\n")
        for line in lines {
            #expect(CellWidth.of(line) <= width, "\(line)")
            for markup in [":::", "<div", "**", "```", "<br"] { #expect(!line.contains(markup), "\(markup) in \(line)") }
        }
        if ascii { #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || !"─│┌┐└┘╭╮╰╯┄┆━┃▼▲▶◀".unicodeScalars.contains($0) } }) }
    }

    @Test(arguments: [100, 80])
    func everyDiagramShowsEveryLabelAndTitleWithoutOverlap(width: Int) {
        let charts = Self.lesson.allBlocks.compactMap { block -> Flowchart? in
            if case .mermaid(let d) = block { return d.diagram?.flowchart }
            return nil
        }
        #expect(charts.count == 8)
        for chart in charts {
            let renderer = DiagramRenderer(glyphs: Glyphs(ascii: false))
            let layout = renderer.layout(chart, maxWidth: width)
            #expect(layout.width <= width, "\(chart.title ?? "") is \(layout.width) wide")
            #expect(DiagramTests.overlaps(layout).isEmpty, "\(DiagramTests.overlaps(layout))")
            let text = renderer.render(chart, maxWidth: width).map(\.text).joined(separator: "\n")
            for node in chart.nodes where chart.subgraph(node.id) == nil {
                // Every word, in the box (a long line may be wrapped at its spaces, as mermaid does).
                for line in node.lines { for word in line.split(separator: " ") { #expect(text.contains(word), "\(chart.title ?? ""): \(word) of \(line) missing") } }
            }
            for subgraph in chart.subgraphs { for line in subgraph.titleLines { #expect(text.contains(line), "\(chart.title ?? ""): title \(line) missing") } }
            for edge in chart.edges where !edge.label.isEmpty { #expect(text.contains(edge.labelLines.joined(separator: " ")), "label \(edge.label) missing") }
        }
    }
}

/// The corpus renders at 80 columns without error and without a line too wide.
@Suite(.enabled(if: DrawingPaths.available, "../shared is absent"))
struct CorpusRendering {
    @Test func everyPageAt80Columns() {
        let folder = DrawingPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/course").path
        let course = Curriculum.load(paths: [folder])
        #expect(course.lessons.count == 13)
        let renderer = SlideRenderer(width: 80)
        for lesson in course.lessons {
            for slide in lesson.slides {
                for line in renderer.render(slide) { #expect(line.width <= 80, "\(lesson.file) slide \(slide.number): \(line.text)") }
            }
        }
    }
}

/// The course in `Lessons/`, drawn at 80 columns: nothing wider, every diagram and scene
/// drawn as boxes (never left as source), every Node of every scene on screen.
struct BundledCourseRenderingTests {
    @Test func everySlideAt80Columns() {
        let course = Curriculum.load(paths: [DrawingPaths.repository.appendingPathComponent("Lessons").path])
        #expect(course.lessons.count == 13)
        let renderer = SlideRenderer(width: 80)
        for lesson in course.lessons {
            var text: [String] = []
            for slide in lesson.slides {
                let lines = renderer.render(slide)
                for line in lines { #expect(line.width <= 80, "\(lesson.file) slide \(slide.number): \(line.text)") }
                text += lines.map(\.text)
            }
            let all = text.joined(separator: "\n")
            #expect(!all.contains("flowchart "), "\(lesson.file): a diagram left as source")
            #expect(!all.contains("apiVersion: reseau/v1"), "\(lesson.file): a scene left as source")
            #expect(!all.contains("de plus à droite") && !all.contains("to the right"),
                    "\(lesson.file): a drawing wider than 80 columns")
            for scene in lesson.scenes() where scene.reading == nil {
                for node in scene.scene.cluster.nodes {
                    #expect(all.contains("─ \(node.name) ─"), "\(lesson.file): Node \(node.name) not drawn")
                }
            }
        }
    }
}

/// A scene's cluster drawn: Services above, Nodes holding their Pods, endpoints dotted.
struct SceneDiagramTests {
    /// Services too many for one row are drawn in rows, so the scene fits the screen.
    @Test func manyServicesAreStackedToFit() throws {
        let lesson = Lesson.load(path: DrawingPaths.repository.appendingPathComponent("Lessons/13-cas-usage.md").path)
        let cluster = try #require(lesson.scenes().first).scene.cluster
        let renderer = DiagramRenderer(glyphs: Glyphs(ascii: false))
        let oneRow = renderer.layout(SceneDiagram.flowchart(cluster, words: French()).0, maxWidth: 80)
        #expect(oneRow.width > 80)
        let fitted = SceneDiagram.fitted(cluster, maxWidth: 80, renderer: renderer, words: French())
        let (chart, layout) = (fitted.chart, fitted.layout)
        #expect(layout.width <= 80)
        #expect(chart.edges.contains { $0.stroke == .invisible && $0.from.hasPrefix("svc_") && $0.to.hasPrefix("svc_") })
        let drawn = renderer.render(chart, layout: layout, maxWidth: 80).map(\.text).joined(separator: "\n")
        for name in ["Service front", "Service stock", "Service paiement", "Service capteurs", "node-1", "node-2", "capteurs-1"] {
            #expect(drawn.contains(name))
        }
    }

    @Test func theShopScene() throws {
        let path = DrawingPaths.repository.appendingPathComponent("Tests/Fixtures/scenes/shop.yaml").path
        let (scene, _) = SceneLocator.load(path)
        let cluster = try #require(scene).cluster
        let chart = SceneDiagram.flowchart(cluster, title: "Scène", words: French()).0
        #expect(chart.subgraphs.map(\.titleLines) == [["node-1", "192.168.56.11 · 10.244.0.0/24"], ["node-2", "192.168.56.12 · 10.244.1.0/24"]])
        #expect(chart.node("svc_shop_web")?.lines == ["Service web", "NodePort 10.96.0.2", "80:30080/tcp"])
        #expect(chart.edges.filter { $0.from == "svc_shop_web" }.count == 3)
        #expect(chart.edges.allSatisfy { $0.stroke == .dotted })
        let renderer = DiagramRenderer(glyphs: Glyphs(ascii: false))
        let layout = renderer.layout(chart, maxWidth: 100)
        #expect(DiagramTests.overlaps(layout).isEmpty)
        let text = renderer.render(chart, maxWidth: 100).map(\.text).joined(separator: "\n")
        for pod in cluster.pods { #expect(text.contains(pod.ip.description)) }
        // Each Pod sits inside its Node's box.
        for pod in cluster.pods {
            let box = try #require(layout.node("pod_" + pod.name.description.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()))
            let node = try #require(layout.groups.first { $0.id == "node_" + pod.nodeName.replacingOccurrences(of: "-", with: "_") })
            #expect(node.rect.intersection(box.rect) == box.rect)
        }
    }
}

/// A cluster as a real dump gives it (500 Pods on 20 Nodes, 10 Services) is drawn summarised:
/// the Pods the flows pass through with their Nodes, each Node saying how many Pods it has
/// besides, the other Nodes and Services in one box each (#20: 500 Pods took minutes to
/// draw as a wall of boxes nobody could read).
struct LargeSceneTests {
    static func yaml(pods: Int) -> String {
        var docs = ["""
        apiVersion: reseau/v1
        kind: Scene
        metadata: {name: grande}
        cluster: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/16, cni: overlay}
        nodes:
        \((0..<20).map { "  - {name: node-\($0), ip: 192.168.56.\($0 + 10)}" }.joined(separator: "\n"))
        clients:
          - {name: portable, ip: 203.0.113.50}
        flows:
          - {from: portable, to: "http://192.168.56.11:30080/", expect: delivered}
          - {from: pod-3, to: "http://app-1/", expect: delivered}
        """]
        for i in 0..<pods {
            docs.append("""
            apiVersion: v1
            kind: Pod
            metadata: {name: pod-\(i), labels: {app: app-\(i % 10)}}
            spec:
              nodeName: node-\(i % 20)
              containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]
            """)
        }
        for s in 0..<10 {
            docs.append("""
            apiVersion: v1
            kind: Service
            metadata: {name: app-\(s)}
            spec:
              type: NodePort
              selector: {app: app-\(s)}
              ports: [{port: 80, targetPort: 8080\(s == 0 ? ", nodePort: 30080" : "")}]
            """)
        }
        return docs.joined(separator: "\n---\n")
    }

    @Test func fiveHundredPodsAreDrawnSummarised() throws {
        let scene = ManifestScene.load(Self.yaml(pods: 500), file: "grande.yaml", line: 1, column: 1, name: "grande")
        #expect(scene.cluster.pods.count == 500)
        let traces = scene.traces()
        #expect(traces.allSatisfy { if case .delivered = $0.verdict { return true }; return false }, "\(traces.map(\.verdict))")
        let renderer = DiagramRenderer(glyphs: Glyphs(ascii: false))
        let drawn = SceneDiagram.fitted(scene.cluster, traces: traces, maxWidth: 160, renderer: renderer, words: French())
        let text = renderer.render(drawn.chart, layout: drawn.layout, maxWidth: 160).map(\.text).joined(separator: "\n")
        // The Pods of the flows, and only them, as boxes.
        let flowPods = Set(traces.flatMap { $0.hops }.compactMap { hop -> String? in
            if case .pod(let p) = hop.place { return p.name }; return nil
        })
        #expect(flowPods.contains("pod-3"))
        for pod in flowPods { #expect(drawn.chart.node("pod_default_" + pod.replacingOccurrences(of: "-", with: "_")) != nil, "\(pod)") }
        #expect(drawn.chart.nodes.filter { $0.id.hasPrefix("pod_") }.count == flowPods.count)
        // What is not drawn is counted: 25 Pods a Node, of which the flow's one is drawn.
        #expect(text.contains("+ 24 autres Pods"))
        let nodesDrawn = drawn.chart.subgraphs.filter { $0.id.hasPrefix("node_") }.count
        #expect(text.contains("\(20 - nodesDrawn) autres Nodes"))
        #expect(text.contains("\((20 - nodesDrawn) * 25) Pods"))
        #expect(text.contains("8 autres Services"))
        #expect(text.contains("Service app-0") && text.contains("Service app-1"))
        #expect(text.contains("50 endpoints"))
        #expect(!text.contains("pod-499"))
        // Every hop's place is drawn: the packet has somewhere to be.
        for hop in traces.flatMap(\.hops) {
            if case .node(let n) = hop.place { #expect(drawn.entities.values.contains(.node(n)), "\(n)") }
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 160 })
    }

    /// A small scene is drawn whole, every Pod a box, as before.
    @Test func aSmallSceneIsDrawnWhole() throws {
        let scene = ManifestScene.load(Self.yaml(pods: 20), file: "petite.yaml", line: 1, column: 1, name: "petite")
        let drawn = SceneDiagram.fitted(scene.cluster, traces: scene.traces(), maxWidth: 400,
                                        renderer: DiagramRenderer(glyphs: Glyphs(ascii: false)), words: French())
        #expect(drawn.chart.nodes.filter { $0.id.hasPrefix("pod_") }.count == 20)
        #expect(!drawn.chart.nodes.contains { $0.id.hasPrefix("more_") })
    }
}

/// The course's diagrams that are not flowcharts (three mindmaps, one sequence diagram), drawn
/// at 80 and 120 columns: no source box left, snapshots read by eye (#22).
@Suite(.enabled(if: DrawingPaths.available, "../shared is absent (a fresh clone): the corpus's other diagrams are not drawn"))
struct CorpusOtherDiagramSnapshots {
    static let folder = DrawingPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/course").path

    @Test(arguments: [80, 120])
    func everyOtherKindIsDrawn(width: Int) throws {
        var text = ""
        for lesson in Curriculum.load(paths: [Self.folder]).lessons {
            let path = lesson.file
            for block in lesson.allBlocks {
                guard case .mermaid(let d) = block, d.diagram?.flowchart == nil else { continue }
                if case .unsupported(let kind, _)? = d.diagram { Issue.record("\(path):\(d.line): \(kind) shown as source") }
                let lines = SlideRenderer(width: width, language: .fr).render([block], width: width).map(\.text)
                for line in lines { #expect(CellWidth.of(line) <= width, "\(path):\(d.line): \(line)") }
                #expect(!lines.joined().contains("```") && !lines.contains { $0.hasPrefix("mindmap") || $0.hasPrefix("sequenceDiagram") })
                text += "── \((path as NSString).lastPathComponent):\(d.line) ──\n" + lines.joined(separator: "\n") + "\n"
            }
        }
        let file = DrawingPaths.repository.appendingPathComponent("Tests/DrawingTests/Snapshots/corpus-other-diagrams-\(width).txt")
        if ProcessInfo.processInfo.environment["RESEAU_RECORD_SNAPSHOTS"] != nil { try text.write(to: file, atomically: true, encoding: .utf8) }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }
}


/// A drawing wider than the page says so in one language, the reader's.
struct WideDrawingNoteTests {
    @Test func theNoteIsInTheReadersLanguageOnly() {
        let source = "flowchart TD\n  a --> " + (1...8).map { "b\($0)[Pod numéro \($0)]" }.joined(separator: " & ")
        guard let chart = Mermaid.parse(source).diagram?.flowchart else { Issue.record("not a flowchart"); return }
        let fr = DiagramRenderer(glyphs: Glyphs(ascii: false), language: .fr).render(chart, maxWidth: 40).map(\.text).joined(separator: "\n")
        let en = DiagramRenderer(glyphs: Glyphs(ascii: false), language: .en).render(chart, maxWidth: 40).map(\.text).joined(separator: "\n")
        #expect(fr.contains("colonnes de plus à droite") && !fr.contains("columns") && !fr.contains("(s)"), "\(fr)")
        #expect(en.contains("more columns to the right") && !en.contains("colonne") && !en.contains("(s)"))
    }
}

/// The edge router's two searches: the cheapest path, and past the budget of expansions
/// (a chart of thousands of tangled edges) one found fast. Both must join their ends around
/// the boxes; the fast one may turn more (#20: 2,000 random edges took eight minutes).
struct EdgeRouterBudgetTests {
    /// A wall of boxes with one gap, the ends on either side of it.
    static func router(budget: (edge: Int, chart: Int)) -> EdgeRouter {
        let wall = [Rect(x: 0, y: 10, width: 30, height: 3), Rect(x: 34, y: 10, width: 26, height: 3)]
        var router = EdgeRouter(width: 60, height: 24, nodes: wall, groups: [])
        router.budget = budget
        return router
    }

    @Test(arguments: [(edge: 400_000, chart: 10_000_000), (edge: 0, chart: 0), (edge: 5, chart: 100)])
    func aPathJoinsItsEndsAroundTheBoxes(budget: (edge: Int, chart: Int)) throws {
        var router = Self.router(budget: budget)
        let start = EdgeRouter.Point(5, 2), goal = EdgeRouter.Point(50, 20)
        let found = router.route(from: start, to: goal)
        let path = try #require(found)
        #expect(path.first == start && path.last == goal)
        for (a, b) in zip(path, path.dropFirst()) { #expect(abs(a.x - b.x) + abs(a.y - b.y) == 1, "\(a) → \(b) is not one step") }
        for p in path { #expect(!(p.y >= 10 && p.y < 13 && (p.x < 30 || p.x >= 34)), "\(p) is inside a box") }
    }

    /// With room to spare the search is exact: the same path as with no budget at all.
    @Test func underTheBudgetThePathIsTheCheapest() throws {
        var roomy = Self.router(budget: (edge: 400_000, chart: 10_000_000))
        var unbounded = Self.router(budget: (edge: .max / 4, chart: .max / 4))
        let start = EdgeRouter.Point(5, 2), goal = EdgeRouter.Point(50, 20)
        let a = roomy.route(from: start, to: goal), b = unbounded.route(from: start, to: goal)
        #expect(a != nil && a == b)
    }
}
