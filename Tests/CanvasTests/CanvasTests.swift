import Testing
@testable import Canvas

struct CellWidthTests {
    @Test func ourOwnTable() {
        #expect(CellWidth.of(Character("a")) == 1)
        #expect(CellWidth.of(Character("é")) == 1)
        #expect(CellWidth.of(Character("─")) == 1, "box drawing")
        #expect(CellWidth.of(Character("→")) == 1, "arrows")
        #expect(CellWidth.of(Character("📦")) == 2)
        #expect(CellWidth.of(Character("🚀")) == 2)
        #expect(CellWidth.of(Character("中")) == 2)
        #expect(CellWidth.of(Character("\u{0301}")) == 0, "a lone combining mark")
        #expect(CellWidth.of("e\u{0301}té") == 3, "a combining mark adds nothing")
        #expect(CellWidth.of("Pods 📦") == 7)
    }
}

/// Control characters take no cell and never enter a span or the grid, whatever the text
/// came from (a lesson is cleaned on loading; a Mermaid file or a YAML escape may not be).
struct ControlCharacterTests {
    @Test func theyTakeNoCellAndAreDroppedFromSpans() {
        #expect(CellWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(CellWidth.of(Unicode.Scalar(0x9B)!) == 0)
        #expect(Span("a\u{1B}[31mb\u{9B}c\u{0D}d").text == "a[31mbcd")
        #expect(Span("un\ndeux\tfin").text == "un\ndeux\tfin", "wrapping breaks on newlines")
        var span = Span("ok")
        for c in "x\u{07}y" { span.append(c) }
        #expect(span.text == "okxy")
        #expect(Span("Réseau 🌐").text == "Réseau 🌐")
    }

    @Test func theGridNeverHoldsOne() {
        var grid = Grid(width: 6, height: 1)
        _ = grid.put("a\u{1B}b\u{7F}c", x: 0, y: 0)
        #expect((0..<4).map { grid[$0, 0].character } == ["a", "b", "c", " "])
    }
}

struct GridTests {
    @Test func textIsClippedNotWrapped() {
        var g = Grid(width: 6, height: 2)
        g.put("abcdefgh", x: 2, y: 0)
        #expect(g.lines() == ["  abcd", ""])
    }

    @Test func aWideCharacterIsNeverSplit() {
        var g = Grid(width: 5, height: 1)
        g.put("ab📦", x: 2, y: 0)      // 📦 would need columns 4 and 5
        #expect(g.lines() == ["  ab"])
        var h = Grid(width: 6, height: 1)
        h.put("ab📦", x: 2, y: 0)
        #expect(h.lines() == ["  ab📦"])
        #expect(h[5, 0].isContinuation)
        // Overwriting the second half blanks the first.
        h.put("x", x: 5, y: 0)
        #expect(h.lines() == ["  ab x"])
    }

    @Test func clipRectangles() {
        var g = Grid(width: 8, height: 3)
        g.clipped(to: Rect(x: 1, y: 1, width: 3, height: 1)) { $0.put("hello", x: 0, y: 1) }
        #expect(g.lines() == ["", " ell", ""])
    }

    @Test func boxesWithTitles() {
        var g = Grid(width: 14, height: 3)
        g.box(Rect(x: 0, y: 0, width: 14, height: 3), style: .rounded, title: "Astuce")
        #expect(g.lines() == ["╭─ Astuce ───╮", "│            │", "╰────────────╯"])
        var a = Grid(width: 8, height: 3)
        a.box(Rect(x: 0, y: 0, width: 8, height: 3), style: .ascii, title: "Very long title")
        #expect(a.lines() == ["+- Ve… +", "|      |", "+------+"])
    }

    @Test func diffsSendOnlyWhatChanged() {
        var a = Grid(width: 6, height: 2)
        a.put("hello", x: 0, y: 0)
        var b = a
        b.put("J", x: 0, y: 0)
        b.put("📦", x: 3, y: 1)
        let changes = b.changes(from: a)
        #expect(changes.map { "\($0.x),\($0.y) \($0.cells.count)" } == ["0,0 1", "3,1 2"])
        #expect(b.changes(from: b).isEmpty)
    }
}

struct WrapTests {
    func wrap(_ text: String, _ width: Int) -> [String] { Text.wrap([Span(text)], width: width).map(\.text) }

    @Test func wordsWrapAtSpaces() {
        #expect(wrap("Kubernetes utilise uniquement trois réseaux", 20) == ["Kubernetes utilise", "uniquement trois", "réseaux"])
    }

    @Test func frenchPunctuationStaysWithItsWord() {
        // Without the rule, "réseaux :" would break before the colon.
        #expect(wrap("trois réseaux : nodes", 15) == ["trois réseaux :", "nodes"])
        #expect(wrap("Quel type de Service ?", 20) == ["Quel type de", "Service ?"])
        #expect(wrap("il dit « bonjour » puis", 12) == ["il dit", "« bonjour »", "puis"])
    }

    @Test func longWordsAreCutAndNewlinesBreak() {
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
        #expect(wrap("un\ndeux", 10) == ["un", "deux"])
    }

    @Test func stylesSurviveWrapping() {
        let lines = Text.wrap([Span("plain "), Span("bold words", Style(.plain, bold: true))], width: 11)
        #expect(lines.map(\.text) == ["plain bold", "words"])
        #expect(lines[1].first?.style.bold == true)
    }

    @Test func truncation() {
        #expect(Text.truncate("réseau", to: 4) == "rés…")
        #expect(Text.truncate("abc", to: 3) == "abc")
    }
}


/// The projector theme at full contrast (#16): frames, captions and muted text near black on
/// white, nothing dim, flows in dark tones.
struct ProjectorThemeTests {
    @Test func framesAndMutedTextAreDarkAndNothingIsDim() {
        let theme = Theme(.projector)
        let roles: [Role] = [.plain, .muted, .border, .caption, .quote, .code, .title, .packet, .ok, .warning, .error] + (0..<7).map { .flow($0) }
        for role in roles {
            for dim in [false, true] {
                let look = theme.look(Style(role, dim: dim))
                #expect(!look.dim, "\(role) is not dim on a projector")
                #expect(look.background == TermColor(231, 7))
            }
        }
        #expect(theme.look(Style(.border)).foreground == TermColor(16, 0))
        #expect(theme.look(Style(.muted)).foreground == TermColor(236, 0))
        // No light yellow or sky blue on white.
        for n in 0..<7 { #expect(![221, 74, 214].contains(theme.look(Style(.flow(n))).foreground.index256 ?? 0)) }
    }
}
