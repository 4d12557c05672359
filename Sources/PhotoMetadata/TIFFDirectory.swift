/// One entry of a TIFF image file directory (TIFF 6.0 §2): a tag, its type and where its values are.
struct TIFFEntry {
    let tag: UInt16
    let type: UInt16
    let count: UInt32
    /// Offset (in the TIFF data) of the values: inline in the entry when they fit in 4 bytes.
    let valueOffset: Int
}

/// Reads TIFF directories from the bytes after `Exif\0\0`: header, byte order, IFD entries,
/// ASCII and RATIONAL values. Anything out of bounds or malformed reads as absent.
struct TIFFReader {
    let reader: ByteReader
    /// Most entries read from one directory, so a corrupt count cannot make us loop for long.
    static let maxEntries = 1000

    init?(_ tiff: ArraySlice<UInt8>) {
        guard tiff.count >= 8 else { return nil }
        let first = tiff[tiff.startIndex], second = tiff[tiff.startIndex + 1]
        let bigEndian: Bool
        if first == 0x4D && second == 0x4D { bigEndian = true } else if first == 0x49 && second == 0x49 { bigEndian = false } else { return nil }
        reader = ByteReader(tiff, bigEndian: bigEndian)
        guard reader.u16(2) == 42 else { return nil }
    }

    var firstDirectoryOffset: Int? { reader.u32(4).map(Int.init) }

    /// The entries of the directory at `offset`; empty when it lies outside the data.
    func entries(at offset: Int) -> [TIFFEntry] {
        guard let count = reader.u16(offset), count > 0 else { return [] }
        var entries: [TIFFEntry] = []
        for index in 0..<min(Int(count), Self.maxEntries) {
            let at = offset + 2 + index * 12
            guard let tag = reader.u16(at), let type = reader.u16(at + 2), let count = reader.u32(at + 4) else { break }
            let size = Self.size(of: type).map { UInt64($0) * UInt64(count) }
            let valueOffset: Int
            if let size, size <= 4 {
                valueOffset = at + 8
            } else {
                guard let pointer = reader.u32(at + 8) else { break }
                valueOffset = Int(pointer)
            }
            entries.append(TIFFEntry(tag: tag, type: type, count: count, valueOffset: valueOffset))
        }
        return entries
    }

    /// A LONG (or SHORT) value: sub-directory pointers.
    func offset(_ entry: TIFFEntry) -> Int? {
        switch entry.type {
        case 4: reader.u32(entry.valueOffset).map(Int.init)
        case 3: reader.u16(entry.valueOffset).map(Int.init)
        default: nil
        }
    }

    /// An ASCII value without its terminating NUL.
    func ascii(_ entry: TIFFEntry) -> String? {
        guard entry.type == 2, entry.count <= 256, let bytes = reader.slice(entry.valueOffset, Int(entry.count)) else { return nil }
        let text = bytes.prefix { $0 != 0 }
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// The RATIONAL values of an entry (unsigned numerator / denominator pairs).
    func rationals(_ entry: TIFFEntry) -> [Double]? {
        guard entry.type == 5, entry.count >= 1, entry.count <= 16 else { return nil }
        var values: [Double] = []
        for index in 0..<Int(entry.count) {
            guard let numerator = reader.u32(entry.valueOffset + index * 8),
                  let denominator = reader.u32(entry.valueOffset + index * 8 + 4), denominator != 0 else { return nil }
            values.append(Double(numerator) / Double(denominator))
        }
        return values
    }

    private static func size(of type: UInt16) -> Int? {
        switch type {
        case 1, 2, 6, 7: 1
        case 3, 8: 2
        case 4, 9, 11: 4
        case 5, 10, 12: 8
        default: nil
        }
    }
}
