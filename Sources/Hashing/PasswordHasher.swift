import COpenSSL

/// PBKDF2-HMAC-SHA256 password hashing with a per-password random salt.
///
/// Hashes are self-describing strings, `pbkdf2-sha256$<iterations>$<salt>$<key>` (salt and
/// key in padded standard base64), so the iteration count can be raised later without
/// invalidating stored hashes: `verify` always uses the count recorded in the string.
///
/// Passwords are hashed as their UTF-8 bytes, without Unicode normalisation.
public struct PasswordHasher: Sendable {
    /// OWASP's recommended iteration count for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 210_000
    /// Upper bound accepted from an encoded string, so a corrupted row cannot stall a request.
    public static let maxIterations = 10_000_000
    /// Identifier that starts every encoded hash.
    public static let scheme = "pbkdf2-sha256"

    static let saltByteCount = 16
    static let keyByteCount = 32

    /// Iterations used by `hash(password:)`.
    public let iterations: Int

    /// - Parameter iterations: clamped to 1...maxIterations; keep the default outside tests.
    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = min(max(iterations, 1), Self.maxIterations)
    }

    /// Hashes `password` with a fresh 16-byte salt into an encoded string.
    public func hash(password: String) throws(HashingError) -> String {
        let salt = try SecureRandom.bytes(Self.saltByteCount)
        let key = try Self.deriveKey(password: Array(password.utf8), salt: salt,
                                     iterations: iterations, length: Self.keyByteCount)
        return [Self.scheme, String(iterations), Base64.encode(salt), Base64.encode(key)]
            .joined(separator: "$")
    }

    /// Whether `password` matches `encoded`. False for a wrong password and for any
    /// malformed, truncated or unsupported encoded string.
    public func verify(password: String, against encoded: String) -> Bool {
        guard let stored = EncodedHash(encoded),
              let key = try? Self.deriveKey(password: Array(password.utf8), salt: stored.salt,
                                            iterations: stored.iterations, length: stored.key.count)
        else { return false }
        return ConstantTime.equals(key, stored.key)
    }

    /// Raw PBKDF2-HMAC-SHA256 (RFC 8018 §5.2).
    static func deriveKey(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) throws(HashingError) -> [UInt8] {
        guard (1...maxIterations).contains(iterations), (1...1024).contains(length) else {
            throw HashingError("PBKDF2: iterations or key length out of range")
        }
        var key = [UInt8](repeating: 0, count: length)
        ERR_clear_error()
        let result = password.withUnsafeBufferPointer { pass in
            PKCS5_PBKDF2_HMAC(pass.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                              Int32(pass.count), salt, Int32(salt.count), Int32(iterations),
                              EVP_sha256(), Int32(length), &key)
        }
        guard result == 1 else { throw HashingError.openSSL("PKCS5_PBKDF2_HMAC failed") }
        return key
    }
}

/// The parts of a `pbkdf2-sha256$…` string, validated.
private struct EncodedHash {
    let iterations: Int
    let salt: [UInt8]
    let key: [UInt8]

    init?(_ encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == PasswordHasher.scheme,
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), !parts[1].hasPrefix("0"),
              let iterations = Int(parts[1]), (1...PasswordHasher.maxIterations).contains(iterations),
              let salt = Base64.decode(String(parts[2])), salt.count >= 8,
              let key = Base64.decode(String(parts[3])), key.count == PasswordHasher.keyByteCount
        else { return nil }
        self.iterations = iterations
        self.salt = salt
        self.key = key
    }
}
