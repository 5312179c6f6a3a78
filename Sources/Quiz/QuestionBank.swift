import Facts
import Course
import Scenes
import FoundationEssentials
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
        distinct(authorQuestions(lesson) + tableQuestions(lesson) + engineQuestions(lesson))
    }

    /// Questions that read the same are asked once; when their answers differ, none is asked
    /// (the student could not tell which one is meant).
    static func distinct(_ items: [QuizItem]) -> [QuizItem] {
        func wording(_ item: QuizItem) -> String { English().quiz(item.prompt) }
        func rights(_ item: QuizItem) -> Set<String> { Set(item.answers.map { English().quiz(item.choices[$0]) }) }
        var byWording: [String: [QuizItem]] = [:]
        for item in items { byWording[wording(item), default: []].append(item) }
        var out: [QuizItem] = []
        var kept = Set<String>()
        for item in items {
            let twins = byWording[wording(item)] ?? []
            guard Set(twins.map(rights)).count == 1 else { continue }
            if kept.insert(wording(item)).inserted { out.append(item) }
        }
        return out
    }

    /// What `reseau lint` says of a lesson's questions: every written answer at one position
    /// of the source (three questions or more), and generated questions that read the same
    /// and answer differently (neither is asked).
    public static func lint(_ lesson: Lesson) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let single = lesson.questions.filter { !$0.isMultipleAnswer }
        if single.count >= 3, let first = single.first, Set(single.map { $0.answers[0] }).count == 1 {
            out.append(Diagnostic(file: lesson.file, line: first.line, column: 1, severity: .warning,
                                  message: .quiz(.answersAllAt(first.answers[0] + 1, questions: single.count))))
        }
        func rights(_ item: QuizItem) -> Set<String> { Set(item.answers.map { English().quiz(item.choices[$0]) }) }
        for (a, b) in collisions(lesson) where rights(a) != rights(b) {
            out.append(Diagnostic(file: lesson.file, line: b.line, column: 1, severity: .warning,
                                  message: .quiz(.questionsCollide(French().quiz(b.prompt), otherLine: a.line))))
        }
        return out
    }

    /// Pairs of questions of a lesson that read the same (lint warns: one of them is not asked).
    public static func collisions(_ lesson: Lesson) -> [(QuizItem, QuizItem)] {
        let items = authorQuestions(lesson) + tableQuestions(lesson) + engineQuestions(lesson)
        var first: [String: QuizItem] = [:]
        var out: [(QuizItem, QuizItem)] = []
        for item in items {
            let wording = English().quiz(item.prompt)
            if let earlier = first[wording] { out.append((earlier, item)) } else { first[wording] = item }
        }
        return out
    }

    // MARK: - quiz blocks

    public static func authorQuestions(_ lesson: Lesson) -> [QuizItem] {
        let key = lessonKey(lesson)
        return lesson.questions.map { q in
            // Shown in the question's own order (the slide shows the same); YAML escapes
            // (`"\e[31m"`) can write control characters the loader never saw.
            let order = q.order
            return QuizItem(id: "\(key)/quiz-\(q.id)", lesson: key, source: .author, prompt: .same(printable(q.prompt)),
                            choices: order.map { .same(printable(q.choices[$0])) },
                            answers: order.indices.filter { q.answers.contains(order[$0]) },
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
            let header = table.header.map { $0.plainText.trimmingBlanks() }
            let rows: [(String, String)] = table.rows.compactMap { row in
                guard row.count >= 2 else { return nil }
                let left = row[0].plainText.trimmingBlanks()
                let right = row[1].plainText.trimmingBlanks()
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
    /// `seed` shifts every draw the cluster makes (tests check that no answer depends on it).
    public static func engineQuestions(_ lesson: Lesson, seed: UInt64 = 0) -> [QuizItem] {
        let key = lessonKey(lesson)
        var out: [QuizItem] = []
        for lessonScene in lesson.scenes() {
            let scene = lessonScene.scene
            let tracer = Tracer(cluster: scene.cluster)
            for (index, flow) in scene.flows.enumerated() {
                let trace: Trace
                var draws: [Trace]
                if let target = flow.portForward, let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) {
                    // kubectl resolves a Service to its first ready Pod: no draw.
                    trace = tracer.portForward(from: flow.from, target: String(target[..<colon]), port: port, seed: seed &+ UInt64(index))
                    draws = [trace]
                } else {
                    trace = tracer.trace(flow.request(seed: seed &+ UInt64(index)))
                    // Every draw the cluster could make: other seeds (kube-proxy's pick, a load
                    // balancer's Node, a weighted route), and each endpoint it could pick.
                    draws = (0..<8).map { tracer.trace(flow.request(seed: seed &+ UInt64(index) &+ $0 &* 7919)) }
                    for candidate in trace.candidates {
                        var request = flow.request(seed: seed &+ UInt64(index))
                        request.preferredBackend = candidate.ip
                        draws.append(tracer.trace(request))
                    }
                }
                let context = EngineContext(key: key, scene: scene, sceneNumber: lessonScene.number, flowIndex: index,
                                            flow: flow, trace: trace, draws: [trace] + draws,
                                            nodeTitles: lessonScene.reading?.nodeTitles ?? [:])
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
    /// The same flow under every draw the cluster could make, `trace` first.
    let draws: [Trace]
    /// A diagram's Nodes as its drawing titles them: choices name what the student sees.
    let nodeTitles: [String: String]

    /// The value when every draw gives the same one, else nil: a question whose answer
    /// depends on a random choice is not asked.
    func stable<T: Equatable>(_ value: (Trace) -> T) -> T? {
        let first = value(trace)
        return draws.allSatisfy { value($0) == first } ? first : nil
    }

    /// Where the flow is written: the line a question points back to.
    var line: Int { flow.line }
    var cluster: Cluster { scene.cluster }
    /// The request as a prompt names it, with its Host header when it has one (the proxy
    /// routes by it).
    var request: String {
        if let target = flow.portForward { return "\(flow.from) → kubectl port-forward \(target)" }
        // Every header, so that two flows that differ only by one (a canary header) read differently.
        let headers = trace.request.headers.sorted { $0.key.lowercased() < $1.key.lowercased() }.map { "\($0.key): \($0.value)" }
        return "\(trace.request.from) → \(trace.request.url)" + (headers.isEmpty ? "" : " (\(headers.joined(separator: ", ")))")
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

    /// The Pod that sent the request, never offered as where it lands.
    var senderPod: ObjectName? {
        if case .pod(let pod)? = cluster.source(flow.from) { return pod.name }
        return nil
    }

    func candidates() -> QuizItem? {
        // Every Pod some draw can reach: the answer is the set, not the one this draw picked.
        var landing = trace.candidates.compactMap(\.pod).uniqued()
        for draw in draws { for pod in draw.candidates.compactMap(\.pod) where !landing.contains(pod) { landing.append(pod) } }
        guard !landing.isEmpty else { return nil }
        let others = applicationPods.map(\.name).filter { !landing.contains($0) && $0 != senderPod }
        var rng = SplitMix(seed: "candidates" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(max(1, 5 - landing.count)))
        return item(.candidates,
                    prompt: .landing(request: request, several: landing.count > 1),
                    right: landing.map { .same($0.description) }, wrong: wrong.map { .same($0.description) },
                    explanation: flow.portForward != nil
                        ? .landingPortForward(pods: landing.map(\.description))
                        : .landingKubeProxy(service: trace.service?.description, pods: landing.map(\.description)))
    }

    /// A hop as a choice names it (its Node as the drawing titles it); choices are compared
    /// by this value, not by their words.
    func label(_ hop: Hop) -> QuizText { .hopLabel(hop.place.renamingNodes(nodeTitles), hop.action) }

    /// The hop after the first address translation, and the one before it, in one draw.
    func afterTranslation(_ trace: Trace) -> (before: QuizText, after: QuizText)? {
        let hops = trace.hops
        guard hops.count >= 3 else { return nil }
        let at = hops.firstIndex { $0.action == .dnat } ?? 0
        guard at + 1 < hops.count else { return nil }
        return (label(hops[at]), label(hops[at + 1]))
    }

    func nextHop() -> QuizItem? {
        let hops = trace.hops
        // The next hop after the DNAT depends on the endpoint picked (its Node): asked only
        // when every draw takes the same way.
        guard let pair = afterTranslation(trace), stable({ afterTranslation($0)?.after }) != nil,
              let at = hops.firstIndex(where: { label($0) == pair.before }) else { return nil }
        let current = pair.before, right = pair.after
        var others: [QuizText] = []
        for label in (hops + trace.reply).map(label) where label != right && label != current && !others.contains(label) {
            others.append(label)
        }
        var rng = SplitMix(seed: "next" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(3))
        // The id's salt names the hop as the engine does (ids stay what they were).
        return item(.nextHop, salt: English().quiz(.hopLabel(hops[at].place, hops[at].action)),
                    prompt: .nextHop(request: request, place: hops[at].place.renamingNodes(nodeTitles), action: hops[at].action),
                    right: [right], wrong: wrong, explanation: .hop(hops[at + 1].reason))
    }

    func sourcePreserved() -> QuizItem? {
        // A port-forward reaches the Pod from inside its own network namespace: no source to keep.
        guard flow.portForward == nil, case .delivered(let pod) = trace.verdict, let source = trace.hops.first?.before.src else { return nil }
        // Every draw delivers, and masquerades or not, alike (externalTrafficPolicy: Local, a
        // hairpin, another Node can each change it).
        guard stable({ $0.verdict.name }) != nil, stable({ $0.masqueraded }) != nil else { return nil }
        // The Pod is named only when no draw reaches another.
        let named = stable({ d -> ObjectName? in if case .delivered(let p) = d.verdict { return p }; return nil }) != nil
        let podText = named ? pod.description : nil
        let snat = trace.hops.first { $0.action == .snat }
        if let proxy = trace.hops.first(where: { $0.action == .proxy }) {
            // An Ingress controller or a Gateway ends the client's connection and opens another.
            return yesNo(.sourcePreserved,
                         prompt: .sourceSeen(request: request, pod: podText, source: source.description),
                         yes: .yes, no: .no, answerIsYes: false,
                         explanation: .proxyEndsConnection(proxy: proxy.place, pod: pod.description, seen: proxy.after.src.description))
        }
        let explanation: QuizText = snat.map { .hop($0.reason) } ?? .noTranslation(pod: pod.description, source: source.description)
        return yesNo(.sourcePreserved,
                     prompt: .sourceSeen(request: request, pod: podText, source: source.description),
                     yes: .yes, no: .no,
                     answerIsYes: !trace.masqueraded, explanation: explanation)
    }

    func dns() -> [QuizItem] {
        trace.dns.compactMap { lookup in
            guard !lookup.isNXDomain, !lookup.answers.isEmpty else { return nil }
            // CoreDNS shuffles a headless Service's records: the answer is the set, in order.
            let records = lookup.answers.sorted()
            let right = records.joined(separator: ", ")
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
        // A weighted route sends to one backend or another: asked only when all go to one.
        guard stable({ $0.service }) != nil else { return nil }
        // Plausible wrong answers: the scene's own application Services, of the kind a route
        // can name (no platform Service, no ExternalName).
        func isPlatform(_ svc: Service) -> Bool {
            svc.ports.indices.contains { p in
                cluster.backends(of: svc.name, port: p).contains { b in
                    b.pod.map { cluster.ingressControllerPods[$0] != nil || cluster.gatewayPods[$0] != nil } ?? false
                }
            }
        }
        let others: [ObjectName] = cluster.services
            .filter { svc in
                svc.name != service && svc.name != ObjectName("default", "kubernetes") && svc.name.namespace != "kube-system"
                    && svc.type != .externalName && !isPlatform(svc)
            }
            .map(\.name)
        var rng = SplitMix(seed: "backend" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(3))
        return item(.backend,
                    prompt: .proxyService(request: request),
                    right: [.same(service.description)], wrong: wrong.map { .same($0.description) },
                    explanation: .ending(trace.ending))
    }

    func policy() -> QuizItem? {
        guard !cluster.networkPolicies.isEmpty, let dropped = stable({ $0.verdict == .dropped }) else { return nil }
        return yesNo(.policy,
                     prompt: .policyQuestion(request: request),
                     yes: .allowed, no: .blocked,
                     answerIsYes: !dropped, explanation: .ending(trace.ending))
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
