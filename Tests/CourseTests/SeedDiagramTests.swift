import Speech
import Scenes
import Words
import Testing
@testable import Course
import Mermaid

/// The 8 mermaid blocks of the seed page read as a person sees them: the boxes and their
/// lines, the Node subgraphs, the dotted Service -> Pod endpoint edges, and the numbered,
/// animated request steps.
@Suite(.enabled(if: Paths.hasShared, Paths.sharedMissing))
struct SeedDiagramTests {
    let charts: [Flowchart] = Lesson.load(path: Paths.seedPage).allBlocks.compactMap {
        if case .mermaid(let d) = $0 { return d.diagram?.flowchart }
        return nil
    }

    @Test func allEightAreFlowchartsWithTheirTitles() {
        #expect(charts.count == 8)
        #expect(charts.map(\.title) == [
            "ClusterIP Multi-Nodes",
            "Communication entre Pods par ClusterIP - par Pod 1",
            "Communication entre Pods par ClusterIP - par Pod 2",
            "NodePort sur port 30001 du Node 1",
            "NodePort sur port 30002 du Node 1",
            "Schema d'un Ingress basé path.",
            "Schema d'un Ingress basé hostname.",
            "Gateway API",
        ])
        #expect(charts.map(\.direction) == [.topBottom, .topBottom, .topBottom, .topBottom, .topBottom,
                                           .leftRight, .leftRight, .leftRight])
    }

    @Test func clusterIPDiagramHasNodesPodsAndEndpoints() throws {
        let chart = charts[0]
        #expect(chart.node("svcA")?.lines == ["Service blue", "clusterIP 10.0.0.5", "port 81"])
        #expect(chart.node("svcA")?.classes == ["blue"])
        #expect(chart.node("pod2_2")?.lines == ["pod-green-1", "10.4.32.6", "port 8282"])
        #expect(chart.subgraphs.map(\.id) == ["node1", "node2", "node3", "Cluster"])
        #expect(chart.subgraph("node2")?.nodes == ["pod2_1", "pod2_2"])
        #expect(chart.subgraph("Cluster")?.nodes == ["svcA", "svcB", "node1", "node2", "node3"])
        let endpoints = chart.edges.filter { $0.stroke == .dotted }.map { "\($0.from)->\($0.to)" }
        #expect(endpoints == ["svcA->pod1_1", "svcA->pod2_1", "svcB->pod2_2", "svcB->pod3_1"])
        #expect(chart.classDefs.isEmpty, "blue and green are styled by the site, never by classDef")
    }

    @Test func clusterIPFlowsAreNumberedAndAnimated() {
        let steps = charts[1].edges.filter(\.isAnimated)
        #expect(steps.map(\.id) == ["e1", "e2"])
        #expect(steps.map(\.label) == ["1 - http:// green:82", "2 - http:// 10.4.32.6:8282"])
        #expect(steps.map { "\($0.from)->\($0.to)" } == ["pod1_1->svcB", "svcB->pod2_2"])
        #expect(charts[2].edges.filter(\.isAnimated).last?.to == "pod3_1")
    }

    @Test func nodePortDiagramHasNodeAddressesAndAUser() {
        let chart = charts[3]
        #expect(chart.subgraph("node1")?.titleLines == ["Node 1", "172.10.10.1", ":30001 :30002"])
        #expect(chart.node("User")?.shape == .stadium)
        #expect(chart.node("svcB")?.lines == ["Service green", "NodePort 10.0.0.7", "port 82", "nodePort 30002"])
        let steps = chart.edges.filter(\.isAnimated)
        #expect(steps.map(\.label) == ["1 - http:// 127.10.10.1:30001", "2 - http:// pod-blue-1:8181"])
        #expect(steps.map(\.to) == ["node1", "pod1_1"])
    }

    @Test func ingressDiagramsRouteByPathAndHost() {
        let byPath = charts[5]
        #expect(byPath.node("ingress")?.lines == ["Ingress, 178.91.123.132"])
        #expect(byPath.edges.first?.stroke == .dotted)
        #expect(byPath.edges.first?.label == "Ingress-managed load balancer")
        #expect(byPath.edges.filter { $0.from == "ingress" }.map(\.label) == ["/foo", "/bar"])
        #expect(byPath.subgraph("cluster")?.nodes.contains("ingress") == true)
        #expect(charts[6].edges.filter { $0.from == "ingress" }.map(\.label) == ["Host: foo.bar.com", "Host: bar.foo.com"])
    }

    @Test func gatewayDiagram() {
        let chart = charts[7]
        #expect(chart.edges.map { "\($0.from)->\($0.to)" } == [
            "client->gateway", "gateway->httpRoute", "httpRoute->service", "service->pod1", "service->pod2",
        ])
        #expect(chart.edges[0].label == "requête HTTP")
        #expect(chart.edges[2].label == "Règle de routage")
    }

    @Test func corpusDiagramsParseAndOtherKindsAreNamed() {
        var flowcharts = 0
        var others: [String] = []
        for path in Curriculum.lessonFiles(in: Paths.corpusCourse) {
            for block in Lesson.load(path: path).allBlocks {
                guard case .mermaid(let d) = block else { continue }
                switch d.diagram {
                case .flowchart?: flowcharts += 1
                case .sequence?: others.append("sequenceDiagram (drawn)")
                case .mindmap?: others.append("mindmap (drawn)")
                case .state?: others.append("stateDiagram (drawn)")
                case .classes?: others.append("classDiagram (drawn)")
                case .git?: others.append("gitGraph (drawn)")
                case .unsupported(let kind, _)?: others.append(kind)
                case nil: Issue.record("\(path):\(d.line): not read as a diagram")
                }
            }
        }
        #expect(flowcharts == 18)
        #expect(others.sorted() == ["mindmap (drawn)", "mindmap (drawn)", "mindmap (drawn)", "sequenceDiagram (drawn)"])
    }
}

struct DiagramDiagnosticsInLessonTests {
    @Test func aBrokenDiagramIsLocatedInTheLessonFile() {
        let text = "---\ntitle: t\n---\n\n- liste\n\n  ```mermaid\n  flowchart TD\n    A[texte (cassé)] --> B\n  ```\n"
        let lesson = Lesson.parse(text: text, file: "t.md")
        // Loading keeps the source; the diagram is parsed when drawn or linted.
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.lint().map(\.description) == [
            "t.md:9:13: error: mermaid: unexpected `(` in node text: put the text in quotes",
        ])
    }

    @Test func theCommandsErrorListsIncludeTheDiagrams() {
        let text = "---\ntitle: t\n---\n\n```mermaid\nflowchart TD\n  A[texte (cassé)] --> B\n```\n"
        let course = Curriculum(lessons: [Lesson.parse(text: text, file: "t.md")], diagnostics: [])
        #expect(course.allDiagnostics.map(\.description) == [
            "t.md:7:11: error: mermaid: unexpected `(` in node text: put the text in quotes",
        ])
    }

    @Test func anotherKindIsAWarning() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\n```mermaid\nerDiagram\n  A ||--o{ B : a\n```\n", file: "t.md")
        #expect(lesson.lint().map(\.description) == [
            "t.md:5:1: warning: mermaid `erDiagram` cannot be drawn yet: shown as its source",
        ])
    }

    /// A sequence diagram is drawn (#22); a line it cannot read is a warning at its line and column.
    @Test func aSequenceLineThatIsNotOneIsAWarningAtItsLine() {
        let lesson = Lesson.parse(text: "---\ntitle: t\n---\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n  quoi donc\n```\n", file: "t.md")
        #expect(lesson.lint().map(\.description) == [
            "t.md:8:3: warning: mermaid: sequence diagram: `quoi donc` is not a participant, message, note or block: left out",
        ])
    }
}
