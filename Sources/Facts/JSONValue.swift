import FoundationEssentials

/// Any JSON value: read and written back unchanged (what this version of reseau does not
/// know of the progress file, a newer version's fields), or built from Swift values
/// (`[String: Any]` trees of strings, numbers, booleans, arrays and `JSONValue.null`) and
/// written by FoundationEssentials' `JSONEncoder`: what `JSONSerialization` did, without
/// Foundation.
public enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A tree of `[String: Any]`, `[Any]`, strings, integers, floating-point numbers,
    /// booleans, `JSONValue`s and nils (null).
    public init(_ value: Any) {
        switch value {
        case let v as JSONValue: self = v
        case let b as Bool: self = .bool(b)
        case let s as String: self = .string(s)
        case let s as Substring: self = .string(String(s))
        case let i as any BinaryInteger: self = Int(exactly: i).map(JSONValue.int) ?? .double(Double(i))
        case let d as Double: self = .double(d)
        case let f as any BinaryFloatingPoint: self = .double(Double(f))
        case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init))
        case let a as [Any]: self = .array(a.map(JSONValue.init))
        default:
            // An Optional holding nothing (a nil inside `Any`) is JSON's null.
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                self = mirror.children.first.map { JSONValue($0.value) } ?? .null
            } else {
                self = .string("\(value)")
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The document as text: keys sorted, `/` not escaped, indented when `pretty`.
    public func text(pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a JSON text; nil when it is not JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] } else { return nil }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var strings: [String]? {
        guard case .array(let a) = self else { return nil }
        let s = a.compactMap(\.string)
        return s.count == a.count ? s : nil
    }
    public var double: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
    public var int: Int? {
        switch self {
        case .int(let i): i
        case .double(let d): Int(exactly: d)
        default: nil
        }
    }
}
