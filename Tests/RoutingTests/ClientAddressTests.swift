import Testing
@testable import Routing

/// Which address a request comes from, behind a trusted reverse proxy or not (docs/API.md, Logins).
@Suite struct ClientAddressTests {
    @Test func withoutATrustedProxyThePeerIsTheClient() {
        #expect(ClientAddress.resolve(peer: "192.0.2.1", forwardedFor: ["203.0.113.9"], trustedProxy: nil) == "192.0.2.1")
    }

    @Test func onlyTheTrustedProxysLastEntryCounts() {
        let resolve = { (peer: String, header: [String]) in
            ClientAddress.resolve(peer: peer, forwardedFor: header, trustedProxy: "10.0.0.1")
        }
        #expect(resolve("10.0.0.1", ["203.0.113.9"]) == "203.0.113.9")
        #expect(resolve("10.0.0.1", ["1.1.1.1, 203.0.113.9"]) == "203.0.113.9")
        #expect(resolve("10.0.0.1", ["1.1.1.1", "198.51.100.7 "]) == "198.51.100.7")
        #expect(resolve("10.0.0.1", ["2001:db8::1"]) == "2001:db8::1")
        #expect(resolve("10.0.0.2", ["203.0.113.9"]) == "10.0.0.2")  // not the proxy: header ignored
        #expect(resolve("10.0.0.1", []) == "10.0.0.1")
        #expect(resolve("10.0.0.1", ["not-an-address"]) == "10.0.0.1")
        #expect(resolve("10.0.0.1", ["256.1.1.1"]) == "10.0.0.1")
        #expect(resolve("10.0.0.1", ["203.0.113.9, "]) == "10.0.0.1")
    }
}
