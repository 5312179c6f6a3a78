import Facts
import Words
import Course
import FoundationEssentials
import Memory
import NetSim
import Quiz
import Scenes

/// The whole state of the program; every screen is a function of it.
public struct AppState: Sendable {
    public struct SlideRef: Sendable {
        public var lesson: Int
        public var slide: Slide
    }

    public enum Prompt: Equatable, Sendable { case search(String), jump(String) }

    public var paths: [String]
    public var lessons: [Lesson]
    public var slides: [SlideRef] = []
    public var screen: ScreenKind
    public var current = 0
    public var scroll = 0
    public var cursor = 0
    public var width: Int
    public var height: Int
    public var language: Language
    public var ascii: Bool
    public var presenter = false
    /// `b` while presenting: the screen is empty (the theme's background) until a key.
    public var blanked = false
    public var showCorrections = false
    /// The inspector's full view (`i`): every rule as iptables writes it, chain names, whole packets.
    public var inspectorDetails = false
    /// A drawing larger than the screen, moved by hand (arrows, hjkl): its first row and
    /// column shown. Unset, the view follows the packet.
    public var pan: (x: Int, y: Int)?
    public var prompt: Prompt?
    public var searchQuery: String?
    public var count = ""
    public var pendingG = false
    public var visited: Set<Int> = []
    public var player: DiagramPlayer?
    /// Which of the slide's diagrams and scenes the player shows (a slide may hold several).
    public var diagramIndex = 0
    public var message: UIWord?
    public var quit = false
    /// `r` was pressed: the program reads the files again (`reload(_:)`).
    public var reloadRequested = false
    /// A lab open full screen, and what the program must read or record for it.
    public var labSession: LabSession?
    public var labRequest: LabRequest?
    public var pendingLabPassed: String?
    var helpReturn: ScreenKind?
    /// Seconds since the start (presenter clock), from the injected clock.
    public var elapsed = 0.0
    /// How long the talk lasts (`present --duration`), in seconds: the corner counts down.
    public var duration: Double?
    /// The round of questions on the quiz screen.
    public var quiz: QuizSession?
    var quizReturn: ScreenKind?
    /// The lessons' errors and warnings, as `reseau lint` finds them (read at start and at each reload).
    public var problems: [Diagnostic] = []
    var problemsReturn: ScreenKind?
    /// `reseau quiz`: the quiz is the program, and leaving it (Esc) leaves the program.
    public var leavesAfterQuiz = false
    /// On the end-of-round summary: the missed question under the cursor.
    public var missedCursor = 0
    /// Answers the program must save to the progress file, oldest first.
    public var pendingReviews: [PendingReview] = []
    /// A slide was shown that the progress file should remember (`readingRecord`).
    public var pendingReading = false
    /// The saved progress, as last read (orders the questions of `Q`).
    public var progress = StudyProgress()
    /// Now, in seconds since 1970, set by the program (tests fix it).
    public var now = 0.0

    public init(curriculum: Curriculum, paths: [String], width: Int, height: Int, language: Language, ascii: Bool) {
        self.paths = paths
        lessons = curriculum.lessons
        self.width = width
        self.height = height
        self.language = language
        self.ascii = ascii
        screen = curriculum.lessons.count > 1 ? .course : .slide
        // The loader's own findings at once; the full check (diagrams, scenes against the
        // engine) after the first frame: `checkLessons()`.
        problems = (curriculum.diagnostics + curriculum.lessons.flatMap(\.diagnostics)).groupedForReading()
        rebuildSlides()
        // The first slide is not worth a save at start (and a quick look and out writes nothing).
        if screen == .slide { visited.insert(0) }
    }

    mutating func rebuildSlides() {
        slides = lessons.enumerated().flatMap { i, lesson in lesson.slides.map { SlideRef(lesson: i, slide: $0) } }
        current = min(current, max(0, slides.count - 1))
    }

    public var currentSlide: SlideRef? { slides.indices.contains(current) ? slides[current] : nil }

    /// The catalog of the language the program speaks.
    public var words: any Phrasebook { language.words }

    // MARK: - Keys

    /// Handles one key, by name (`"j"`, `"Space"`, `"↓"`, `"Enter"`, `"Ctrl-C"`…).
    public mutating func handle(key: String) {
        message = nil
        // The key that brings a blanked screen back does nothing else (Ctrl-C still quits).
        if blanked { blanked = false; if key != "Ctrl-C" { return } }
        // Typing in the search or jump prompt: keys are text there, not commands.
        if let prompt { return handlePrompt(prompt, key: key) }
        // Before anything else, so that no screen can keep the user from leaving.
        if key == "Ctrl-C" { quit = true; return }
        // A count before `G` (`12G`) and the two-key `gg` are typed before the action is known.
        if screen == .slide || screen == .course {
            if key.count == 1, let d = key.first, d.isNumber, !(key == "0" && count.isEmpty) { count += key; return }
        }
        if screen == .slide && key == "g" {
            if pendingG { pendingG = false; apply(.first) } else { pendingG = true }
            return
        }
        pendingG = false
        if screen == .slide, key == "G", let n = Int(count) { count = ""; return apply(.jump(n)) }
        count = ""
        // After a search, `n` is the next match until Esc clears the search (its meaning depends on state).
        if screen == .slide, key == "n", searchQuery != nil { return apply(.searchNext) }
        guard let action = KeyMap.action(for: key, on: screen, presenting: presenter) else { return }
        if action == .choose { _ = handleQuiz(key: key); return }
        apply(action)
    }

    mutating func handlePrompt(_ prompt: Prompt, key: String) {
        var (kind, text): (String, String)
        switch prompt {
        case .search(let t): (kind, text) = ("search", t)
        case .jump(let t): (kind, text) = ("jump", t)
        }
        switch key {
        case "Esc", "Ctrl-C": self.prompt = nil; return
        case "Backspace": if !text.isEmpty { text.removeLast() }
        case "Enter":
            self.prompt = nil
            if kind == "jump" { if let n = Int(text) { apply(.jump(n)) } }
            else if !text.isEmpty { searchQuery = text; runSearch(from: current, forward: true, includeCurrent: true) }
            return
        case "Space": text += " "
        default: if key.count == 1 { text += key }
        }
        self.prompt = kind == "jump" ? .jump(text) : .search(text)
    }

    public mutating func apply(_ action: Action) {
        switch action {
        case .quit: quit = true
        case .help:
            if screen == .help { screen = helpReturn ?? .slide; scroll = 0 } else {
                // Contextual: the help opens at the section of the screen it was asked from.
                helpReturn = screen
                let section: HelpSection
                switch screen {
                case .diagram: section = presenter ? .presenting : .diagram
                case .course, .contents, .problems: section = .course
                case .quiz: section = .quiz
                default: section = presenter ? .presenting : .reading
                }
                screen = .help
                let heading = words.ui(.helpSection(section))
                scroll = KeyMap.helpLines(language, width: width - 2).firstIndex(of: heading) ?? 0
                clampScroll()
            }
        case .back where screen == .slide:
            // Esc ends a search (`n` is "next slide" again), else goes back to the course list.
            if searchQuery != nil { searchQuery = nil; return }
            cursor = currentSlide?.lesson ?? 0
            screen = .course
        case .back:
            if screen == .diagram && quiz != nil { player = nil; screen = .quiz; message = nil }
            else if screen == .diagram { player = nil; labSession = nil; screen = .slide }
            else if screen == .quiz && leavesAfterQuiz { quit = true }
            else if screen == .quiz { quiz = nil; screen = quizReturn ?? (slides.isEmpty ? .course : .slide); quizReturn = nil }
            else if screen == .help, let back = helpReturn, back != .help { screen = back }
            else if screen == .help || screen == .contents { screen = slides.isEmpty ? .course : .slide }
            else if screen == .problems { screen = problemsReturn ?? (slides.isEmpty ? .course : .slide) }
            else if screen == .course && !slides.isEmpty { screen = .slide }
            scroll = 0
        case .next: go(to: current + 1)
        case .previous: go(to: current - 1)
        case .first: go(to: 0)
        case .last: go(to: slides.count - 1)
        case .jump(let n): go(to: n - 1)
        case .jumpPrompt: prompt = .jump("")
        case .scrollDown where screen == .quiz: quizMove(1)
        case .scrollUp where screen == .quiz: quizMove(-1)
        case .scrollDown:
            if screen == .course || screen == .contents || screen == .problems { cursor += 1; clampCursor() } else { scroll += 1; clampScroll() }
        case .scrollUp:
            if screen == .course || screen == .contents || screen == .problems { cursor = max(0, cursor - 1) } else { scroll = max(0, scroll - 1) }
        case .problems:
            problemsReturn = screen
            screen = .problems
            cursor = 0
        case .pageDown where screen == .slide && scroll >= max(0, bodyLineCount - bodyHeight): go(to: current + 1)
        // Back a page from the top of a slide shows the previous slide's last page, as a pager does.
        case .pageUp where screen == .slide && scroll == 0 && current > 0:
            go(to: current - 1)
            scroll = max(0, bodyLineCount - bodyHeight)
        case .pageDown: scroll += max(1, height - 3); clampScroll()
        case .pageUp: scroll = max(0, scroll - max(1, height - 3))
        case .search: prompt = .search("")
        case .searchNext: runSearch(from: current, forward: true, includeCurrent: false)
        case .searchPrevious: runSearch(from: current, forward: false, includeCurrent: false)
        case .contents:
            screen = .contents
            // On the entry of the current slide: the last one that starts at or before it.
            let entries = tocEntries
            cursor = entries.indices.last { entries[$0].slide - 1 + lessonOffset(entries[$0].lesson) <= current } ?? 0
        case .open: open()
        case .toggleCorrection: showCorrections.toggle()
        case .toggleDetails: inspectorDetails.toggle()
        case .labHint: nextHint()
        case .labCorrection: toggleLabCorrection()
        case .panUp, .panDown, .panLeft, .panRight: look(action)
        case .blank: blanked = true
        case .presenter:
            presenter.toggle()
            if presenter, screen == .slide { autoplay() }
        case .reload: reloadRequested = true
        case .focusDiagram: open()
        case .playPause: player?.togglePlay(); pan = nil
        case .stepForward: player?.stepForward(); pan = nil
        case .stepBack: player?.stepBack(); pan = nil
        case .faster: player?.faster()
        case .slower: player?.slower()
        case .nextFlow: player?.nextFlow(); pan = nil
        case .nextDiagram where labSession == nil: openNextDiagram()
        case .nextDiagram: break
        case .restart: player?.restart()
        case .quiz: startLessonQuiz()
        case .toggleChoice: quiz?.toggleCursor()
        case .submit: quizEnter()
        case .replay: replayQuizTrace()
        case .choose: break
        }
    }

    mutating func go(to index: Int) {
        guard !slides.isEmpty else { return }
        let target = min(max(0, index), slides.count - 1)
        // A clicker pressed past the last slide: the flow playing there goes on.
        if presenter, screen == .diagram, target == current { return }
        if target != current { scroll = 0 }
        current = target
        visited.insert(current)
        pendingReading = true
        screen = .slide
        player = nil
        diagramIndex = 0
        pan = nil
        if presenter { autoplay() }
    }

    mutating func clampCursor() {
        let count = screen == .course ? lessons.count : screen == .problems ? problems.count : tocEntries.count
        cursor = min(cursor, max(0, count - 1))
    }

    mutating func clampScroll() {
        scroll = min(scroll, max(0, bodyLineCount - bodyHeight))
    }

    /// Enter: a lesson from the course, an entry of the contents, or a slide's diagram.
    mutating func open() {
        switch screen {
        case .course:
            guard lessons.indices.contains(cursor) else { return }
            go(to: lessonOffset(cursor))
        case .contents:
            guard tocEntries.indices.contains(cursor) else { return }
            let entry = tocEntries[cursor]
            go(to: lessonOffset(entry.lesson) + entry.slide - 1)
        case .problems:
            guard problems.indices.contains(cursor) else { return }
            let d = problems[cursor]
            screen = .slide
            // The slide the line is on: the last one starting at or before it.
            if let index = slides.indices.last(where: { lessons[slides[$0].lesson].file == d.file && slides[$0].slide.line <= d.line })
                ?? slides.indices.first(where: { lessons[slides[$0].lesson].file == d.file }) {
                go(to: index)
            }
        case .slide:
            guard let ref = currentSlide else { return }
            // A lab's slide opens the lab (its own cluster, its goals).
            if let lab = labsOnSlide(ref).first(where: { $0.lab != nil }) {
                requestLab(lab, lesson: ref.lesson)
                return
            }
            diagramIndex = diagramOnScreen(ref)
            guard let p = makePlayer(ref) else {
                message = .noDiagramOnSlide
                return
            }
            player = p
            pan = nil
            screen = .diagram
        default: break
        }
    }

    /// The files read again: the same slide stays open when it still exists.
    /// Every error and warning `reseau lint` would print for the lessons (the header counts
    /// them, `!` lists them).
    public mutating func checkLessons(_ curriculum: Curriculum) {
        problems = (curriculum.lint() + curriculum.lessons.flatMap(QuestionBank.lint)).sortedByPosition().groupedForReading()
    }

    /// The files changed on disk: read them again and keep the place: the same slide of the
    /// same lesson (or the nearest that still exists), the diagram open with its flow and
    /// hop, the scroll.
    public mutating func reload(_ curriculum: Curriculum) {
        let place = currentSlide.map { (file: lessons[$0.lesson].file, number: $0.slide.number) }
        let oldPlayer = player
        let oldScreen = screen
        let labFile = labSession.map { lessons[$0.lesson].file }
        lessons = curriculum.lessons
        rebuildSlides()
        checkLessons(curriculum)
        // A lab open stays open: its lesson read again, its files checked again by the program.
        if var session = labSession {
            if let lesson = lessons.firstIndex(where: { $0.file == labFile }), lessons[lesson].labs.indices.contains(session.number - 1),
               let lab = lessons[lesson].labs[session.number - 1].lab {
                session.lesson = lesson
                session.lab = lab
                labSession = session
                reloadRequested = false
                return
            }
            labSession = nil
        }
        if let place, let lesson = lessons.firstIndex(where: { $0.file == place.file }) {
            let inLesson = slides.indices.filter { slides[$0].lesson == lesson }
            if let nearest = inLesson.min(by: { abs(slides[$0].slide.number - place.number) < abs(slides[$1].slide.number - place.number) }) {
                current = nearest
            }
        }
        player = nil
        if oldScreen == .diagram, let old = oldPlayer, let ref = currentSlide, var fresh = makePlayer(ref) {
            fresh.resume(from: old)
            player = fresh
        } else if screen == .diagram {
            screen = .slide
        }
        reloadRequested = false
        message = .reloaded
        clampScroll()
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        if let session = labSession, let p = player {
            // A lab: its own cluster drawn again for the new width.
            if var fresh = Self.labPlayer(session.check, flowGoals: session.flowGoals, width: width, ascii: ascii, words: words) {
                fresh.resume(from: p)
                player = fresh
            }
        } else if let p = player, screen == .diagram, let ref = currentSlide {
            if var fresh = makePlayer(ref) {
                fresh.resume(from: p)
                player = fresh
            }
        }
        clampScroll()
    }

    func lessonOffset(_ lesson: Int) -> Int { lessons.prefix(lesson).reduce(0) { $0 + $1.slides.count } }

    // MARK: - Layout helpers shared with the screens

    /// The rows the scrolled text has: the help's lines sit between its header and the row
    /// saying what is below (above the footer).
    var bodyHeight: Int { screen == .help ? height - 4 : Screens.bodyRows(self) }
    var bodyLineCount: Int { screen == .help ? KeyMap.helpLines(language, width: width - 2).count : Screens.slideLines(self).count }
}
