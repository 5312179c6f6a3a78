import YAMLGuard
import Facts


/// The YAML mapping between two `---` lines at the top of a lesson.
public struct Frontmatter: Sendable, Equatable {
    public var title: String?
    public var license: String?
    public var tags: [String] = []
    /// Sorts lessons in a folder; lessons without one come after, by file name.
    public var order: Double?
    public var lang: String = "fr"
    /// Every other key (including the site's `layout`), kept as flat text.
    public var extra: [String: String] = [:]

    public init() {}

    /// Parses the YAML text; `firstLine` is the line of the file the YAML starts on, so
    /// diagnostics point into the lesson file.
    static func parse(_ text: String, firstLine: Int, file: String) -> (Frontmatter, [Diagnostic]) {
        let yaml = YAMLAliasGuard.withEditorLineBreaks(text)
        var result = Frontmatter()
        func diagnostic(_ line: Int, _ column: Int, _ severity: Severity, _ message: Problem) -> Diagnostic {
            Diagnostic(file: file, line: firstLine + line - 1, column: column,
                       severity: severity, message: message)
        }
        if let refusal = YAMLAliasGuard.check(yaml) {
            return (result, [diagnostic(refusal.line, refusal.column, .error, .yaml(.frontmatter, refusal.problem))])
        }
        let root: Node?
        do {
            root = try YAMLRead.compose(yaml)
        } catch {
            let (line, column, message) = YAMLText.describe(error, line: firstLine, column: 1)
            return (result, [Diagnostic(file: file, line: line, column: column, severity: .error,
                                        message: .yaml(.frontmatter, message))])
        }
        guard let root else { return (result, []) }
        guard case .mapping(let mapping) = root else {
            let mark = root.mark
            return (result, [diagnostic(mark?.line ?? 1, mark?.column ?? 1, .error,
                                        .loader(.frontmatterNotMapping))])
        }
        var diagnostics: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = YAMLText.string(keyNode) else { continue }
            let mark = value.mark ?? keyNode.mark
            func wrongType(_ expected: LoaderProblem.ValueKind) {
                diagnostics.append(diagnostic(mark?.line ?? 1, mark?.column ?? 1, .error,
                                              .loader(.frontmatterWrongType(key: key, expected: expected))))
            }
            switch key {
            case "title":
                if let s = YAMLText.string(value) { result.title = s } else { wrongType(.text) }
            case "license":
                if let s = YAMLText.string(value) { result.license = s } else { wrongType(.text) }
            case "tags":
                if let list = YAMLText.strings(value) { result.tags = list } else { wrongType(.list) }
            case "order":
                if let s = YAMLText.string(value), let n = Double(s) { result.order = n } else { wrongType(.number) }
            case "lang":
                if let s = YAMLText.string(value) { result.lang = s } else { wrongType(.languageCode) }
            default:
                result.extra[key] = YAMLText.flat(value)
            }
        }
        return (result, diagnostics)
    }
}
