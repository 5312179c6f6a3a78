import Speech
import Words
import Canvas
import Course
import Foundation
import Memory
import NetSim
import Testing
@testable import Tutor

/// The program driven by keys through the pure Tutor layer: no terminal, the screen read
/// back as text.
enum TutorFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = repository.deletingLastPathComponent().appendingPathComponent("shared/course/reseau.md").path
    static var hasSeed: Bool { FileManager.default.fileExists(atPath: seed) }
    static func fixture(_ name: String) -> String { repository.appendingPathComponent("Tests/Fixtures/lessons/\(name)").path }

    static func app(_ paths: [String], width: Int = 80, height: Int = 24, language: Language = .en) -> AppState {
        AppState(curriculum: Curriculum.load(paths: paths), paths: paths, width: width, height: height, language: language, ascii: false)
    }

    static func screen(_ state: AppState) -> [String] { Screens.render(state).lines() }

    static func press(_ state: inout AppState, _ keys: String...) { for k in keys { state.handle(key: k) } }

    /// Compares a screen with a recorded snapshot (RESEAU_RECORD_SNAPSHOTS=1 records it).
    static func snapshot(_ lines: [String], _ name: String) throws {
        let file = repository.appendingPathComponent("Tests/TutorTests/Snapshots/\(name).txt")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RESEAU_RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(recorded == text, "screen \(name) differs from its snapshot:\n\(text)")
    }
}

struct TutorNavigationTests {
    @Test func slidesNextPreviousFirstLastAndJump() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")])
        #expect(s.screen == .slide)
        TutorFixtures.press(&s, "Space")
        #expect(s.current == 1)
        TutorFixtures.press(&s, "→", "l")
        #expect(s.current == 3)
        TutorFixtures.press(&s, "←")
        #expect(s.current == 2)
        TutorFixtures.press(&s, "g", "g")
        #expect(s.current == 0)
        TutorFixtures.press(&s, "G")
        #expect(s.current == 3)
        TutorFixtures.press(&s, "2", "G")
        #expect(s.current == 1)
        TutorFixtures.press(&s, ":", "3", "Enter")
        #expect(s.current == 2)
        TutorFixtures.press(&s, "Backspace", "p")
        #expect(s.current == 0)
        TutorFixtures.press(&s, "q")
        #expect(s.quit)
    }

    @Test func aLongSlideScrollsAndSaysWhatIsBelow() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 60, height: 14)
        TutorFixtures.press(&s, "G")
        let first = TutorFixtures.screen(s)
        #expect(first.contains { $0.contains("more lines (j, PgDn)") && !$0.contains("(s)") })
        TutorFixtures.press(&s, "j", "j", "j")
        #expect(s.scroll == 3)
        TutorFixtures.press(&s, "PgDn", "PgDn", "PgDn", "PgDn")
        #expect(!TutorFixtures.screen(s).contains { $0.contains("more line") }, "scrolled to the end")
        TutorFixtures.press(&s, "PgUp", "PgUp", "PgUp", "PgUp", "PgUp")
        #expect(s.scroll == 0)
    }

    /// Seen projecting without `present`: a clicker's PgDn did nothing on a slide that fits
    /// the screen, and stopped at the end of a long one. It reads a long slide down, then goes
    /// on; PgUp reads back up, then goes back.
    @Test func pgDnReadsASlideToItsEndThenGoesOn() {
        let lesson = TutorFixtures.repository.appendingPathComponent("Lessons/01-trois-reseaux.md").path
        var s = TutorFixtures.app([lesson], width: 80, height: 24, language: .fr)
        var seen: [String] = []
        for _ in 0..<40 where s.current < 4 {
            let screen = TutorFixtures.screen(s)
            let more = screen.contains { $0.contains("lignes de plus") || $0.contains("ligne de plus") }
            let (slide, scroll) = (s.current, s.scroll)
            TutorFixtures.press(&s, "PgDn")
            if more {
                #expect(s.current == slide && s.scroll > scroll, "more to read on slide \(slide + 1): PgDn scrolls")
            } else {
                #expect(s.current == slide + 1 && s.scroll == 0, "slide \(slide + 1) read to its end: PgDn goes on")
            }
            seen.append("\(slide + 1)" + (more ? "↓" : "→"))
        }
        #expect(s.current == 4, "PgDn alone reaches the last slide: \(seen)")
        #expect(TutorFixtures.screen(s)[0].contains("5/5"))
        #expect(seen.contains { $0.hasSuffix("↓") }, "some slide of lesson 1 is longer than 80x24: \(seen)")
        // Back: PgUp reads up to the top, then shows the previous slide's last page, and so on
        // back to the first slide, whose top it does not leave.
        for _ in 0..<40 where s.scroll > 0 { TutorFixtures.press(&s, "PgUp") }
        #expect(s.current == 4 && s.scroll == 0)
        var back: [String] = []
        for _ in 0..<40 {
            let (slide, scroll) = (s.current, s.scroll)
            TutorFixtures.press(&s, "PgUp")
            if scroll > 0 {
                #expect(s.current == slide && s.scroll < scroll, "slide \(slide + 1) not at its top: PgUp scrolls")
            } else if slide > 0 {
                #expect(s.current == slide - 1, "at the top of slide \(slide + 1): PgUp goes back")
                #expect(!TutorFixtures.screen(s).contains { $0.contains("de plus (j, PgDn)") }, "on the previous slide's last page")
            } else {
                #expect(s.current == 0 && s.scroll == 0)
                break
            }
            back.append("\(s.current + 1):\(s.scroll)")
        }
        #expect(s.current == 0 && s.scroll == 0, "PgUp alone reaches the first slide's top: \(back)")
        #expect(back.contains { !$0.hasSuffix(":0") }, "some slide was entered at its end: \(back)")
    }

    @Test func searchFindsAcrossTheCourseWithNextAndPrevious() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")])
        TutorFixtures.press(&s, "/", "t", "a", "b", "l", "e")   // "table" is nowhere; "Réponse"
        TutorFixtures.press(&s, "Esc")
        TutorFixtures.press(&s, "/", "c", "i", "t", "a", "t", "i", "o", "n", "Enter")
        #expect(s.current == 1, "\"citation\" is on slide 2")
        TutorFixtures.press(&s, "/", "p", "o", "d", "Enter")
        #expect(s.current == 2)
        TutorFixtures.press(&s, "n")
        #expect(s.current == 2, "the only match: n wraps round to it")
        #expect(s.message?.en == "\"pod\": 1/1, slide 3 (wrapped to the start) · n next, N previous")
        TutorFixtures.press(&s, "/", "z", "z", "z", "Enter")
        #expect(s.message?.en == "\"zzz\": not found")
    }

    /// `reseau des pods` finds "Réseau des Pods": case and accents do not matter; the
    /// match is drawn in reverse video, the footer says which of how many, n goes on.
    @Test func searchIgnoresCaseAndAccentsCountsAndHighlights() throws {
        var s = TutorFixtures.app([TutorFixtures.repository.appendingPathComponent("Lessons").path], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, "Enter", "/")
        for c in "reseau des pods" { TutorFixtures.press(&s, c == " " ? "Space" : String(c)) }
        TutorFixtures.press(&s, "Enter")
        let screen = TutorFixtures.screen(s)
        let row = try #require(screen.firstIndex { $0.contains("Réseau des Pods") }, "\(screen.joined(separator: "\n"))")
        let grid = Screens.render(s)
        let x = try #require(screen[row].range(of: "Réseau des Pods").map { screen[row].distance(from: screen[row].startIndex, to: $0.lowerBound) })
        #expect(grid[x, row].style.reverse, "the match is highlighted")
        #expect(!grid[x - 2, row].style.reverse, "only the match")
        let footer = screen[23]
        #expect(footer.contains("« reseau des pods » : 1/"), "\(footer)")
        let count = try #require(Int(footer.split(separator: "/")[1].prefix { $0.isNumber }))
        #expect(count >= 2)
        for _ in 1..<count { TutorFixtures.press(&s, "n") }
        #expect(TutorFixtures.screen(s)[23].contains("\(count)/\(count)"))
        TutorFixtures.press(&s, "n")
        #expect(TutorFixtures.screen(s)[23].contains("1/\(count)") && TutorFixtures.screen(s)[23].contains("reprise au début"), "it says it wrapped")
        TutorFixtures.press(&s, "Esc")
        #expect(s.searchQuery == nil && !Screens.render(s)[x, row].style.reverse, "Esc ends the search and its highlight")
    }

    /// The course list marks what was read before and the program reopens at the last
    /// slide read (#16); opening a slide asks for it to be saved.
    @Test func theSavedReadingMarksTheListAndReopensWhereTheStudentStopped() {
        let lessons = TutorFixtures.repository.appendingPathComponent("Lessons").path
        var s = TutorFixtures.app([lessons], width: 80, height: 24, language: .fr)
        #expect(s.screen == .course)
        s.progress.reading = ["02-dns": LessonReading(read: [1, 2, 3], last: 3, at: 200),
                              "01-trois-reseaux": LessonReading(read: [1, 2, 3, 4, 5, 6], last: 6, at: 100)]
        s.restoreReading()
        #expect(s.screen == .slide)
        #expect(s.currentSlide?.slide.number == 3 && s.readingRecord?.lesson == "02-dns", "the lesson read last, at its last slide")
        #expect(!s.pendingReading, "reopening is not a new reading")
        TutorFixtures.press(&s, "Space")
        #expect(s.pendingReading && s.readingRecord?.slide == 4)
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .course)
        let list = TutorFixtures.screen(s).joined(separator: "\n")
        #expect(list.contains("● Les trois réseaux d'un cluster") || list.contains("◐ Les trois réseaux d'un cluster"), "\(list)")
        #expect(list.contains("◐ Le DNS du cluster"), "part of the DNS lesson read:\n\(list)")
        #expect(list.contains("○ Service et labels"))
    }

    @Test func helpIsGeneratedFromTheKeyTable() {
        // Tall enough for the whole help on one screen (scrolling it is tested elsewhere).
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 100, height: 90)
        TutorFixtures.press(&s, "?")
        let help = TutorFixtures.screen(s)
        for binding in KeyMap.bindings { #expect(help.joined(separator: "\n").contains(binding.help.en), "\(binding.help.en) missing") }
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide)
    }

    /// At 80x24 the help is longer than the screen: PgDn reaches its last section (the quiz's).
    @Test func helpScrollsToItsQuizSectionAt80x24() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 80, height: 24)
        TutorFixtures.press(&s, "?")
        #expect(!TutorFixtures.screen(s).contains { $0.contains("1-9 a-i") })
        for _ in 0..<10 { TutorFixtures.press(&s, "PgDn") }
        let screen = TutorFixtures.screen(s)
        #expect(screen.last?.contains("Esc") == true, "the footer stays")
        #expect(screen.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count > 12, "the screen is full, not scrolled past the end")
        #expect(screen.contains { $0.trimmingCharacters(in: .whitespaces) == "Quiz" })
        #expect(screen.contains { $0.contains("1-9 a-i") && $0.contains("pick an answer") })
    }

    /// Help is contextual: asked from a diagram it opens at the diagram's keys, from the
    /// course list at the course list's, from a slide at reading.
    @Test(.enabled(if: TutorFixtures.hasSeed))
    func helpOpensAtTheSectionOfTheScreenItIsAskedFrom() {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24, language: .fr)
        TutorFixtures.press(&s, ":", "5", "Enter", "Enter", "?")
        #expect(TutorFixtures.screen(s)[2].trimmingCharacters(in: .whitespaces) == "Diagramme", "\(TutorFixtures.screen(s).joined(separator: "\n"))")
        TutorFixtures.press(&s, "?")
        #expect(s.screen == .diagram, "? again goes back")
        TutorFixtures.press(&s, "Esc", "?")
        #expect(TutorFixtures.screen(s)[2].trimmingCharacters(in: .whitespaces) == "Lecture")
    }

    /// #16: the course list at 80x24 drew 3 of the 13 lessons and `j` moved an invisible cursor
    /// off screen. Now every lesson has a row, the cursor is a visible `›` that the window
    /// follows, its lesson shows its sections, and Enter opens it.
    @Test func theCourseListShowsEveryLessonAndFollowsTheCursorAt80x24() throws {
        var s = TutorFixtures.app([TutorFixtures.repository.appendingPathComponent("Lessons").path], width: 80, height: 24, language: .fr)
        #expect(s.screen == .course)
        let titles = s.lessons.map(\.title)
        #expect(titles.count == 13)
        var screen = TutorFixtures.screen(s)
        for title in titles { #expect(screen.contains { $0.contains(title) }, "\(title) on the list") }
        #expect(screen[2].hasPrefix(" › ○ " + titles[0]))
        for _ in 0..<12 { TutorFixtures.press(&s, "j") }
        screen = TutorFixtures.screen(s)
        let row = try #require(screen.firstIndex { $0.hasPrefix(" › ○ " + titles[12]) }, "the cursor on the last lesson, on screen")
        #expect(screen[row + 1].trimmingCharacters(in: .whitespaces).hasPrefix("○ "), "its sections under it")
        #expect(screen.filter { $0.contains("›") }.count == 1)
        TutorFixtures.press(&s, "Enter")
        #expect(s.screen == .slide)
        #expect(TutorFixtures.screen(s)[0].contains(titles[12]))
    }

    @Test func contentsJumpsToASection() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")])
        TutorFixtures.press(&s, "t")
        #expect(s.screen == .contents)
        TutorFixtures.press(&s, "j", "Enter")
        #expect(s.screen == .slide)
        #expect(s.current == 1)
    }

    @Test func aCourseOfSeveralLessonsOpensOnItsList() throws {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md"), TutorFixtures.fixture("old-slide-marker.md")])
        #expect(s.screen == .course)
        try TutorFixtures.snapshot(TutorFixtures.screen(s), "course")
        TutorFixtures.press(&s, "j", "Enter")
        #expect(s.current == 4, "the second lesson's first slide")
        TutorFixtures.press(&s, "Esc")
    }

    @Test func tooSmall() {
        let s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 39, height: 12)
        #expect(TutorFixtures.screen(s).first == "Terminal too small")
        let fr = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 80, height: 11, language: .fr)
        #expect(TutorFixtures.screen(fr).first == "Terminal trop petit")
    }

    @Test func correctionsShowOnRequest() {
        var s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")], width: 80, height: 60)
        TutorFixtures.press(&s, "G")
        #expect(!TutorFixtures.screen(s).joined().contains("Réponse cachée"))
        TutorFixtures.press(&s, "c")
        #expect(TutorFixtures.screen(s).joined().contains("Réponse cachée"))
    }

    @Test func nothingAnimatingMeansNoTimer() {
        let s = TutorFixtures.app([TutorFixtures.fixture("every-block.md")])
        #expect(!s.needsTimer)
    }
}

/// The seed's NodePort flow in full screen: the packet at each hop, the inspector, the
/// presenter mode.
@Suite(.enabled(if: TutorFixtures.hasSeed, "../shared is absent: the seed's screens are not compared"))
struct TutorSeedScreens {
    func nodePort() -> AppState {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 44)
        TutorFixtures.press(&s, "7", "G", "Enter")
        return s
    }

    @Test func slideScreen() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24)
        try TutorFixtures.snapshot(TutorFixtures.screen(s), "seed-slide-1")
        TutorFixtures.press(&s, "Space")
        try TutorFixtures.snapshot(TutorFixtures.screen(s), "seed-slide-2")
    }

    @Test func playingMovesThePacketCellByCellWithTheInjectedClock() throws {
        var s = nodePort()
        TutorFixtures.press(&s, "Space")
        #expect(s.needsTimer)
        var positions: [String] = []
        // 20 s: each hop dwells 0.6 s at the default speed.
        for _ in 0..<600 {
            s.advance(by: 1.0 / 30)
            if let p = s.player?.packetCell { positions.append("\(p.x),\(p.y)") }
        }
        #expect(Set(positions).count > 5)
        #expect(s.player?.hop == (s.player?.hops.count ?? 0) - 1, "played to the end")
        #expect(!s.needsTimer, "stopped at the end: no more timer")
        TutorFixtures.press(&s, "0")
        #expect(s.player?.hop == 0)
        TutorFixtures.press(&s, "+", "+")
        #expect(s.player?.speed == 80)
    }

    @Test func presenterMode() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 44)
        TutorFixtures.press(&s, "4", "G", "Space", "P")
        #expect(s.presenter)
        #expect(s.screen == .diagram, "a slide with flows plays them")
        #expect(s.player?.playing == true && s.player?.loops == true)
        s.advance(by: 65)
        let screen = TutorFixtures.screen(s)
        #expect(!screen[0].hasPrefix(" reseau ·"), "chrome hidden")
        #expect(screen.last?.hasSuffix("5/24 · 01:05") == true, "slide number and elapsed time in a corner")
        TutorFixtures.press(&s, "P")
        #expect(!s.presenter)
    }

    /// `present --duration 45m`: the corner counts down what is left, and says when the talk
    /// runs over. The projected diagram keeps its title and caption.
    @Test func presentingCountsDownAndProjectsTheDiagramsTitleAndCaption() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 44, language: .fr)
        TutorFixtures.press(&s, "5", "G", "P")
        s.duration = 45 * 60
        s.advance(by: 1)
        var screen = TutorFixtures.screen(s)
        #expect(s.diagramIndex == 0)
        #expect(screen[0].contains("Communication entre Pods par ClusterIP - par Pod 1"), "the title, projected")
        #expect(!screen.contains { $0.contains("Le service Green est load-balancé") }, "the first diagram has no caption")
        TutorFixtures.press(&s, "d")
        screen = TutorFixtures.screen(s)
        #expect(screen[0].contains("par Pod 2"))
        #expect(screen.contains { $0.contains("Le service Green est load-balancé") }, "the second one's caption, under it")
        s.advance(by: 64)
        #expect(TutorFixtures.screen(s).last?.hasSuffix("5/24 · 01:05 · reste 43:55") == true, "\(TutorFixtures.screen(s).last ?? "")")
        s.advance(by: 45 * 60)
        #expect(TutorFixtures.screen(s).last?.contains("dépassé de 01:05") == true)
    }

    /// #16: a clicker sends PgDn/PgUp or →/← (some send Space): they change slide while a flow
    /// plays, where they used to be swallowed by the diagram (the clicker was stuck).
    @Test func aClickerChangesSlideWhileAFlowPlays() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 44)
        TutorFixtures.press(&s, "5", "G", "P")
        #expect(s.screen == .diagram && s.player?.playing == true)
        for (forward, back) in [("PgDn", "PgUp"), ("→", "←"), ("Space", "Backspace")] {
            TutorFixtures.press(&s, forward)
            #expect(s.current == 5, "\(forward) leaves the playing slide")
            #expect(TutorFixtures.screen(s).last?.contains("6/24 · ") == true)
            TutorFixtures.press(&s, back)
            #expect(s.current == 4, "\(back) comes back")
            #expect(s.screen == .diagram && s.player?.playing == true, "and its flow plays again")
        }
        TutorFixtures.press(&s, "s")
        #expect(s.player?.playing == false, "s pauses")
        let hop = s.player?.hop ?? -1
        TutorFixtures.press(&s, ".")
        #expect(s.player?.hop == hop + 1, ". steps while paused")
        TutorFixtures.press(&s, "G")
        TutorFixtures.press(&s, "PgDn")
        #expect(s.current == 23, "past the last slide the clicker stays")
        // The help says so, from the same table.
        let help = KeyMap.helpLines(.en)
        let section = try #require(help.firstIndex(of: "Presenting (a clicker's keys always change slide)"))
        #expect(help[section + 1].hasPrefix("  PgDn → Space n l "))
        #expect(help[section + 1].hasSuffix("next slide"))
        #expect(KeyMap.helpLines(.fr).contains("En présentation (les touches d'une télécommande changent toujours de diapositive)"))
    }

    /// #16: `b` blanks the projection (the theme's background only), the next key brings it back
    /// and does nothing else; a long slide shows no "↓ more lines" to the audience.
    @Test func blankingAndNoScrollHintOnTheProjection() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24)
        TutorFixtures.press(&s, "5", "G", "P")
        TutorFixtures.press(&s, "b")
        #expect(TutorFixtures.screen(s).allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "blank")
        TutorFixtures.press(&s, "PgDn")
        #expect(s.current == 4, "the key that restores the screen does not change slide")
        #expect(TutorFixtures.screen(s).contains { $0.contains("5/24 · ") })
        TutorFixtures.press(&s, "b", "Ctrl-C")
        #expect(s.quit, "Ctrl-C on a blank screen still quits")
        s.quit = false
        // A slide taller than the projection: no hint drawn on it.
        for slide in 0..<s.slides.count {
            s.apply(.jump(slide + 1))
            #expect(!TutorFixtures.screen(s).contains { $0.contains("more line") }, "slide \(slide + 1)")
        }
        s.apply(.presenter)
        let long = (0..<s.slides.count).first { i in s.apply(.jump(i + 1)); return TutorFixtures.screen(s).contains { $0.contains("more line") } }
        #expect(long != nil, "some slide of the seed is taller than 80x24 outside presenting (the check above can fail)")
    }

    /// #16: Esc on a slide goes back to the course list (on the lesson read); after a search it
    /// first ends the search, so that `n` is "next slide" again.
    @Test func escapeOnASlideEndsTheSearchThenGoesBackToTheList() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 80, height: 24)
        TutorFixtures.press(&s, "/", "p", "o", "d", "Enter")
        let found = s.current
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide && s.searchQuery == nil)
        TutorFixtures.press(&s, "n")
        #expect(s.current == found + 1, "n is next slide again")
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .course)
        #expect(s.cursor == 0)
        TutorFixtures.press(&s, "Esc")
        #expect(s.screen == .slide && s.current == found + 1, "Esc on the list comes back to the slide")
        #expect(KeyMap.helpLines(.fr).contains { $0.hasPrefix("  Échap ") && $0.hasSuffix("la liste des leçons (termine d'abord une recherche)") })
    }

    /// Not presenting, the diagram keeps its keys: Space plays and pauses, PgDn does nothing.
    @Test func outsidePresentingSpaceStillPlaysTheDiagram() throws {
        var s = TutorFixtures.app([TutorFixtures.seed], width: 100, height: 44)
        TutorFixtures.press(&s, "5", "G", "Enter", "Space")
        #expect(s.screen == .diagram && s.player?.playing == true)
        TutorFixtures.press(&s, "Space")
        #expect(s.player?.playing == false)
        #expect(s.current == 4)
    }
}
