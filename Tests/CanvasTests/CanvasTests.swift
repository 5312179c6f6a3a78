import Foundation
import Testing
import CursesTerminal
import Drawing
import Course
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

    /// Seen at 80x24: in "Un [lien](…)" the space before the link was underlined with it
    /// (a space between words took the style of the word after it). A space keeps its own.
    @Test func aSpaceBetweenWordsKeepsItsOwnStyle() {
        let link = Style(.plain, underline: true)
        let lines = Text.wrap([Span("Un "), Span("lien long", link), Span(" puis fin")], width: 80)
        #expect(lines.count == 1)
        #expect(lines[0].map(\.text) == ["Un ", "lien long", " puis fin"], "the space inside the link is the link's, those around it are not")
        #expect(lines[0].map(\.style) == [.plain, link, .plain])
        // Wrapped, the link's words still go together.
        #expect(Text.wrap([Span("Un "), Span("lien long", link)], width: 6).map { $0.map(\.text) } == [["Un"], ["lien"], ["long"]])
    }

    @Test func wordsWrapAtSpaces() {
        #expect(wrap("Kubernetes utilise uniquement trois réseaux", 20) == ["Kubernetes utilise", "uniquement trois", "réseaux"])
    }

    @Test func frenchPunctuationStaysWithItsWord() {
        // Without the rule, "réseaux :" would break before the colon.
        #expect(wrap("trois réseaux : nodes", 15) == ["trois réseaux :", "nodes"])
        #expect(wrap("Quel type de Service ?", 20) == ["Quel type de", "Service ?"])
        #expect(wrap("il dit « bonjour » puis", 12) == ["il dit", "« bonjour »", "puis"])
    }

    /// Seen in the NodePort lesson at 80 columns: "… relaie vers le Node" and "2." alone on
    /// the next line. A noun keeps its number; a longer number (a port) may still break.
    @Test func aNounKeepsItsNumber() {
        #expect(wrap("il relaie vers le Node 2.", 22) == ["il relaie vers le", "Node 2."])
        #expect(wrap("le Pod 1 puis le Pod 12", 12) == ["le Pod 1", "puis le", "Pod 12"])
        #expect(wrap("écoute le port 30080 ici", 19) == ["écoute le port", "30080 ici"])
        // An address is not a number: it may start the next line.
        #expect(wrap("la destination devient 10.4.32.6:8282", 30) == ["la destination devient", "10.4.32.6:8282"])
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

/// Links (#16): OSC 8 hyperlinks where the terminal has them, text otherwise; an address too
/// long for a line is cut after a separator, never in the middle of a word.
struct HyperlinkTests {
    static let url = "https://sheakimran.hashnode.dev/kubernetes-services-a-deep-dive-with-examples"

    @Test func aLongAddressIsCutAfterASeparator() {
        let lines = Text.wrap([Span("voir : "), Span(Self.url, Style(.link, link: Self.url))], width: 56).map(\.text)
        #expect(lines.joined() .replacingOccurrences(of: " ", with: "") == ("voir:" + Self.url))
        for line in lines.dropLast() {
            #expect(["/", "-", ".", ":"].contains(line.last.map(String.init) ?? ""), "\(line) ends at a separator")
        }
    }

    @Test func theRunsOfALinkAreFoundInTheGrid() {
        var grid = Grid(width: 40, height: 2)
        grid.put([Span("voir "), Span("le site", Style(.link, underline: true, link: "https://example.org/")), Span(" ici")], x: 1, y: 1)
        let runs = grid.linkRuns(y: 1)
        #expect(runs.count == 1)
        #expect(runs.first?.x == 6 && runs.first?.text == "le site" && runs.first?.url == "https://example.org/")
        #expect(grid.linkRuns(y: 0).isEmpty)
    }

    @Test func theSequenceWritesTheTextAgainInsideTheHyperlinkAndRestoresTheCursor() {
        var grid = Grid(width: 40, height: 3)
        grid.put([Span("le site", Style(.link, underline: true, link: "https://example.org/"))], x: 2, y: 2)
        let sequence = Terminal.hyperlinkSequences(grid, rows: [2], theme: Theme(.dark), colors: 256)
        #expect(sequence.hasPrefix("\u{1B}7\u{1B}[3;3H\u{1B}[0;4;38;5;75m"))
        #expect(sequence.contains("\u{1B}]8;;https://example.org/\u{1B}\\le site\u{1B}]8;;\u{1B}\\"))
        #expect(sequence.hasSuffix("\u{1B}8"))
    }

    @Test func whichTerminalsGetHyperlinks() {
        #expect(Terminal.supportsHyperlinks(["VTE_VERSION": "7200", "TERM": "xterm-256color"]))
        #expect(Terminal.supportsHyperlinks(["TERM_PROGRAM": "iTerm.app"]))
        #expect(Terminal.supportsHyperlinks(["TERM": "xterm-kitty"]))
        #expect(!Terminal.supportsHyperlinks(["TERM": "xterm-256color"]), "an unknown terminal: text")
        #expect(!Terminal.supportsHyperlinks(["TERM": "screen-256color", "VTE_VERSION": "7200", "TMUX": "/tmp/x"]), "inside tmux: text")
        #expect(Terminal.supportsHyperlinks(["TMUX": "/tmp/x", "RESEAU_HYPERLINKS": "1"]), "unless asked")
        #expect(!Terminal.supportsHyperlinks(["VTE_VERSION": "7200", "RESEAU_HYPERLINKS": "0"]))
    }

    /// An address is written to the terminal as is: a control character in it would be a
    /// sequence of its own. It is percent-encoded.
    @Test func anAddressCarriesNoControlCharacter() {
        let lesson = Lesson.parse(text: "## Titre\n\n[site](https://example.org/\u{1B}]0;pwn\u{07})\n", file: "l.md")
        let lines = SlideRenderer(width: 80).render(lesson.slides[0])
        let links = lines.flatMap { $0 }.compactMap { (span: Span) in span.style.link }
        #expect(!links.isEmpty)
        for link in links { #expect(link.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }, "\(link)") }
        #expect(links.first?.contains("%1B") == true)
    }
}

/// ASCII where nothing else can be shown: letters kept, columns kept (#19: the C locale
/// deleted every French letter, and `--ascii` still printed `→ — ·`).
struct ASCIIFoldTests {
    @Test func frenchLettersKeepTheirLetter() {
        #expect(ASCIIFold.line("Le réseau des Pods, étape 3 : « Vérifier ses acquis » — Ça marche, où ? Œuvre à côté")
                == "Le reseau des Pods, etape 3 : \" Verifier ses acquis \" - Ca marche, ou ? Ouvre a cote")
    }

    @Test func screenSignsAndLinesHaveAnASCIIStandIn() {
        #expect(ASCIIFold.line("flux 1/2 : portable → http://web/ — remis · ● ○ ✓ ✗ ⚠ ▶ ↓ 3 lignes de plus")
                == "flux 1/2 : portable > http://web/ - remis . o o v x ! > v 3 lignes de plus")
        #expect(ASCIIFold.line("┌─┬─┐│┆┄╭╮╰╯━┃") == "+-+-+|:.++++-|")
    }

    @Test func cellsStayWhereTheyWere() {
        for text in ["🚀 déploiement", "漢字 x", "a\u{0301}b", "Node 1 ─▶ Pod"] {
            let folded = ASCIIFold.line(text)
            #expect(folded.utf8.allSatisfy { $0 < 0x80 }, "\(text)")
            #expect(CellWidth.of(folded) == CellWidth.of(text), "\(text) → \(folded)")
        }
        #expect(ASCIIFold.line("🚀 go") == "?  go")
    }
}
