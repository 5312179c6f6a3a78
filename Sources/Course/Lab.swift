import Facts
import FoundationEssentials
import YAMLGuard

/// A ` ```yaml lab ` block: an exercise the engine checks. The student edits the starting
/// manifests (`files`) in a folder of their own; the lab's `fixed` part (Nodes, clients, what
/// the exercise is not about) is added to them, and each goal is asked of the cluster they
/// make together. Hints come one at a time; the correction is files too.
public struct Lab: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var text: String
        /// The line of the file's first line in the lesson (1 for a student's file).
        public var line: Int

        public init(name: String, text: String, line: Int) {
            self.name = name
            self.text = text
            self.line = line
        }
    }

    /// What must happen. A flow goal is a request with the verdict it must end in (and, if
    /// said, the Service it must pass, the Pods it may reach, whether the client's address
    /// must be kept); an endpoints goal counts a Service's ready endpoints; a DNS goal asks a
    /// name from a Pod.
    public struct Goal: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case flow(from: String, to: String?, portForward: String?, method: String, headers: [String: String], protocol: String)
            case endpoints(service: String, count: Int)
            case dns(name: String, from: String, answer: String)
        }
        public var kind: Kind
        /// A flow's verdict, by the engine's name (`delivered`, `dropped`, `http-404`…).
        public var expect: String?
        /// The Service the request must go through (`ns/name` or `name`).
        public var via: String?
        /// The Pods it may end at, by name or name prefix (a Deployment's Pods by its name).
        public var reach: [String]
        /// `kept` (the Pod sees the client's address) or `masqueraded`.
        public var source: String?
        /// The TLS Secret the request must be served with (`journal-tls`).
        public var certificate: String?
        /// How requests like this one are shared among Pods (by name or prefix), in percent:
        /// `{site-v1: 80, site-v2: 20}`.
        public var shares: [String: Double] = [:]
        public var line: Int
        public var column: Int
    }

    public var title: String
    public var statement: String?
    public var files: [File]
    public var fixed: File?
    public var goals: [Goal]
    public var hints: [String]
    public var correction: [File]
    /// Where the block's fence is in the lesson.
    public var line: Int
    public var column: Int
}

/// The block as written, with what could not be read in it.
public struct LabSource: Sendable, Equatable {
    public var source: String
    public var line: Int
    public var column: Int
    public var lab: Lab?
    public var diagnostics: [Diagnostic]
    /// Its place among the lesson's labs, from 1: `LESSON.md#number`.
    public var number = 0
}

enum LabParser {
    /// `origin`: where the YAML's first line stands in the lesson file.
    static func parse(_ text: String, fence: Int, column: Int, file: String) -> LabSource {
        let origin = fence + 1
        let yaml = YAMLAliasGuard.withEditorLineBreaks(text)
        var diagnostics: [Diagnostic] = []
        func report(_ mark: Mark?, _ problem: LabProblem) {
            // A key it does not know is set aside: said, not an error.
            let severity: Severity = if case .unknownKey = problem { .warning } else { .error }
            diagnostics.append(Diagnostic(file: file, line: origin + (mark?.line ?? 1) - 1, column: column + (mark?.column ?? 1) - 1,
                                          severity: severity, message: .lab(problem)))
        }
        func done(_ lab: Lab?) -> LabSource { LabSource(source: text, line: fence, column: column, lab: lab, diagnostics: diagnostics) }
        if let refusal = YAMLAliasGuard.check(yaml) {
            diagnostics.append(Diagnostic(file: file, line: origin + refusal.line - 1, column: column + refusal.column - 1,
                                          severity: .error, message: .yaml(.lab, refusal.problem)))
            return done(nil)
        }
        let root: Node?
        do {
            root = try YAMLRead.compose(yaml)
        } catch {
            let (l, c, problem) = YAMLText.describe(error, line: origin, column: column)
            diagnostics.append(Diagnostic(file: file, line: l, column: c, severity: .error, message: .yaml(.lab, problem)))
            return done(nil)
        }
        guard let root, case .mapping(let map) = root else {
            report(root?.mark, .notAMapping)
            return done(nil)
        }
        func files(_ key: String) -> [Lab.File] {
            guard let node = map[key] else { return [] }
            guard case .mapping(let entries) = node else { report(node.mark, .filesNotAMapping(key)); return [] }
            var out: [Lab.File] = []
            for (name, value) in entries {
                guard let n = YAMLText.string(name), let t = YAMLText.string(value) else { report(value.mark, .fileNotText(key)); continue }
                // A safe name: one file in the lab's folder, never a path out of it.
                guard !n.isEmpty, !n.contains("/"), !n.hasPrefix("."), n.hasSuffix(".yaml") || n.hasSuffix(".yml") else {
                    report(name.mark, .badFileName(n))
                    continue
                }
                out.append(Lab.File(name: n, text: t, line: origin + (value.mark?.line ?? 1)))
            }
            return out
        }
        guard let title = YAMLText.string(map["title"]), !title.isEmpty else {
            report(root.mark, .missing("title"))
            return done(nil)
        }
        let starting = files("files")
        if starting.isEmpty, map["files"] == nil { report(root.mark, .missing("files")) }
        let correction = files("correction")
        if map["correction"] == nil { report(root.mark, .missing("correction")) }
        var fixed: Lab.File?
        if let node = map["fixed"] {
            if let t = YAMLText.string(node) { fixed = Lab.File(name: "fixed", text: t, line: origin + (node.mark?.line ?? 1)) } else {
                report(node.mark, .fileNotText("fixed"))
            }
        }
        var goals: [Lab.Goal] = []
        if case .sequence(let items)? = map["goals"] {
            for item in items {
                if let goal = Self.goal(item, origin: origin, column: column, report: report) { goals.append(goal) }
            }
        } else {
            report(map["goals"]?.mark ?? root.mark, .missing("goals"))
        }
        if goals.isEmpty, map["goals"] != nil { report(map["goals"]?.mark, .missing("goals")) }
        let hints = YAMLText.strings(map["hints"]) ?? []
        let known: Set<String> = ["title", "statement", "files", "fixed", "goals", "hints", "correction"]
        for (key, _) in map {
            if let k = YAMLText.string(key), !known.contains(k) { report(key.mark, .unknownKey(k)) }
        }
        let lab = Lab(title: title, statement: YAMLText.string(map["statement"]), files: starting, fixed: fixed, goals: goals,
                      hints: hints, correction: correction, line: fence, column: column)
        return done(lab)
    }

    static func goal(_ item: Node, origin: Int, column: Int, report: (Mark?, LabProblem) -> Void) -> Lab.Goal? {
        guard case .mapping(let g) = item else { report(item.mark, .goalNotAMapping); return nil }
        let line = origin + (item.mark?.line ?? 1) - 1, col = column + (item.mark?.column ?? 1) - 1
        func s(_ key: String) -> String? { YAMLText.string(g[key]) }
        if let service = s("endpoints") {
            guard let count = s("count").flatMap(Int.init) else { report(item.mark, .goalMissing("count")); return nil }
            return Lab.Goal(kind: .endpoints(service: service, count: count), reach: [], line: line, column: col)
        }
        if let name = s("dns") {
            guard let from = s("from") else { report(item.mark, .goalMissing("from")); return nil }
            guard let answer = s("answer") else { report(item.mark, .goalMissing("answer")); return nil }
            return Lab.Goal(kind: .dns(name: name, from: from, answer: answer), reach: [], line: line, column: col)
        }
        guard let from = s("from") else { report(item.mark, .goalMissing("from")); return nil }
        let to = s("to"), forward = s("portForward")
        guard (to == nil) != (forward == nil) else { report(item.mark, .goalMissing("to")); return nil }
        var shares: [String: Double] = [:]
        if case .mapping(let m)? = g["shares"] {
            for (k, v) in m {
                guard let name = YAMLText.string(k), let value = YAMLText.string(v).flatMap(Double.init) else { report(v.mark, .goalMissing("shares")); continue }
                shares[name] = value
            }
        }
        guard s("expect") != nil || s("source") != nil || s("via") != nil || g["reach"] != nil || s("certificate") != nil || !shares.isEmpty else {
            report(item.mark, .goalMissing("expect"))
            return nil
        }
        var headers: [String: String] = [:]
        if case .mapping(let h)? = g["headers"] {
            for (k, v) in h { if let key = YAMLText.string(k), let value = YAMLText.string(v) { headers[key] = value } }
        }
        if let source = s("source"), source != "kept", source != "masqueraded" { report(g["source"]?.mark, .badSource(source)) }
        return Lab.Goal(kind: .flow(from: from, to: to, portForward: forward, method: s("method") ?? "GET", headers: headers,
                                    protocol: s("protocol") ?? "tcp"),
                        expect: s("expect"), via: s("via"), reach: YAMLText.strings(g["reach"]) ?? [], source: s("source"),
                        certificate: s("certificate"), shares: shares, line: line, column: col)
    }
}

extension Lesson {
    /// The lesson's labs, in order: `LESSON.md#1` is the first.
    public var labs: [LabSource] {
        slides.flatMap(\.allBlocks).compactMap { if case .lab(let l) = $0 { return l }; return nil }
    }
}
