import CursesTerminal
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// The thread that does the program's work (a key's effect, a reload, a frame) while the main
/// thread keeps the keyboard and the signals: a frame that takes long (a chart of a thousand
/// boxes, a scene read again) shows a line saying so, and `q` or Ctrl-C during it ends the
/// program at once instead of after the work (35 s for `q`, 17 s for Ctrl-C on a large scene).
/// Keys pressed meanwhile are kept, in order, for after.
final class Worker: @unchecked Sendable {
    /// How long work may take before the keyboard is watched, and before the line is shown.
    static let watchAfter = 100, sayAfter = 300

    private let wake = DispatchSemaphore(value: 0)
    private let job = Mutex<(@Sendable () -> Void)?>(nil)

    init() {
        // A POSIX thread as deep as the main thread's stack: lessons nest up to 100 levels.
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 16 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(&thread, &attributes, { context in
            let worker = Unmanaged<Worker>.fromOpaque(context!).takeRetainedValue()
            while true {
                worker.wake.wait()
                let next = worker.job.withLock { job in
                    defer { job = nil }
                    return job
                }
                next?()
            }
        }, context)
        precondition(made == 0, "cannot start the worker thread")
        pthread_detach(thread)
    }

    /// `body`'s result, or nil when the person asked to quit while it ran (a quit signal, or
    /// a key `quits` says ends the program); the other keys pressed meanwhile are appended
    /// to `pressed`. `saying` is the line shown after `sayAfter` ms, given the seconds spent.
    /// `watchAfter`: 0 for work the person is not waiting for (the check of the lessons after
    /// the first frame), whose keys are heard at once.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T, terminal: Terminal, saying: (Int) -> String,
                          quits: (Key) -> Bool, pressed: inout [Key], watchAfter: Int = Worker.watchAfter) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = Result<T>()
        job.withLock { $0 = { result.value = body(); done.signal() } }
        wake.signal()
        if done.wait(timeout: .now() + .milliseconds(watchAfter)) == .success { return result.value }
        let start = DispatchTime.now()
        var said = -1
        while true {
            if terminal.quitSignal != 0 { return nil }
            let spent = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) + watchAfter
            if spent >= Self.sayAfter, spent / 1000 != said {
                said = spent / 1000
                terminal.showStatus(saying(said))
            }
            if let key = terminal.readKey(timeout: 20) {
                if terminal.quitSignal != 0 || quits(key) { return nil }
                pressed.append(key)
            }
            if terminal.quitSignal != 0 { return nil }
            if done.wait(timeout: .now()) == .success { return result.value }
        }
    }

    /// Written by the worker before `done` is signalled, read by the main thread after.
    private final class Result<T>: @unchecked Sendable {
        var value: T?
    }
}
