import Facts
/// One screen of a lesson: the blocks between two top-level thematic breaks.
public struct Slide: Sendable, Equatable {
    /// 1-based, in lesson order, after empty slides are dropped.
    public var number: Int
    public var blocks: [Block]
    /// The line of the slide's first block.
    public var line: Int
    /// The titles of the headings this slide sits under, outermost first
    /// (`["Service", "Service: ClusterIP"]`).
    public var sectionPath: [String]

    /// The first heading of the slide, if it has one.
    public var firstHeading: Heading? {
        for block in blocks { if case .heading(let h) = block { return h } }
        return nil
    }

    /// Every block of the slide, nested ones included, depth first.
    public var allBlocks: [Block] { blocks.flatMap(\.allBlocks) }
}

/// An entry of the table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var level: Int
    /// Without the decorative leading emoji.
    public var title: String
    /// 1-based slide number.
    public var slide: Int
    public var line: Int
}

enum SlideSplitter {
    /// Splits top-level blocks at `.rule`s, drops empty slides and works out each slide's
    /// section path and the table of contents from the headings.
    static func split(_ blocks: [Block]) -> (slides: [Slide], toc: [TOCEntry]) {
        var groups: [[Block]] = [[]]
        var breaks: [Int] = []
        var footnotes: [Footnote] = []
        for block in blocks {
            switch block {
            case .rule(let line):
                breaks.append(line)
                groups.append([])
            case .footnote(let note):
                // cmark-gfm moves definitions to the end of the document: put each back
                // on the slide it was written in.
                footnotes.append(note)
            default:
                groups[groups.count - 1].append(block)
            }
        }
        for note in footnotes {
            // The breaks are in line order: how many come before the note, by halving.
            var low = 0, high = breaks.count
            while low < high {
                let middle = (low + high) / 2
                if breaks[middle] < note.line { low = middle + 1 } else { high = middle }
            }
            groups[low].append(.footnote(note))
        }
        var slides: [Slide] = []
        var toc: [TOCEntry] = []
        var stack: [(level: Int, title: String)] = []
        for group in groups where !group.isEmpty {
            let number = slides.count + 1
            var path: [String]?
            for block in group {
                guard case .heading(let heading) = block else { continue }
                let title = heading.title
                while let top = stack.last, top.level >= heading.level { stack.removeLast() }
                stack.append((heading.level, title))
                toc.append(TOCEntry(level: heading.level, title: title, slide: number, line: heading.line))
                if path == nil { path = stack.map(\.title) }
            }
            slides.append(Slide(number: number, blocks: group, line: group[0].line,
                                sectionPath: path ?? stack.map(\.title)))
        }
        return (slides, toc)
    }
}
