import FoundationEssentials
import NetSim

/// A trace as people read it: a hop table with explanations, or JSON.
public enum TraceReport {
    public static func text(_ trace: Trace, language: Language) -> [String] {
        let w = language.words
        let colon = language == .fr ? " : " : ": "
        var lines: [String] = []
        lines.append("\(w.ui(.request))\(colon)\(trace.request.from) → \(trace.request.url)")
        for lookup in trace.dns {
            lines.append("DNS\(colon)\(w.dns(lookup.reason))")
        }
        if !trace.hops.isEmpty {
            lines.append("")
            lines += table(trace.hops, language: language)
        }
        lines.append("")
        lines.append("\(w.ui(.verdict))\(colon)\(w.verdict(trace.verdict)) — \(w.ending(trace.ending))")
        if !trace.candidates.isEmpty {
            lines.append("\(w.ui(.possibleEndpoints))\(colon.dropLast())")
            for c in trace.candidates {
                let mark = trace.backend == c ? "*" : " "
                let percent = cFormat(language == .fr ? "%.0f %%" : "%.0f%%", c.probability * 100)
                lines.append("  \(mark) \(c.ip):\(c.port)  \(c.pod?.description ?? "-")  \(c.node ?? "-")  \(percent)")
            }
        }
        lines.append("\(w.ui(.sourceMasqueraded))\(colon)\(w.ui(trace.masqueraded ? .yes : .no))")
        if !trace.reply.isEmpty {
            lines.append("")
            lines.append(w.ui(.reply))
            lines += table(trace.reply, language: language)
        }
        return lines
    }

    static func table(_ hops: [Hop], language: Language) -> [String] {
        let w = language.words
        let places = hops.map { w.place($0.place) }
        let width = min(48, places.map(\.count).max() ?? 10)
        let actionWidth = hops.map { w.action($0.action).count }.max() ?? 9
        var lines: [String] = []
        for (i, hop) in hops.enumerated() {
            let number = String(i + 1).leftPadded(to: 2)
            let place = places[i].padded(to: width)
            let action = w.action(hop.action).padded(to: actionWidth)
            lines.append("\(number)  \(place)  \(action)  \(hop.after)")
            lines.append("    \(w.hop(hop.reason))")
            if let rule = hop.rule { lines.append("    \(w.rule(rule))") }
        }
        return lines
    }

    public static func json(_ trace: Trace, language: Language) -> [String: Any] {
        func packet(_ p: Packet) -> [String: Any] {
            var o: [String: Any] = ["src": "\(p.src)", "srcPort": p.srcPort, "dst": "\(p.dst)", "dstPort": p.dstPort,
                                    "protocol": p.protocol.rawValue]
            if let outer = p.outer { o["outer"] = ["src": "\(outer.src)", "dst": "\(outer.dst)", "port": outer.port, "vni": outer.vni] }
            return o
        }
        func hop(_ h: Hop) -> [String: Any] {
            var o: [String: Any] = ["place": English().place(h.place), "action": h.action.rawValue, "before": packet(h.before),
                                    "after": packet(h.after), "explanation": ["fr": French().hop(h.reason), "en": English().hop(h.reason)]]
            if let rule = h.rule { o["rule"] = language.words.rule(rule) }
            return o
        }
        func candidate(_ c: Candidate) -> [String: Any] {
            var o: [String: Any] = ["ip": "\(c.ip)", "port": c.port, "probability": c.probability]
            if let pod = c.pod { o["pod"] = pod.description }
            if let node = c.node { o["node"] = node }
            return o
        }
        var object: [String: Any] = [
            "verdict": trace.verdict.name,
            "summary": ["fr": French().ending(trace.ending), "en": English().ending(trace.ending)],
            "candidates": trace.candidates.map(candidate),
            "masquerade": trace.masqueraded,
            "hops": trace.hops.map(hop),
            "reply": trace.reply.map(hop),
            "dns": trace.dns.map { l -> [String: Any] in
                var o: [String: Any] = ["query": l.query, "type": l.type.rawValue, "answers": l.answers,
                                        "tried": l.attempts.map { ["name": $0.name, "found": $0.found] }]
                if let n = l.answeredName { o["name"] = n }
                if let c = l.cname { o["cname"] = c }
                return o
            },
        ]
        if let backend = trace.backend { object["backend"] = candidate(backend) }
        if let service = trace.service { object["service"] = service.description }
        if case .redirected(let status, let location) = trace.verdict { object["redirect"] = ["status": status, "location": location] }
        return object
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
