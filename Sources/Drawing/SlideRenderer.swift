import FoundationEssentials
import Canvas
import Facts
import Course
import Mermaid
import Scenes
import Words

/// Draws the blocks of a slide within a width, as lines of styled text. Nothing is cut
/// silently: long lines wrap (code lines with a continuation mark), wide tables wrap their
/// cells, and the caller scrolls what does not fit in height.
public struct SlideRenderer: Sendable {
    public var width: Int
    public var glyphs: Glyphs
    /// The program's own words.
    public var language: Language
    /// Whether `correction` directives show their content (hidden until asked).
    public var showCorrections: Bool
    /// Speaker notes (`:::notes`) are drawn only when asked (`render --notes`, the console).
    public var showNotes = false
    /// The lesson file the slides come from, for the diagnostics a block shows in its place.
    public var file = ""
    /// The lesson's own language (its frontmatter `lang`): directive titles follow it, as
    /// on the course's site; the program's own words follow `language`.
    public var lessonLanguage = Language.fr

    public init(width: Int, ascii: Bool = false, language: Language = .fr, showCorrections: Bool = false) {
        self.width = max(20, width)
        self.glyphs = Glyphs(ascii: ascii)
        self.language = language
        self.showCorrections = showCorrections
    }

    public func render(_ slide: Slide) -> [StyledLine] {
        render(slide.blocks, width: width)
    }

    /// Where each top-level block of the slide is drawn: its lines in `render(slide)`.
    public func blockRanges(_ slide: Slide) -> [(block: Block, lines: Range<Int>)] {
        var out: [(Block, Range<Int>)] = []
        var count = 0
        for block in slide.blocks {
            let drawn = render(block, width: width)
            if drawn.isEmpty { continue }
            if count > 0 { count += 1 }
            out.append((block, count..<(count + drawn.count)))
            count += drawn.count
        }
        return out
    }

    public func render(_ blocks: [Block], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for block in blocks {
            let drawn = render(block, width: width)
            if drawn.isEmpty { continue }
            if !lines.isEmpty { lines.append([]) }
            lines += drawn
        }
        return lines
    }

    func render(_ block: Block, width: Int) -> [StyledLine] {
        switch block {
        case .heading(let h): return heading(h, width: width)
        case .paragraph(let p): return Text.wrap(spans(p.content), width: width)
        case .list(let l): return list(l, width: width, depth: 0)
        case .quote(let q):
            // Deeply nested quotes stop indenting before the text has no room left.
            guard width - 2 >= 20 else { return render(q.blocks, width: width).map { $0.map { Span($0.text, restyle($0.style, .quote)) } } }
            let inner = render(q.blocks, width: width - 2)
            return inner.map { [Span(glyphs.quoteBar, Style(.quote))] + $0.map { Span($0.text, restyle($0.style, .quote)) } }
        case .code(let c): return codeBox(c.text, language: c.language, title: c.title, highlighted: c.highlightedLines, width: width)
            + caption(c.caption, width: width)
        case .mermaid(let d): return diagram(d, width: width)
        case .scene(let s): return scene(s, width: width)
        case .lab(let l): return lab(l, width: width)
        case .quiz(let q): return quiz(q, width: width)
        case .table(let t): return TableRenderer(glyphs: glyphs, spans: spans).render(t, width: width) + caption(t.caption, width: width)
        case .directive(let d): return directive(d, width: width)
        case .footnote(let f):
            guard width - 5 >= 20 else { return [[Span("[\(f.label)]", Style(.muted))]] + render(f.blocks, width: width) }
            let body = render(f.blocks, width: width - 5)
            return body.enumerated().map { i, line in [Span(i == 0 ? "[\(f.label)] " : "     ", Style(.muted))] + line }
        case .rule: return [[Span(String(repeating: glyphs.rule, count: width), Style(.border))]]
        }
    }

    func restyle(_ style: Style, _ role: Role) -> Style {
        var s = style
        if s.role == .plain { s.role = role }
        return s
    }

    // MARK: - Inlines

    /// Each visible character followed by U+0336 COMBINING LONG STROKE OVERLAY; spaces and
    /// line breaks are left as they are (they are where lines wrap).
    static func struck(_ text: String) -> String {
        var out = ""
        for character in text {
            out.append(character)
            if !character.isWhitespace { out.unicodeScalars.append("\u{0336}") }
        }
        return out
    }

    /// Inline runs as styled spans: emphasis italic, strong bold, struck text struck, code, links underlined
    /// (with their address in brackets when it says more than the text), images as
    /// `[image: alt]`.
    public func spans(_ inlines: [Inline], style: Style = .plain) -> [Span] {
        var out: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let t): out.append(Span(t, style))
            case .emphasis(let c): var s = style; s.italic = true; out += spans(c, style: s)
            case .strong(let c): var s = style; s.bold = true; out += spans(c, style: s)
            case .strikethrough(let c):
                // ncurses has no strike-through attribute, and a plain text has none: each
                // letter carries a combining long stroke (U+0336), as most terminals draw it;
                // in ASCII the text stands between `~~`, as it was written. Never shown as
                // plain text: a struck sentence is the author saying it is wrong.
                var s = style; s.strike = true
                let inner = spans(c, style: s)
                if glyphs.ascii {
                    out.append(Span("~~", s)); out += inner; out.append(Span("~~", s))
                } else {
                    out += inner.map { Span(Self.struck($0.text), $0.style) }
                }
            case .code(let t): var s = style; s.role = .code; out.append(Span(t, s))
            case .link(let target, _, let content):
                var s = style; s.role = .link; s.underline = true
                // An address the terminal can open: a hyperlink (never an anchor of the page).
                let scheme = target.lowercased()
                if scheme.hasPrefix("http://") || scheme.hasPrefix("https://") || scheme.hasPrefix("mailto:") {
                    // Written to the terminal as is: every byte outside printable ASCII is
                    // percent-encoded, so an address can never carry a control sequence.
                    s.link = target.utf8.map { $0 > 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : cFormat("%%%02X", $0) }.joined()
                }
                out += spans(content, style: s)
                let text = content.plainText
                if !target.isEmpty, text != target, !target.hasPrefix("#"), CellWidth.of(target) <= width / 2 {
                    out.append(Span(" <\(target)>", Style(.muted)))
                }
            case .image(let alt, _): out.append(Span("[image: \(alt.isEmpty ? "—" : alt)]", Style(.muted, italic: true)))
            case .softBreak: out.append(Span(" ", style))
            case .lineBreak: out.append(Span("\n", style))
            case .footnoteReference(let label): out.append(Span("[\(label)]", Style(.muted)))
            }
        }
        return out
    }

    // MARK: - Blocks

    func heading(_ h: Heading, width: Int) -> [StyledLine] {
        let style = Style(.heading(h.level), bold: true, italic: h.level >= 4)
        var lines = Text.wrap(spans(h.content, style: style), width: width)
        if h.level <= 2 {
            let w = min(width, lines.map(\.width).max() ?? 0)
            lines.append([Span(String(repeating: h.level == 1 ? glyphs.doubleRule : glyphs.rule, count: w), Style(.heading(h.level)))])
        }
        return lines
    }

    func list(_ l: ListBlock, width: Int, depth: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (i, item) in l.items.enumerated() {
            var marker: String
            if l.ordered { marker = "\(l.start + i)." } else { marker = glyphs.bullet[depth % glyphs.bullet.count] }
            if let checked = item.checked { marker += " " + (checked ? glyphs.checked : glyphs.unchecked) }
            // Deeply nested lists stop indenting before the text has no room left.
            let indent = width - CellWidth.of(marker) - 1 >= 20 ? CellWidth.of(marker) + 1 : 0
            if indent == 0 { marker = "" }
            var body: [StyledLine] = []
            for (b, block) in item.blocks.enumerated() {
                let drawn: [StyledLine]
                if case .list(let inner) = block { drawn = list(inner, width: width - indent, depth: depth + 1) }
                else { drawn = render(block, width: width - indent) }
                if b > 0 && !l.tight { body.append([]) }
                body += drawn
            }
            if body.isEmpty { body = [[]] }
            for (n, line) in body.enumerated() {
                let lead = indent == 0 ? "" : n == 0 ? marker + " " : String(repeating: " ", count: indent)
                lines.append([Span(lead, Style(.muted))] + line)
            }
            if !l.tight && i < l.items.count - 1 { lines.append([]) }
        }
        return lines
    }

    func codeBox(_ text: String, language: String, title: String?, highlighted: [Int], width: Int) -> [StyledLine] {
        let inner = width - 4
        var body: [StyledLine] = []
        var source = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if source.last == "" { source.removeLast() }
        for (index, line) in source.enumerated() {
            var styled = Highlighter.supports(language) ? Highlighter.line(line.replacingTabs, language: language) : [Span(line.replacingTabs, Style(.code))]
            if highlighted.contains(index + 1) { styled = styled.map { var s = $0; s.style.reverse = true; return s } }
            // Code keeps its spaces: cut at the width, the rest on marked continuation lines.
            var rest = styled
            var first = true
            repeat {
                let room = first ? inner : inner - CellWidth.of(glyphs.continuation)
                var (head, tail) = cut(rest, at: room)
                // Nothing fits (a wide character in one cell's room): it goes alone on its
                // line rather than never (the loop would not end).
                if head.isEmpty, let span = tail.first, let c = span.text.first {
                    head = [Span(String(c), span.style)]
                    tail[0] = Span(String(span.text.dropFirst()), span.style)
                    if tail[0].text.isEmpty { tail.removeFirst() }
                }
                body.append(first ? head : [Span(glyphs.continuation, Style(.muted))] + head)
                rest = tail
                first = false
            } while !rest.isEmpty
        }
        let name = [language.isEmpty ? nil : language, title].compactMap { $0 }.joined(separator: " · ")
        return boxed(body, width: width, title: name.isEmpty ? nil : name, style: Style(.border))
    }

    /// Splits a styled line at a cell count.
    func cut(_ line: StyledLine, at room: Int) -> (StyledLine, StyledLine) {
        var head: StyledLine = [], tail: StyledLine = []
        var used = 0
        for span in line {
            if used >= room { tail.append(span); continue }
            var taken = "", left = ""
            for c in span.text {
                let w = CellWidth.of(c)
                if left.isEmpty && used + w <= room { taken.append(c); used += w } else { left.append(c) }
            }
            if !taken.isEmpty { head.append(Span(taken, span.style)) }
            if !left.isEmpty { tail.append(Span(left, span.style)) }
        }
        return (head, tail)
    }

    /// Lines framed by a box of the full width, with a title in the top border.
    func boxed(_ body: [StyledLine], width: Int, title: String?, style: Style, box: BoxStyle? = nil) -> [StyledLine] {
        var grid = Grid(width: width, height: body.count + 2)
        grid.box(Rect(x: 0, y: 0, width: width, height: body.count + 2), style: box ?? glyphs.box, border: style, title: title)
        for (i, line) in body.enumerated() { grid.put(line, x: 2, y: i + 1) }
        return grid.styledLines()
    }

    func caption(_ inlines: [Inline]?, width: Int) -> [StyledLine] {
        guard let inlines, !inlines.isEmpty else { return [] }
        return Text.wrap(spans(inlines, style: Style(.caption, italic: true)), width: width - 2).map { line in
            let pad = max(0, (width - line.width) / 2)
            return [Span(String(repeating: " ", count: pad), .plain)] + line
        }
    }

    func directive(_ d: Directive, width: Int) -> [StyledLine] {
        if d.kind == .notes && !showNotes { return [] }
        let title = d.label ?? lessonLanguage.words.ui(.directiveTitle(kind: d.kind.rawValue, name: d.name))
        let style = Style(.directive(d.kind == .unknown ? d.name : d.kind.rawValue))
        // Deeply nested boxes stop framing before the text has no room left (as quotes and
        // lists stop indenting): the title on a line of its own, the content below it.
        let framed = width - 4 >= 20
        var body: [StyledLine]
        if d.kind.startsHidden && !showCorrections {
            body = Text.wrap([Span(language.words.ui(.hiddenCorrection), Style(.muted, italic: true))], width: framed ? width - 4 : width)
        } else {
            body = render(d.blocks, width: framed ? width - 4 : width)
        }
        guard framed else { return Text.wrap([Span(title, style)], width: width) + body }
        return boxed(body, width: width, title: title, style: style, box: d.kind == .warning || d.kind == .danger ? (glyphs.ascii ? .ascii : .heavy) : nil)
    }

    /// A block that could not be read: its diagnostics in a box where it would be, located
    /// in the lesson file, in the reader's language; never an invented drawing.
    public func problems(_ diagnostics: [Diagnostic], width: Int) -> [StyledLine] {
        let words = language.words
        let body = diagnostics.flatMap { d in
            Text.wrap([Span(words.shortLine(d), Style(d.severity == .error ? .error : .warning))], width: width - 4)
        }
        return boxed(body, width: width, title: words.ui(.blockNotRead), style: Style(.error), box: glyphs.ascii ? .ascii : .heavy)
    }

    /// A lab on its slide: its statement, its files, its goals, how to open it. Hints and the
    /// correction wait for the lab view (or `c`, as a correction does).
    func lab(_ l: LabSource, width: Int) -> [StyledLine] {
        guard let lab = l.lab else { return problems(l.diagnostics, width: width) }
        let words = language.words
        let inner = width - 4
        var body: [StyledLine] = []
        if let statement = lab.statement { body += Text.wrap([Span(statement)], width: inner) + [[]] }
        body += Text.wrap([Span(lab.files.map(\.name).joined(separator: " · "), Style(.code))], width: inner)
        for (i, goal) in lab.goals.enumerated() {
            body += Text.wrap([Span(glyphs.ascii ? "[ ] " : "○ ", Style(.muted)), Span("\(i + 1). " + LabReport.describe(goal, words: words))],
                              width: inner)
        }
        if showCorrections {
            body += [[]] + [[Span(words.lab(.correctionFiles), Style(.ok, bold: true))]]
            for file in lab.correction {
                body += [[Span(file.name, Style(.code, bold: true))]]
                body += file.text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("  " + Text.truncate(String($0), to: inner - 2), Style(.code))] }
            }
        }
        let ref = Paths.lastComponent(file) + "#\(l.number)"
        body += [[]] + Text.wrap([Span(words.lab(.slideBox(goals: lab.goals.count, hints: lab.hints.count, ref: ref)), Style(.muted, italic: true))],
                                 width: inner)
        return boxed(body, width: width, title: words.lab(.viewTitle(lab.title)), style: Style(.directive("exo")))
    }

    func quiz(_ q: QuizBlock, width: Int) -> [StyledLine] {
        if q.questions.isEmpty, !q.diagnostics.isEmpty { return problems(q.diagnostics, width: width) }
        var body: [StyledLine] = []
        for (n, question) in q.questions.enumerated() {
            if n > 0 { body.append([]) }
            body += Text.wrap([Span("\(n + 1). ", Style(.plain, bold: true)), Span(question.prompt, Style(.plain, bold: true))], width: width - 4)
            // In the order the quiz asks them; the answers show only with the corrections (`c`).
            for (i, index) in question.order.enumerated() {
                let right = showCorrections && question.answers.contains(index)
                body += Text.wrap([Span("   \(i + 1)) ", Style(.muted)), Span(question.choices[index], right ? Style(.ok, bold: true) : .plain),
                                   Span(right ? " ✓" : "", Style(.ok, bold: true))], width: width - 4)
            }
            if showCorrections, let explanation = question.explanation {
                body += Text.wrap([Span("   " + explanation, Style(.muted, italic: true))], width: width - 4)
            }
        }
        let title = language.words.ui(.quizBlockTitle(q.questions.count))
        return boxed(body, width: width, title: title, style: Style(.directive("quiz")))
            + (q.diagnostics.isEmpty ? [] : problems(q.diagnostics, width: width))
    }

    /// A `yaml scene` block: its cluster drawn, then the flows it animates.
    func scene(_ s: SceneSource, width: Int) -> [StyledLine] {
        let key = DrawingCache.Key(kind: .scene, source: s.source, file: file, line: s.line, column: s.column, width: width,
                                   ascii: glyphs.ascii, language: language.rawValue)
        return DrawingCache.shared.lines(key) { drawScene(s, width: width) } + caption(s.caption, width: width)
    }

    private func drawScene(_ s: SceneSource, width: Int) -> [StyledLine] {
        let scene = ManifestScene.load(s.source, file: file, line: s.line + 1, column: s.column, name: "")
        // YAML that could not be read: say so where the drawing would be.
        let errors = scene.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty, errors.contains(where: { if case .yaml = $0.message { return true }; if case .scene = $0.message { return true }; return false }) {
            return problems(errors, width: width)
        }
        let renderer = DiagramRenderer(glyphs: glyphs, language: language)
        // The way each flow takes is drawn with the objects (numbered like the list below).
        let drawn = SceneDiagram.fitted(scene.cluster, traces: scene.traces(), title: language.words.ui(.sceneTitle), maxWidth: width,
                                        renderer: renderer, words: language.words)
        let (chart, layout) = (drawn.chart, drawn.layout)
        var lines = renderer.render(chart, layout: layout, maxWidth: width)
        for (i, flow) in scene.flows.enumerated() {
            lines += Text.wrap([Span("\(i + 1). ", Style(.flow(i), bold: true)), Span("\(flow.from) → \(flow.to)", Style(.flow(i)))], width: width)
        }
        return lines
    }

    func diagram(_ d: DiagramSource, width: Int) -> [StyledLine] {
        if let chart = d.diagram?.flowchart {
            let key = DrawingCache.Key(kind: .flowchart, source: d.source, file: file, line: d.line, column: d.column, width: width,
                                       ascii: glyphs.ascii, language: language.rawValue)
            let drawn = DrawingCache.shared.lines(key) { DiagramRenderer(glyphs: glyphs, language: language).render(chart, maxWidth: width) }
            return drawn + caption(d.caption, width: width)
        }
        if case .git(let graph)? = d.diagram {
            return GitGraphRenderer(glyphs: glyphs).render(graph, maxWidth: width) + caption(d.caption, width: width)
        }
        if case .classes(let classes)? = d.diagram {
            return DiagramRenderer(glyphs: glyphs, language: language).render(classes.flowchart, maxWidth: width) + caption(d.caption, width: width)
        }
        if case .state(let state)? = d.diagram {
            return DiagramRenderer(glyphs: glyphs, language: language).render(state.flowchart, maxWidth: width) + caption(d.caption, width: width)
        }
        if case .mindmap(let map)? = d.diagram {
            return MindmapRenderer(glyphs: glyphs).render(map, maxWidth: width) + caption(d.caption, width: width)
        }
        if case .sequence(let sequence)? = d.diagram {
            let renderer = SequenceRenderer(glyphs: glyphs)
            let listed = renderer.fits(sequence, maxWidth: width) ? []
                : Text.wrap([Span("(" + language.words.ui(.sequenceListed) + ")", Style(.muted, italic: true))], width: width)
            return renderer.render(sequence, maxWidth: width) + listed + caption(d.caption, width: width)
        }
        let kind: String
        if case .unsupported(let k, _)? = d.diagram { kind = k } else { kind = "mermaid" }
        return codeBox(d.source, language: "mermaid", title: kind, highlighted: [], width: width) + caption(d.caption, width: width)
    }
}

extension String {
    var replacingTabs: String { replacing("\t", with: "    ") }
}
