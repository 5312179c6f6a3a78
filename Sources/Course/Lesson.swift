import Facts
import FoundationEssentials

/// A lesson: one Markdown file of the course, read into slides.
public struct Lesson: Sendable {
    /// The path it was read from, as given.
    public var file: String
    public var frontmatter: Frontmatter
    public var slides: [Slide]
    public var toc: [TOCEntry]
    public var diagnostics: [Diagnostic]
    /// Set when the file was double-encoded and has been repaired.
    public var encodingRepair: SourceDecoder.EncodingRepair?

    /// The frontmatter title, else the first heading, else the file name.
    public var title: String {
        if let t = frontmatter.title, !t.isEmpty { return t }
        if let first = toc.first { return first.title }
        return Paths.deletingExtension(Paths.lastComponent(file))
    }

    /// Every block of every slide, nested ones included.
    public var allBlocks: [Block] { slides.flatMap(\.allBlocks) }

    /// Every quiz question of the lesson, in order.
    public var questions: [Question] {
        allBlocks.flatMap { block -> [Question] in
            if case .quiz(let q) = block { return q.questions }
            return []
        }
    }
}

extension Lesson {
    /// Reads a lesson from the bytes of its file. Never fails: problems become diagnostics
    /// and the lesson holds whatever could be read.
    public static func parse(bytes: [UInt8], file: String) -> Lesson {
        parse(decoded: SourceDecoder.decode(bytes, file: file), file: file)
    }

    /// The decoded text handed on, not kept: the text, the bytes cmark is given and cmark's
    /// tree are never all whole at once (a large lesson's memory, #20).
    static func parse(decoded: consuming SourceDecoder.Result, file: String) -> Lesson {
        let diagnostics = decoded.diagnostics, repair = decoded.repair
        guard let text = decoded.text.take() else {
            return Lesson(file: file, frontmatter: Frontmatter(), slides: [], toc: [],
                          diagnostics: diagnostics, encodingRepair: nil)
        }
        var lesson = parse(owned: text, file: file)
        lesson.diagnostics = (diagnostics + lesson.diagnostics).sortedByPosition()
        lesson.encodingRepair = repair
        return lesson
    }

    /// Reads a lesson from text that is already clean UTF-8 (see `SourceDecoder`).
    public static func parse(text: String, file: String) -> Lesson {
        parse(owned: text, file: file)
    }

    /// `partBytes`: how much of the lesson cmark's tree holds at a time (tests make it small
    /// to end a part on every break).
    static func parse(owned text: consuming String, file: String, partBytes: Int = MarkdownStream.partBytes) -> Lesson {
        parseCountingParts(owned: text, file: file, partBytes: partBytes).lesson
    }

    /// The lesson, and how many parts cmark parsed (`reparsed` of them refused and made longer).
    static func parseCountingParts(owned text: consuming String, file: String,
                                   partBytes: Int) -> (lesson: Lesson, parts: Int, reparsed: Int) {
        var layout = SourceLayout(text: consume text, file: file)
        var diagnostics = layout.diagnostics
        var frontmatter = Frontmatter()
        if let (yaml, line) = layout.frontmatter {
            let (parsed, problems) = Frontmatter.parse(yaml, firstLine: line, file: file)
            frontmatter = parsed
            diagnostics += problems
        }
        // cmark's tree is made a part at a time, each freed once turned into blocks.
        let document = MarkdownStream(consuming: &layout.markdown, breakLines: layout.breakLines, partBytes: partBytes)
        var builder = BlockBuilder(file: file, layout: layout)
        builder.freesConverted = true
        let blocks = builder.lessonBlocks(document)
        diagnostics += builder.diagnostics
        let (slides, toc) = SlideSplitter.split(blocks)
        let shown = layout.footnoteDefinitions.isEmpty ? [] : Set(blocks.flatMap(\.allBlocks).compactMap { block -> String? in
            if case .footnote(let f) = block { return f.label }
            return nil
        })
        for definition in layout.footnoteDefinitions where !shown.contains(definition.label) {
            diagnostics.append(Diagnostic(
                file: file, line: definition.line, column: definition.column, severity: .warning,
                message: .loader(.unusedFootnote(definition.label))))
        }
        if frontmatter.title == nil, !diagnostics.contains(where: { $0.message.isAboutFrontmatter }) {
            diagnostics.append(Diagnostic(file: file, line: 1, column: 1, severity: .warning,
                                          message: .loader(.noTitle)))
        }
        let lesson = Lesson(file: file, frontmatter: frontmatter, slides: slides, toc: toc,
                            diagnostics: diagnostics.sortedByPosition(), encodingRepair: nil)
        return (lesson, document.parts, document.reparsed)
    }

    /// Reads the lesson at `path`. A file that cannot be read gives an empty lesson whose
    /// diagnostic says why.
    public static func load(path: String) -> Lesson {
        // The bytes read are let go once decoded.
        let decoded: SourceDecoder.Result
        switch InputFile.read(path) {
        case .success(let bytes):
            decoded = SourceDecoder.decode(bytes, file: path)
        case .failure(let failure):
            return Lesson(file: path, frontmatter: Frontmatter(), slides: [], toc: [],
                          diagnostics: [.wholeFile(path, severity: .error, message: .loader(failure.problem))],
                          encodingRepair: nil)
        }
        return parse(decoded: decoded, file: path)
    }
}

extension Lesson {
    /// What the Mermaid parser says of the lesson's diagrams (parsed on demand, so not among
    /// the loader's `diagnostics`).
    public var diagramDiagnostics: [Diagnostic] {
        allBlocks.flatMap { block -> [Diagnostic] in
            if case .mermaid(let diagram) = block { return diagram.diagnostics(file: file) }
            return []
        }
    }

    /// The problems of the diagrams parsed so far (shown, or checked), parsing none.
    public var parsedDiagramDiagnostics: [Diagnostic] {
        allBlocks.flatMap { block -> [Diagnostic] in
            if case .mermaid(let diagram) = block { return diagram.diagnosticsIfParsed(file: file) ?? [] }
            return []
        }
    }
}
