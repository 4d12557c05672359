import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes; throws if OpenSSL could not produce them (e.g. an unseeded DRBG).
    public static func bytes(_ count: Int) throws(HashingError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= Int(Int32.max) else { throw HashingError("SecureRandom: \(count) bytes is too many") }
        var output = [UInt8](repeating: 0, count: count)
        ERR_clear_error()
        guard RAND_bytes(&output, Int32(count)) == 1 else { throw HashingError.openSSL("RAND_bytes failed") }
        return output
    }
}
