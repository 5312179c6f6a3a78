/// An IPv4 address.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// `10.4.32.2`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        // Four groups of one to three digits, each at most 255, read byte by byte.
        var value: UInt32 = 0, octet: UInt32 = 0, digits = 0, dots = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 3 {
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                guard octet <= 255 else { return nil }
                digits += 1
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        self.value = value << 8 | octet
    }

    public var description: String {
        // Written byte by byte into the string's own storage (at most 15 bytes, so it
        // stays a small string: no allocation). Traces print many addresses.
        String(unsafeUninitializedCapacity: 15) { buffer in
            var count = 0
            for shift in stride(from: 24 as UInt32, through: 0, by: -8) {
                let octet = Int(value >> shift & 0xFF)
                if octet >= 100 { buffer[count] = UInt8(48 + octet / 100); count += 1 }
                if octet >= 10 { buffer[count] = UInt8(48 + octet / 10 % 10); count += 1 }
                buffer[count] = UInt8(48 + octet % 10); count += 1
                if shift != 0 { buffer[count] = 46; count += 1 }
            }
            return count
        }
    }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }

    /// The address `n` after this one.
    public func advanced(by n: Int) -> IPv4Address { IPv4Address(UInt32(truncatingIfNeeded: Int(value) + n)) }
}

/// An IPv4 network such as `10.4.0.0/16`.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    public var network: IPv4Address
    public var prefix: Int

    public init(network: IPv4Address, prefix: Int) {
        self.prefix = prefix
        self.network = IPv4Address(network.value & CIDR.mask(prefix))
    }

    /// `10.4.0.0/16` (a bare address is a /32).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPv4Address(parts[0]) else { return nil }
        var prefix = 32
        if parts.count == 2 {
            guard let p = Int(parts[1]), (0...32).contains(p) else { return nil }
            prefix = p
        }
        self.init(network: address, prefix: prefix)
    }

    static func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

    public var description: String { "\(network)/\(prefix)" }
    public var size: UInt64 { UInt64(1) << UInt64(32 - prefix) }

    public func contains(_ address: IPv4Address) -> Bool {
        address.value & CIDR.mask(prefix) == network.value
    }

    public func contains(_ other: CIDR) -> Bool { other.prefix >= prefix && contains(other.network) }

    /// The `n`-th address of the network (0 is the network address).
    public func address(_ n: Int) -> IPv4Address? {
        guard n >= 0, UInt64(n) < size else { return nil }
        return network.advanced(by: n)
    }

    /// The `index`-th subnet of the given prefix length inside this network.
    public func subnet(prefix newPrefix: Int, index: Int) -> CIDR? {
        guard newPrefix >= prefix, newPrefix <= 32, index >= 0,
              UInt64(index) < UInt64(1) << UInt64(newPrefix - prefix) else { return nil }
        return CIDR(network: IPv4Address(network.value + UInt32(index) << UInt32(32 - newPrefix)), prefix: newPrefix)
    }
}
