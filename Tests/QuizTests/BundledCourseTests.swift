import Speech
import Scenes
import Words
import Foundation
import Testing
import Course
import NetSim
@testable import Quiz

/// The course in `Lessons/`: thirteen lessons that load cleanly, whose every flow the engine
/// plays to the end the lesson states, each with at least five questions written for it.
struct BundledCourseTests {
    static let folder = Paths.repository.appendingPathComponent("Lessons").path
    let course = Curriculum.load(paths: [BundledCourseTests.folder])

    @Test func thirteenLessonsInTheirOrder() {
        #expect(course.diagnostics.isEmpty)
        #expect(course.lessons.map(\.title) == [
            "Les trois réseaux d'un cluster",
            "Le DNS du cluster",
            "Service et labels",
            "ClusterIP : l'adresse virtuelle",
            "NodePort : entrer par les Nodes",
            "LoadBalancer : une adresse publique",
            "ExternalName et Services headless",
            "Ingress : router le HTTP",
            "La Gateway API",
            "cert-manager : des certificats qui se renouvellent seuls",
            "NetworkPolicy",
            "port-forward et débogage",
            "Cas d'usage : quel Service choisir ?",
        ])
        #expect(course.lessons.allSatisfy { $0.frontmatter.lang == "fr" })
    }

    /// `reseau lint --strict Lessons/` says nothing: no warning, no error, no flow the
    /// engine contradicts.
    @Test func everyLessonLintsClean() {
        for lesson in course.lessons {
            #expect(lesson.lint().isEmpty, "\(lesson.file): \(lesson.lint().map(\.description))")
        }
    }

    /// Every flow of every lesson, played through the engine: a `yaml scene` flow ends as its
    /// `expect:` says (every one says), a diagram's numbered arrows end delivered to a Pod.
    @Test func everyFlowEndsAsTheLessonSays() throws {
        var played = 0
        for lesson in course.lessons {
            let scenes = lesson.scenes()
            #expect(!scenes.isEmpty, "\(lesson.file) has no scene")
            #expect(scenes.contains { !$0.scene.flows.isEmpty }, "\(lesson.file) animates nothing")
            for lessonScene in scenes {
                let traces = lessonScene.scene.traces()
                for (flow, trace) in zip(lessonScene.scene.flows, traces) {
                    let place = "\(lesson.file):\(flow.line) \(flow.from) → \(flow.to)"
                    if lessonScene.reading != nil {
                        guard case .delivered = trace.verdict else {
                            Issue.record("\(place): \(trace.verdict.name)"); continue
                        }
                    } else {
                        let expect = try #require(flow.expect, "\(place) says nothing of its end")
                        #expect(trace.verdict.name == expect, "\(place): \(trace.summary.en)")
                    }
                    #expect(!trace.hops.isEmpty, "\(place) has no hop to animate")
                    played += 1
                }
            }
        }
        #expect(played >= 30)
    }

    /// What the lessons say happens includes refusals, not only deliveries.
    @Test func theCourseShowsFailuresToo() {
        let expected = Set(course.lessons.flatMap { $0.scenes().flatMap { $0.scene.flows.compactMap(\.expect) } })
        #expect(expected.isSuperset(of: ["delivered", "rejected", "dropped", "nxdomain", "http-404", "external-name"]))
    }

    @Test func everyLessonAsksAtLeastFiveWrittenQuestions() {
        for lesson in course.lessons {
            let written = QuestionBank.authorQuestions(lesson)
            #expect(written.count >= 5, "\(lesson.file): \(written.count)")
            for q in written {
                #expect(!q.answers.isEmpty && q.choices.count >= 2, "\(lesson.file):\(q.line)")
                #expect(q.explanation != nil, "\(lesson.file):\(q.line) explains nothing")
            }
        }
    }

    @Test func questionIdsAreUniqueAcrossTheCourse() {
        let ids = course.lessons.flatMap { QuestionBank.questions(for: $0).map(\.id) }
        #expect(ids.count > 150)
        #expect(Set(ids).count == ids.count, "\(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
    }

    /// The recap of the last lesson is a two-column table: each row becomes a question.
    @Test func theUseCaseTableAsksEachNeed() throws {
        let last = try #require(course.lessons.last)
        let table = QuestionBank.tableQuestions(last)
        #expect(table.count == 8)
        let mqtt = try #require(table.first { $0.prompt.fr.contains("protocole TCP non HTTP") })
        #expect(mqtt.answers.map { mqtt.choices[$0].fr } == ["LoadBalancer"])
    }

    /// A port-forward flow is asked as kubectl's tunnel, not as a Service's routing.
    @Test func portForwardQuestionsNameTheTunnel() throws {
        let lesson = try #require(course.lessons.first { $0.file.hasSuffix("12-port-forward-debogage.md") })
        let forward = QuestionBank.engineQuestions(lesson).filter { $0.prompt.en.contains("kubectl port-forward svc/web:80") }
        #expect(forward.map(\.source) == [.engine(.candidates), .engine(.nextHop)])
        #expect(forward[0].explanation?.en.hasPrefix("kubectl picks one ready Pod") == true)
    }

    /// Behind an Ingress, the Pod sees the controller, whatever kube-proxy did before.
    @Test func aProxiedPodSeesTheProxy() throws {
        let lesson = try #require(course.lessons.first { $0.file.hasSuffix("08-ingress.md") })
        let source = try #require(QuestionBank.engineQuestions(lesson).first { $0.source == .engine(.sourcePreserved) })
        #expect(source.answers.map { source.choices[$0].en } == ["No"])
        #expect(source.prompt.en.hasPrefix("navigateur → http://198.51.100.7/api/panier (Host: boutique.example.com): "))
        #expect(source.explanation?.en.contains("X-Forwarded-For") == true)
    }
}
