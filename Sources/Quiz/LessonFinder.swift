import Facts
import Course
import FoundationEssentials

/// Finds lessons by what a student types: the file name (`04-clusterip`, `Lessons/04-clusterip.md`)
/// or words of the title (`clusterip`, `réseaux`, `reseaux`), case and accents aside.
public enum LessonFinder {
    static func folded(_ text: String) -> String {
        text.foldedForSearch()
    }

    static func words(_ text: String) -> [String] {
        folded(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    public static func matches(_ name: String, _ lesson: Lesson) -> Bool {
        let key = QuestionBank.lessonKey(lesson)
        if QuestionBank.lessonKey(path: name) == key { return true }
        let wanted = words(name)
        guard !wanted.isEmpty else { return false }
        let have = Set(words(lesson.title) + words(key))
        return wanted.allSatisfy { w in have.contains(w) || have.contains { $0.hasPrefix(w) && w.count >= 4 } }
    }

    /// The lessons each name finds, and the names that find none.
    public static func find(_ names: [String], in lessons: [Lesson]) -> (found: [Lesson], unknown: [String]) {
        var found: [Lesson] = []
        var unknown: [String] = []
        for name in names {
            let hits = lessons.filter { matches(name, $0) }
            if hits.isEmpty { unknown.append(name) }
            for hit in hits where !found.contains(where: { $0.file == hit.file }) { found.append(hit) }
        }
        return (found, unknown)
    }

    /// `04-clusterip — ClusterIP : l'adresse virtuelle`, one line a lesson.
    public static func listing(_ lessons: [Lesson]) -> [String] {
        lessons.map { "\(QuestionBank.lessonKey($0)) — \($0.title)" }
    }
}
