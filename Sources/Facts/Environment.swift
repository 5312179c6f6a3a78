import Glibc

/// Environment variables read one by one with `getenv`: `ProcessInfo.environment` copies the
/// whole environment into a dictionary on every call, which the start-up path paid three
/// times (#19).
public enum Environment {
    /// The variable's value, nil when it is unset (or not UTF-8: repaired, as Swift does).
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The variables among `names` that are set, by name: what functions that take an
    /// environment (so that tests can give one) are given by default.
    public static func values(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names { if let value = value(name) { found[name] = value } }
        return found
    }
}
