/// How bad a problem found in a lesson is.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A problem found in an input file, located by line and column (both 1-based,
/// the column counted in Unicode scalars of the repaired text); line and column 0 for a
/// problem with the file as a whole (missing, unreadable, a folder without lessons).
public struct Diagnostic: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: Problem

    public init(file: String, line: Int, column: Int, severity: Severity, message: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// A problem with the file as a whole: no position to point at (it used to say 1:1).
    public static func wholeFile(_ file: String, severity: Severity, message: Problem) -> Diagnostic {
        Diagnostic(file: file, line: 0, column: 0, severity: severity, message: message)
    }

    public var isWholeFile: Bool { line == 0 }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, errors before warnings at the same place.
    public func sortedByPosition() -> [Diagnostic] {
        func rank(_ d: Diagnostic) -> Int { d.severity == .error ? 0 : 1 }
        return enumerated().sorted { a, b in
            let x = a.element, y = b.element
            return (x.file, x.line, x.column, rank(x), a.offset) < (y.file, y.line, y.column, rank(y), b.offset)
        }.map(\.element)
    }
}
