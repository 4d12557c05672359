/// Bearer tokens: 32 random bytes shown to the user once; only their SHA-256 is stored.
///
/// A token reads `wst_` followed by 43 base64url characters (no padding). The prefix makes
/// leaked tokens recognisable to secret scanners and in logs.
public enum APIToken {
    /// Text that starts every token.
    public static let prefix = "wst_"
    /// Random bytes in a token.
    public static let randomByteCount = 32
    /// Characters in a well-formed token: the prefix plus unpadded base64url of 32 bytes.
    public static let length = prefix.utf8.count + 43

    /// A new token and the hash to store for it.
    public static func generate() throws(HashingError) -> (token: String, hash: String) {
        let token = prefix + Base64.encode(try SecureRandom.bytes(randomByteCount), alphabet: .url)
        return (token, hash(token))
    }

    /// The stored form of `token`: lowercase hex SHA-256 of its UTF-8 bytes.
    /// Compare stored hashes with `ConstantTime.equals` or look them up by exact value.
    public static func hash(_ token: String) -> String {
        SHA256Digest.hex(token)
    }

    /// Whether `token` has the shape `generate()` produces; a cheap check before any lookup.
    public static func isWellFormed(_ token: String) -> Bool {
        guard token.utf8.count == length, token.hasPrefix(prefix) else { return false }
        let body = String(token.utf8.dropFirst(prefix.utf8.count)) ?? ""
        return Base64.decode(body, alphabet: .url)?.count == randomByteCount
    }
}
