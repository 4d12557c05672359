import COpenSSL

/// HMAC-SHA1 (RFC 2104) through OpenSSL: the MAC that HOTP and TOTP (RFC 4226, RFC 6238) use.
/// SHA-1's collision weakness does not affect HMAC's use here.
public enum HMACSHA1 {
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        let ok = key.withUnsafeBufferPointer { keyBytes in
            message.withUnsafeBufferPointer { messageBytes in
                HMAC(EVP_sha1(), keyBytes.baseAddress, Int32(keyBytes.count), messageBytes.baseAddress, messageBytes.count,
                     &digest, &length) != nil
            }
        }
        // HMAC only fails when OpenSSL cannot allocate; a zero digest then never matches a code.
        return ok && length == 20 ? digest : [UInt8](repeating: 0, count: 20)
    }
}
