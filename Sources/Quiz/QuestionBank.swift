import Facts
import Course
import Scenes
import Foundation
import NetSim
import Words

/// Every question a lesson can ask: its `quiz` blocks, its two-column tables, and what the
/// engine computes for each of its scenes.
public enum QuestionBank {
    /// The lesson's key in the progress file: its file name without directories or `.md`.
    public static func lessonKey(_ lesson: Lesson) -> String { lessonKey(path: lesson.file) }

    /// `Lessons/services.md` and `services` both give `services`.
    public static func lessonKey(path: String) -> String {
        var name = Substring(path.split(separator: "/").last ?? Substring(path))
        if name.hasSuffix(".md") { name = name.dropLast(3) }
        return String(name)
    }

    public static func questions(for lesson: Lesson) -> [QuizItem] {
        authorQuestions(lesson) + tableQuestions(lesson) + engineQuestions(lesson)
    }

    // MARK: - quiz blocks

    public static func authorQuestions(_ lesson: Lesson) -> [QuizItem] {
        let key = lessonKey(lesson)
        return lesson.questions.map { q in
            // YAML escapes (`"\e[31m"`) can write control characters the loader never saw.
            QuizItem(id: "\(key)/quiz-\(q.id)", lesson: key, source: .author, prompt: .same(printable(q.prompt)),
                     choices: q.choices.map { .same(printable($0)) }, answers: q.answers,
                     explanation: q.explanation.map { .same(printable($0)) }, line: q.line)
        }
    }

    // MARK: - tables

    /// A table of two columns and four rows or more: each row's left cell asks, its right cell
    /// answers, and the other rows' right cells are the wrong choices (up to three, never one
    /// that another row with the same left cell also gives).
    public static func tableQuestions(_ lesson: Lesson) -> [QuizItem] {
        let key = lessonKey(lesson)
        var out: [QuizItem] = []
        for block in lesson.allBlocks {
            guard case .table(let table) = block, table.header.count == 2, table.rows.count >= 4 else { continue }
            let header = table.header.map { $0.plainText.trimmingCharacters(in: .whitespaces) }
            let rows: [(String, String)] = table.rows.compactMap { row in
                guard row.count >= 2 else { return nil }
                let left = row[0].plainText.trimmingCharacters(in: .whitespaces)
                let right = row[1].plainText.trimmingCharacters(in: .whitespaces)
                return left.isEmpty || right.isEmpty ? nil : (left, right)
            }
            let distinctRights = rows.map(\.1).uniqued()
            guard rows.count >= 4, distinctRights.count >= 2 else { continue }
            for (left, right) in rows {
                let alsoRight = Set(rows.filter { $0.0 == left }.map(\.1))
                let id = "\(key)/table-\(stableHash([header[0], header[1], left, right]))"
                var rng = SplitMix(seed: id)
                let wrong = Array(distinctRights.filter { !alsoRight.contains($0) }.shuffled(using: &rng).prefix(3))
                var choices = [right] + wrong
                choices.shuffle(using: &rng)
                let answers = choices.indices.filter { alsoRight.contains(choices[$0]) }
                out.append(QuizItem(
                    id: id, lesson: key, source: .table,
                    prompt: .tableQuestion(column: header[0], value: left, ask: header[1]),
                    choices: choices.map(QuizText.same), answers: answers,
                    explanation: .tableExplanation(value: left, answers: alsoRight.sorted()),
                    line: table.line))
            }
        }
        return out
    }

    // MARK: - the engine

    /// For every flow of every scene: where the request can land, which hop follows the first
    /// address translation, whether the Pod sees the client's address, what DNS answers, which
    /// Service an Ingress or Gateway picks, whether the policies let it through. Every answer
    /// is read from the trace NetSim computes, never written by hand.
    public static func engineQuestions(_ lesson: Lesson) -> [QuizItem] {
        let key = lessonKey(lesson)
        var out: [QuizItem] = []
        for lessonScene in lesson.scenes() {
            let scene = lessonScene.scene
            for (index, trace) in scene.traces().enumerated() {
                let flow = scene.flows[index]
                let context = EngineContext(key: key, scene: scene, sceneNumber: lessonScene.number, flowIndex: index,
                                            flow: flow, trace: trace)
                out += context.questions()
            }
        }
        return out
    }
}

private struct EngineContext {
    let key: String
    let scene: Scene
    let sceneNumber: Int
    let flowIndex: Int
    let flow: Flow
    let trace: Trace

    /// Where the flow is written: the line a question points back to.
    var line: Int { flow.line }
    var cluster: Cluster { scene.cluster }
    /// The request as a prompt names it, with its Host header when it has one (the proxy
    /// routes by it).
    var request: String {
        if let target = flow.portForward { return "\(flow.from) → kubectl port-forward \(target)" }
        return "\(trace.request.from) → \(trace.request.url)" + (trace.request.headers["Host"].map { " (Host: \($0))" } ?? "")
    }

    func questions() -> [QuizItem] {
        [candidates(), nextHop(), sourcePreserved(), backend(), policy()].compactMap { $0 } + dns()
    }

    func item(_ kind: QuizItem.EngineKind, salt: String = "", prompt: QuizText, right: [QuizText],
              wrong: [QuizText], explanation: QuizText?) -> QuizItem? {
        guard !right.isEmpty, !wrong.isEmpty else { return nil }
        let id = self.id(kind, salt: salt)
        var rng = SplitMix(seed: id)
        let choices = (right.map { ($0, true) } + wrong.map { ($0, false) }).shuffled(using: &rng)
        return QuizItem(id: id, lesson: key, source: .engine(kind), prompt: prompt, choices: choices.map(\.0),
                        answers: choices.indices.filter { choices[$0].1 }, explanation: explanation, line: line,
                        replay: .init(scene: sceneNumber, flow: flowIndex))
    }

    func id(_ kind: QuizItem.EngineKind, salt: String = "") -> String {
        // Headers join the hash only when there are some, so that ids of flows without
        // them stay what they were; two flows to one URL with other Hosts differ.
        let headers = flow.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return "\(key)/\(kind.rawValue)-\(stableHash([scene.name, flow.from, flow.to, salt] + headers))"
    }

    /// A two-choice question in a fixed order (yes first).
    func yesNo(_ kind: QuizItem.EngineKind, prompt: QuizText, yes: QuizText, no: QuizText, answerIsYes: Bool,
               explanation: QuizText?) -> QuizItem {
        QuizItem(id: id(kind), lesson: key, source: .engine(kind), prompt: prompt, choices: [yes, no],
                 answers: [answerIsYes ? 0 : 1], explanation: explanation, line: line,
                 replay: .init(scene: sceneNumber, flow: flowIndex))
    }

    /// Pods that are not part of the platform (CoreDNS, ingress controllers, gateways).
    var applicationPods: [Pod] {
        cluster.pods.filter {
            $0.name.namespace != "kube-system" && cluster.ingressControllerPods[$0.name] == nil
                && !cluster.gatewayPods.values.contains($0.name)
        }
    }

    func candidates() -> QuizItem? {
        let landing = trace.candidates.compactMap(\.pod).uniqued()
        guard !landing.isEmpty else { return nil }
        let others = applicationPods.map(\.name).filter { !landing.contains($0) }
        var rng = SplitMix(seed: "candidates" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(max(1, 5 - landing.count)))
        return item(.candidates,
                    prompt: .landing(request: request),
                    right: landing.map { .same($0.description) }, wrong: wrong.map { .same($0.description) },
                    explanation: flow.portForward != nil
                        ? .landingPortForward(pods: landing.map(\.description))
                        : .landingKubeProxy(service: trace.service?.description, pods: landing.map(\.description)))
    }

    /// A hop as a choice names it; choices are compared by this value, not by their words.
    static func label(_ hop: Hop) -> QuizText { .hopLabel(hop.place, hop.action) }

    func nextHop() -> QuizItem? {
        let hops = trace.hops
        guard hops.count >= 3 else { return nil }
        let at = hops.firstIndex { $0.action == .dnat } ?? 0
        guard at + 1 < hops.count else { return nil }
        let current = Self.label(hops[at]), right = Self.label(hops[at + 1])
        var others: [QuizText] = []
        for label in (hops + trace.reply).map(Self.label) where label != right && label != current && !others.contains(label) {
            others.append(label)
        }
        var rng = SplitMix(seed: "next" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(3))
        return item(.nextHop, salt: English().quiz(current),
                    prompt: .nextHop(request: request, place: hops[at].place, action: hops[at].action),
                    right: [right], wrong: wrong, explanation: .hop(hops[at + 1].reason))
    }

    func sourcePreserved() -> QuizItem? {
        // A port-forward reaches the Pod from inside its own network namespace: no source to keep.
        guard flow.portForward == nil, case .delivered(let pod) = trace.verdict, let source = trace.hops.first?.before.src else { return nil }
        let snat = trace.hops.first { $0.action == .snat }
        if let proxy = trace.hops.first(where: { $0.action == .proxy }) {
            // An Ingress controller or a Gateway ends the client's connection and opens another.
            return yesNo(.sourcePreserved,
                         prompt: .sourceSeen(request: request, pod: pod.description, source: source.description),
                         yes: .yes, no: .no, answerIsYes: false,
                         explanation: .proxyEndsConnection(proxy: proxy.place, pod: pod.description, seen: proxy.after.src.description))
        }
        let explanation: QuizText = snat.map { .hop($0.reason) } ?? .noTranslation(pod: pod.description, source: source.description)
        return yesNo(.sourcePreserved,
                     prompt: .sourceSeen(request: request, pod: pod.description, source: source.description),
                     yes: .yes, no: .no,
                     answerIsYes: !trace.masqueraded, explanation: explanation)
    }

    func dns() -> [QuizItem] {
        trace.dns.compactMap { lookup in
            guard !lookup.isNXDomain, !lookup.answers.isEmpty else { return nil }
            let right = lookup.answers.joined(separator: ", ")
            let addresses = (cluster.services.compactMap(\.clusterIP) + applicationPods.map(\.ip)).map(\.description)
            var rng = SplitMix(seed: "dns" + lookup.query + request)
            let wrong = Array(addresses.uniqued().filter { !lookup.answers.contains($0) }.shuffled(using: &rng).prefix(2))
                + ["NXDOMAIN"]
            return item(.dns, salt: lookup.query + lookup.type.rawValue,
                        prompt: .dnsQuestion(from: trace.request.from, query: lookup.query, type: lookup.type.rawValue),
                        right: [.same(right)], wrong: wrong.map(QuizText.same), explanation: .dns(lookup.reason))
        }
    }

    func backend() -> QuizItem? {
        // kubectl's tunnel is drawn as a proxy hop, but no Service routes it.
        guard flow.portForward == nil, trace.hops.contains(where: { $0.action == .proxy }), let service = trace.service else { return nil }
        let others = cluster.services.map(\.name)
            .filter { $0 != service && $0.namespace != "kube-system" && !$0.name.contains("ingress") && !$0.name.contains("gateway") }
        var rng = SplitMix(seed: "backend" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(3))
        return item(.backend,
                    prompt: .proxyService(request: request),
                    right: [.same(service.description)], wrong: wrong.map { .same($0.description) },
                    explanation: .ending(trace.ending))
    }

    func policy() -> QuizItem? {
        guard !cluster.networkPolicies.isEmpty else { return nil }
        return yesNo(.policy,
                     prompt: .policyQuestion(request: request),
                     yes: .allowed, no: .blocked,
                     answerIsYes: trace.verdict != .dropped, explanation: .ending(trace.ending))
    }
}

/// The text with control characters (C0, DEL, C1) removed and line breaks as spaces: what
/// a lesson writes must never reach the terminal as a command.
func printable(_ text: String) -> String {
    // One line: breaks and tabs become spaces, then the one rule removes the rest.
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar == "\n" || scalar == "\r" || scalar == "\t" { out.append(" ") }
        else if !ControlCharacters.isControl(scalar) { out.append(scalar) }
    }
    return String(out)
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
