import Facts
import Foundation

/// A course: the lessons read from files and folders, in teaching order.
public struct Curriculum: Sendable {
    public var lessons: [Lesson]
    /// Problems with the paths themselves (missing, unreadable); each lesson has its own.
    public var diagnostics: [Diagnostic]

    /// Every diagnostic, the paths' and the lessons' (their diagrams' included, which parses
    /// the diagrams not parsed yet), in order.
    public var allDiagnostics: [Diagnostic] {
        diagnostics + lessons.flatMap { ($0.diagnostics + $0.diagramDiagnostics).sortedByPosition() }
    }

    /// The file extensions read as lessons inside a folder.
    public static let lessonExtensions: Set<String> = ["md", "markdown"]

    /// Reads each path in the order given: a file is one lesson; a folder gives its lessons
    /// (subfolders included) sorted by frontmatter `order`, then by path.
    public static func load(paths: [String]) -> Curriculum {
        var lessons: [Lesson] = []
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1, severity: .error,
                                              message: .loader(.noSuchPath)))
                continue
            }
            if isDirectory.boolValue {
                // A folder that cannot be listed is an error, not an empty course (lint would pass
                // with nothing checked).
                guard let listing = opendir(path) else {
                    diagnostics.append(Diagnostic(file: path, line: 1, column: 1, severity: .error,
                                                  message: .loader(.cannotReadBecause(String(cString: strerror(errno))))))
                    continue
                }
                closedir(listing)
                let files = lessonFiles(in: path)
                if files.isEmpty {
                    diagnostics.append(Diagnostic(file: path, line: 1, column: 1, severity: .warning,
                                                  message: .loader(.noLessonInFolder)))
                }
                lessons += sorted(files.map(Lesson.load(path:)))
            } else {
                lessons.append(Lesson.load(path: path))
            }
        }
        return Curriculum(lessons: lessons, diagnostics: diagnostics)
    }

    static func lessonFiles(in folder: String) -> [String] {
        // A symlinked folder is followed (the walker does not enter a link it starts at); the
        // files keep the path the user gave.
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: real) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard lessonExtensions.contains(ext) else { continue }
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    /// Frontmatter `order` first (smallest first), then lessons without one, by path.
    static func sorted(_ lessons: [Lesson]) -> [Lesson] {
        lessons.sorted { a, b in
            switch (a.frontmatter.order, b.frontmatter.order) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.file < b.file
            }
        }
    }
}
