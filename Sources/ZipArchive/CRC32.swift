import CZlib

/// CRC-32 (ISO 3309, the checksum ZIP stores for every entry), computed by zlib.
public enum CRC32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt = crc32(0, nil, 0)
        bytes.withUnsafeBufferPointer { buffer in
            guard var base = buffer.baseAddress else { return }
            var remaining = buffer.count
            // zlib takes a 32-bit length: feed large inputs in chunks.
            while remaining > 0 {
                let chunk = min(remaining, 1 << 30)
                crc = crc32(crc, base, UInt32(chunk))
                base += chunk
                remaining -= chunk
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
