import Testing
@testable import Hashing

@Suite("HOTP and TOTP")
struct OneTimePasswordTests {
    /// The secret of both RFCs' test vectors: the ASCII digits "12345678901234567890".
    let secret = Array("12345678901234567890".utf8)

    @Test("RFC 4226 Appendix D: HOTP values for counters 0 to 9")
    func hotpVectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(OneTimePassword.hotp(secret: secret, counter: UInt64(counter)) == code)
        }
    }

    @Test("RFC 6238 Appendix B: the SHA-1 column (8 digits)")
    func totpVectors() {
        let vectors: [(Int64, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                          (1_234_567_890, "89005924"), (2_000_000_000, "69279037"),
                                          (20_000_000_000, "65353130")]
        for (time, code) in vectors {
            #expect(OneTimePassword.totp(secret: secret, at: time, digits: 8) == code)
        }
    }

    @Test("A code matches its own step and one step either side, not two")
    func window() {
        let time: Int64 = 1_234_567_890
        let code = OneTimePassword.totp(secret: secret, at: time)
        #expect(OneTimePassword.matchingStep(secret: secret, code: code, at: time) == time / 30)
        #expect(OneTimePassword.matchingStep(secret: secret, code: code, at: time + 30) == time / 30)
        #expect(OneTimePassword.matchingStep(secret: secret, code: code, at: time - 30) == time / 30)
        #expect(OneTimePassword.matchingStep(secret: secret, code: code, at: time + 60) == nil)
        #expect(OneTimePassword.matchingStep(secret: secret, code: "12345", at: time) == nil)
        #expect(OneTimePassword.matchingStep(secret: secret, code: "12345a", at: time) == nil)
    }

    @Test("HMAC-SHA1 matches RFC 2202 test case 2")
    func hmacVector() {
        let mac = HMACSHA1.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test("Base32 round-trips and matches RFC 4648 §10 (without padding)")
    func base32() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Array("f".utf8)) == "MY")
        #expect(Base32.decode("MZXW6YTBOI") == Array("foobar".utf8))
        #expect(Base32.decode("mzxw 6ytb oi======") == Array("foobar".utf8))
        #expect(Base32.decode("MZ1") == nil)
        let bytes: [UInt8] = (0..<20).map { UInt8($0 * 13 % 256) }
        #expect(Base32.decode(Base32.encode(bytes)) == bytes)
    }
}
