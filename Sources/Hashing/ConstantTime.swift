import COpenSSL

/// Comparisons whose running time does not depend on secret contents.
public enum ConstantTime {
    /// Whether `a` and `b` are equal. Lengths are compared first (they are not secret:
    /// digests and keys have fixed sizes); the contents are then compared with
    /// CRYPTO_memcmp, which always reads every byte.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
