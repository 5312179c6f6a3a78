import Course
import Facts
import FoundationEssentials
import Glibc

/// Where a student works on a lab: a folder of `.yaml` files. Starting a lab writes the
/// lab's files there and never replaces one that exists; checking reads every `.yaml` of it.
public enum LabFolder {
    /// `LESSON.md#N` → the lesson's path and N (1 when `#N` is left out).
    public static func reference(_ text: String) -> (path: String, number: Int)? {
        let parts = text.split(separator: "#", maxSplits: 1).map(String.init)
        guard let path = parts.first, !path.isEmpty else { return nil }
        guard parts.count == 2 else { return (path, 1) }
        guard let n = Int(parts[1]), n >= 1 else { return nil }
        return (path, n)
    }

    /// `reseau-lab-03-service-labels-1`, in the current folder.
    public static func defaultFolder(lesson: String, number: Int) -> String {
        let base = Paths.deletingExtension(Paths.lastComponent(lesson))
        return "reseau-lab-\(base)-\(number)"
    }

    public enum Written: Equatable, Sendable { case wrote(String), kept(String) }

    /// Writes each starting file that is not there yet; the ones there are kept as they are.
    public static func start(_ lab: Lab, in folder: String) throws -> [Written] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var out: [Written] = []
        for file in lab.files {
            let path = Paths.appending(folder, file.name)
            let text = file.text.hasSuffix("\n") ? file.text : file.text + "\n"
            do {
                // Refused by the system when the file exists: never an overwrite, even in a race.
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                out.append(.wrote(path))
            } catch let error as CocoaError where error.code == .fileWriteFileExists {
                out.append(.kept(path))
            } catch where FileManager.default.fileExists(atPath: path) {
                out.append(.kept(path))
            }
        }
        return out
    }

    /// Every `.yaml` / `.yml` file of the folder, by name. Nil when the folder is not there.
    public static func read(_ folder: String) -> [Lab.File]? {
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            let path = Paths.appending(folder, name)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return Lab.File(name: name, text: String(decoding: data, as: UTF8.self), line: 1)
        }
    }
}
