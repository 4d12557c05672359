import Testing
@testable import Hashing

@Suite("Password hashing")
struct PasswordHasherTests {
    /// A low count keeps the suite fast; production uses the default.
    let hasher = PasswordHasher(iterations: 1_000)

    @Test("PBKDF2-HMAC-SHA256 matches the RFC 7914 §11 vector")
    func pbkdf2Vector() throws {
        let key = try PasswordHasher.deriveKey(password: Array("passwd".utf8), salt: Array("salt".utf8),
                                               iterations: 1, length: 64)
        #expect(Hex.encode(key) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test("The default iteration count is OWASP's 210,000")
    func defaultIterations() {
        #expect(PasswordHasher().iterations == 210_000)
    }

    @Test("A hash is self-describing with a 16-byte salt and a 32-byte key")
    func encodedShape() throws {
        let parts = try hasher.hash(password: "correct horse").split(separator: "$").map(String.init)
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256")
        #expect(parts[1] == "1000")
        #expect(Base64.decode(parts[2])?.count == 16)
        #expect(Base64.decode(parts[3])?.count == 32)
    }

    @Test("A password verifies against its own hash")
    func roundTrip() throws {
        let encoded = try hasher.hash(password: "Mülltrennung 2024!")
        #expect(hasher.verify(password: "Mülltrennung 2024!", against: encoded))
    }

    @Test("A wrong password does not verify")
    func wrongPassword() throws {
        let encoded = try hasher.hash(password: "secret")
        #expect(!hasher.verify(password: "Secret", against: encoded))
        #expect(!hasher.verify(password: "", against: encoded))
    }

    @Test("The same password gets a different salt each time")
    func saltsDiffer() throws {
        #expect(try hasher.hash(password: "same") != hasher.hash(password: "same"))
    }

    @Test("Verification uses the iteration count stored in the string")
    func storedIterations() throws {
        let encoded = try PasswordHasher(iterations: 7).hash(password: "pw")
        #expect(hasher.verify(password: "pw", against: encoded))
    }

    @Test("A tampered hash does not verify")
    func tampered() throws {
        let encoded = try hasher.hash(password: "pw")
        var parts = encoded.split(separator: "$").map(String.init)
        parts[1] = "1001"
        #expect(!hasher.verify(password: "pw", against: parts.joined(separator: "$")))
        var key = Base64.decode(parts[3]) ?? []
        key[0] ^= 1
        parts[1] = "1000"
        parts[3] = Base64.encode(key)
        #expect(!hasher.verify(password: "pw", against: parts.joined(separator: "$")))
    }

    @Test("Malformed hash strings are rejected, not crashed on", arguments: [
        "", "$$$", "pbkdf2-sha256", "pbkdf2-sha1$1000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$0$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$+5$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$-5$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$99999999999999999999$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAA",
        "pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra",
        "pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ])
    func malformed(encoded: String) {
        #expect(!hasher.verify(password: "pw", against: encoded))
    }
}
