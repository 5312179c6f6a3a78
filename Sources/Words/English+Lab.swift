extension English {
    public func lab(_ text: LabText) -> String {
        switch text {
        case .goalFlow(let from, let to, let expect, let via, let reach, let source, let certificate, let shares):
            var details: [String] = []
            if let via { details.append("through \(via)") }
            if !reach.isEmpty { details.append("to " + reach.joined(separator: " or ")) }
            if let source { details.append(source == "kept" ? "client address kept" : "client address masqueraded") }
            if let certificate { details.append("certificate \(certificate)") }
            if !shares.isEmpty { details.append("shared " + shares.map { "\($0.percent)% to \($0.name)" }.joined(separator: ", ")) }
            return "\(from) → \(to): \(expect ?? "passes")" + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        case .goalEndpoints(let service, let count): return "Service \(service) has \(count) ready endpoint\(count == 1 ? "" : "s")"
        case .goalDNS(let name, let from, let answer):
            return "from \(from), \(name) answers " + (answer.lowercased() == "nxdomain" ? "NXDOMAIN (no such name)" : answer)
        case .gotFlow(let verdict, let why, let place):
            let said = why.lowercased().hasPrefix(verdict.lowercased()) ? nil : verdict
            let head = [said, place.map { "at \($0)" }].compactMap { $0 }.joined(separator: " ")
            return head.isEmpty ? why : head + ": " + why
        case .gotService(let s): return s.map { "goes through \($0)" } ?? "goes through no Service"
        case .gotPod(let p): return p.map { "ends at \($0)" } ?? "reaches no Pod"
        case .gotShares(let shares): return "shared " + shares.map { "\($0.percent)% to \($0.name)" }.joined(separator: ", ")
        case .gotCertificate(let c): return c.map { "served with certificate \($0)" } ?? "served with ingress-nginx's default certificate (the \"Fake Certificate\" browsers refuse)"
        case .gotSource(let masqueraded): return masqueraded ? "the client's address is replaced (SNAT)" : "the client's address is kept"
        case .gotEndpoints(let n): return n == 0 ? "it has none" : "it has \(n)"
        case .gotDNS(let answers): return "answer: " + answers.joined(separator: ", ")
        case .gotNXDomain: return "answer: NXDOMAIN (no such name)"
        case .gotMissing(let name): return "\(name) does not exist in this cluster"
        case .summary(let passed, let of): return "\(passed)/\(of) goal\(of == 1 ? "" : "s") met"
        case .allPassed: return "Every goal is met: lab passed."
        case .listLine(let ref, let title): return "\(ref)  \(title)"
        case .noLabs: return "no lab in these lessons"
        case .wrote(let file): return "wrote: \(file)"
        case .kept(let file): return "kept (it exists, nothing is overwritten): \(file)"
        case .startedIn(let folder): return "The lab is in \(folder): edit the files, then `reseau lab check` (or Enter on the slide)."
        case .folderMissing(let folder): return "no folder \(folder): run `reseau lab start` first"
        case .noSuchLab(let ref, let count): return count == 0 ? "\(ref): this lesson has no lab" : "\(ref): no lab with that number (the lesson has \(count))"
        case .hint(let n, let of, let text): return "Hint \(n)/\(of): \(text)"
        case .noMoreHints: return "No more hints: the correction (c) waits until you ask for it."
        case .correctionFiles: return "Correction"
        case .viewTitle(let title): return "lab · \(title)"
        case .viewWatching(let folder): return "folder \(folder) · checked at every save"
        case .viewDiagnostics(let n): return "\(n) problem\(n == 1 ? "" : "s") in your files:"
        case .progressLine(let ref, let title, let passed): return "\(passed == nil ? "○" : "✓") \(ref)  \(title) — " + (passed.map { "passed on \($0)" } ?? "to do")
        case .progressHeader: return "Labs:"
        case .slideBox(let goals, let hints, let ref):
            return "\(goals) goal\(goals == 1 ? "" : "s") · \(hints) hint\(hints == 1 ? "" : "s") · Enter opens the lab · `reseau lab start \(ref)`"
        }
    }
}
