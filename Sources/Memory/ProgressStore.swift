import Facts
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Everything reseau remembers of the student: one memory state per question id.
///
/// What this version does not know is kept as read and written back: other top-level keys,
/// a card's other fields, and a card that cannot be read (set aside, reported, untouched).
public struct StudyProgress: Sendable, Equatable, Codable {
    /// The format this version writes; a file of a newer one is read but never written over.
    public static let currentVersion = 1
    public var version = StudyProgress.currentVersion
    public var cards: [String: MemoryState] = [:]
    /// Top-level keys of a newer version, kept.
    public var otherFields: [String: JSONValue] = [:]
    /// Per card, the fields this version does not know, kept.
    public var otherCardFields: [String: [String: JSONValue]] = [:]
    /// Cards that could not be read (a wrong type): kept as they were, not used.
    public var setAside: [String: JSONValue] = [:]
    /// What the student read, per lesson (the quiz's lesson key): saved as `reading`.
    public var reading: [String: LessonReading] = [:]
    /// The labs passed, by `lessonKey#N`, with the day they were first passed: saved as `labs`.
    public var labs: [String: LabPassed] = [:]

    public init(cards: [String: MemoryState] = [:]) { self.cards = cards }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let cardFields: Set<String> = ["stability", "difficulty", "lastReview", "due", "reps", "lapses", "lesson", "introduced"]

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        version = try container.decodeIfPresent(Int.self, forKey: Key("version")) ?? 1
        for key in container.allKeys where key.stringValue != "version" && key.stringValue != "cards" {
            // `reading` of another shape (a newer version's) is kept as it was, not used.
            if key.stringValue == "reading", let read = try? container.decode([String: LessonReading].self, forKey: key) {
                reading = read
                continue
            }
            if key.stringValue == "labs", let passed = try? container.decode([String: LabPassed].self, forKey: key) {
                labs = passed
                continue
            }
            otherFields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        let raw = try container.decodeIfPresent([String: StoredCard].self, forKey: Key("cards")) ?? [:]
        for (id, stored) in raw {
            // One card of the wrong shape is set aside alone; the others are read.
            guard let card = stored.state else {
                setAside[id] = stored.raw ?? .null
                continue
            }
            cards[id] = card
            if !stored.other.isEmpty { otherCardFields[id] = stored.other }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(version, forKey: Key("version"))
        for (key, value) in otherFields { try container.encode(value, forKey: Key(key)) }
        if !reading.isEmpty { try container.encode(reading, forKey: Key("reading")) }
        if !labs.isEmpty { try container.encode(labs, forKey: Key("labs")) }
        var all: [String: StoredCard] = setAside.mapValues { StoredCard(state: nil, other: [:], raw: $0) }
        for (id, card) in cards { all[id] = StoredCard(state: card, other: otherCardFields[id] ?? [:], raw: nil) }
        try container.encode(all, forKey: Key("cards"))
    }
}

/// One card as the file holds it: its known fields typed (fast for 20,000 cards), the others
/// kept as JSON; a card whose fields have the wrong type is kept whole as `raw`.
struct StoredCard: Codable {
    var state: MemoryState?
    var other: [String: JSONValue]
    var raw: JSONValue?

    init(state: MemoryState?, other: [String: JSONValue], raw: JSONValue?) {
        self.state = state
        self.other = other
        self.raw = raw
    }

    init(from decoder: Decoder) throws {
        other = [:]
        do {
            let c = try decoder.container(keyedBy: StudyProgress.Key.self)
            func key(_ name: String) -> StudyProgress.Key { StudyProgress.Key(name) }
            var card = MemoryState(stability: try c.decode(Double.self, forKey: key("stability")),
                                   difficulty: try c.decode(Double.self, forKey: key("difficulty")),
                                   lastReview: try c.decode(Double.self, forKey: key("lastReview")),
                                   due: try c.decode(Double.self, forKey: key("due")),
                                   reps: try c.decode(Int.self, forKey: key("reps")),
                                   lapses: try c.decode(Int.self, forKey: key("lapses")),
                                   lesson: try c.decode(String.self, forKey: key("lesson")))
            card.introduced = try c.decodeIfPresent(Double.self, forKey: key("introduced"))
            for k in c.allKeys where !StudyProgress.cardFields.contains(k.stringValue) {
                other[k.stringValue] = try c.decode(JSONValue.self, forKey: k)
            }
            state = card
            raw = nil
        } catch {
            state = nil
            raw = try JSONValue(from: decoder)
        }
    }

    func encode(to encoder: Encoder) throws {
        if let raw, state == nil { return try raw.encode(to: encoder) }
        guard let card = state else { return }
        var c = encoder.container(keyedBy: StudyProgress.Key.self)
        func key(_ name: String) -> StudyProgress.Key { StudyProgress.Key(name) }
        for (k, v) in other { try c.encode(v, forKey: key(k)) }
        try c.encode(card.stability, forKey: key("stability"))
        try c.encode(card.difficulty, forKey: key("difficulty"))
        try c.encode(card.lastReview, forKey: key("lastReview"))
        try c.encode(card.due, forKey: key("due"))
        try c.encode(card.reps, forKey: key("reps"))
        try c.encode(card.lapses, forKey: key("lapses"))
        try c.encode(card.lesson, forKey: key("lesson"))
        try c.encodeIfPresent(card.introduced, forKey: key("introduced"))
    }
}

/// A lab passed: the day (`2026-12-01`, the student's calendar) and the moment.
public struct LabPassed: Sendable, Equatable, Codable {
    public var date: String
    public var at: Double
    public init(date: String, at: Double) {
        self.date = date
        self.at = at
    }
}

/// An answer to record: the question's id, its lesson, right or wrong.
/// The slides of one lesson the student has read, and the last one, with when.
public struct LessonReading: Sendable, Equatable, Codable {
    /// Slide numbers (1-based), sorted.
    public var read: [Int]
    public var last: Int
    /// Seconds since 1970.
    public var at: Double

    public init(read: [Int], last: Int, at: Double) {
        self.read = read
        self.last = last
        self.at = at
    }

    /// The same, with `slide` read now.
    public func reading(_ slide: Int, at now: Double) -> LessonReading {
        LessonReading(read: Array(Set(read).union([slide])).sorted(), last: slide, at: now)
    }
}

public struct PendingReview: Sendable, Equatable {
    public var id: String
    public var lesson: String
    public var passed: Bool

    public init(id: String, lesson: String, passed: Bool) {
        self.id = id
        self.lesson = lesson
        self.passed = passed
    }
}

/// The progress file under `$XDG_DATA_HOME/reseau/` (`~/.local/share/reseau/`).
///
/// Every change is a read-modify-write under an exclusive `flock` on a lock file beside it, so
/// two reseau processes answering at once each apply their review to the other's latest state.
/// The new content goes to a temporary file in the same directory, is `fsync`ed, then
/// `rename`d over the old one (atomic on POSIX file systems), and the directory is `fsync`ed:
/// a crash or `kill -9` at any moment leaves the old file or the new one, never a torn one.
/// A file that cannot be read is moved aside (`progress.json.damaged-…`), never deleted.
public final class ProgressStore: @unchecked Sendable {
    public let directory: String
    public var path: String { directory + "/progress.json" }
    var lockPath: String { directory + "/progress.lock" }
    /// What went wrong and how it was handled, for the program to show (damaged file kept
    /// aside…), as facts its catalogs put into words.
    public private(set) var notices: [Notice] = []

    /// Something the program tells about the progress file.
    public enum Notice: Sendable, Equatable {
        /// Unreadable (`reason` is the JSON decoder's); it will be kept aside on the next save.
        case damaged(path: String, reason: String)
        /// Unreadable; renamed `aside`, progress starts afresh.
        case damagedKeptAside(path: String, reason: String, aside: String)
        /// Cards of the wrong shape: kept in the file as they are, not used.
        case cardsSetAside(path: String, ids: [String])
    }

    public init(directory: String) { self.directory = directory }

    /// `$XDG_DATA_HOME/reseau`, or `~/.local/share/reseau` when it is unset or not absolute
    /// (as the XDG Base Directory specification says).
    public static func defaultDirectory(environment: [String: String] = Environment.values(["XDG_DATA_HOME", "HOME"])) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/reseau" }
        let home = environment["HOME"] ?? getpwuid(getuid()).map { String(cString: $0.pointee.pw_dir) } ?? "/"
        return home + "/.local/share/reseau"
    }

    /// A failure, with the system's own words (`strerror`) for why.
    public enum StoreError: Error, Equatable {
        case cannotCreateDirectory(String, why: String)
        case cannotLock(String, why: String)
        case cannotMoveAside(String, why: String)
        case cannotWrite(String, why: String)
        case cannotSave(String, why: String)
        /// The file exists but cannot be read (permission, a folder in its place…): nothing
        /// is saved over it.
        case cannotRead(String, why: String)
        /// The file was written by a newer reseau (its `version`): read, never written over.
        case newerVersion(String, version: Int)
    }

    /// The current progress (a shared lock keeps a writer's rename from racing the read).
    public func load() throws -> StudyProgress {
        try withLock(exclusive: false) { try readCurrent(mayMoveAside: false) }
    }

    /// Applies `change` to the latest saved progress and saves the result atomically.
    @discardableResult
    public func update(_ change: (inout StudyProgress) throws -> Void) throws -> StudyProgress {
        try withLock(exclusive: true) {
            removeStaleTemporaryFiles()
            var progress = try readCurrent(mayMoveAside: true)
            guard progress.version <= StudyProgress.currentVersion else {
                throw StoreError.newerVersion(path, version: progress.version)
            }
            try change(&progress)
            try write(progress)
            return progress
        }
    }

    // MARK: - Internals

    private func ensureDirectory() throws {
        // `mkdir -p`: each missing folder on the way made, an existing one (or a link to
        // one) taken as it is.
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for part in directory.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 {
                let why = errno
                var info = stat()
                guard why == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    throw StoreError.cannotCreateDirectory(directory, why: String(cString: strerror(why == EEXIST ? ENOTDIR : why)))
                }
            }
            prefix += "/"
        }
    }

    private func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        try ensureDirectory()
        // O_NOFOLLOW: a lock file that is a link is refused, never followed into creating a
        // file elsewhere.
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw StoreError.cannotLock(lockPath, why: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR { throw StoreError.cannotLock(lockPath, why: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// A writer killed before its rename leaves `progress.json.tmp-PID`; under the lock no
    /// other writer is at work, so any such file is a leftover.
    private func removeStaleTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix("progress.json.tmp-") { unlink(directory + "/" + name) }
    }

    /// The file's bytes; nil only when there is no file. Any other failure is an error: a file
    /// that exists and cannot be read must never be taken for "no progress" and replaced.
    private func readBytes() throws -> Data? {
        // Non-blocking: a FIFO in the file's place must not hang the program.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError.cannotRead(path, why: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            let kind = (info.st_mode & S_IFMT) == S_IFDIR ? String(cString: strerror(EISDIR)) : "not a regular file"
            throw StoreError.cannotRead(path, why: kind)
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw StoreError.cannotRead(path, why: String(cString: strerror(errno))) }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return data
    }

    private func readCurrent(mayMoveAside: Bool) throws -> StudyProgress {
        guard let data = try readBytes() else { return StudyProgress() }
        if data.isEmpty { return StudyProgress() }
        do {
            let progress = try JSONDecoder().decode(StudyProgress.self, from: data)
            if !progress.setAside.isEmpty, !notices.contains(.cardsSetAside(path: path, ids: progress.setAside.keys.sorted())) {
                notices.append(.cardsSetAside(path: path, ids: progress.setAside.keys.sorted()))
            }
            return progress
        } catch {
            guard mayMoveAside else {
                notices.append(.damaged(path: path, reason: Self.reason(error)))
                return StudyProgress()
            }
            let aside = path + ".damaged-" + Self.stamp()
            if rename(path, aside) != 0 {
                throw StoreError.cannotMoveAside(path, why: String(cString: strerror(errno)))
            }
            notices.append(.damagedKeptAside(path: path, reason: Self.reason(error), aside: aside))
            return StudyProgress()
        }
    }

    private func write(_ progress: StudyProgress) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        // A progress.json that is a link is written through it: the new file is renamed over
        // the link's target, in the target's folder, and the link stays.
        let target = Self.linkTarget(path) ?? path
        let temp = "\(target).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotWrite(temp, why: String(cString: strerror(errno))) }
        // For the end-to-end test of a writer killed mid-save only: die after this many bytes.
        let killAfter = Environment.value("RESEAU_TEST_KILL_AFTER_BYTES").flatMap(Int.init)
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                if let killAfter, offset >= killAfter { kill(getpid(), SIGKILL) }
                let chunk = min(raw.count - offset, 65_536)
                let n = Glibc.write(fd, raw.baseAddress! + offset, chunk)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let why = String(cString: strerror(errno))
        close(fd)
        guard ok, rename(temp, target) == 0 else {
            unlink(temp)
            throw StoreError.cannotSave(path, why: why)
        }
        let folder = target == path ? directory : String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Where a link at `path` leads (followed to the end), nil when `path` is not a link.
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        if let resolved = realpath(path, nil) { defer { free(resolved) }; return String(cString: resolved) }
        // A link to a file not there yet: its target, relative to the link's folder.
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let destination = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) + "/" + destination
    }

    private static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "\(error)"
    }

    private static func stamp() -> String {
        cTime("%Y%m%dT%H%M%SZ", seconds: Double(time(nil)), utc: true) + "-\(getpid())"
    }
}
