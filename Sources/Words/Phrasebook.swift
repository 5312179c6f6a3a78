import Course
import Facts
import Memory
import NetSim

/// Every sentence reseau says, for one language. Each language is one type (`French`,
/// `English`) that implements every requirement with exhaustive `switch`es over the
/// engine's and the loader's facts, and fills every field of `UIText`: a sentence missing
/// in one language does not compile (the lazygit `TranslationSet` idea, made total by the
/// compiler). Sentences are whole, with their values in place, never assembled from
/// fragments a translator could not reorder.
public protocol Phrasebook: Sendable {
    var language: Language { get }

    // MARK: The engine
    func hop(_ reason: HopReason) -> String
    func ending(_ ending: Ending) -> String
    func dns(_ reason: DNSReason) -> String
    func certificate(_ reason: CertificateReason) -> String
    /// The rule of a hop as the reader sees it (iptables rules as the Node holds them).
    func rule(_ rule: Rule) -> String
    func place(_ place: HopPlace) -> String
    func action(_ action: HopAction) -> String
    func verdict(_ verdict: Verdict) -> String

    // MARK: Problems
    func problem(_ problem: Problem) -> String
    /// A diagram's problem alone, as `reseau mermaid` prints it under the diagram.
    func mermaid(_ problem: MermaidProblem) -> String
    func severity(_ severity: Severity) -> String
    func blockKind(_ kind: BlockKindName) -> String

    // MARK: The quiz
    func quiz(_ text: QuizText) -> String

    // MARK: Labs
    func lab(_ text: LabText) -> String

    // MARK: The screens and commands
    func ui(_ word: UIWord) -> String
    func key(_ help: KeyHelp) -> String
    func command(_ text: CommandText) -> String
    func usage(_ text: UsageText) -> String
    /// ArgumentParser's own words around ours (headings, usage errors): see `ParserOutput`.
    func parser(_ phrase: ParserPhrase) -> String
    /// A count with its noun, by the language's rule (`3 diapositives`, `1 slide`).
    func count(_ n: Int, _ noun: Noun) -> String
}

extension Phrasebook {
    /// `file:line:col: error: message`, the form compilers and editors understand (in
    /// French, as gcc writes it under a French locale: `erreur`, `attention`).
    /// A problem with the whole file has no position: `file: error: message`.
    public func line(_ d: Diagnostic) -> String {
        "\(d.file):\(position(d)) \(severity(d.severity)): \(problem(d.message))"
    }

    private func position(_ d: Diagnostic) -> String { d.isWholeFile ? "" : "\(d.line):\(d.column):" }

    /// The same with the file's name only, for the screens (the author knows the folder).
    public func shortLine(_ d: Diagnostic) -> String {
        "\(d.file.split(separator: "/").last.map(String.init) ?? d.file):\(position(d)) \(severity(d.severity)): \(problem(d.message))"
    }
}

/// The kinds of blocks `outline` names (a directive is named by its own name).
public enum BlockKindName: String, Sendable, CaseIterable {
    case heading, paragraph, list, quote, code, mermaid, scene, quiz, table, footnote, rule
}

/// Nouns counted in sentences (`3 diapositives`, `1 slide`).
public enum Noun: Sendable {
    case slide, question, line, lesson, error, warning, podNotReady, nxdomainTry
}

extension Phrasebook {
    /// A failure to save progress: the store's own failures in words, anything else as the
    /// system described it.
    public func failure(_ error: Error) -> String {
        if let store = error as? ProgressStore.StoreError { return ui(.storeFailure(store)) }
        return "\(error)"
    }
}

/// An author's text quoted in a message: at most 80 characters, so that a 10 MB line never
/// becomes a 10 MB message.
enum Quote {
    static func short(_ text: String) -> String {
        guard text.unicodeScalars.count > 80 else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(79))) + "…"
    }
}
