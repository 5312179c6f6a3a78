import Course
import Foundation
import NetSim

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
                    prompt: Localized(fr: "\(header[0]) : « \(left) ». \(header[1]) ?",
                                      en: "\(header[0]): “\(left)”. \(header[1])?"),
                    choices: choices.map(Localized.same), answers: answers,
                    explanation: .same("\(left) → \(alsoRight.sorted().joined(separator: ", "))"),
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

    func item(_ kind: QuizItem.EngineKind, salt: String = "", prompt: Localized, right: [Localized],
              wrong: [Localized], explanation: Localized?) -> QuizItem? {
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
    func yesNo(_ kind: QuizItem.EngineKind, prompt: Localized, yes: Localized, no: Localized, answerIsYes: Bool,
               explanation: Localized?) -> QuizItem {
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
        let serviceText = trace.service.map { " (Service \($0))" } ?? ""
        return item(.candidates,
                    prompt: Localized(fr: "\(request) : sur quels Pods la requête peut-elle arriver ? (toutes les bonnes réponses)",
                                      en: "\(request): which Pods can this request land on? (every right answer)"),
                    right: landing.map { .same($0.description) }, wrong: wrong.map { .same($0.description) },
                    explanation: flow.portForward != nil
                        ? Localized(fr: "kubectl choisit un seul Pod prêt au démarrage et s'y tient, sans kube-proxy : \(landing.map(\.description).joined(separator: ", ")).",
                                    en: "kubectl picks one ready Pod when it starts and keeps it, without kube-proxy: \(landing.map(\.description).joined(separator: ", ")).")
                        : Localized(
                        fr: "kube-proxy choisit parmi les endpoints prêts\(serviceText) : \(landing.map(\.description).joined(separator: ", ")).",
                        en: "kube-proxy picks among the ready endpoints\(serviceText): \(landing.map(\.description).joined(separator: ", "))."))
    }

    static func label(_ hop: Hop) -> String { "\(hop.place) · \(hop.action.rawValue)" }

    func nextHop() -> QuizItem? {
        let hops = trace.hops
        guard hops.count >= 3 else { return nil }
        let at = hops.firstIndex { $0.action == .dnat } ?? 0
        guard at + 1 < hops.count else { return nil }
        let current = Self.label(hops[at]), right = Self.label(hops[at + 1])
        let others = (hops + trace.reply).map(Self.label).uniqued().filter { $0 != right && $0 != current }
        var rng = SplitMix(seed: "next" + request)
        let wrong = Array(others.shuffled(using: &rng).prefix(3))
        return item(.nextHop, salt: current,
                    prompt: Localized(fr: "\(request) : après « \(current) », quel est le saut suivant ?",
                                      en: "\(request): after “\(current)”, which hop comes next?"),
                    right: [.same(right)], wrong: wrong.map(Localized.same), explanation: hops[at + 1].explanation)
    }

    func sourcePreserved() -> QuizItem? {
        // A port-forward reaches the Pod from inside its own network namespace: no source to keep.
        guard flow.portForward == nil, case .delivered(let pod) = trace.verdict, let source = trace.hops.first?.before.src else { return nil }
        let snat = trace.hops.first { $0.action == .snat }
        if let proxy = trace.hops.first(where: { $0.action == .proxy }) {
            // An Ingress controller or a Gateway ends the client's connection and opens another.
            return yesNo(.sourcePreserved,
                         prompt: Localized(fr: "\(request) : le Pod \(pod) voit-il l'adresse source d'origine (\(source)) ?",
                                           en: "\(request): does Pod \(pod) see the original source address (\(source))?"),
                         yes: Localized(fr: "Oui", en: "Yes"), no: Localized(fr: "Non", en: "No"), answerIsYes: false,
                         explanation: Localized(
                            fr: "Le proxy (\(proxy.place)) termine la connexion du client et en ouvre une nouvelle : \(pod) voit \(proxy.after.src), l'adresse du client voyage dans l'en-tête X-Forwarded-For.",
                            en: "The proxy (\(proxy.place)) ends the client's connection and opens a new one: \(pod) sees \(proxy.after.src); the client's address travels in the X-Forwarded-For header."))
        }
        let explanation = snat?.explanation ?? Localized(
            fr: "Aucune règle SNAT/MASQUERADE sur le chemin : \(pod) voit \(source).",
            en: "No SNAT/MASQUERADE rule on the way: \(pod) sees \(source).")
        return yesNo(.sourcePreserved,
                     prompt: Localized(fr: "\(request) : le Pod \(pod) voit-il l'adresse source d'origine (\(source)) ?",
                                       en: "\(request): does Pod \(pod) see the original source address (\(source))?"),
                     yes: Localized(fr: "Oui", en: "Yes"), no: Localized(fr: "Non", en: "No"),
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
                        prompt: Localized(fr: "Depuis \(trace.request.from), que répond le DNS du cluster pour « \(lookup.query) » (\(lookup.type.rawValue)) ?",
                                          en: "From \(trace.request.from), what does the cluster DNS answer for “\(lookup.query)” (\(lookup.type.rawValue))?"),
                        right: [.same(right)], wrong: wrong.map(Localized.same), explanation: lookup.explanation)
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
                    prompt: Localized(fr: "\(request) : vers quel Service le proxy envoie-t-il la requête ?",
                                      en: "\(request): which Service does the proxy send the request to?"),
                    right: [.same(service.description)], wrong: wrong.map { .same($0.description) },
                    explanation: trace.summary)
    }

    func policy() -> QuizItem? {
        guard !cluster.networkPolicies.isEmpty else { return nil }
        return yesNo(.policy,
                     prompt: Localized(fr: "\(request) : les NetworkPolicies laissent-elles passer cette connexion ?",
                                       en: "\(request): do the NetworkPolicies allow this connection?"),
                     yes: Localized(fr: "Autorisée", en: "Allowed"), no: Localized(fr: "Bloquée", en: "Blocked"),
                     answerIsYes: trace.verdict != .dropped, explanation: trace.summary)
    }
}

/// The text with control characters (C0, DEL, C1) removed and line breaks as spaces: what
/// a lesson writes must never reach the terminal as a command.
func printable(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09: out.append(" ")
        case 0x00...0x1F, 0x7F...0x9F: continue
        default: out.append(scalar)
        }
    }
    return String(out)
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
