/// HOTP (RFC 4226) and TOTP (RFC 6238) codes: HMAC-SHA1, dynamic truncation, 6 digits by
/// default, 30-second steps counted from the Unix epoch.
public enum OneTimePassword {
    public static let stepSeconds: Int64 = 30

    /// The HOTP value for a counter, as `digits` decimal digits (leading zeros kept).
    public static func hotp(secret: [UInt8], counter: UInt64, digits: Int = 6) -> String {
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8((counter >> UInt64(56 - 8 * index)) & 0xFF) }
        let mac = HMACSHA1.mac(key: secret, message: message)
        let offset = Int(mac[19] & 0x0F)
        let truncated = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<min(max(digits, 1), 9) { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The time step of an instant (seconds since 1970).
    public static func step(at seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / stepSeconds : (seconds - stepSeconds + 1) / stepSeconds
    }

    public static func totp(secret: [UInt8], at seconds: Int64, digits: Int = 6) -> String {
        hotp(secret: secret, counter: UInt64(max(0, step(at: seconds))), digits: digits)
    }

    /// The step whose code matches, trying the current step and `window` steps either side
    /// (clock drift); nil when none does. Codes are compared in constant time.
    public static func matchingStep(secret: [UInt8], code: String, at seconds: Int64, window: Int64 = 1,
                                    digits: Int = 6) -> Int64? {
        guard code.utf8.count == digits, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let current = step(at: seconds)
        var found: Int64?
        for candidate in (current - window)...(current + window) where candidate >= 0 {
            let expected = hotp(secret: secret, counter: UInt64(candidate), digits: digits)
            if ConstantTime.equals(Array(expected.utf8), Array(code.utf8)) && found == nil { found = candidate }
        }
        return found
    }
}
