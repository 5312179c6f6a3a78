import Foundation

/// Text reports over a loaded course, as the `outline` and `lint` commands print them.
public enum Report {
    /// The lesson titles, then one line per slide: number, section path, first heading and
    /// the kinds of blocks it holds.
    ///
    ///     Réseau — course/reseau.md — 24 slides
    ///        1  CIDRs | CIDRs | heading, list, tip
    public static func outline(_ curriculum: Curriculum) -> [String] {
        var lines: [String] = []
        for lesson in curriculum.lessons {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(lesson.title) — \(lesson.file) — \(plural(lesson.slides.count, "slide"))")
            let width = String(lesson.slides.count).count
            for slide in lesson.slides {
                let number = String(repeating: " ", count: width - String(slide.number).count) + String(slide.number)
                let path = slide.sectionPath.isEmpty ? "-" : slide.sectionPath.joined(separator: " › ")
                let heading = slide.firstHeading?.title ?? "-"
                lines.append("  \(number)  \(path) | \(heading) | \(blockSummary(slide.blocks))")
            }
        }
        return lines
    }

    /// `heading, list, mermaid ×2, tip`: the kinds of top-level blocks, in order of first
    /// appearance, counted.
    public static func blockSummary(_ blocks: [Block]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for block in blocks {
            let name: String
            switch block {
            case .directive(let d): name = d.name
            default: name = block.kindName
            }
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }.joined(separator: ", ")
    }

    /// One `file:line:col: severity: message` line per diagnostic.
    public static func lintText(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map(\.description)
    }

    /// The diagnostics as a JSON array of objects (file, line, column, severity, message).
    public static func lintJSON(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
