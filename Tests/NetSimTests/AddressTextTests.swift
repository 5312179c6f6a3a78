import Speech
import Words
import Testing
@testable import NetSim

/// Addresses and URLs as scenes and commands write them: read byte by byte, printed back
/// the same way.
struct AddressTextTests {
    @Test(arguments: ["0.0.0.0", "10.4.32.2", "172.16.0.10", "255.255.255.255", "192.168.100.1"])
    func anAddressReadsAndPrintsBack(text: String) {
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(arguments: ["", "10.4.32", "10.4.32.2.1", "10..32.2", ".10.4.32", "10.4.32.", "256.0.0.1", "10.4.32.1000",
                      "+1.2.3.4", "10.4.32.x", "10.4.32.2 ", "１0.4.32.2", "10.4.32.2/24"])
    func aMalformedAddressIsRefused(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func leadingZerosReadAsDecimal() {
        #expect(IPv4Address("010.004.032.002") == IPv4Address("10.4.32.2"))
    }

    @Test func urlsWithAndWithoutSchemeAndSpaces() {
        let plain = RequestURL("http://web.default.svc.cluster.local:8080/api?q=1")
        #expect(plain?.scheme == "http" && plain?.host == "web.default.svc.cluster.local" && plain?.port == 8080 && plain?.path == "/api?q=1")
        #expect(RequestURL("HTTPS://Shop.Example.com")?.port == 443)
        #expect(RequestURL("HTTPS://Shop.Example.com")?.host == "shop.example.com")
        #expect(RequestURL("10.0.0.7:53")?.scheme == "http")
        #expect(RequestURL("tcp://10.0.0.7") == nil, "tcp has no default port")
        #expect(RequestURL("ftp://10.0.0.7:21") == nil)
        #expect(RequestURL("http://web:0/") == nil)
        // A `://` inside the path is not a scheme.
        #expect(RequestURL("web:80/x://y")?.path == "/x://y")
        #expect(RequestURL("http:// green : 82") == RequestURL("http://green:82/"))
    }
}
