import Facts
import Glibc

/// Reads an input the user names (a lesson, a scene file, a diagram) by its path's bytes,
/// saying why when it cannot: not there, a folder, a FIFO or a device (which would block or
/// never end), permission, too large (a 100 MB lesson cost 2 GiB of memory).
public enum InputFile {
    /// Lessons and diagrams; scenes have their own, smaller limit.
    public static let maximumSize = 8 * 1024 * 1024

    /// Why an input could not be read, as the loader's problem.
    public struct Failure: Error, Equatable {
        public var problem: LoaderProblem
    }

    public static func read(_ path: String, limit: Int = maximumSize) -> Result<[UInt8], Failure> {
        func fail(_ problem: LoaderProblem) -> Result<[UInt8], Failure> { .failure(Failure(problem: problem)) }
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else {
            return fail(errno == ENOENT ? .noSuchPath : .cannotReadBecause(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return fail(.cannotReadBecause(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return fail(.cannotReadBecause(String(cString: strerror(EISDIR))))
        case S_IFIFO: return fail(.notAFile(.fifo))
        case S_IFCHR, S_IFBLK: return fail(.notAFile(.device))
        default: return fail(.notAFile(.other))
        }
        guard Int(info.st_size) <= limit else { return fail(.tooLarge(bytes: Int(info.st_size), limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return fail(.cannotReadBecause(String(cString: strerror(errno)))) }
            if n == 0 { break }
            count += n
        }
        return .success(Array(bytes.prefix(count)))
    }
}
