import Facts
import FoundationEssentials
import Glibc

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

    /// The loader's findings and those of the diagrams parsed so far: what can be said at
    /// once, without parsing the rest (`q` right after the first frame is not kept waiting
    /// for the check of every diagram, which `reseau lint` does).
    public var diagnosticsFoundSoFar: [Diagnostic] {
        diagnostics + lessons.flatMap { ($0.diagnostics + $0.parsedDiagramDiagnostics).sortedByPosition() }
    }

    /// The file extensions read as lessons inside a folder.
    public static let lessonExtensions: Set<String> = ["md", "markdown"]

    /// Reads each path in the order given: a file is one lesson; a folder gives its lessons
    /// (subfolders included) sorted by frontmatter `order`, then by path.
    public static func load(paths: [String]) -> Curriculum {
        var lessons: [Lesson] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            // By the path's bytes: a name that is not UTF-8 still names its file.
            guard let info = RawPath.status(path) else {
                diagnostics.append(.wholeFile(path, severity: .error, message: .loader(.noSuchPath)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                // A folder that cannot be listed is an error, not an empty course (lint would pass
                // with nothing checked).
                guard RawPath.list(path) != nil else {
                    diagnostics.append(.wholeFile(path, severity: .error,
                                                  message: .loader(.cannotReadBecause(String(cString: strerror(errno))))))
                    continue
                }
                let files = lessonFiles(in: path)
                if files.isEmpty {
                    diagnostics.append(.wholeFile(path, severity: .warning, message: .loader(.noLessonInFolder)))
                }
                lessons += sorted(files.map(Lesson.load(path:)))
            } else {
                lessons.append(Lesson.load(path: path))
            }
        }
        return Curriculum(lessons: lessons, diagnostics: diagnostics)
    }

    static func lessonFiles(in folder: String) -> [String] {
        // A symlinked folder given is followed; inside, folders are entered but not links to
        // folders (as FileManager's walker does), so the walk cannot loop. Names are read by their bytes; hidden
        // files and folders are skipped.
        var files: [String] = []
        var pending = [folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder]
        while let current = pending.popLast() {
            for (name, isFolder) in RawPath.list(current) ?? [] where !name.hasPrefix(".") {
                let child = current == "/" ? "/" + name : current + "/" + name
                if isFolder { pending.append(child); continue }
                let ext = Paths.pathExtension(name).lowercased()
                if lessonExtensions.contains(ext) { files.append(child) }
            }
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
