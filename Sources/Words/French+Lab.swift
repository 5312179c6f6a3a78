extension French {
    public func lab(_ text: LabText) -> String {
        switch text {
        case .goalFlow(let from, let to, let expect, let via, let reach, let source, let certificate, let shares):
            var details: [String] = []
            if let via { details.append("par \(via)") }
            if !reach.isEmpty { details.append("jusqu'à " + reach.joined(separator: " ou ")) }
            if let source { details.append(source == "kept" ? "adresse du client gardée" : "adresse du client masquée") }
            if let certificate { details.append("certificat \(certificate)") }
            if !shares.isEmpty { details.append("réparti " + shares.map { "\($0.percent) % vers \($0.name)" }.joined(separator: ", ")) }
            return "\(from) → \(to) : \(expect.map(verdictWord) ?? "passe")" + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        case .goalEndpoints(let service, let count): return "le Service \(service) a \(count) endpoint\(count > 1 ? "s" : "") prêt\(count > 1 ? "s" : "")"
        case .goalDNS(let name, let from, let answer):
            return "depuis \(from), \(name) répond " + (answer.lowercased() == "nxdomain" ? "NXDOMAIN (nom inconnu)" : answer)
        case .gotFlow(let verdict, let why, let place):
            // The reason often starts with the verdict (`Rejeté : …`): said once.
            let said = why.lowercased().hasPrefix(verdict.lowercased()) ? nil : verdict
            let head = [said, place.map { "à \($0)" }].compactMap { $0 }.joined(separator: " ")
            return head.isEmpty ? why : head + " : " + why
        case .gotService(let s): return s.map { "passe par \($0)" } ?? "ne passe par aucun Service"
        case .gotPod(let p): return p.map { "arrive à \($0)" } ?? "n'arrive à aucun Pod"
        case .gotShares(let shares): return "réparti " + shares.map { "\($0.percent) % vers \($0.name)" }.joined(separator: ", ")
        case .gotCertificate(let c): return c.map { "servi avec le certificat \($0)" } ?? "servi avec le certificat par défaut d'ingress-nginx (« Fake Certificate », refusé par les navigateurs)"
        case .gotSource(let masqueraded): return masqueraded ? "l'adresse du client est remplacée (SNAT)" : "l'adresse du client est gardée"
        case .gotEndpoints(let n): return n == 0 ? "il n'en a aucun" : "il en a \(n)"
        case .gotDNS(let answers): return "réponse : " + answers.joined(separator: ", ")
        case .gotNXDomain: return "réponse : NXDOMAIN (nom inconnu)"
        case .gotMissing(let name): return "\(name) n'existe pas dans ce cluster"
        case .summary(let passed, let of): return "\(passed)/\(of) objectif\(of > 1 ? "s" : "") atteint\(of > 1 ? "s" : "")"
        case .allPassed: return "Tous les objectifs sont atteints : labo réussi."
        case .listLine(let ref, let title): return "\(ref)  \(title)"
        case .noLabs: return "aucun labo dans ces leçons"
        case .wrote(let file): return "écrit : \(file)"
        case .kept(let file): return "gardé (il existe déjà, rien n'est écrasé) : \(file)"
        case .startedIn(let folder): return "Le labo est dans \(folder) : modifiez les fichiers, puis `reseau lab check` (ou Entrée sur la diapositive)."
        case .folderMissing(let folder): return "pas de dossier \(folder) : lancez d'abord `reseau lab start`"
        case .noSuchLab(let ref, let count): return count == 0 ? "\(ref) : cette leçon n'a pas de labo" : "\(ref) : pas de labo de ce numéro (la leçon en a \(count))"
        case .hint(let n, let of, let text): return "Indice \(n)/\(of) : \(text)"
        case .noMoreHints: return "Plus d'indice : la correction (c) attend que vous la demandiez."
        case .correctionFiles: return "Correction"
        case .viewTitle(let title): return "labo · \(title)"
        case .viewWatching(let folder): return "dossier \(folder) · vérifié à chaque enregistrement"
        case .viewDiagnostics(let n): return "\(n) problème\(n > 1 ? "s" : "") dans vos fichiers :"
        case .progressLine(let ref, let title, let passed): return "\(passed == nil ? "○" : "✓") \(ref)  \(title) — " + (passed.map { "réussi le \($0)" } ?? "à faire")
        case .progressHeader: return "Labos :"
        case .slideBox(let goals, let hints, let ref):
            return "\(goals) objectif\(goals > 1 ? "s" : "") · \(hints) indice\(hints > 1 ? "s" : "") · Entrée pour ouvrir le labo · `reseau lab start \(ref)`"
        }
    }

    func verdictWord(_ name: String) -> String {
        ["delivered": "remis", "delivered-to-node": "remis au Node", "left-cluster": "sorti du cluster", "external-name": "nom externe",
         "rejected": "rejeté", "dropped": "jeté", "nxdomain": "nom inconnu (NXDOMAIN)", "http-404": "HTTP 404", "redirected": "redirigé", "no-route": "aucune route",
         "invalid": "requête invalide"][name] ?? name
    }
}
