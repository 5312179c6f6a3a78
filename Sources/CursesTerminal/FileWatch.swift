import Facts
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Tells when lesson files change on disk, through inotify on their folders (editors often
/// save by writing a new file and renaming it over the old one). Its descriptor is polled
/// together with the keyboard, so waiting costs no CPU.
public final class FileWatch {
    public let descriptor: Int32
    private var watched: Set<String> = []

    public init?(paths: [String]) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let folder = info.st_mode & S_IFMT == S_IFDIR ? path : Paths.deletingLastComponent(path)
            let target = folder.isEmpty ? "." : folder
            guard watched.insert(target).inserted else { continue }
            _ = inotify_add_watch(descriptor, target, UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE))
        }
        #else
        return nil
        #endif
    }

    /// Watches one more folder (a lab's, once it is open).
    public func add(folder: String) {
        #if os(Linux)
        let target = folder.isEmpty ? "." : folder
        guard watched.insert(target).inserted else { return }
        _ = inotify_add_watch(descriptor, target, UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE))
        #endif
    }

    /// Reads and forgets the pending events; true when there were any.
    public func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var any = false
        while true {
            let n = read(descriptor, &buffer, buffer.count)
            if n <= 0 { break }
            any = true
        }
        return any
    }

    deinit { close(descriptor) }
}
