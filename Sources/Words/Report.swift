import Facts
import Course
import Facts
import FoundationEssentials

/// Text reports over a loaded course, as the `outline` and `lint` commands print them.
public enum Report {
    /// The lesson titles, then one line per slide: number, section path, first heading and
    /// the kinds of blocks it holds.
    ///
    ///     Réseau — course/reseau.md — 24 slides
    ///        1  CIDRs | CIDRs | heading, list, tip
    public static func outline(_ curriculum: Curriculum, language: Language) -> [String] {
        let w = language.words
        var lines: [String] = []
        for lesson in curriculum.lessons {
            if !lines.isEmpty { lines.append("") }
            lines.append(w.ui(.outlineHeader(title: lesson.title, file: lesson.file, slides: lesson.slides.count)))
            let width = String(lesson.slides.count).count
            for slide in lesson.slides {
                let number = String(repeating: " ", count: width - String(slide.number).count) + String(slide.number)
                let path = slide.sectionPath.isEmpty ? "-" : slide.sectionPath.joined(separator: " › ")
                let heading = slide.firstHeading?.title ?? "-"
                lines.append("  \(number)  \(path) | \(heading) | \(blockSummary(slide.blocks, language: language))")
            }
        }
        return lines
    }

    /// `heading, list, mermaid ×2, tip`: the kinds of top-level blocks, in order of first
    /// appearance, counted.
    public static func blockSummary(_ blocks: [Block], language: Language) -> String {
        let w = language.words
        var order: [String] = []
        var counts: [String: Int] = [:]
        for block in blocks {
            let name: String
            switch block {
            case .directive(let d): name = d.name
            case .code(let c): name = w.blockKind(.code) + (c.language.isEmpty ? "" : ":\(c.language)")
            default: name = BlockKindName(rawValue: block.kindName).map(w.blockKind) ?? block.kindName
            }
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }.joined(separator: ", ")
    }

    /// One `file:line:col: severity: message` line per diagnostic.
    public static func lintText(_ diagnostics: [Diagnostic], language: Language) -> [String] {
        let w = language.words
        return diagnostics.groupedForReading().map(w.line)
    }

    /// The diagnostics as a JSON array of objects (file, line, column, severity, message):
    /// severities keep their machine names, messages are in `language`. A problem with the
    /// whole file has no line or column.
    public static func lintJSON(_ diagnostics: [Diagnostic], language: Language) -> String {
        let w = language.words
        let objects: [[String: Any]] = diagnostics.map {
            var object: [String: Any] = ["file": $0.file, "severity": $0.severity.rawValue, "message": w.problem($0.message)]
            if !$0.isWholeFile { object["line"] = $0.line; object["column"] = $0.column }
            return object
        }
        return JSONValue(objects).text()
    }
}
