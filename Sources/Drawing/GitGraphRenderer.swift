import Canvas
import Mermaid

/// A git graph drawn as `git log --graph` does, oldest first, time going down: one column a
/// branch (in the order they were made), `●` a commit on its branch's line, `├─╮` where a
/// branch starts, `├─╯` where it is merged back, the commit's id and tag to the right.
public struct GitGraphRenderer {
    public let glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func render(_ graph: GitGraph, maxWidth: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let title = graph.title { lines += Text.wrap([Span(title, Style(.title, bold: true))], width: maxWidth) }
        let columns = graph.lanes
        func x(_ branch: String) -> Int { 2 * (columns.firstIndex(of: branch) ?? 0) }
        let width = 2 * columns.count
        // Which branches have a line at this point of time.
        var alive: Set<String> = ["main"]
        let (vertical, dot, forkDown, mergeUp, across, tee) = glyphs.ascii ? ("|", "*", "\\", "/", "-", "+") : ("│", "●", "╮", "╯", "─", "├")
        func lanes() -> [Character] {
            var row = Array(repeating: Character(" "), count: width)
            for b in alive { row[x(b)] = Character(vertical) }
            return row
        }
        func emit(_ row: [Character], _ text: [Span], branch: String?) {
            var spans: [Span] = []
            for (i, c) in row.enumerated() {
                let owner = columns.indices.first { 2 * $0 == i }.map { columns[$0] }
                spans.append(Span(String(c), owner.map { Style(.flow(columns.firstIndex(of: $0) ?? 0)) } ?? Style(.border)))
            }
            lines.append(spans + [Span(" ")] + text)
        }
        var counter = 0
        func label(_ id: String?, _ tag: String?, _ type: String?) -> [Span] {
            counter += 1
            var out = [Span(id ?? "\(counter)", Style(.code))]
            if let tag { out.append(Span(" [\(tag)]", Style(.warning, bold: true))) }
            if let type, type != "NORMAL" { out.append(Span(" (\(type.lowercased()))", Style(.muted))) }
            return out
        }
        // Each branch's name, where its line starts.
        emit(lanes(), [Span("main", Style(.flow(0), bold: true))], branch: "main")
        for event in graph.events {
            switch event {
            case .commit(let branch, let id, let tag, let type, let message):
                alive.insert(branch)
                var row = lanes()
                row[x(branch)] = Character(dot)
                emit(row, label(id, tag, type) + (message.map { [Span(" " + $0)] } ?? []), branch: branch)
            case .checkout:
                continue
            case .branch(let name, let from):
                var row = lanes()
                let (a, b) = (x(from), x(name))
                row[a] = Character(tee)
                // A branch named like the one it starts from has one lane: nothing between.
                for i in stride(from: min(a, b) + 1, to: max(a, b), by: 1) { row[i] = row[i] == " " ? Character(across) : row[i] }
                row[b] = Character(forkDown)
                alive.insert(name)
                emit(row, [Span(name, Style(.flow(columns.firstIndex(of: name) ?? 0), bold: true))], branch: name)
            case .merge(let source, let target, let id, let tag):
                var row = lanes()
                let (a, b) = (x(target), x(source))
                row[a] = Character(dot)
                for i in stride(from: min(a, b) + 1, to: max(a, b), by: 1) { row[i] = Character(across) }
                row[b] = Character(b > a ? mergeUp : (glyphs.ascii ? "\\" : "╰"))
                var text = label(id, tag, nil)
                text.append(Span((glyphs.ascii ? " <- " : " ← ") + source, Style(.muted)))
                emit(row, text, branch: target)
            case .cherryPick(let branch, let id):
                var row = lanes()
                row[x(branch)] = Character(dot)
                emit(row, [Span("\(id) ", Style(.code)), Span(glyphs.ascii ? "(cherry-pick)" : "⟲ cherry-pick", Style(.muted))], branch: branch)
            }
        }
        // Wider than the page (many branches, long ids): the rows are cut, never wrapped.
        return lines.map { line in
            var width = 0
            var out: StyledLine = []
            for span in line {
                let w = CellWidth.of(span.text)
                if width + w <= maxWidth { out.append(span); width += w }
                else { out.append(Span(Text.truncate(span.text, to: max(0, maxWidth - width)), span.style)); break }
            }
            return out
        }
    }
}
