/// Base64 (RFC 4648 §4) and base64url (§5) without Foundation.
///
/// Decoding is strict: unknown characters, misplaced or missing padding and non-zero
/// trailing bits are rejected, so every byte string has exactly one accepted encoding.
public enum Base64 {
    public enum Alphabet: Sendable {
        /// `+` and `/`, padded with `=`: used inside password hash strings.
        case standard
        /// `-` and `_`, unpadded: used in API tokens, safe in URLs and headers.
        case url

        fileprivate var symbols: [UInt8] {
            let tail = self == .standard ? "+/" : "-_"
            return Array(("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + tail).utf8)
        }

        fileprivate var padded: Bool { self == .standard }
    }

    /// Encodes `bytes`; `.standard` pads to a multiple of four characters, `.url` does not pad.
    public static func encode(_ bytes: some Collection<UInt8>, alphabet: Alphabet = .standard) -> String {
        let symbols = alphabet.symbols
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let chunk = input[index..<min(index + 3, input.count)]
            var group = UInt32(0)
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * offset) }
            let produced = chunk.count + 1
            for position in 0..<4 {
                if position < produced {
                    out.append(symbols[Int((group >> (18 - 6 * position)) & 0x3f)])
                } else if alphabet.padded {
                    out.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `string`; nil when it is not the canonical encoding of some byte string.
    public static func decode(_ string: String, alphabet: Alphabet = .standard) -> [UInt8]? {
        var chars = Array(string.utf8)
        if alphabet.padded {
            guard chars.count % 4 == 0 else { return nil }
            let padding = chars.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            guard padding <= 2 else { return nil }
            chars.removeLast(padding)
        }
        guard chars.count % 4 != 1 else { return nil }
        var values = [UInt8]()
        values.reserveCapacity(chars.count)
        let table = reverseTable(alphabet.symbols)
        for char in chars {
            let value = table[Int(char)]
            guard value != 0xff else { return nil }
            values.append(value)
        }
        return assemble(values)
    }

    /// Packs 6-bit values into bytes, rejecting leftover bits that are not zero.
    private static func assemble(_ values: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var buffer = UInt32(0)
        var bits = 0
        for value in values {
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return buffer == 0 ? out : nil
    }

    private static func reverseTable(_ symbols: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (value, symbol) in symbols.enumerated() { table[Int(symbol)] = UInt8(value) }
        return table
    }
}
