import Testing
@testable import Hashing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("The empty string hashes to the FIPS 180-4 vector")
    func emptyString() {
        #expect(SHA256Digest.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\" hashes to the FIPS 180-4 vector")
    func abc() {
        #expect(SHA256Digest.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("The 448-bit NIST message hashes to its vector")
    func nist448() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256Digest.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("A million 'a' fed incrementally hashes to the NIST vector")
    func millionA() {
        var hasher = SHA256Hasher()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Incremental and one-shot hashing agree, whatever the collection type")
    func incrementalMatchesOneShot() {
        var hasher = SHA256Hasher()
        hasher.update("a")
        hasher.update([UInt8(ascii: "b")][...])
        hasher.update(Array("c".utf8).lazy.map { $0 })
        #expect(hasher.finalize() == SHA256Digest.hash("abc"))
        #expect(SHA256Digest.hash(Array("abc".utf8)[...]) == SHA256Digest.hash("abc"))
    }

    @Test("Finalizing leaves the hasher usable and copies hash independently")
    func valueSemantics() {
        var first = SHA256Hasher()
        first.update("ab")
        var second = first
        #expect(first.finalize() == SHA256Digest.hash("ab"))
        first.update("c")
        second.update("x")
        #expect(first.finalize() == SHA256Digest.hash("abc"))
        #expect(second.finalize() == SHA256Digest.hash("abx"))
    }
}
