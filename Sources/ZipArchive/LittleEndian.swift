/// Little-endian integers, the byte order of every ZIP header field.
struct LittleEndianWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    mutating func append(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
    }
}

/// Reads little-endian fields from a byte array at checked positions: a read past the end throws
/// instead of trapping, so a truncated or lying archive is an error, never a crash.
struct LittleEndianReader {
    let bytes: [UInt8]

    func u16(at offset: Int) throws -> UInt16 {
        try require(offset, 2)
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(at offset: Int) throws -> UInt32 {
        try require(offset, 4)
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << UInt32(8 * index) }
        return value
    }

    func slice(at offset: Int, count: Int) throws -> ArraySlice<UInt8> {
        try require(offset, count)
        return bytes[offset..<(offset + count)]
    }

    private func require(_ offset: Int, _ count: Int) throws {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw ZipError.malformed("a header at offset \(offset) runs past the end of the archive")
        }
    }
}
