/// A sentence in the two languages reseau speaks.
public struct Localized: Sendable, Equatable, Codable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .fr ? fr : en }
}

public enum Language: String, Sendable, Codable, CaseIterable {
    case fr, en
}
