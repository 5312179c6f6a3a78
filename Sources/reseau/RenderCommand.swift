import Words
import ArgumentParser
import Course
import Drawing
import NetSim
import Tutor

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: said(.printSlidesAsPlainTextExactlyAs))

    @Argument(help: said(.aLessonFileOrFolder))
    var path: String
    @Option(help: said(.onlyThisSlide1BasedAcrossThe))
    var slide: Int?
    @Flag(help: said(.everySlideTheDefault))
    var all = false
    @Option(help: said(.widthInColumns))
    var width: Int = 80
    @Option(help: said(.heightInRowsEachSlideShowsIts))
    var height: Int?
    @Option(help: said(.theSlideSDiagramToShowFullScreen))
    var diagram: Int?
    @Option(help: said(.theFlowOfThatDiagram))
    var flow: Int?
    @Option(help: said(.theHopOfThatFlowRequestThenReply))
    var hop: Int?
    @Flag(help: said(.asciiLineArtInsteadOfUnicodeBox))
    var ascii = false
    @Flag(help: said(.alsoTheSpeakerNotes))
    var notes = false
    @Option(help: said(.languageOfTheProgramSWordsFr))
    var lang: Language?

    func validate() throws {
        guard width >= 20 else { throw ValidationError(said(.widthMustBeAtLeast20)) }
        if let height, height < 3 { throw ValidationError(said(.heightMustBeAtLeast3)) }
        if slide != nil && all { throw ValidationError(said(.slideAndAllGoOneWithoutThe)) }
        if slide == nil && (diagram != nil || flow != nil || hop != nil) {
            throw ValidationError(commandLanguage.words.ui(.diagramOptionsNeedSlide))
        }
    }

    /// ASCII drawing with `--ascii` or when the locale is not UTF-8: the same output either way.
    var drawsASCII: Bool { reseau.drawsASCII(asked: ascii) }

    /// `--diagram/--flow/--hop`: the full-screen diagram view as the terminal draws it.
    func renderDiagram(_ curriculum: Curriculum, language: Language, slide: Int) throws {
        var state = AppState(curriculum: curriculum, paths: [path], width: width, height: height ?? 24, language: language, ascii: drawsASCII)
        if let problem = state.showDiagram(slide: slide, diagram: diagram ?? 1, flow: flow ?? 1, hop: hop ?? 1) {
            let word: UIWord
            switch problem {
            case .noSuchSlide(let n, let count): word = .noSuchSlide(n, count: count)
            case .noSuchDiagram(let n, let count): word = .noSuchDiagram(n, count: count)
            case .noSuchFlow(let n, let count): word = .noSuchFlow(n, count: count)
            case .noSuchHop(let n, let count): word = .noSuchHop(n, count: count)
            }
            printError("reseau render: " + language.words.ui(word))
            throw ExitCode(2)
        }
        for line in Screens.render(state).lines() { emit(line, ascii: ascii) }
    }

    func run() throws {
        let curriculum = Curriculum.load(paths: [path])
        let errors = curriculum.allDiagnostics.filter { $0.severity == .error }
        let language = uiLanguage(lang, lessons: curriculum.lessons)
        for d in errors { printError(language.words.line(d)) }
        if let slide, diagram != nil || flow != nil || hop != nil {
            return try renderDiagram(curriculum, language: language, slide: slide)
        }
        let slides = curriculum.lessons.flatMap(\.slides)
        // Which lesson each slide comes from, for its language.
        let lessonOf = curriculum.lessons.flatMap { lesson in lesson.slides.map { _ in lesson.frontmatter.lang } }
        let fileOf = curriculum.lessons.flatMap { lesson in lesson.slides.map { _ in lesson.file } }
        var renderer = SlideRenderer(width: width, ascii: drawsASCII, language: language)
        renderer.showNotes = notes
        if let slide {
            guard slides.indices.contains(slide - 1) else {
                printError("reseau render: " + language.words.ui(.noSuchSlide(slide, count: slides.count)))
                throw ExitCode(1)
            }
        }
        let chosen = slide.map { [slides[$0 - 1]] } ?? slides
        let languages = slide.map { [lessonOf[$0 - 1]] } ?? lessonOf
        let files = slide.map { [fileOf[$0 - 1]] } ?? fileOf
        // One numbering: a slide's place in the course given, as the total is the course's.
        let numbers = slide.map { [$0] } ?? Array(1...max(1, slides.count))
        for (i, s) in chosen.enumerated() {
            renderer.lessonLanguage = Language(localeName: languages[i]) ?? .fr
            renderer.file = files[i]
            if i > 0 { print("") }
            emit(LessonRenderer.separator(s, number: numbers[i], count: slides.count, width: width, ascii: drawsASCII), ascii: ascii)
            for line in LessonRenderer.lines(s, renderer: renderer, height: height) { emit(line, ascii: ascii) }
        }
        if !errors.isEmpty && chosen.isEmpty { throw ExitCode(1) }
    }
}
