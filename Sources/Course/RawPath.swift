import Glibc
import Synchronization

/// Paths whose bytes are not UTF-8. Swift turns each bad byte of an argument or a file name
/// into U+FFFD, and the text then names no file: the bytes are kept here, under that text,
/// and the system is given them back when the file is opened or listed.
public enum RawPath {
    private static let table = Mutex<[String: [UInt8]]>([:])

    /// Remembers `bytes` if they are not UTF-8; returns the text that stands for them.
    @discardableResult
    public static func register(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if String(validating: bytes, as: UTF8.self) == nil { table.withLock { $0[text] = bytes } }
        return text
    }

    /// Every argument of the command line, as the system gave it.
    public static func registerArguments() {
        for i in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[i] else { continue }
            register(Array(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument))))
        }
    }

    /// The bytes the system knows `path` by: those registered for it, or for the longest
    /// folder it starts with; else its UTF-8.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return Array(path.utf8) }
        return table.withLock { table in
            if let exact = table[path] { return exact }
            var best: (key: String, bytes: [UInt8])?
            for (key, bytes) in table where path.hasPrefix(key + "/") && key.count > (best?.key.count ?? -1) { best = (key, bytes) }
            guard let best else { return Array(path.utf8) }
            return best.bytes + Array(path.dropFirst(best.key.count).utf8)
        }
    }

    /// Calls `body` with `path` as the system knows it, NUL-terminated.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes(path) + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }

    /// What `stat` says of `path` (links followed), nil when it cannot be known.
    public static func status(_ path: String) -> stat? {
        var info = stat()
        return withCString(path) { stat($0, &info) } == 0 ? info : nil
    }

    /// The names in a folder, by their bytes (each registered when not UTF-8), nil when
    /// the folder cannot be listed; with whether each is a folder (not through a link).
    public static func list(_ folder: String) -> [(name: String, isFolder: Bool)]? {
        guard let dir = withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if raw == Array(".".utf8) || raw == Array("..".utf8) { continue }
            let name = register(raw)
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if String(validating: raw, as: UTF8.self) == nil { register(bytes(folder) + [UInt8(ascii: "/")] + raw) }
            var info = stat()
            let isFolder = withCString(child) { lstat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            names.append((name, isFolder))
        }
        return names
    }
}
