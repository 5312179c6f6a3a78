import Facts
import FoundationEssentials
import Glibc

/// The languages reseau speaks. Each has a `Phrasebook` that says every sentence.
public enum Language: String, Sendable, Codable, CaseIterable {
    case fr, en

    /// The catalog of this language.
    public var words: any Phrasebook {
        switch self {
        case .fr: return French()
        case .en: return English()
        }
    }

    /// `fr_FR.UTF-8`, `fr`, `en_GB` → the language; `C`, `POSIX`, `C.UTF-8`, empty → nil
    /// (no preference).
    public init?(localeName: String) {
        let code = localeName.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == "@" || $0 == "-" }).first.map(String.init)?.lowercased()
        guard let code, let language = Language(rawValue: code) else { return nil }
        self = language
    }

    /// Which language to speak, in this order: the `--lang` flag; else the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (POSIX precedence) when it names a
    /// language (`C.UTF-8` names none: containers, SSH sessions); else the lesson's `lang:`;
    /// else English.
    public static func choose(flag: Language?, environment: [String: String], lessonLanguage: String?) -> Language {
        if let flag { return flag }
        for key in localeVariables {
            guard let value = environment[key], !value.isEmpty else { continue }
            if let language = Language(localeName: value) { return language }
            break
        }
        if let lessonLanguage, let language = Language(localeName: lessonLanguage) { return language }
        return .en
    }

    /// The variables that name the messages' language, in POSIX precedence.
    static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// `choose` with this process's environment.
    public static func choose(flag: Language?, lessonLanguage: String?) -> Language {
        choose(flag: flag, environment: Environment.values(localeVariables), lessonLanguage: lessonLanguage)
    }
}
