import COpenSSL

/// The OpenSSL library linked at run time, for `--version` and `/metrics`.
public enum OpenSSLLibrary {
    /// e.g. "3.0.15" (OpenSSL_version(OPENSSL_VERSION) without the "OpenSSL " prefix and date).
    public static var version: String {
        let full = String(cString: OpenSSL_version(OPENSSL_VERSION))
        let words = full.split(separator: " ")
        return words.count >= 2 && words[0] == "OpenSSL" ? String(words[1]) : full
    }
}
