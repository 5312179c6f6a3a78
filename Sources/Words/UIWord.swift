import Memory
import NetSim

/// Every sentence of the screens and the commands, as a value: each language says each
/// case in its own exhaustive switch (`French+UI.swift`, `English+UI.swift`).
public enum UIWord: Sendable, Equatable {
    // Screens
    case terminalTooSmall
    case noSlide
    case courseTitle, contentsTitle, helpTitle, diagramTitle
    case moreLines(Int)
    case moreLinesHint(Int)
    /// A drawing wider than the page, cut at its right edge.
    case moreColumnsRight(Int)
    /// Under a sequence diagram listed because its lifelines do not fit side by side.
    case sequenceListed
    /// A lab's starting files could not be written.
    case labNotWritten(folder: String, reason: String)
    case noFlow
    case flowTitle(flow: Int, of: Int, from: String, to: String, verdict: String)
    case before, after, packet
    case diagramSaysOtherwise(String)
    case helpSection(HelpSection)
    case hiddenCorrection
    case quizBlockTitle(Int)
    case sceneTitle
    case notReady
    case loadBalancerBox
    /// A large scene drawn summarised: the Pods of a Node not drawn (`others`: some of its
    /// Pods are drawn beside), the Nodes and Services left out, a Service's endpoints.
    case hiddenPods(Int, others: Bool)
    case otherNodes(Int)
    case otherServices(Int)
    case endpointCount(Int)
    /// Shown while a frame takes long to work out, with the seconds spent.
    case stillWorking(seconds: Int)
    /// A hop drawn at the Service box that really happens in a Node's kernel (iptables).
    case drawnAtService(node: String)
    /// The reply's way back, in the inspector.
    case replyStep(Int, of: Int)
    /// Which diagram of the slide is open, when it holds several.
    case diagramNumber(Int, of: Int)
    case packetDiesHere
    /// The inspector's beginner view: what a hop changed in the packet.
    case changedSource(from: String, to: String)
    case changedDestination(from: String, to: String)
    /// A hop that answers (CoreDNS): the question it got and the answer it sends back, not a
    /// source and destination "changed" as a NAT would.
    case question(String)
    /// The flow's ending said again once the reply is back (on the client, not the Pod).
    case roundTripDone(String)
    /// A Pod of the default namespace in the hop list, by its name alone.
    case podNamed(String)
    case answer(String)
    case encapsulated(String)
    case decapsulated
    case kubeProxyOn(node: String)
    /// What of a drawing is off screen, by side.
    case offScreen(arrow: String, count: Int, rows: Bool)
    case externalIP(String)
    /// The title the course's site gives a directive (`tip` → Astuce); `name` otherwise.
    case directiveTitle(kind: String, name: String)
    case presenterClock(slide: Int, of: Int, minutes: String, seconds: String)
    /// What is left of the talk (`present --duration`), or how far past it.
    case timeLeft(minutes: String, seconds: String, over: Bool)
    // The speaker's console
    case consoleTitle, noNotes, hopPlaying, nextSlide, lastSlideOfTalk, consoleFooter, presentationEnded
    case noPresentation(folder: String)
    case unsafeLinkFolder(String)
    case linkFailed(path: String, reason: String)
    // Messages
    case noQuestionInLesson
    case pickAnAnswer
    case rightSeeTrace, wrongSeeTrace
    case noDiagramOnSlide
    case reloaded
    case searchMatch(query: String, index: Int, count: Int, slide: Int, wrapped: SearchWrap?)
    case searchNotFound(String)
    case progressNotSaved(String)
    case progressNotice(ProgressStore.Notice)
    case storeFailure(ProgressStore.StoreError)
    // Quiz
    case quizScore(score: Int, of: Int, streak: Int)
    case quizSummaryTitle
    case quizSummary(score: Int, of: Int, best: Int)
    case noQuestionMissed
    case questionsMissedAskAgain
    case severalAnswersHint
    case rightAnswerMark, wrongMark
    case right, wrong
    // Line mode
    case plainNavigation, lastSlide, firstSlide
    case unknownCommand(String)
    case plainQuizScore(score: Int, of: Int)
    case nothingDue(next: String?)
    case severalAnswersPrompt, yourAnswer
    case answerNotUnderstood(choices: Int)
    case rightDot
    case wrongRightAnswer(String)
    case realTrace
    case scoreLine(score: Int, of: Int, best: Int)
    case questionsMissed
    // progress
    case progressFile(String)
    case noQuestionYet
    case progressColumns
    case dueNow(due: Int, new: Int)
    case quoted(String)
    case nothingToErase
    case nothingToEraseFor(String)
    case allProgress
    case progressOf(String)
    case eraseConfirm(what: String, questions: String)
    case yesLetter
    case nothingErased
    case erased(String)
    // trace report
    case request, verdict, possibleEndpoints, sourceMasqueraded, reply
    case yes, no
    case noRecord
    // commands
    case outlineHeader(title: String, file: String, slides: Int)
    case lintClean
    case missingPathsExit
    case notAPod(String)
    /// `present` without a terminal.
    case needsTerminal
    /// TERM names no terminal ncurses knows (or is dumb): the line mode instead.
    case noTerminalDescription
    /// The lesson's problems, counted (`2 erreurs · 1 avertissement`), and the key that lists them.
    case problemCount(errors: Int, warnings: Int)
    case problemsTitle
    case noProblem
    /// The title of the box a block that could not be read shows instead.
    case blockNotRead
    /// The quiz screen has no room for the scene: a key shows it.
    case sceneOnKey
    /// No lesson matches the name; `lessons` lists them.
    case unknownLesson(String, lessons: [String])
    /// A key as the keyboard of the language names it (`Space` → Espace).
    case keyName(String)
    case noSuchSlide(Int, count: Int)
    case noSuchDiagram(Int, count: Int)
    case noSuchFlow(Int, count: Int)
    case noSuchHop(Int, count: Int)
    case diagramOptionsNeedSlide
    case nothingToShow(String)
    /// No bundled course in any of the places looked in.
    case courseNotFound(looked: [String])
    case diagramAtLine(Int)
    case notADiagram
    case diagramKindNotDrawn(kind: String, title: String?)
}

/// The parts of the help screen.
/// Where a search went round: past the last slide to the first, or the other way.
public enum SearchWrap: Sendable, Equatable { case toStart, toEnd }

public enum HelpSection: Sendable, Equatable, CaseIterable {
    case reading, diagram, presenting, course, quiz
}

/// What each key does, as the help screen says it, and its word in footers.
public enum KeyHelp: Sendable, Equatable {
    case nextSlide, previousSlide, lessonQuiz, pickAnswer, tickAnswer, submitAnswer, replayTrace
    case down, up, pageDown, pageUp, pageDownThenNext, pageUpThenPrevious, firstSlide, lastSlide, goToSlide, search, nextMatch, previousMatch
    case contents, open, back, corrections, playPause, nextHop, previousHop, faster, slower, nextFlow, restart, nextDiagram, inspectorDetails, labHint, labCorrection
    case panUp, panDown, panLeft, panRight
    case presenter, blank, courseList, reload, help, quit, nextQuestion, problems
    // Footer words (short)
    case footerNext, footerPrevious, footerContents, footerSearch, footerQuiz, footerHelp, footerQuit
    case footerChoose, footerOpen, footerBack, footerDiagram, footerPlayPause, footerHop, footerSpeed
    case footerFlow, footerRestart, footerPick, footerTick, footerSubmit, footerTrace, footerGo, footerNextQuestion, footerNextDiagram, footerDetails, footerPan, footerHint, footerCorrection
}

/// What a quiz question, choice or explanation says.
public enum QuizText: Sendable, Equatable {
    /// The author's own words (a `quiz` block, a table cell), shown as written.
    case literal(String)
    case tableQuestion(column: String, value: String, ask: String)
    case tableExplanation(value: String, answers: [String])
    /// `several`: more than one right answer (check boxes, "every right answer").
    case landing(request: String, several: Bool)
    case landingPortForward(pods: [String])
    case landingKubeProxy(service: String?, pods: [String])
    case hopLabel(HopPlace, HopAction)
    case nextHop(request: String, place: HopPlace, action: HopAction)
    /// `pod` nil: the request can reach several Pods, the question names none.
    case sourceSeen(request: String, pod: String?, source: String)
    case proxyEndsConnection(proxy: HopPlace, pod: String, seen: String)
    case noTranslation(pod: String, source: String)
    case dnsQuestion(from: String, query: String, type: String)
    case proxyService(request: String)
    case policyQuestion(request: String)
    case yes, no, allowed, blocked
    case hop(HopReason)
    case ending(Ending)
    case dns(DNSReason)
}

extension QuizText {
    /// The text in `language`.
    public func text(_ language: Language) -> String { language.words.quiz(self) }
}
