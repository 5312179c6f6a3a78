import FoundationEssentials
import Canvas
import Mermaid

/// A sequence diagram drawn in cells: the participants in boxes side by side with their
/// lifelines (`┆`) down the page, each message an arrow between two lifelines with its
/// text above it, notes in boxes, blocks (`loop`, `alt`…) framed with their label, the
/// participants again at the bottom. When the boxes alone are wider than the page, each
/// message is a numbered line instead (who sends what to whom), which stays readable.
public struct SequenceRenderer {
    public let glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    /// Longest a message's text runs on one line before it wraps.
    static let labelWidth = 30

    public func render(_ diagram: SequenceDiagram, maxWidth: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let title = diagram.title { lines += Text.wrap([Span(title, Style(.title, bold: true))], width: maxWidth) }
        guard !diagram.participants.isEmpty else { return lines }
        guard let grid = fitted(diagram, maxWidth: maxWidth) else { return lines + list(diagram, width: maxWidth) }
        return lines + grid.styledLines()
    }

    /// The rows at the top of a drawing that name the participants: what the full-screen
    /// view keeps in sight when it scrolls down.
    public static let headerRows = 3

    func boxWidths(_ diagram: SequenceDiagram) -> [Int] { diagram.participants.map { max(7, CellWidth.of($0.label) + 4) } }

    /// The lifelines drawn within `maxWidth`, or nil when they do not fit side by side.
    func fitted(_ diagram: SequenceDiagram, maxWidth: Int) -> Grid? {
        let widths = boxWidths(diagram)
        guard !widths.isEmpty, widths.reduce(0, +) + 2 * (widths.count - 1) <= maxWidth else { return nil }
        let grid = draw(diagram, boxWidths: widths, maxWidth: maxWidth)
        // What it holds (notes, messages to oneself at the edge) made it wider than the page.
        return grid.width > maxWidth ? nil : grid
    }

    /// Whether the lifelines fit the page (else the page lists the messages, one a line).
    public func fits(_ diagram: SequenceDiagram, maxWidth: Int) -> Bool { fitted(diagram, maxWidth: maxWidth) != nil }

    /// The lifelines drawn whatever the width, for the full-screen view that pans over them:
    /// within `maxWidth` when they fit, else as wide as the messages ask, every label wrapped
    /// as on a roomy page and none cut.
    public func whole(_ diagram: SequenceDiagram, maxWidth: Int) -> Grid {
        guard !diagram.participants.isEmpty else { return Grid(width: 0, height: 0) }
        return fitted(diagram, maxWidth: maxWidth) ?? draw(diagram, boxWidths: boxWidths(diagram), maxWidth: 100_000)
    }

    func index(_ id: String, _ diagram: SequenceDiagram) -> Int { diagram.participants.firstIndex { $0.id == id } ?? 0 }

    static func text(_ message: String, number: Int?) -> String {
        let plain = message.replacing("<br/>", with: " ").replacing("<br>", with: " ")
        return number.map { "\($0). " + plain } ?? plain
    }

    /// The columns: each lifeline's x, far enough apart for the boxes and for the text of
    /// the messages between them (wrapped to what the page leaves).
    func columns(_ diagram: SequenceDiagram, boxWidths: [Int], maxWidth: Int) -> (xs: [Int], width: Int, label: Int) {
        let n = boxWidths.count
        var gaps = (0..<max(0, n - 1)).map { (boxWidths[$0] + boxWidths[$0 + 1]) / 2 + 2 }
        // The columns left of the first lifeline and right of the last, as `width` counts them.
        let fixed = boxWidths[0] / 2 + 1 + boxWidths[n - 1] / 2 + 2
        // The widest a label may be: what the page leaves over the narrowest gap, at most 30.
        let room = maxWidth - fixed - gaps.reduce(0, +)
        let label = max(8, min(Self.labelWidth, n > 1 ? (gaps.min() ?? 0) + room / (n - 1) - 3 : maxWidth - 6))
        // Room beyond the first and last lifelines for what is drawn outside them.
        var leftExtra = 0, rightExtra = 0
        for item in diagram.items {
            switch item {
            case .message(let from, let to, let text, _, _, _, let number):
                let a = index(from, diagram), b = index(to, diagram)
                let w = min(label, CellWidth.of(Self.text(text, number: number)))
                if a == b {
                    if a < n - 1 { gaps[a] = max(gaps[a], w + 6) } else { rightExtra = max(rightExtra, w + 6 - boxWidths[n - 1] / 2) }
                } else {
                    let (lo, hi) = (min(a, b), max(a, b))
                    let span = gaps[lo..<hi].reduce(0, +)
                    if span < w + 4 { gaps[hi - 1] += w + 4 - span }
                }
            case .note(let place, let ids, let text):
                let a = index(ids[0], diagram)
                let w = min(label, CellWidth.of(text)) + 4
                if place == .rightOf { if a < n - 1 { gaps[a] = max(gaps[a], w + 3) } else { rightExtra = max(rightExtra, w + 3 - boxWidths[n - 1] / 2) } }
                if place == .leftOf { if a > 0 { gaps[a - 1] = max(gaps[a - 1], w + 3) } else { leftExtra = max(leftExtra, w + 3 - boxWidths[0] / 2) } }
            default: break
            }
        }
        // Wider than the page: the gaps shrink back (the labels wrap more), never below the boxes.
        leftExtra = max(0, min(leftExtra, maxWidth / 4)); rightExtra = max(0, min(rightExtra, maxWidth / 3))
        var total = fixed + gaps.reduce(0, +) + leftExtra + rightExtra
        func least(_ i: Int) -> Int { (boxWidths[i] + boxWidths[i + 1]) / 2 + 2 }
        while total > maxWidth, let widest = gaps.indices.filter({ gaps[$0] > least($0) }).max(by: { gaps[$0] < gaps[$1] }) {
            gaps[widest] -= 1
            total -= 1
        }
        // Still too wide: what is drawn outside the first and last lifelines gives way too.
        while total > maxWidth, leftExtra + rightExtra > 0 {
            if rightExtra >= leftExtra { rightExtra -= 1 } else { leftExtra -= 1 }
            total -= 1
        }
        var xs = [boxWidths[0] / 2 + 1 + leftExtra]
        for g in gaps { xs.append(xs.last! + g) }
        return (xs, xs.last! + boxWidths[n - 1] / 2 + 2 + rightExtra, label)
    }

    func draw(_ diagram: SequenceDiagram, boxWidths: [Int], maxWidth: Int) -> Grid {
        let (xs, width, labelMax) = columns(diagram, boxWidths: boxWidths, maxWidth: maxWidth)
        let n = xs.count
        // Rows first, into a list of drawing steps, then the grid.
        var rows = 3
        var ops: [(Int, (inout Grid) -> Void)] = []
        let lineStyle = Style(.border)
        var depth = 0
        var openBlocks: [(top: Int, depth: Int)] = []
        // Activations: from which row each participant is active (nested ones counted), and
        // the row ranges drawn as a heavier line.
        var activeSince: [Int: [Int]] = [:]
        var activeRanges: [(column: Int, rows: Range<Int>)] = []
        let dash = glyphs.ascii ? ":" : "┆"
        func wrap(_ text: String, _ w: Int) -> [String] { Text.wrap([Span(text)], width: max(4, w)).map(\.text) }
        for item in diagram.items {
            switch item {
            case .message(let from, let to, let text, let line, let head, let both, let number):
                let a = index(from, diagram), b = index(to, diagram)
                let label = Self.text(text, number: number)
                let horizontal: Character = line == .dotted ? (glyphs.ascii ? "." : "┄") : (glyphs.ascii ? "-" : "─")
                if a == b {
                    let x = xs[a]
                    let texts = wrap(label, min(labelMax, (a < n - 1 ? xs[a + 1] - x : width - x) - 7))
                    let top = rows
                    ops.append((top, { g in
                        g.put(String(repeating: horizontal, count: 2) + (glyphs.ascii ? "+" : "┐"), x: x + 1, y: top, style: lineStyle)
                        for (i, t) in texts.enumerated() { g.put(t, x: x + 5, y: top + i, style: Style(.caption, italic: true)) }
                        let back = top + max(1, texts.count)
                        g.put(self.head(head, left: true) + String(horizontal) + (glyphs.ascii ? "+" : "┘"), x: x + 1, y: back, style: lineStyle)
                    }))
                    rows += max(1, texts.count) + 2
                } else {
                    let (lo, hi) = (min(xs[a], xs[b]), max(xs[a], xs[b]))
                    let texts = wrap(label, min(labelMax, hi - lo - 3))
                    let top = rows
                    ops.append((top, { g in
                        for (i, t) in texts.enumerated() {
                            g.put(t, x: lo + 1 + max(0, (hi - lo - 1 - CellWidth.of(t)) / 2), y: top + i, style: Style(.caption, italic: true))
                        }
                        let y = top + texts.count
                        g.put(String(repeating: horizontal, count: max(0, hi - lo - 1)), x: lo + 1, y: y, style: lineStyle)
                        let rightward = xs[b] > xs[a]
                        g.put(self.head(head, left: !rightward), x: rightward ? hi - 1 : lo + 1, y: y, style: Style(.border, bold: true))
                        if both { g.put(self.head(.arrow, left: rightward), x: rightward ? lo + 1 : hi - 1, y: y, style: Style(.border, bold: true)) }
                    }))
                    rows += texts.count + 2
                }
            case .note(let place, let ids, let text):
                let a = index(ids[0], diagram), b = index(ids.last!, diagram)
                let (lo, hi) = (min(xs[a], xs[b]), max(xs[a], xs[b]))
                var left: Int, w: Int
                let texts: [String]
                switch place {
                case .over:
                    w = max(hi - lo + 6, min(labelMax, CellWidth.of(text)) + 4)
                    texts = wrap(text, w - 4)
                    w = max(hi - lo + 6, (texts.map { CellWidth.of($0) }.max() ?? 0) + 4)
                    left = (lo + hi) / 2 - w / 2
                case .rightOf:
                    texts = wrap(text, min(labelMax, (a < n - 1 ? xs[a + 1] - lo : width - lo) - 7))
                    w = (texts.map { CellWidth.of($0) }.max() ?? 0) + 4
                    left = lo + 2
                case .leftOf:
                    texts = wrap(text, min(labelMax, (a > 0 ? lo - xs[a - 1] : lo) - 7))
                    w = (texts.map { CellWidth.of($0) }.max() ?? 0) + 4
                    left = lo - 1 - w
                }
                left = max(0, min(left, width - w))
                let top = rows, box = Rect(x: left, y: top, width: w, height: texts.count + 2)
                ops.append((top, { g in
                    g.fill(box)
                    g.box(box, style: self.glyphs.ascii ? .ascii : .rounded, border: Style(.muted))
                    for (i, t) in texts.enumerated() { g.put(t, x: left + 2, y: top + 1 + i, style: Style(.muted, italic: true)) }
                }))
                rows += texts.count + 3
            case .begin(let kind, let label):
                let top = rows, d = depth
                openBlocks.append((top, d))
                depth += 1
                ops.append((top, { g in self.frameRow(&g, y: top, from: d, to: width - 1 - d, kind: kind, label: label, opening: true) }))
                rows += 2
            case .part(let kind, let label):
                let top = rows, d = max(0, depth - 1)
                ops.append((top, { g in self.frameRow(&g, y: top, from: d, to: width - 1 - d, kind: kind, label: label, opening: false) }))
                rows += 2
            case .activate(let id):
                // From the row of the arrow that activated it (the last one drawn).
                activeSince[index(id, diagram), default: []].append(max(3, rows - 2))
            case .deactivate(let id):
                let i = index(id, diagram)
                if let since = activeSince[i]?.popLast() { activeRanges.append((i, since..<max(since, rows - 1))) }
            case .end:
                guard let open = openBlocks.popLast() else { continue }
                depth -= 1
                let bottom = rows
                ops.append((bottom, { g in
                    let x0 = open.depth, x1 = width - 1 - open.depth
                    for y in (open.top + 1)..<bottom {
                        g.put(self.glyphs.ascii ? "|" : "│", x: x0, y: y, style: Style(.directive("note")))
                        g.put(self.glyphs.ascii ? "|" : "│", x: x1, y: y, style: Style(.directive("note")))
                    }
                    g.put((self.glyphs.ascii ? "+" : "└") + String(repeating: self.glyphs.ascii ? "-" : "─", count: max(0, x1 - x0 - 1))
                          + (self.glyphs.ascii ? "+" : "┘"), x: x0, y: bottom, style: Style(.directive("note")))
                }))
                rows += 2
            }
        }
        let height = rows + 3
        var grid = Grid(width: width, height: height)
        // Lifelines under everything, then the steps, then the boxes top and bottom.
        for x in xs { for y in 3..<(height - 3) { grid.put(dash, x: x, y: y, style: Style(.border)) } }
        // Still active at the end: up to the last row.
        for (i, list) in activeSince { for since in list { activeRanges.append((i, since..<(height - 3))) } }
        for (i, range) in activeRanges {
            for y in range where y >= 3 && y < height - 3 { grid.put(glyphs.ascii ? "#" : "┃", x: xs[i], y: y, style: Style(.border, bold: true)) }
        }
        for (_, op) in ops { op(&grid) }
        for (i, p) in diagram.participants.enumerated() {
            for y in [0, height - 3] {
                let box = Rect(x: xs[i] - boxWidths[i] / 2, y: y, width: boxWidths[i], height: 3)
                grid.fill(box)
                grid.box(box, style: p.isActor || glyphs.ascii ? (glyphs.ascii ? .ascii : .rounded) : .light, border: Style(.border))
                grid.put(p.label, x: box.x + (box.width - CellWidth.of(p.label)) / 2, y: y + 1, style: Style(.plain, bold: true))
            }
        }
        return grid
    }

    /// A block's top row (`┌─ loop [label] ──┐`) or the row of its next part (`├┄ else ┄┤`).
    func frameRow(_ g: inout Grid, y: Int, from x0: Int, to x1: Int, kind: String, label: String, opening: Bool) {
        let (left, fill, right) = glyphs.ascii ? ("+", opening ? "-" : ".", "+") : (opening ? "┌" : "├", opening ? "─" : "┄", opening ? "┐" : "┤")
        g.put(left + String(repeating: fill, count: max(0, x1 - x0 - 1)) + right, x: x0, y: y, style: Style(.directive("note")))
        // A `rect`'s text is its colour (`rgb(200, 255, 200)`), not a label.
        let tag = " \(kind)\(label.isEmpty || kind == "rect" ? "" : " [\(label)]") "
        g.put(Text.truncate(tag, to: max(1, x1 - x0 - 3)), x: x0 + 2, y: y, style: Style(.directive("note"), bold: true))
    }

    func head(_ head: SequenceDiagram.Head, left: Bool) -> String {
        switch head {
        case .arrow: return glyphs.ascii ? (left ? "<" : ">") : (left ? "◀" : "▶")
        case .cross: return glyphs.ascii ? "x" : "✕"
        case .async: return left ? "(" : ")"
        case .none: return glyphs.ascii ? "-" : "─"
        }
    }

    /// Too many participants for the page: one line per message, in order, blocks and notes
    /// indented where they are.
    func list(_ diagram: SequenceDiagram, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let names = diagram.participants.map { $0.label }
        out += Text.wrap([Span(names.joined(separator: " · "), Style(.plain, bold: true))], width: width)
        var indent = 0
        func label(_ id: String) -> String { diagram.participants.first { $0.id == id }?.label ?? id }
        let arrow = glyphs.ascii ? " -> " : " → ", back = glyphs.ascii ? " --> " : " ┄▶ "
        for item in diagram.items {
            let pad = String(repeating: "  ", count: indent)
            switch item {
            case .message(let from, let to, let text, let line, _, _, let number):
                let who = label(from) + (line == .dotted ? back : arrow) + label(to)
                out += Text.wrap([Span(pad + (number.map { "\($0). " } ?? "• "), Style(.muted)), Span(who, Style(.plain, bold: true)),
                                  Span(text.isEmpty ? "" : " : " + Self.text(text, number: nil))], width: width)
            case .note(_, let ids, let text):
                out += Text.wrap([Span(pad + "  ▸ " + ids.map(label).joined(separator: ", ") + " : ", Style(.muted)),
                                  Span(text, Style(.muted, italic: true))], width: width)
            case .begin(let kind, let label), .part(let kind, let label):
                if case .begin = item { indent += 1 }
                out += Text.wrap([Span(String(repeating: "  ", count: max(0, indent - 1)) + kind + (label.isEmpty || kind == "rect" ? "" : " [\(label)]"),
                                       Style(.directive("note"), bold: true))], width: width)
            case .end:
                indent = max(0, indent - 1)
            case .activate, .deactivate:
                break
            }
        }
        return out
    }
}
