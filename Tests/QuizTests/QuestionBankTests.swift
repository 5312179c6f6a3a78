import Speech
import Scenes
import Words
import Foundation
import Testing
import Course
import NetSim
@testable import Quiz

/// Questions from the seed page: its recap table and its ClusterIP and NodePort scenes, the
/// answers read from NetSim's traces.
@Suite(.enabled(if: Paths.hasShared, Paths.sharedMissing))
struct SeedQuestionTests {
    let lesson = Lesson.load(path: Paths.seedPage)
    var questions: [QuizItem] { QuestionBank.questions(for: lesson) }

    func rightChoices(_ q: QuizItem) -> Set<String> { Set(q.answers.map { q.choices[$0].fr }) }
    func allChoices(_ q: QuizItem) -> Set<String> { Set(q.choices.map(\.fr)) }

    @Test func theRecapTableAsksEachUseCase() throws {
        let table = questions.filter { $0.source == .table }
        #expect(table.count == 8)
        #expect(table.allSatisfy { $0.line == 556 && $0.choices.count == 4 && $0.answers.count == 1 })
        let inside = try #require(table.first { $0.prompt.fr.contains("« Communication interne »") })
        #expect(inside.prompt.fr == "Cas d'usage : « Communication interne ». Type de Service ?")
        #expect(rightChoices(inside) == ["ClusterIP"])
        // The wrong choices are other rows' answers, never ClusterIP again (three rows give it).
        #expect(allChoices(inside).subtracting(["ClusterIP"]).isSubset(of: [
            "LoadBalancer / NodePort", "Ingress + ClusterIP", "Headless", "ExternalName", "NodePort / port-forward"]))
        let external = try #require(table.first { $0.prompt.fr.contains("« Service externe »") })
        #expect(rightChoices(external) == ["ExternalName"])
        let clustered = try #require(table.first { $0.prompt.fr.contains("clusterisée") })
        #expect(rightChoices(clustered) == ["Headless"])
    }

    @Test func clusterIPSceneAsksWhereTheRequestLands() throws {
        // Scene 2 ("Communication entre Pods par ClusterIP - par Pod 1"): pod-blue-1 → green:82.
        let trace = try #require(lesson.scenes()[1].scene.traces().first)
        let q = try #require(questions.first { $0.source == .engine(.candidates) && $0.replay == .init(scene: 2, flow: 0) })
        #expect(q.isMultipleAnswer)
        let engine = Set(trace.candidates.compactMap(\.pod).map(\.description))
        #expect(rightChoices(q) == engine)
        #expect(rightChoices(q) == ["default/pod-green-1", "default/pod-green-2"])
        #expect(allChoices(q).subtracting(engine) == ["default/pod-blue-2"], "the sender, pod-blue-1, is never offered as where its own request lands")
    }

    @Test func clusterIPSceneAsksDNSAndTheSourceAddress() throws {
        let dns = try #require(questions.first { $0.source == .engine(.dns) && $0.replay?.scene == 2 })
        #expect(dns.prompt.en == "From default/pod-blue-1, what does the cluster DNS answer for “green” (A)?")
        #expect(rightChoices(dns) == ["10.0.0.7"])
        #expect(allChoices(dns).contains("NXDOMAIN"))
        let source = try #require(questions.first { $0.source == .engine(.sourcePreserved) && $0.replay?.scene == 2 })
        // Pod to ClusterIP: kube-proxy only DNATs; the Pod sees 10.4.32.2 (pod-blue-1).
        #expect(source.choices.map(\.fr) == ["Oui", "Non"])
        #expect(rightChoices(source) == ["Oui"])
    }

    @Test func nodePortSceneAsksAboutMasqueradeAndTheNextHop() throws {
        // Scene 4 ("NodePort sur port 30001 du Node 1"): a user outside → node1:30001.
        let trace = try #require(lesson.scenes()[3].scene.traces().first)
        #expect(trace.masqueraded)
        let source = try #require(questions.first { $0.source == .engine(.sourcePreserved) && $0.replay?.scene == 4 })
        #expect(source.prompt.fr.contains("(203.0.113.10)"))
        #expect(rightChoices(source) == ["Non"], "externalTrafficPolicy Cluster: kube-proxy masquerades (kubernetes.io, Service, Preserving the client source IP)")
        let next = try #require(questions.first { $0.source == .engine(.nextHop) && $0.replay?.scene == 4 })
        let dnat = try #require(trace.hops.firstIndex { $0.action == .dnat })
        // Named as the drawing titles the Node ("Node 1"), not by the diagram's id (node1).
        let titles = try #require(lesson.scenes()[3].reading?.nodeTitles)
        let expected = French().quiz(.hopLabel(trace.hops[dnat + 1].place.renamingNodes(titles), trace.hops[dnat + 1].action))
        #expect(rightChoices(next) == [expected])
        #expect(expected == "Node 1 KUBE-POSTROUTING · SNAT")
        let land = try #require(questions.first { $0.source == .engine(.candidates) && $0.replay?.scene == 4 })
        #expect(rightChoices(land) == Set(trace.candidates.compactMap(\.pod).map(\.description)))
        #expect(rightChoices(land) == ["default/pod-blue-1", "default/pod-blue-2"])
    }

    @Test func idsSurviveEditsElsewhereAndAreUnique() throws {
        let ids = questions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("reseau/") })
        // The file's own bytes (double-encoded, repaired by the loader) with a paragraph before.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Paths.seedPage)))
        let edited = Lesson.parse(bytes: Array("Un paragraphe ajouté en tête.\n\n".utf8) + bytes, file: Paths.seedPage)
        #expect(edited.slides.count >= lesson.slides.count)
        #expect(Set(QuestionBank.questions(for: edited).map(\.id)) == Set(ids))
    }
}

/// Questions from fixtures: quiz blocks, and the Ingress, Gateway and policy scenes.
struct FixtureQuestionTests {
    @Test func quizBlocksKeepTheirAnswersAndExplanation() {
        let lesson = Lesson.parse(text: """
            # Quiz

            ```quiz
            question: Quel composant programme iptables ?
            choices: [kubelet, kube-proxy, CoreDNS]
            answer: kube-proxy
            explain: kube-proxy écrit les chaînes KUBE-SERVICES.
            ```
            """, file: "/tmp/x/services.md")
        let q = QuestionBank.questions(for: lesson)
        #expect(q.count == 1)
        #expect(q.first?.id.hasPrefix("services/quiz-") == true)
        #expect(q.first?.answers == [1])
        #expect(q.first?.explanation?.fr == "kube-proxy écrit les chaînes KUBE-SERVICES.")
    }

    @Test func controlCharactersWrittenByYAMLEscapesNeverReachTheScreen() {
        let lesson = Lesson.parse(text: """
            ```quiz
            question: "Rouge \\e[31m ?\\nSuite"
            choices: ["a\\x07", b]
            answer: b
            ```
            """, file: "t.md")
        let q = QuestionBank.authorQuestions(lesson)
        #expect(q.first?.prompt.fr == "Rouge [31m ? Suite")
        #expect(q.first?.choices.map(\.fr) == ["a", "b"])
    }

    @Test func smallTablesAskNothing() {
        let lesson = Lesson.parse(text: """
            | a | b |
            |---|---|
            | 1 | x |
            | 2 | y |
            | 3 | z |
            """, file: "t.md")
        #expect(QuestionBank.tableQuestions(lesson).isEmpty)
    }
}

/// The Ingress and NetworkPolicy scenes of the fixtures, embedded in a lesson.
struct EngineQuestionTests {
    static func lesson(embedding scene: String) throws -> Lesson {
        let path = Paths.repository.appendingPathComponent("Tests/Fixtures/scenes/\(scene)").path
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        return Lesson.parse(text: "# Scène\n\n```yaml scene\n\(yaml)```\n", file: "scene.md")
    }

    func rightChoices(_ q: QuizItem) -> [String] { q.answers.map { q.choices[$0].en } }

    @Test func anIngressHostLeadsToItsService() throws {
        let lesson = try Self.lesson(embedding: "ingress.yaml")
        let traces = try #require(lesson.scenes().first).scene.traces()
        let questions = QuestionBank.engineQuestions(lesson).filter { $0.source == .engine(.backend) }
        #expect(questions.count == 2)
        for (q, trace) in zip(questions, traces) {
            let service = try #require(trace.service)
            #expect(rightChoices(q) == [service.description])
            #expect(q.choices.count >= 2)
        }
        #expect(questions[0].prompt.en.contains("(Host: foo.bar.com)"))
    }

    @Test func policiesAllowOneFlowAndBlockTheOther() throws {
        let lesson = try Self.lesson(embedding: "policy.yaml")
        let traces = try #require(lesson.scenes().first).scene.traces()
        #expect(traces.map(\.verdict.name) == ["delivered", "dropped"])
        let questions = QuestionBank.engineQuestions(lesson).filter { $0.source == .engine(.policy) }
        #expect(questions.map { $0.choices.map(\.en) } == [["Allowed", "Blocked"], ["Allowed", "Blocked"]])
        #expect(questions.map(rightChoices) == [["Allowed"], ["Blocked"]])
    }
}
