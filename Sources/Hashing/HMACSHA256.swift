import COpenSSL

/// HMAC-SHA256 (RFC 2104) through OpenSSL: the signatures of outbound webhooks and of
/// DingTalk robot URLs.
public enum HMACSHA256 {
    public static let byteCount = 32

    public static func authenticationCode(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        let key = Array(key), message = Array(message)
        var output = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let done = key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), messageBytes.baseAddress, messageBytes.count,
                     &output, &length)
            }
        }
        // HMAC fails only when OpenSSL cannot allocate; a wrong code would be a silent security bug
        guard done != nil, length == byteCount else { fatalError("\(HashingError.openSSL("HMAC(SHA-256) failed"))") }
        return output
    }

    public static func authenticationCode(key: String, message: String) -> [UInt8] {
        authenticationCode(key: Array(key.utf8), message: Array(message.utf8))
    }

    public static func hex(key: String, message: String) -> String {
        Hex.encode(authenticationCode(key: key, message: message))
    }
}
