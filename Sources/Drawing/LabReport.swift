import Course
import FoundationEssentials
import NetSim
import Scenes
import Words

/// A lab's check in words: one line per goal, ✓ or ✗, and for a ✗ what happened instead
/// with the hop that decided (`jeté à node-2 : … NetworkPolicy banque/tout-fermer …`).
public enum LabReport {
    /// A flow goal's target as a flow's title shows it: the URL (with its method when not GET
    /// and its headers), or the port-forward.
    public static func target(_ goal: Lab.Goal) -> String {
        guard case .flow(_, let to, let forward, let method, let headers, _) = goal.kind else { return "" }
        var target = forward.map { "port-forward \($0)" } ?? (method == "GET" ? to ?? "" : "\(method) \(to ?? "")")
        for (k, v) in headers.sorted(by: { $0.key < $1.key }) { target += " \(k): \(v)" }
        return target
    }

    public static func describe(_ goal: Lab.Goal, words: any Phrasebook) -> String {
        switch goal.kind {
        case .flow(let from, _, _, _, _, _):
            return words.lab(.goalFlow(from: from, to: target(goal), expect: goal.expect, via: goal.via, reach: goal.reach, source: goal.source,
                                       certificate: goal.certificate,
                                       shares: goal.shares.sorted { $0.key < $1.key }.map { ($0.key, Int($0.value.rounded())) }))
        case .endpoints(let service, let count): return words.lab(.goalEndpoints(service: service, count: count))
        case .dns(let name, let from, let answer): return words.lab(.goalDNS(name: name, from: from, answer: answer))
        }
    }

    /// What happened instead of the goal, in words (nil when the goal is met).
    public static func instead(_ result: LabCheck.Result, in check: LabCheck, words: any Phrasebook) -> String? {
        guard !result.passed else { return nil }
        let goal = result.goal
        switch result.observation {
        case .flow(let trace):
            switch LabCheck.flowMiss(goal, trace, cluster: check.scene.cluster) {
            case .verdict?, nil:
                // The hop that decided: the last of the request's way.
                return words.lab(.gotFlow(verdict: words.verdict(trace.verdict), why: words.ending(trace.ending),
                                          place: trace.hops.last.map { words.place($0.place) }))
            case .service?: return words.lab(.gotService(trace.service?.description))
            case .pod?:
                if case .delivered(let pod) = trace.verdict { return words.lab(.gotPod(pod.description)) }
                return words.lab(.gotPod(nil))
            case .source?: return words.lab(.gotSource(masqueraded: trace.masqueraded))
            case .certificate?: return words.lab(.gotCertificate(LabCheck.servedCertificate(trace)?.description))
            case .shares?:
                return words.lab(.gotShares(goal.shares.keys.sorted().map { ($0, Int(LabCheck.share(of: $0, trace).rounded())) }))
            }
        case .endpoints(let n): return words.lab(.gotEndpoints(n))
        case .dns(let lookup): return lookup.isNXDomain ? words.lab(.gotNXDomain) : words.lab(.gotDNS(answers: lookup.answers))
        case .missing(let name): return words.lab(.gotMissing(name))
        }
    }

    /// `✓ 1. …` / `✗ 2. … — …` lines, then the summary.
    public static func lines(_ check: LabCheck, words: any Phrasebook, ascii: Bool = false) -> [String] {
        var out: [String] = []
        for r in check.results {
            let mark = r.passed ? (ascii ? "[x]" : "✓") : (ascii ? "[ ]" : "✗")
            var line = "\(mark) \(r.number). " + describe(r.goal, words: words)
            if let instead = instead(r, in: check, words: words) { line += " — " + instead }
            out.append(line)
        }
        out.append(check.passed ? words.lab(.allPassed) : words.lab(.summary(passed: check.results.filter(\.passed).count, of: check.results.count)))
        return out
    }

    /// The check as JSON: each goal, whether it passed, what happened instead.
    public static func json(_ check: LabCheck, words: any Phrasebook) -> [String: Any] {
        [
            "passed": check.passed,
            "goals": check.results.map { r -> [String: Any] in
                var o: [String: Any] = ["number": r.number, "goal": describe(r.goal, words: words), "passed": r.passed,
                                        "line": r.goal.line, "column": r.goal.column]
                if let instead = instead(r, in: check, words: words) { o["instead"] = instead }
                if let trace = r.trace { o["verdict"] = trace.verdict.name }
                return o
            },
            "diagnostics": check.diagnostics.map { ["file": $0.file, "line": $0.line, "column": $0.column,
                                                    "severity": words.severity($0.severity), "message": words.problem($0.message)] },
        ]
    }
}
