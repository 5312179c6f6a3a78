import Facts
import Mermaid
import NetSim
import Words

/// What the tests read: the engine's and the loader's facts said in English (and French),
/// as a person reads them. Only tests use these shortcuts; the program always names its
/// language.
public struct BothLanguages: Equatable, Sendable {
    public let fr: String
    public let en: String
    public func text(_ language: Language) -> String { language == .fr ? fr : en }
}

extension Hop {
    public var explanation: BothLanguages { BothLanguages(fr: French().hop(reason), en: English().hop(reason)) }
    /// The rule as printed in English.
    public var ruleText: String? { rule.map(English().rule) }
}

extension Trace {
    public var summary: BothLanguages { BothLanguages(fr: French().ending(ending), en: English().ending(ending)) }
}

extension DNSLookup {
    public var explanation: BothLanguages { BothLanguages(fr: French().dns(reason), en: English().dns(reason)) }
}

extension HopPlace {
    public var description: String { English().place(self) }
}

extension Diagnostic {
    /// `file:line:col: error: message` in English.
    public var description: String { English().line(self) }
    public var text: String { English().problem(message) }
}

extension BuildProblem {
    public var text: String { English().problem(.cluster(problem)) }
    public var description: String { "\(severity.rawValue): \(text)" }
}

extension UIWord {
    public var en: String { English().ui(self) }
    public var fr: String { French().ui(self) }
}

extension QuizText {
    public var en: String { English().quiz(self) }
    public var fr: String { French().quiz(self) }
}

extension KeyHelp {
    public var en: String { English().key(self) }
    public var fr: String { French().key(self) }
}

extension MermaidDiagnostic {
    public var text: String { English().mermaid(problem) }
    public var description: String { "\(line):\(column): \(severity.rawValue): \(text)" }
}

extension CertificateReason {
    public var en: String { English().certificate(self) }
    public var fr: String { French().certificate(self) }
}
