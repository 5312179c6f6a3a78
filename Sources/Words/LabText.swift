/// What the lab commands and the lab view say: each goal, what happened instead, the
/// summary, what `lab start` wrote or kept. Values come in place, as in every catalog.
public enum LabText: Sendable {
    /// `client → http://web.shop/ : remis (par shop/web, jusqu'à web, adresse du client gardée)`.
    case goalFlow(from: String, to: String, expect: String?, via: String?, reach: [String], source: String?, certificate: String?,
                  shares: [(name: String, percent: Int)])
    case goalEndpoints(service: String, count: Int)
    case goalDNS(name: String, from: String, answer: String)
    /// What happened instead: the verdict and why, and where it was decided.
    case gotFlow(verdict: String, why: String, place: String?)
    case gotService(String?)
    case gotPod(String?)
    case gotSource(masqueraded: Bool)
    case gotCertificate(String?)
    case gotShares([(name: String, percent: Int)])
    case gotEndpoints(Int)
    case gotDNS(answers: [String])
    case gotNXDomain
    case gotMissing(String)
    /// `3/4 objectifs atteints` and the line that ends a check.
    case summary(passed: Int, of: Int)
    case allPassed
    case listLine(ref: String, title: String)
    case noLabs
    case wrote(String)
    case kept(String)
    case startedIn(String)
    case folderMissing(String)
    case noSuchLab(String, count: Int)
    case hint(Int, of: Int, String)
    case noMoreHints
    case correctionFiles
    /// The lab view's words.
    case viewTitle(String)
    case viewWatching(String)
    case viewDiagnostics(Int)
    /// `reseau progress`: one line per lab, passed (with its day) or to do.
    case progressLine(ref: String, title: String, passed: String?)
    case progressHeader
    /// On a slide: the lab block's box.
    case slideBox(goals: Int, hints: Int, ref: String)
}
