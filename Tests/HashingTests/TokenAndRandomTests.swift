import Testing
@testable import Hashing

@Suite("Tokens, randomness and comparisons")
struct TokenAndRandomTests {
    @Test("Random byte strings have the requested length and differ")
    func randomBytesDiffer() throws {
        let first = try SecureRandom.bytes(32)
        let second = try SecureRandom.bytes(32)
        #expect(first.count == 32)
        #expect(first != second)
        #expect(try SecureRandom.bytes(0).isEmpty)
    }

    @Test("A token has the wst_ prefix and 43 base64url characters")
    func tokenShape() throws {
        let (token, _) = try APIToken.generate()
        #expect(token.hasPrefix("wst_"))
        #expect(token.utf8.count == 47)
        #expect(token.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(APIToken.isWellFormed(token))
        #expect(!APIToken.isWellFormed("wst_short"))
        #expect(!APIToken.isWellFormed("xyz_" + token.dropFirst(4)))
    }

    @Test("Tokens are unique and their hash is stable SHA-256 hex of the whole token")
    func tokensUniqueHashStable() throws {
        var seen = Set<String>()
        for _ in 0..<100 {
            let (token, hash) = try APIToken.generate()
            #expect(seen.insert(token).inserted)
            #expect(hash == APIToken.hash(token))
            #expect(hash == SHA256Digest.hex(token))
            #expect(hash.count == 64)
        }
    }

    @Test("Constant-time equality compares contents and lengths")
    func constantTimeEquals() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
        #expect(ConstantTime.equals([], []))
    }

    @Test("Base64 round-trips both alphabets and rejects non-canonical input")
    func base64() {
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode([0xfb, 0xff], alphabet: .url) == "-_8")
        for count in 0..<10 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
            #expect(Base64.decode(Base64.encode(bytes, alphabet: .url), alphabet: .url) == bytes)
        }
        #expect(Base64.decode("Zm8") == nil)
        #expect(Base64.decode("Zm9=") == nil)
        #expect(Base64.decode("Z===") == nil)
        #expect(Base64.decode("-_8=") == nil)
        #expect(Base64.decode("Zm8=", alphabet: .url) == nil)
    }

    @Test("Hex encodes lowercase and decodes either case")
    func hex() {
        #expect(Hex.encode([0x00, 0xab, 0xff]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xab, 0xff])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
