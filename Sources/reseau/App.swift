import Facts
import Words
import ArgumentParser
import Canvas
import Course
import CursesTerminal
import Drawing
import FoundationEssentials
import Glibc
import Memory
import NetSim
import Quiz
import Scenes
import Tutor

/// The name the key table uses for a key.
func keyName(_ key: Key) -> String {
    switch key {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .backspace: return "Backspace"
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backTab: return "BackTab"
    case .escape: return "Esc"
    case .resize: return "Resize"
    case .control(let c): return "Ctrl-\(c.uppercased())"
    case .fileChanged: return "FileChanged"
    case .channel: return "Channel"
    }
}

/// The full-screen program: reads keys, updates the state, draws it. It sleeps in input
/// when nothing moves, and restores the terminal on every way out.
func runTerminal(paths: [String], lang: Language?, ascii: Bool, presenter: Bool, theme: Theme.Name,
                 quiz: QuizStart? = nil, duration: Double? = nil) throws {
    let curriculum = Curriculum.load(paths: paths)
    let language = uiLanguage(lang, lessons: curriculum.lessons)
    let words = language.words
    let memory = quiz?.memory ?? MemoryContext(retention: 0.9)
    guard !curriculum.lessons.flatMap(\.slides).isEmpty else {
        for d in curriculum.allDiagnostics { printError(words.line(d)) }
        printError("reseau: " + words.ui(.nothingToShow(paths.joined(separator: " "))))
        throw ExitCode(1)
    }
    // TERM unset, unknown or dumb: ncurses cannot draw (it would stop with "Error opening
    // terminal"); the line mode can.
    guard Terminal.canDraw() else {
        printError("reseau: " + words.ui(.noTerminalDescription))
        if let quiz {
            runPlainQuiz(quiz.items, lessons: curriculum.lessons, language: language, memory: quiz.memory)
        } else {
            try runPlain(paths: paths, lang: language, ascii: ascii, width: 80)
        }
        return
    }
    // `present --theme` chooses the projection's theme; `P` in the course projects with the projector's.
    let projection: Theme.Name = presenter ? theme : .projector
    // Started before the terminal is set up, so that it is running when the first frame is
    // asked of it (a thread's first run came 1 ms after its creation, measured).
    let worker = Worker()
    let terminal = Terminal(theme: Theme(theme))
    terminal.asciiOnly = ascii
    // The files are watched (inotify) from one second after the start, not at once: closing
    // an inotify descriptor waits for the kernel's grace period (22 ms measured here), which
    // someone who opens the course and quits at once would wait for. What changed in that
    // second is caught by comparing the files' times with those at the start.
    let stampsAtStart = fileStamps(paths, curriculum)
    let openedAt = monotonicSeconds()
    var watchPending = true
    func startWatch() {
        guard watchPending else { return }
        watchPending = false
        terminal.watch = FileWatch(paths: paths)
        if fileStamps(paths, curriculum) != stampsAtStart { pressed.append(.fileChanged) }
    }
    var state = AppState(curriculum: curriculum, paths: paths, width: terminal.width, height: terminal.height,
                         language: language, ascii: ascii || !terminal.unicode)
    if presenter { state.apply(.presenter); state.duration = duration }
    state.now = Date().timeIntervalSince1970
    state.progress = memory.load()
    // Where the student stopped: the slides read are marked, the last one reopens
    // (not when presenting, which starts at the beginning, nor for a quiz).
    if !presenter && quiz == nil { state.restoreReading() }
    if let quiz { state.startQuiz(quiz.items); state.leavesAfterQuiz = true }
    if let notice = memory.store.notices.last { state.message = .progressNotice(notice) }
    // The work (keys' effects, reloads, frames) is done by the worker while this thread keeps
    // the keyboard: q and Ctrl-C are heard within 100 ms however long a frame takes.
    var pressed: [Key] = []
    var quitAsked = false
    func work<T: Sendable>(watchAfter: Int = Worker.watchAfter, _ body: @escaping @Sendable () -> T) -> T? {
        let prompting = state.prompt != nil
        let result = worker.run(body, terminal: terminal, saying: { words.ui(.stillWorking(seconds: $0)) },
                                quits: { !prompting && ($0 == .character("q") || $0 == .control("c")) }, pressed: &pressed,
                                watchAfter: watchAfter)
        if result == nil { quitAsked = true }
        return result
    }
    func frame(_ state: AppState) -> Grid? { work { Screens.render(state) } }
    if let grid = frame(state) { terminal.present(grid) }
    // The full check of the lessons after the first frame (the header counts its findings),
    // the keyboard heard from its start: `q` right after the first frame does not wait for it.
    if !quitAsked, let checked = work(watchAfter: 0, { [state] in var s = state; s.checkLessons(curriculum); return s }) { state = checked }
    if !quitAsked, let grid = frame(state) { terminal.present(grid) }
    // For the end-to-end test of the crash path only: die the way a Swift trap does.
    if Environment.value("RESEAU_TEST_CRASH") == "1" {
        usleep(300_000)
        fatalError("crash requested by RESEAU_TEST_CRASH")
    }
    var last = monotonicSeconds()
    var wasPresenter = state.presenter
    // For `make bench` only: RESEAU_STATS=FILE gets the frames drawn and the packet's
    // steps (each move to another cell or hop) when the program ends, and each animation
    // frame's moment (the monotonic clock, which the bench reads too) and kind: `move` (the
    // packet changed cell, same hop) or `hop`, so that the bytes the bench reads between
    // two moments are the cost of that kind of step.
    let statsPath = Environment.value("RESEAU_STATS")
    var frames = 1, packetSteps = 0
    var frameLog: [Any] = []
    var lastShown: AnimationFrame?
    var readingNotSaved = false
    // Presenting: a socket a `reseau console` can follow (and drive). No console: as before.
    var link: PresenterServer?
    var linkTried = false
    while !state.quit && !quitAsked && terminal.quitSignal == 0 {
        if state.presenter && !linkTried {
            linkTried = true
            do { link = try PresenterServer() } catch { state.message = linkFailure(error) }
        }
        terminal.channels = link?.descriptors ?? []
        if watchPending && monotonicSeconds() - openedAt >= 1 { startWatch() }
        // Keys pressed while the worker was busy come first, in order.
        let timeout = state.needsTimer ? (state.player?.isAnimating == true ? 33 : 1000) : nil
        // Until the watch starts, the wait ends when it is due.
        let untilWatch = watchPending ? max(1, Int((openedAt + 1 - monotonicSeconds()) * 1000)) : nil
        let wait = untilWatch.map { min($0, timeout ?? $0) } ?? timeout
        let key = pressed.isEmpty ? terminal.readKey(timeout: wait) : pressed.removeFirst()
        if terminal.quitSignal != 0 { break }
        // The wait cut short for the watch, nothing to animate: nothing to draw.
        if key == nil, !state.needsTimer, wait != timeout { continue }
        let now = monotonicSeconds()
        if state.needsTimer { state.advance(by: now - last) }
        last = now
        if let key {
            if key == .resize { state.resize(width: terminal.width, height: terminal.height) }
            else if key == .fileChanged { state.reloadRequested = true }
            else {
                // Keys pressed in the console drive the presentation as if pressed here.
                let names = key == .channel ? link?.poll() ?? [] : [keyName(key)]
                let at = Date().timeIntervalSince1970
                guard let next = work({ [state] in
                    var s = state
                    for name in names { s.now = at; s.handle(key: name) }
                    return s
                }) else { break }
                state = next
            }
        }
        if state.reloadRequested {
            guard let next = work({ [state] in
                var s = state
                s.reload(Curriculum.load(paths: paths))
                // A lab open: its folder read again, its goals asked again.
                if let folder = s.labSession?.folder { s.refreshLab(files: LabFolder.read(folder) ?? []) }
                return s
            }) else { break }
            state = next
        }
        if let request = state.labRequest {
            // Opening a lab: its starting files written where none are yet (never over a file),
            // then the folder read and watched.
            var written: [LabFolder.Written] = []
            if LabFolder.read(request.folder) == nil, let lab = state.lessons[request.lesson].labs[request.number - 1].lab {
                do { written = try LabFolder.start(lab, in: request.folder) } catch {
                    state.message = .labNotWritten(folder: request.folder, reason: words.failure(error))
                }
            }
            startWatch()
            terminal.watch?.add(folder: request.folder)
            let files = LabFolder.read(request.folder) ?? []
            guard let next = work({ [state, written] in var s = state; s.openLab(request, files: files, written: written); return s }) else { break }
            state = next
        }
        if let key = state.pendingLabPassed {
            if let labs = recordLabPassed(key: key, store: memory.store) { state.progress.labs = labs }
            state.pendingLabPassed = nil
        }
        if !state.pendingReviews.isEmpty {
            state.now = Date().timeIntervalSince1970
            switch memory.save(state.pendingReviews, now: state.now) {
            case .success(let progress): state.progress = progress
            case .failure(let error): state.message = .progressNotSaved(words.failure(error))
            }
            state.pendingReviews = []
        }
        if state.pendingReading, let record = state.readingRecord {
            switch memory.saveReading(lesson: record.lesson, slide: record.slide, now: Date().timeIntervalSince1970) {
            case .success(let progress): state.progress.reading = progress.reading
            case .failure(let error):
                // Said once: the reading is not worth a message at every slide.
                if !readingNotSaved { state.message = .progressNotSaved(words.failure(error)) }
                readingNotSaved = true
            }
            state.pendingReading = false
        }
        // Only when a console listens: no JSON at every frame of an animation for nobody.
        if let link, link.hasClients { link.send(consoleLine(state, paths: paths)) }
        if state.presenter != wasPresenter {
            terminal.setTheme(Theme(state.presenter ? projection : theme))
            wasPresenter = state.presenter
        }
        // A timer tick that moved the packet by less than a cell changes nothing on screen:
        // no frame (the packet moves at 20 cells a second, the timer ticks 30 times).
        let shown = state.player.map { AnimationFrame(flow: $0.flow, hop: $0.hop, cell: $0.packetCell, playing: $0.playing) }
        if key == nil, let shown, shown == lastShown { continue }
        var kind: String?
        if let shown, let lastShown, shown.flow == lastShown.flow {
            kind = shown.hop != lastShown.hop ? "hop" : shown.cell != lastShown.cell ? "move" : nil
        }
        if let shown, shown.hop != lastShown?.hop || shown.cell != lastShown?.cell { packetSteps += 1 }
        lastShown = shown
        guard let grid = frame(state) else { break }
        if statsPath != nil, key == nil, let kind { frameLog.append(["at": monotonicSeconds(), "kind": kind]) }
        terminal.present(grid)
        frames += 1
    }
    if let statsPath {
        let stats: [String: Any] = ["frames": frames, "packetSteps": packetSteps, "animation": frameLog]
        try? (JSONValue(stats).text(pretty: false) + "\n").write(toFile: statsPath, atomically: true, encoding: .utf8)
    }
    link?.stop()
    let signal = terminal.quitSignal
    terminal.stop()
    // After the screen is restored: what the loader found, and the problems of the diagrams
    // parsed by now (those shown, all of them once the check after the first frame ended);
    // the others are not parsed on the way out (30 ms on the seed page, the check's work
    // done a second time while the person waits for their shell).
    for d in curriculum.diagnosticsFoundSoFar where d.severity == .error { printError(words.line(d)) }
    for n in memory.store.notices { printError("reseau: " + language.words.ui(.progressNotice(n))) }
    if let session = state.quiz, !session.results.isEmpty {
        print(words.ui(.plainQuizScore(score: session.score, of: session.answered)))
    }
    // Killed by a signal: the shell's convention, 128 + its number.
    if signal != 0 { throw ExitCode(128 + signal) }
}


/// `--plain`: no full screen. Slides are printed as text and commands are read line by
/// line (n, p, a number, q), for screen readers and pipes.
func runPlain(paths: [String], lang: Language?, ascii: Bool, width: Int) throws {
    let curriculum = Curriculum.load(paths: paths)
    let language = uiLanguage(lang, lessons: curriculum.lessons)
    let words = language.words
    for d in curriculum.allDiagnostics where d.severity == .error { printError(words.line(d)) }
    let slides = curriculum.lessons.flatMap { lesson in lesson.slides.map { (lesson, $0) } }
    guard !slides.isEmpty else { say(words.ui(.noSlide)); throw ExitCode(1) }
    var index = 0
    func show() {
        let (lesson, slide) = slides[index]
        let asciiArt = drawsASCII(asked: ascii)
        var renderer = SlideRenderer(width: width, ascii: asciiArt, language: language)
        renderer.lessonLanguage = Language(localeName: lesson.frontmatter.lang) ?? .fr
        renderer.file = lesson.file
        emit(LessonRenderer.separator(slide, number: index + 1, count: slides.count, width: width, ascii: asciiArt), ascii: ascii)
        for line in renderer.render(slide) { emit(line.text, ascii: ascii) }
        say(words.ui(.plainNavigation))
    }
    show()
    while let line = readLine() {
        let command = line.trimmingBlanks().lowercased()
        switch command {
        case "q", "quit", "quitter": return
        case "n", "", "next", "suivante": if index + 1 < slides.count { index += 1 } else { say(words.ui(.lastSlide)); continue }
        case "p", "previous", "précédente": if index > 0 { index -= 1 } else { say(words.ui(.firstSlide)); continue }
        default:
            guard let n = Int(command), (1...slides.count).contains(n) else {
                say(words.ui(.unknownCommand(command)))
                continue
            }
            index = n - 1
        }
        show()
    }
}

/// What a diagram's animation shows: a frame is drawn only when it changes.
struct AnimationFrame: Equatable {
    var flow: Int
    var hop: Int
    var cell: DiagramLayout.Point?
    var playing: Bool
}


/// What a console is sent: the slide projected, the time, the hop playing, and the course's
/// paths (the console reads the same lessons for the notes and the next slide).
func consoleLine(_ state: AppState, paths: [String]) -> String {
    var object: [String: Any] = ["slide": state.current, "elapsed": Int(state.elapsed), "paths": paths
        .map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }.map(Paths.standardized)]
    if let duration = state.duration { object["duration"] = duration }
    if state.screen == .diagram, let player = state.player, let hop = player.currentHop {
        object["hop"] = "\(player.hop + 1)/\(player.steps.count) " + state.words.place(hop.place.renamingNodes(player.nodeTitles))
            + " · " + state.words.action(hop.action)
    }
    return JSONValue(object).text(pretty: false)
}

/// A link failure, as the UI says it.
func linkFailure(_ error: Error) -> UIWord {
    switch error as? PresenterLink.Failure {
    case .unsafeFolder(let path)?: return .unsafeLinkFolder(path)
    case .noPresenter(let folder)?: return .noPresentation(folder: folder)
    case .system(let path, let reason)?: return .linkFailed(path: path, reason: reason)
    case nil: return .linkFailed(path: PresenterLink.folder(), reason: "\(error)")
    }
}

/// What tells that a watched file changed: each path's and each lesson file's modification
/// time and size (a folder's time changes when a file is added, removed or renamed in it).
func fileStamps(_ paths: [String], _ curriculum: Curriculum) -> [String: [Int]] {
    var stamps: [String: [Int]] = [:]
    for path in paths + curriculum.lessons.map(\.file) {
        var info = stat()
        guard stat(path, &info) == 0 else { stamps[path] = []; continue }
        stamps[path] = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
    }
    return stamps
}

/// Seconds on the monotonic clock (not the wall clock, which a time change moves).
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
