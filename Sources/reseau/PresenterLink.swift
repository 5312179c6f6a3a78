import Facts
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The link between a presentation and `reseau console`: a Unix socket in
/// `$XDG_RUNTIME_DIR/reseau/` (a folder of mode 0700 that the user owns; without
/// XDG_RUNTIME_DIR, `/tmp/reseau-UID`). The presenter listens and sends one line of JSON
/// per change (slide, time, hop); a console sends the keys pressed in it, one per line
/// (`key PgDn`). Nothing else is read or written, and a socket the user does not own is
/// never used.
enum PresenterLink {
    enum Failure: Error, Equatable {
        /// The folder exists but is not a folder of ours with mode 0700.
        case unsafeFolder(String)
        case noPresenter(String)
        case system(String, String)
    }

    static func folder(environment: [String: String] = Environment.values(["XDG_RUNTIME_DIR"])) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { return runtime + "/reseau" }
        return "/tmp/reseau-\(getuid())"
    }

    /// The folder, made if missing (mode 0700), checked either way.
    static func safeFolder() throws -> String {
        let path = folder()
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw Failure.system(path, String(cString: strerror(errno))) }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            throw Failure.unsafeFolder(path)
        }
        return path
    }

    static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    static func nonBlocking(_ fd: Int32) { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
}

/// The presenter's side: listens, accepts consoles, sends them the state, reads their keys.
final class PresenterServer {
    let path: String
    let descriptor: Int32
    private var clients: [Int32] = []
    private var pending: [Int32: [UInt8]] = [:]
    private var last = ""

    init() throws {
        let folder = try PresenterLink.safeFolder()
        path = folder + "/present-\(getpid()).sock"
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw PresenterLink.Failure.system(path, String(cString: strerror(errno))) }
        var address = PresenterLink.address(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(path, 0o600) == 0, listen(descriptor, 4) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw PresenterLink.Failure.system(path, reason)
        }
        PresenterLink.nonBlocking(descriptor)
    }

    /// Every descriptor to wait on: the listening socket and each console.
    var descriptors: [Int32] { [descriptor] + clients }
    var hasClients: Bool { !clients.isEmpty }

    /// New consoles accepted (each is sent the last state), and the keys the consoles sent.
    func poll() -> [String] {
        while true {
            let fd = accept(descriptor, nil, nil)
            guard fd >= 0 else { break }
            PresenterLink.nonBlocking(fd)
            clients.append(fd)
            // The state goes to it with the next `send`, even if unchanged.
            last = ""
        }
        var keys: [String] = []
        for fd in clients {
            var buffer = [UInt8](repeating: 0, count: 512)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n == 0 { drop(fd); break }
                if n < 0 { if errno != EAGAIN && errno != EWOULDBLOCK { drop(fd) }; break }
                pending[fd, default: []] += buffer[0..<n]
            }
            while let newline = pending[fd]?.firstIndex(of: 10) {
                let line = String(decoding: pending[fd]![..<newline], as: UTF8.self)
                pending[fd]!.removeSubrange(...newline)
                if line.hasPrefix("key "), line.count < 40 { keys.append(String(line.dropFirst(4))) }
            }
            // A console that sends lines without end is dropped.
            if (pending[fd]?.count ?? 0) > 4096 { drop(fd) }
        }
        return keys
    }

    /// Sends the state to every console when it changed.
    func send(_ state: String) {
        guard state != last else { return }
        last = state
        for fd in clients { write(state, to: fd) }
    }

    private func write(_ line: String, to fd: Int32) {
        let bytes = Array((line + "\n").utf8)
        // MSG_NOSIGNAL: a console gone is dropped, never a SIGPIPE (which ends the presentation).
        let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if n != bytes.count { drop(fd) }
    }

    private func drop(_ fd: Int32) {
        close(fd)
        clients.removeAll { $0 == fd }
        pending[fd] = nil
    }

    func stop() {
        for fd in clients { close(fd) }
        clients = []
        close(descriptor)
        unlink(path)
    }
}

/// The console's side: finds the presentation, reads its state, sends keys.
final class ConsoleClient {
    let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to the newest presentation socket the user owns.
    init() throws {
        let folder = try PresenterLink.safeFolder()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var candidates: [(path: String, time: Int)] = []
        for name in names where name.hasPrefix("present-") && name.hasSuffix(".sock") {
            let path = folder + "/" + name
            var info = stat()
            // Only a socket of ours: never one another user put there.
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK, info.st_uid == getuid() else { continue }
            candidates.append((path, Int(info.st_mtim.tv_sec)))
        }
        for candidate in candidates.sorted(by: { $0.time > $1.time }) {
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { continue }
            var address = PresenterLink.address(candidate.path)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if connected == 0 {
                PresenterLink.nonBlocking(fd)
                descriptor = fd
                return
            }
            close(fd)
        }
        throw PresenterLink.Failure.noPresenter(folder)
    }

    /// The state lines received; nil when the presentation ended.
    func read() -> [String]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = Glibc.read(descriptor, &buffer, buffer.count)
            if n == 0 { return nil }
            if n < 0 { if errno == EAGAIN || errno == EWOULDBLOCK { break }; return nil }
            pending += buffer[0..<n]
        }
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 10) {
            lines.append(String(decoding: pending[..<newline], as: UTF8.self))
            pending.removeSubrange(...newline)
        }
        return lines
    }

    func send(key: String) {
        let bytes = Array("key \(key)\n".utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func stop() { close(descriptor) }
}
