import Words
import Course
import FoundationEssentials
import Memory
import NetSim
import Quiz
import Scenes

/// Finding one's way: what was read (saved with the progress), search, the contents.
extension AppState {
    /// What to save of the reading: the current slide's lesson (its quiz key) and number.
    public var readingRecord: (lesson: String, slide: Int)? {
        guard let ref = currentSlide, screen != .course else { return nil }
        return (QuestionBank.lessonKey(lessons[ref.lesson]), ref.slide.number)
    }

    /// The reading saved in `progress`: the slides read are marked, and the program
    /// reopens at the last slide read of the lesson read most recently.
    public mutating func restoreReading() {
        var latest: (at: Double, index: Int)?
        let saved = lessons.map { progress.reading[QuestionBank.lessonKey($0)] }
        for (i, ref) in slides.enumerated() {
            guard let saved = saved[ref.lesson] else { continue }
            if saved.read.contains(ref.slide.number) { visited.insert(i) }
            if saved.last == ref.slide.number, latest == nil || saved.at > latest!.at { latest = (saved.at, i) }
        }
        guard let latest else { return }
        current = latest.index
        scroll = 0
        screen = .slide
        pendingReading = false
    }

    /// The next slide (or previous) that holds the search, case and accents aside; the
    /// message says which of how many, and when the search went round the end.
    mutating func runSearch(from start: Int, forward: Bool, includeCurrent: Bool) {
        guard let text = searchQuery, !text.isEmpty, !slides.isEmpty else { return }
        let query = Search.fold(text)
        let matches = slides.indices.filter { i in
            Search.contains(slides[i].slide.allBlocks.map(\.searchText).joined(separator: "\n"), query)
        }
        guard !matches.isEmpty else { message = .searchNotFound(text); return }
        let next: Int
        let wrapped: Bool
        if forward {
            let ahead = matches.first { includeCurrent ? $0 >= start : $0 > start }
            next = ahead ?? matches[0]
            wrapped = ahead == nil
        } else {
            let behind = matches.last { includeCurrent ? $0 <= start : $0 < start }
            next = behind ?? matches[matches.count - 1]
            wrapped = behind == nil
        }
        go(to: next)
        // The first match on screen.
        if let line = Screens.slideLines(self).firstIndex(where: { line in Search.contains(line.map(\.text).joined(), query) }),
           line >= bodyHeight {
            scroll = line - 1
            clampScroll()
        }
        message = .searchMatch(query: text, index: matches.firstIndex(of: next)! + 1, count: matches.count, slide: next + 1,
                               wrapped: wrapped && matches.count > 0 ? (forward ? .toStart : .toEnd) : nil)
    }

    public struct ContentsEntry: Sendable {
        public var lesson: Int
        public var level: Int
        public var title: String
        public var slide: Int
    }

    /// The table of contents grouped by lesson: each lesson's title (level 0), and under the
    /// current lesson its sections (the heading that repeats the lesson's title left out).
    public var tocEntries: [ContentsEntry] {
        let open = currentSlide?.lesson ?? 0
        return lessons.enumerated().flatMap { i, lesson -> [ContentsEntry] in
            let head = ContentsEntry(lesson: i, level: 0, title: lesson.title, slide: 1)
            guard i == open else { return [head] }
            return [head] + lesson.toc.filter { !($0.level <= 1 && $0.title == lesson.title) }
                .map { ContentsEntry(lesson: i, level: max(1, $0.level), title: $0.title, slide: $0.slide) }
        }
    }
}
