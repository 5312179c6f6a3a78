import Speech
import Words
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A program started with posix_spawn and reaped with waitpid, never waited on for longer than
/// its deadline.
///
/// Not Foundation's `Process`: its child monitor can miss an exit, and `waitUntilExit()` then
/// never returns. CI saw it: tmux's client a zombie nobody reaped, the test run stuck until
/// the 90-minute limit. Here a child that outlives its deadline is killed and the test fails.
/// Output goes to files, not pipes, so no child can block on a full pipe nor keep one open.
final class Child {
    enum Input {
        /// `/dev/null`.
        case none
        /// The text, then end of file.
        case text(String)
        /// A pipe the test writes to (`write`, `closeInput`).
        case pipe
    }

    struct Exit: Equatable {
        /// The exit code, or 128 + the signal that ended it, as a shell says.
        var status: Int32
        /// The signal that ended it, if one did.
        var signal: Int32?
        var timedOut = false
    }

    let pid: pid_t
    /// Held while a pipe is made and while a child is spawned.
    private static let spawning = NSLock()
    private let folder: String
    /// The write end of the child's standard input (`.pipe`), until closed.
    private var input: Int32?

    /// Starts `executable` with `arguments`; `environment` is the whole environment.
    init(_ executable: String, _ arguments: [String], environment: [String: String],
         directory: String? = nil, input: Input = .none) throws {
        folder = NSTemporaryDirectory() + "reseau-child-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        switch input {
        case .none:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .text(let text):
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/stdin"))
            posix_spawn_file_actions_addopen(&actions, 0, folder + "/stdin", O_RDONLY, 0)
        case .pipe:
            // Close-on-exec, set under the lock every spawn takes: another test's child must
            // not inherit our end and hold it open.
            Self.spawning.lock()
            defer { Self.spawning.unlock() }
            guard pipe(&pipeEnds) == 0 else { throw Failure("pipe: \(errno)") }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Default signal handlers and an empty mask, whatever the test runner set for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // `env --chdir` (coreutils) starts it in `directory`: posix_spawn_file_actions_addchdir_np
        // is not in Swift's Glibc module. env execs the program: the pid is the program's.
        let command = directory.map { ["/usr/bin/env", "--chdir=\($0)", executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        Self.spawning.lock()
        let result = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        Self.spawning.unlock()
        if case .pipe = input { close(pipeEnds[0]) }
        guard result == 0 else {
            if case .pipe = input { close(pipeEnds[1]) }
            throw Failure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.input = pipeEnds[1] >= 0 ? pipeEnds[1] : nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes to the child's standard input (`.pipe` only); a child gone is not an error.
    func write(_ text: String) {
        guard let input else { return }
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    func closeInput() {
        if let input { close(input) }
        input = nil
    }

    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// Waits for the end, at most `timeout` seconds: then the child is killed, the test gets
    /// an issue, and the exit says `timedOut`.
    @discardableResult
    func wait(timeout: Double = 120, sourceLocation: SourceLocation = #_sourceLocation) -> Exit {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if Date() > deadline {
                _ = Glibc.kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                timedOut = true
                Issue.record("\(pid) still running after \(timeout) s: killed", sourceLocation: sourceLocation)
                break
            }
            usleep(2_000)
        }
        closeInput()
        let signal = status & 0x7f
        return signal == 0
            ? Exit(status: (status >> 8) & 0xff, signal: nil, timedOut: timedOut)
            : Exit(status: 128 + signal, signal: signal, timedOut: timedOut)
    }

    /// What the child wrote to its standard output and error (after `wait`).
    var out: String { (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "" }
    var outData: Data { (try? Data(contentsOf: URL(fileURLWithPath: folder + "/out"))) ?? Data() }
    var err: String { (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "" }

    /// Removes the files that held the child's input and output.
    func clean() { try? FileManager.default.removeItem(atPath: folder) }
}
