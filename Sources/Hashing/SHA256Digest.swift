import COpenSSL

/// One-shot SHA-256 (FIPS 180-4) through OpenSSL's EVP interface.
public enum SHA256Digest {
    /// Length of a digest in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable(digest) { return digest }
        return Array(bytes).withUnsafeBufferPointer(digest)
    }

    /// The SHA-256 digest of the UTF-8 bytes of `string`.
    public static func hash(_ string: String) -> [UInt8] {
        hash(Array(string.utf8))
    }

    /// The SHA-256 digest of `bytes`, as lowercase hex.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        Hex.encode(hash(bytes))
    }

    /// The SHA-256 digest of the UTF-8 bytes of `string`, as lowercase hex.
    public static func hex(_ string: String) -> String {
        Hex.encode(hash(string))
    }

    private static func digest(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        // EVP_Digest only fails when OpenSSL cannot allocate or is misbuilt; nothing sensible
        // can continue after that, and a wrong digest would be a silent security bug.
        guard EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil) == 1,
              length == byteCount else {
            fatalError("\(HashingError.openSSL("EVP_Digest(SHA-256) failed"))")
        }
        return output
    }
}
