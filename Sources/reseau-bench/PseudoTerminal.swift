import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in a pseudo-terminal of its own, as a user starts it in a terminal:
/// what it writes is read (and counted) here, keys are typed into it, and its CPU time and
/// peak memory are read from /proc.
final class PseudoTerminal {
    let pid: pid_t
    /// The program's XDG_DATA_HOME, removed once it has exited.
    let data: String
    let master: Int32
    private(set) var bytesRead = 0
    /// Each read's moment (the monotonic clock) and size, when `recording`.
    var recording = false
    private(set) var chunks: [(at: Double, bytes: Int)] = []
    private(set) var exited = false
    private(set) var status: Int32 = 0

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Starts `path` with `arguments` in a terminal of `columns`×`rows`; `environment` is added
    /// to a minimal one (TERM=xterm-256color, LANG=C.UTF-8).
    init(_ path: String, _ arguments: [String], environment: [String: String] = [:], columns: Int = 120, rows: Int = 40) throws {
        // A data folder of its own, new each run: reseau starts as for a new user (no reading
        // progress to reopen at) and what it saves is removed after.
        data = NSTemporaryDirectory() + "reseau-bench-data-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin",
                   "SWIFT_BACKTRACE": "enable=no", "XDG_DATA_HOME": data]
        env.merge(environment) { _, new in new }
        // Everything the child needs is made before fork: after it, only execve and _exit.
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let pid = forkpty(&fd, nil, nil, &size)
        if pid == 0 {
            execve(path, argv, envp)
            _exit(127)
        }
        guard pid > 0 else { throw Failure(description: "forkpty: \(String(cString: strerror(errno)))") }
        self.pid = pid
        master = fd
    }

    deinit {
        if !exited { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) }
        close(master)
    }

    /// Types `text`.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what the program writes for `seconds` (or until it ends); returns the bytes read.
    @discardableResult
    func read(for seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let left = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&pfd, 1, min(left, 50))
            if ready > 0 {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
                if n > 0 {
                    total += n
                    bytesRead += n
                    if recording {
                        var now = timespec()
                        clock_gettime(CLOCK_MONOTONIC, &now)
                        chunks.append((Double(now.tv_sec) + Double(now.tv_nsec) / 1e9, n))
                    }
                } else { reap(block: true); break }
            } else if reap(block: false) {
                break
            }
        }
        return total
    }

    /// Reads until the program has written nothing for `quiet` seconds (its frame is drawn),
    /// at most `limit` seconds.
    func readUntilQuiet(_ quiet: Double, limit: Double = 10) {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline, !exited {
            if read(for: quiet) == 0 { return }
        }
    }

    /// Reads until the program ends (at most `limit` seconds); its exit status, nil when it
    /// did not end.
    func waitForExit(limit: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(limit)
        while !exited, Date() < deadline { read(for: 0.05) }
        if exited { try? FileManager.default.removeItem(atPath: data) }
        return exited ? status : nil
    }

    @discardableResult
    private func reap(block: Bool) -> Bool {
        guard !exited else { return true }
        var s: Int32 = 0
        if waitpid(pid, &s, block ? 0 : WNOHANG) == pid {
            exited = true
            status = s & 0x7F == 0 ? (s >> 8) & 0xFF : 128 + (s & 0x7F)
        }
        return exited
    }

    /// CPU time the program has used (user and system), in seconds, from /proc/PID/schedstat.
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
              let ns = text.split(separator: " ").first.flatMap({ Double($0) }) else { return .nan }
        return ns / 1e9
    }

    /// The program's peak resident memory so far (VmHWM), in MiB.
    var peakMemoryMiB: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return .nan }
        return kib / 1024
    }
}
