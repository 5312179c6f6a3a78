/// Pod names as the ReplicaSet and Deployment controllers make them, but reproducible:
/// the same manifest always gives the same names.
public enum PodNames {
    /// The alphabet Kubernetes uses for generated names (no vowels, no look-alikes).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    static func encode(_ value: UInt64, length: Int) -> String {
        var v = value
        var out = ""
        for _ in 0..<length {
            out.append(alphabet[Int(v % UInt64(alphabet.count))])
            v /= UInt64(alphabet.count)
        }
        return out
    }

    /// The pod-template-hash part: 10 characters.
    public static func templateHash(_ owner: String) -> String { encode(fnv(owner), length: 10) }
    /// The random part: 5 characters.
    public static func suffix(_ owner: String, _ index: Int) -> String { encode(fnv("\(owner)#\(index)"), length: 5) }
}
