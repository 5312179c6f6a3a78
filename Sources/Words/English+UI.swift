import Memory
import NetSim

extension English {
    public func count(_ n: Int, _ noun: Noun) -> String {
        let word: String
        switch noun {
        case .slide: word = n == 1 ? "slide" : "slides"
        case .question: word = n == 1 ? "question" : "questions"
        case .line: word = n == 1 ? "line" : "lines"
        case .lesson: word = n == 1 ? "lesson" : "lessons"
        case .error: word = n == 1 ? "error" : "errors"
        case .warning: word = n == 1 ? "warning" : "warnings"
        case .podNotReady: return "\(n) Pod(s) not ready"
        case .nxdomainTry: word = n == 1 ? "NXDOMAIN try" : "NXDOMAIN tries"
        }
        return "\(n) \(word)"
    }

    public func ui(_ word: UIWord) -> String {
        switch word {
        case .terminalTooSmall: return "Terminal too small"
        case .noSlide: return "No slide."
        case .courseTitle: return "course"
        case .contentsTitle: return "contents"
        case .helpTitle: return "help"
        case .diagramTitle: return "diagram"
        case .moreLines(let n): return "\(n) more line(s)"
        case .moreLinesHint(let n): return "\(n) more line(s) (j, PgDn)"
        case .noFlow: return "This diagram has no flow to follow."
        case .flowTitle(let flow, let of, let from, let to, let verdict): return "flow \(flow)/\(of): \(from) → \(to) — \(verdict)"
        case .before: return "before: "
        case .after: return "after:  "
        case .packet: return "packet: "
        case .diagramSaysOtherwise(let note): return "the diagram says otherwise: \(note)"
        case .helpSection(let s):
            switch s {
            case .reading: return "Reading"
            case .diagram: return "Diagram"
            case .presenting: return "Presenting (a clicker's keys always change slide)"
            case .course: return "Course"
            case .quiz: return "Quiz"
            }
        case .hiddenCorrection: return "(hidden: press c to show it)"
        case .quizBlockTitle(let n): return "Quiz · \(count(n, .question))"
        case .notReady: return "not ready"
        case .loadBalancerBox: return "load balancer"
        case .drawnAtService(let node): return "drawn at the Service; really in \((French.namesItsKind(node) ? node : "node " + node).replacingOccurrences(of: " ", with: "\u{00A0}"))'s kernel"
        case .replyStep(let n, let of): return "reply \(n)/\(of)"
        case .diagramNumber(let n, let of): return "diagram \(n)/\(of)"
        case .packetDiesHere: return "the packet stops here"
        case .changedSource(let a, let b): return "source: \(a) → \(b)"
        case .changedDestination(let a, let b): return "destination: \(a) → \(b)"
        case .encapsulated(let outer): return "encapsulated: \(outer)"
        case .decapsulated: return "decapsulated: the Pod's packet again"
        case .kubeProxyOn(let node): return "kube-proxy (iptables) on \(French.namesItsKind(node) ? node : "node " + node)"
        case .externalIP(let ip): return "external IP \(ip)"
        case .sceneTitle: return "Scene"
        case .directiveTitle(let kind, let name):
            switch kind {
            case "tip": return "Tip"
            case "note": return "Note"
            case "info": return "Info"
            case "link": return "Link"
            case "warning": return "Warning"
            case "caution": return "Caution"
            case "danger": return "Danger"
            case "strong": return "Important"
            case "exo": return "Exercise"
            case "correction": return "Solution"
            default: return name
            }
        case .presenterClock(let slide, let of, let m, let s): return "\(slide)/\(of) · \(m):\(s)"
        case .timeLeft(let m, let s, let over): return over ? "\(m):\(s) over" : "\(m):\(s) left"
        case .noQuestionInLesson: return "This lesson has no question."
        case .pickAnAnswer: return "Pick an answer (1-9 or a-i)."
        case .rightSeeTrace: return "✓ Right. The real trace; Esc: back to the question."
        case .wrongSeeTrace: return "✗ Wrong. The real trace; Esc: back to the question."
        case .noDiagramOnSlide: return "No diagram on this slide."
        case .reloaded: return "Reloaded."
        case .searchMatch(let q, let index, let count, let slide, let wrapped):
            let round = wrapped.map { $0 == .toStart ? " (wrapped to the start)" : " (wrapped to the end)" } ?? ""
            return "\"\(q)\": \(index)/\(count), slide \(slide)\(round) · n next, N previous"
        case .searchNotFound(let q): return "\"\(q)\": not found"
        case .progressNotSaved(let e): return "Progress not saved: \(e)"
        case .progressNotice(let n):
            switch n {
            case .damaged(let path, let reason): return "\(path): damaged (\(reason)); it will be kept aside on the next save"
            case .damagedKeptAside(let path, let reason, let aside): return "\(path): damaged (\(reason)); kept as \(aside), starting afresh"
            case .cardsSetAside(let path, let ids): return "\(path): \(ids.count == 1 ? "a question" : "\(ids.count) questions") of the wrong shape (\(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", …" : "")) kept as they are and not used"
            }
        case .storeFailure(let f):
            switch f {
            case .cannotCreateDirectory(let path, let why): return "\(path): cannot create the directory (\(why))"
            case .cannotLock(let path, let why): return "\(path): cannot lock (\(why))"
            case .cannotMoveAside(let path, let why): return "\(path): damaged and cannot be moved aside: \(why)"
            case .cannotWrite(let path, let why): return "\(path): cannot write (\(why))"
            case .cannotSave(let path, let why): return "\(path): cannot save: \(why)"
            case .cannotRead(let path, let why): return "\(path): cannot read it (\(why)); nothing is saved over it"
            case .newerVersion(let path, let version): return "\(path): written by a newer reseau (version \(version)); it is read but not written over: update reseau"
            }
        case .quizScore(let score, let of, let streak): return "score \(score)/\(of) · streak \(streak)"
        case .quizSummaryTitle: return "Quiz · summary"
        case .quizSummary(let score, let of, let best): return "Score: \(score)/\(of) · best streak: \(best)"
        case .noQuestionMissed: return "No question missed."
        case .questionsMissedAskAgain: return "Questions missed (Enter: ask again):"
        case .severalAnswersHint: return "(several answers: Space or the number to tick, Enter to submit)"
        case .rightAnswerMark: return "  ✓ right answer"
        case .wrongMark: return "  ✗ wrong"
        case .right: return "✓ Right!"
        case .wrong: return "✗ Wrong."
        case .plainNavigation: return "[n next, p previous, a number, q quit]"
        case .lastSlide: return "(last slide)"
        case .firstSlide: return "(first slide)"
        case .unknownCommand(let c): return "Unknown command: \(c)"
        case .plainQuizScore(let score, let of): return "Quiz: \(score)/\(of)"
        case .nothingDue(let next): return "Nothing due." + (next.map { " Next review: \($0)" } ?? "")
        case .severalAnswersPrompt: return "Several answers (e.g. “1 3”):"
        case .yourAnswer: return "Your answer:"
        case .answerNotUnderstood(let n): return "Answer not understood: give the number (1-\(n)) or the letter."
        case .rightDot: return "✓ Right."
        case .wrongRightAnswer(let t): return "✗ Wrong. Right answer: \(t)"
        case .realTrace: return "  The real trace:"
        case .scoreLine(let score, let of, let best): return "Score: \(score)/\(of) · best streak: \(best)"
        case .questionsMissed: return "Questions missed:"
        case .progressFile(let path): return "Progress (\(path))"
        case .noQuestionYet: return "No question."
        case .progressColumns: return "lesson\tquestions\tseen\tdue\trecall\tnext"
        case .dueNow(let due, let new): return "Due now: \(due) · new: \(new) (reseau quiz)"
        case .quoted(let s): return "“\(s)”"
        case .nothingToErase: return "No progress to erase."
        case .nothingToEraseFor(let named): return "Nothing to erase for \(named)."
        case .allProgress: return "all progress"
        case .progressOf(let named): return "the progress of \(named)"
        case .eraseConfirm(let what, let questions): return "Erase \(what) (\(questions))? [y/N] "
        case .yesLetter: return "y"
        case .nothingErased: return "Nothing erased."
        case .erased(let questions): return "Erased: \(questions)."
        case .request: return "request"
        case .verdict: return "verdict"
        case .possibleEndpoints: return "possible endpoints"
        case .sourceMasqueraded: return "source masqueraded (SNAT)"
        case .reply: return "reply:"
        case .yes: return "yes"
        case .no: return "no"
        case .noRecord: return "(no record)"
        case .outlineHeader(let title, let file, let slides): return "\(title) — \(file) — \(count(slides, .slide))"
        case .lintClean: return "no problem found"
        case .notAPod(let p): return "--from \(p) is not a Pod of the scene"
        case .diagramAtLine(let n): return "line \(n):"
        case .notADiagram: return "not a diagram"
        case .diagramKindNotDrawn(let kind, let title): return "\(kind)\(title.map { " \"\($0)\"" } ?? ""): this kind of diagram cannot be drawn yet"
        case .nothingToShow(let p): return "nothing to show in \(p)"
        case .noSuchSlide(let n, let count): return "there are \(count) slides, not \(n)"
        case .noSuchDiagram(let n, let count): return count == 0 ? "this slide has no diagram to animate" : "the slide has \(count) diagram(s) to animate, not \(n)"
        case .noSuchFlow(let n, let count): return count == 0 ? "this diagram has no flow" : "the diagram has \(count) flow(s), not \(n)"
        case .noSuchHop(let n, let count): return "the flow has \(count) hops (request then reply), not \(n)"
        case .diagramOptionsNeedSlide: return "--diagram, --flow and --hop need --slide"
        case .keyName(let k): return k
        case .unknownLesson(let name, let lessons): return "no lesson matches “\(name)”; the lessons are:\n" + lessons.map { "  " + $0 }.joined(separator: "\n")
        case .sceneOnKey: return "(the scene does not fit: a taller terminal shows it beside the question)"
        case .blockNotRead: return "Not read"
        case .problemCount(let errors, let warnings):
            var parts: [String] = []
            if errors > 0 { parts.append(count(errors, .error)) }
            if warnings > 0 { parts.append(count(warnings, .warning)) }
            return "⚠ " + parts.joined(separator: " · ") + " (!)"
        case .problemsTitle: return "problems"
        case .noProblem: return "No error, no warning."
        case .needsTerminal: return "it needs a terminal (its input and output); reseau render prints the slides, reseau --plain reads them line by line"
        case .noTerminalDescription: return "TERM names no terminal this system describes (or a dumb one): line by line instead (reseau --plain)"
        case .missingPathsExit: return "nothing to open"
        }
    }

    public func key(_ help: KeyHelp) -> String {
        switch help {
        case .nextSlide: return "next slide"
        case .previousSlide: return "previous slide"
        case .lessonQuiz: return "quiz on the lesson"
        case .pickAnswer: return "pick an answer (several answers: tick / untick)"
        case .tickAnswer: return "tick / untick the answer under the cursor"
        case .submitAnswer: return "submit, then next question (summary: reopen a missed question)"
        case .replayTrace: return "watch the question's trace again (engine questions)"
        case .down: return "scroll / move down"
        case .up: return "scroll / move up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .firstSlide: return "first slide"
        case .lastSlide: return "last slide (12G: the 12th)"
        case .goToSlide: return "go to slide n (:12)"
        case .search: return "search the course"
        case .nextMatch: return "next match (after a search)"
        case .previousMatch: return "previous match"
        case .contents: return "table of contents"
        case .open: return "open (a diagram: full screen)"
        case .back: return "go back"
        case .corrections: return "show / hide corrections"
        case .playPause: return "play / pause the animation"
        case .nextHop: return "next hop"
        case .previousHop: return "previous hop"
        case .faster: return "faster"
        case .slower: return "slower"
        case .nextFlow: return "next flow"
        case .nextDiagram: return "next diagram of the slide"
        case .inspectorDetails: return "inspector: full view (rules, chains) or simple"
        case .restart: return "restart"
        case .presenter: return "presenter mode"
        case .courseList: return "the course list (ends a search first)"
        case .blank: return "blank the screen (any key brings it back)"
        case .reload: return "reload the file"
        case .help: return "this help"
        case .quit: return "quit"
        case .nextQuestion: return "the next question (once the answer is shown)"
        case .footerNextQuestion: return "next question"
        case .problems: return "the lesson's errors and warnings (Enter: go to the slide)"
        case .footerNext: return "next"
        case .footerPrevious: return "previous"
        case .footerContents: return "contents"
        case .footerSearch: return "search"
        case .footerQuiz: return "quiz"
        case .footerHelp: return "help"
        case .footerQuit: return "quit"
        case .footerChoose: return "choose"
        case .footerOpen: return "open"
        case .footerBack: return "back"
        case .footerDiagram: return "diagram"
        case .footerPlayPause: return "play/pause"
        case .footerHop: return "hop"
        case .footerSpeed: return "speed"
        case .footerFlow: return "flow"
        case .footerNextDiagram: return "diagram"
        case .footerDetails: return "details"
        case .footerRestart: return "restart"
        case .footerPick: return "pick"
        case .footerTick: return "tick"
        case .footerSubmit: return "submit"
        case .footerTrace: return "watch the trace"
        case .footerGo: return "go"
        }
    }

    public func quiz(_ text: QuizText) -> String {
        switch text {
        case .literal(let s): return s
        case .tableQuestion(let column, let value, let ask): return "\(column): “\(value)”. \(ask)?"
        case .tableExplanation(let value, let answers): return "\(value) → \(answers.joined(separator: ", "))"
        case .landing(let request, let several):
            return several ? "\(request): which Pods can this request land on? (every right answer)" : "\(request): which Pod does this request land on?"
        case .landingPortForward(let pods):
            return "kubectl picks one ready Pod when it starts and keeps it, without kube-proxy: \(pods.joined(separator: ", "))."
        case .landingKubeProxy(let service, let pods):
            return "kube-proxy picks among the ready endpoints\(service.map { " (Service \($0))" } ?? ""): \(pods.joined(separator: ", "))."
        case .hopLabel(let place, let action): return "\(self.place(place)) · \(self.action(action))"
        case .nextHop(let request, let place, let action): return "\(request): after “\(self.place(place)) · \(self.action(action))”, which hop comes next?"
        case .sourceSeen(let request, let pod, let source):
            return "\(request): does \(pod.map { "Pod \($0)" } ?? "the Pod that receives it") see the original source address (\(source))?"
        case .proxyEndsConnection(let proxy, let pod, let seen):
            return "The proxy (\(place(proxy))) ends the client's connection and opens a new one: \(pod) sees \(seen); the client's address travels in the X-Forwarded-For header."
        case .noTranslation(let pod, let source): return "No SNAT/MASQUERADE rule on the way: \(pod) sees \(source)."
        case .dnsQuestion(let from, let query, let type): return "From \(from), what does the cluster DNS answer for “\(query)” (\(type))?"
        case .proxyService(let request): return "\(request): which Service does the proxy send the request to?"
        case .policyQuestion(let request): return "\(request): do the NetworkPolicies allow this connection?"
        case .yes: return "Yes"
        case .no: return "No"
        case .allowed: return "Allowed"
        case .blocked: return "Blocked"
        case .hop(let r): return hop(r)
        case .ending(let e): return ending(e)
        case .dns(let r): return dns(r)
        }
    }
}
