import Crypto
import FoundationEssentials

/// The iptables chain names kube-proxy gives a Service port and its endpoints.
///
/// From `pkg/proxy/iptables/proxier.go`: `portProtoHash` is sha256 over the service port
/// name (`namespace/name:port`) and the lower-case protocol, base32 (standard alphabet),
/// first 16 characters; prefixed `KUBE-SVC-` (Cluster policy), `KUBE-SVL-` (Local policy),
/// `KUBE-EXT-` (external destinations), `KUBE-FW-` (load-balancer firewall). An endpoint
/// chain, `KUBE-SEP-`, hashes the service port name, protocol and `ip:port`.
public enum KubeProxyChains {
    /// `ns1/svc1:p80`; the `:port` part only when the port has a name.
    public static func servicePortName(_ service: Service, _ port: ServicePort) -> String {
        service.name.description + (port.name.isEmpty ? "" : ":" + port.name)
    }

    public static func hash(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        // The first 16 base32 characters are the digest's first 80 bits: 10 bytes, no padding.
        return base32(Array(digest.prefix(10)))
    }

    public static func serviceChain(_ servicePortName: String, _ proto: TransportProtocol) -> String {
        "KUBE-SVC-" + hash(servicePortName + proto.lowercased)
    }
    public static func localChain(_ servicePortName: String, _ proto: TransportProtocol) -> String {
        "KUBE-SVL-" + hash(servicePortName + proto.lowercased)
    }
    public static func externalChain(_ servicePortName: String, _ proto: TransportProtocol) -> String {
        "KUBE-EXT-" + hash(servicePortName + proto.lowercased)
    }
    public static func firewallChain(_ servicePortName: String, _ proto: TransportProtocol) -> String {
        "KUBE-FW-" + hash(servicePortName + proto.lowercased)
    }
    public static func endpointChain(_ servicePortName: String, _ proto: TransportProtocol, _ endpoint: String) -> String {
        "KUBE-SEP-" + hash(servicePortName + proto.lowercased + endpoint)
    }

    /// RFC 4648 base32 with padding, as Go's `base32.StdEncoding`.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 4) / 5 * 8)
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int(buffer >> UInt64(bits - 5) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt64(5 - bits) & 31)]) }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// kube-proxy's `--probability` for the i-th of n endpoints: 1/(n-i), written with
    /// ten decimals (`%0.10f`), so that every endpoint is equally likely overall.
    public static func probability(index: Int, count: Int) -> String {
        let remaining = count - index
        return remaining < probabilities.count ? probabilities[remaining] : cFormat("%0.10f", 1.0 / Double(remaining))
    }

    /// `%0.10f` of 1/n (kube-proxy's `fmt.Sprintf("%0.10f", …)`) for the usual endpoint counts,
    /// formatted once.
    private static let probabilities: [String] = (0..<1024).map { cFormat("%0.10f", 1.0 / Double($0)) }
}
