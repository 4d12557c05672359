import HTTPCore

/// The address of the client behind a request: the TCP peer, or, when the peer is the trusted
/// reverse proxy (`--trusted-proxy`), the address that proxy appended to `X-Forwarded-For`.
///
/// Only the last `X-Forwarded-For` entry is read: a proxy appends the address it saw, and every
/// entry before it came from the client, which may write anything there. A header from any
/// other peer is ignored for the same reason, and so is a last entry that is not an IP address.
public enum ClientAddress {
    public static func of(_ request: Request, trustedProxy: String?) -> String {
        resolve(peer: request.connection.peer, forwardedFor: request.headers.values("x-forwarded-for"),
                trustedProxy: trustedProxy)
    }

    public static func resolve(peer: String, forwardedFor: [String], trustedProxy: String?) -> String {
        guard let trustedProxy, peer == trustedProxy,
              let last = forwardedFor.last?.split(separator: ",").last else { return peer }
        let candidate = last.trimmingSpaces()
        return looksLikeIPAddress(candidate) ? candidate : peer
    }

    /// IPv4 dotted quads and IPv6 text (hex digits, ':' and '.'), at most 45 characters.
    static func looksLikeIPAddress(_ text: String) -> Bool {
        guard (2...45).contains(text.utf8.count) else { return false }
        let isHex = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        if text.utf8.contains(UInt8(ascii: ":")) {
            return text.utf8.allSatisfy { isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && Int(part).map { $0 <= 255 } == true
        }
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
