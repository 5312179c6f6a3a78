import Course
import Quiz
import Drawing
import FoundationEssentials
import Scenes
import Words

/// A lab open full screen: the student's cluster drawn, its flow goals played like any
/// flow, every goal ✓ or ✗, checked again each time a file of the lab's folder is saved.
public struct LabSession: Sendable {
    /// The lesson (its index) and the lab's place in it.
    public var lesson: Int
    public var number: Int
    public var lab: Lab
    /// Where the student's files are (relative to where reseau was started).
    public var folder: String
    public var check: LabCheck
    /// What opening the lab wrote into the folder, or kept there.
    public var written: [LabFolder.Written] = []
    public var hintsShown = 0
    public var showCorrection = false
    /// For each flow of the player, the goal it plays.
    public var flowGoals: [Int]
}

/// What the program must read or write for a lab (the state does no file work itself).
public struct LabRequest: Sendable, Equatable {
    public var lesson: Int
    public var number: Int
    public var folder: String
}

extension AppState {
    /// The labs on the current slide, with their place in the lesson.
    func labsOnSlide(_ ref: SlideRef) -> [LabSource] {
        ref.slide.allBlocks.compactMap { if case .lab(let l) = $0 { return l }; return nil }
    }

    /// Enter on a slide with a lab: ask the program to start it (write the starting files
    /// it does not find) and read the folder.
    mutating func requestLab(_ source: LabSource, lesson: Int) {
        labRequest = LabRequest(lesson: lesson, number: source.number,
                                folder: LabFolder.defaultFolder(lesson: lessons[lesson].file, number: source.number))
    }

    /// The lab opened with the files of its folder (`written`: what starting it wrote or kept).
    public mutating func openLab(_ request: LabRequest, files: [Lab.File], written: [LabFolder.Written] = []) {
        labRequest = nil
        let labs = lessons[request.lesson].labs
        guard labs.indices.contains(request.number - 1), let lab = labs[request.number - 1].lab else { return }
        let check = LabCheck.run(lab, files: files, lessonFile: lessons[request.lesson].file, folder: request.folder)
        let flowGoals = check.results.indices.filter { check.results[$0].trace != nil }
        labSession = LabSession(lesson: request.lesson, number: request.number, lab: lab, folder: request.folder, check: check,
                                written: written, flowGoals: flowGoals)
        player = Self.labPlayer(check, flowGoals: flowGoals, width: width, ascii: ascii, words: words)
        pan = nil
        screen = .diagram
        notePassed()
    }

    /// The folder changed on disk: the goals asked again, the flow and hop kept.
    public mutating func refreshLab(files: [Lab.File]) {
        guard var session = labSession else { return }
        let check = LabCheck.run(session.lab, files: files, lessonFile: lessons[session.lesson].file, folder: session.folder)
        session.check = check
        // Said once, when the lab opened.
        session.written = []
        session.flowGoals = check.results.indices.filter { check.results[$0].trace != nil }
        labSession = session
        if var fresh = Self.labPlayer(check, flowGoals: session.flowGoals, width: width, ascii: ascii, words: words) {
            if let old = player { fresh.resume(from: old) }
            player = fresh
        }
        notePassed()
    }

    /// Every goal met: the progress file records the lab (the program writes it).
    mutating func notePassed() {
        guard let session = labSession, session.check.passed else { return }
        let key = "\(lessonKey(session.lesson))#\(session.number)"
        if progress.labs[key] == nil { pendingLabPassed = key }
    }

    func lessonKey(_ lesson: Int) -> String { QuestionBank.lessonKey(lessons[lesson]) }

    static func labPlayer(_ check: LabCheck, flowGoals: [Int], width: Int, ascii: Bool, words: any Phrasebook) -> DiagramPlayer? {
        let traces = flowGoals.compactMap { check.results[$0].trace }
        let drawn = SceneDiagram.fitted(check.scene.cluster, traces: traces, maxWidth: width, renderer: DiagramRenderer(glyphs: Glyphs(ascii: ascii)),
                                        words: words)
        var player = DiagramPlayer(chart: drawn.chart, layout: drawn.layout, entities: drawn.entities, traces: traces,
                                   flowTargets: flowGoals.map { LabReport.target(check.results[$0].goal) }, ascii: ascii)
        player.caption = nil
        return player
    }

    /// `H`: the next hint.
    mutating func nextHint() {
        guard var session = labSession else { return }
        session.hintsShown = min(session.lab.hints.count, session.hintsShown + 1)
        labSession = session
    }

    mutating func toggleLabCorrection() {
        labSession?.showCorrection.toggle()
        scroll = 0
    }
}
