import Canvas
import Course
import Words

/// Lessons as plain text, exactly as the terminal shows their slides (without colour).
public enum LessonRenderer {
    /// The separator line before a slide: `── 3/24 · Service › Service: ClusterIP ──────`.
    /// `number`: the slide's place in the whole course (one numbering with `count`).
    public static func separator(_ slide: Slide, number: Int, count: Int, width: Int, ascii: Bool) -> String {
        let rule: Character = ascii ? "-" : "─"
        let path = slide.sectionPath.joined(separator: ascii ? " > " : " › ")
        let head = "\(String(repeating: rule, count: 2)) \(number)/\(count)\(path.isEmpty ? "" : (ascii ? " - " : " · ") + path) "
        let shown = Text.truncate(head, to: width)
        return shown + String(repeating: rule, count: max(0, width - CellWidth.of(shown)))
    }

    /// The text of a slide within `width` columns; with `height`, the first screen only,
    /// its last line saying how much more there is below.
    public static func lines(_ slide: Slide, renderer: SlideRenderer, height: Int? = nil) -> [String] {
        var lines = renderer.render(slide).map(\.text)
        if let height, lines.count > height, height > 1 {
            let more = lines.count - (height - 1)
            lines = Array(lines.prefix(height - 1))
            lines.append("\(renderer.glyphs.moreBelow) \(renderer.language.words.ui(.moreLines(more)))")
        }
        return lines
    }
}
