/// One file listed in an archive's central directory.
public struct ZipEntry: Sendable, Equatable {
    public let name: String
    public let compression: ZipCompression
    public let crc: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    let localHeaderOffset: Int
}

/// Reads a ZIP archive held in memory, trusting nothing it says: the central directory is found
/// from the end record, every offset and size is bounds-checked, the limits are applied to the
/// declared sizes before inflating, and each entry is checked against its size and CRC-32.
/// Stored and deflated entries only; ZIP64, encryption and multi-disk archives are refused.
public struct ZipReader: Sendable {
    public let entries: [ZipEntry]
    private let reader: LittleEndianReader
    private let byName: [String: Int]

    public init(_ bytes: [UInt8], limits: ZipReadLimits = ZipReadLimits()) throws {
        reader = LittleEndianReader(bytes: bytes)
        let end = try Self.findEndRecord(reader)
        let diskNumber = try reader.u16(at: end + 4)
        let directoryDisk = try reader.u16(at: end + 6)
        let entriesOnDisk = try reader.u16(at: end + 8)
        let entryCount = try reader.u16(at: end + 10)
        let directorySize = Int(try reader.u32(at: end + 12))
        let directoryOffset = Int(try reader.u32(at: end + 16))
        guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
            throw ZipError.unsupported("multi-disk archive")
        }
        if entryCount == UInt16.max || directoryOffset == Int(UInt32.max) || directorySize == Int(UInt32.max) {
            throw ZipError.unsupported("ZIP64")
        }
        guard Int(entryCount) <= limits.maxEntries else {
            throw ZipError.limitExceeded("\(entryCount) entries, at most \(limits.maxEntries) allowed")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw ZipError.malformed("the central directory lies outside the archive")
        }
        let parsed = try Self.readCentralDirectory(reader, offset: directoryOffset, size: directorySize,
                                                   count: Int(entryCount), limits: limits)
        entries = parsed
        var index: [String: Int] = [:]
        for (position, entry) in parsed.enumerated() {
            guard index.updateValue(position, forKey: entry.name) == nil else {
                throw ZipError.malformed("entry \(entry.name) is listed twice")
            }
        }
        byName = index
    }

    /// Whether the archive lists `name`.
    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// The uncompressed bytes of `name`, checked against the declared size and CRC-32.
    public func read(_ name: String) throws -> [UInt8] {
        guard let position = byName[name] else { throw ZipError.entryNotFound(name) }
        return try read(entries[position])
    }

    /// The uncompressed bytes of `entry`, checked against the declared size and CRC-32.
    public func read(_ entry: ZipEntry) throws -> [UInt8] {
        let local = entry.localHeaderOffset
        guard try reader.u32(at: local) == ZipSignature.localFileHeader else {
            throw ZipError.malformed("no local header for \(entry.name) at offset \(local)")
        }
        // The local header's own sizes may be zero (data descriptor): the central directory's rule.
        let nameLength = Int(try reader.u16(at: local + 26))
        let extraLength = Int(try reader.u16(at: local + 28))
        guard try reader.slice(at: local + 30, count: nameLength).elementsEqual(entry.name.utf8) else {
            throw ZipError.malformed("the local header at offset \(local) names another entry than \(entry.name)")
        }
        let dataOffset = local + 30 + nameLength + extraLength
        let data = try reader.slice(at: dataOffset, count: entry.compressedSize)
        let bytes: [UInt8]
        switch entry.compression {
        case .stored:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw ZipError.corruptEntry(name: entry.name, reason: "a stored entry whose two sizes differ")
            }
            bytes = Array(data)
        case .deflated:
            bytes = try RawDeflate.decompress(data, expectedSize: entry.uncompressedSize, name: entry.name)
        }
        guard CRC32.checksum(bytes) == entry.crc else {
            throw ZipError.corruptEntry(name: entry.name, reason: "CRC-32 mismatch")
        }
        return bytes
    }

    /// The end-of-central-directory record sits in the last 22 + 65,535 bytes (its comment may be
    /// that long); the last signature whose comment length reaches exactly the end is the one.
    private static func findEndRecord(_ reader: LittleEndianReader) throws -> Int {
        let count = reader.bytes.count
        guard count >= 22 else { throw ZipError.malformed("too short to hold an end-of-central-directory record") }
        let lowest = max(0, count - 22 - Int(UInt16.max))
        var offset = count - 22
        while offset >= lowest {
            if try reader.u32(at: offset) == ZipSignature.endOfCentralDirectory,
               offset + 22 + Int(try reader.u16(at: offset + 20)) == count {
                if offset >= 20, try reader.u32(at: offset - 20) == ZipSignature.zip64EndOfCentralDirectoryLocator {
                    throw ZipError.unsupported("ZIP64")
                }
                return offset
            }
            offset -= 1
        }
        throw ZipError.malformed("no end-of-central-directory record")
    }

    private static func readCentralDirectory(_ reader: LittleEndianReader, offset: Int, size: Int, count: Int,
                                             limits: ZipReadLimits) throws -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var cursor = offset
        var total = 0
        for _ in 0..<count {
            guard cursor + 46 <= offset + size, try reader.u32(at: cursor) == ZipSignature.centralDirectoryHeader else {
                throw ZipError.malformed("central directory entry \(entries.count + 1) is missing or truncated")
            }
            let entry = try readCentralHeader(reader, at: cursor, limits: limits)
            total += entry.uncompressedSize
            guard total <= limits.maxTotalSize else {
                throw ZipError.limitExceeded("entries expand to more than \(limits.maxTotalSize) bytes in total")
            }
            entries.append(entry.entry)
            cursor = entry.next
            guard cursor <= offset + size else { throw ZipError.malformed("central directory entry runs past its end") }
        }
        return entries
    }

    private static func readCentralHeader(_ reader: LittleEndianReader, at cursor: Int,
                                          limits: ZipReadLimits) throws -> (entry: ZipEntry, next: Int, uncompressedSize: Int) {
        let flags = try reader.u16(at: cursor + 8)
        let method = try reader.u16(at: cursor + 10)
        let crc = try reader.u32(at: cursor + 16)
        let compressedSize = Int(try reader.u32(at: cursor + 20))
        let uncompressedSize = Int(try reader.u32(at: cursor + 24))
        let nameLength = Int(try reader.u16(at: cursor + 28))
        let extraLength = Int(try reader.u16(at: cursor + 30))
        let commentLength = Int(try reader.u16(at: cursor + 32))
        let localHeaderOffset = Int(try reader.u32(at: cursor + 42))
        let nameBytes = try reader.slice(at: cursor + 46, count: nameLength)
        guard let name = String(validating: nameBytes, as: UTF8.self), !name.isEmpty else {
            throw ZipError.malformed("an entry name that is empty or not UTF-8")
        }
        guard flags & ZipFlags.encrypted == 0 else { throw ZipError.unsupported("encrypted entry \(name)") }
        let compression: ZipCompression
        switch method {
        case 0: compression = .stored
        case 8: compression = .deflated
        default: throw ZipError.unsupported("compression method \(method) in \(name)")
        }
        if compressedSize == Int(UInt32.max) || uncompressedSize == Int(UInt32.max) || localHeaderOffset == Int(UInt32.max) {
            throw ZipError.unsupported("ZIP64 sizes in \(name)")
        }
        guard uncompressedSize <= limits.maxEntrySize else {
            throw ZipError.limitExceeded("\(name) expands to \(uncompressedSize) bytes, at most \(limits.maxEntrySize) allowed")
        }
        if uncompressedSize > limits.ratioGraceSize,
           uncompressedSize / max(compressedSize, 1) > limits.maxCompressionRatio {
            throw ZipError.limitExceeded("\(name) compresses \(uncompressedSize / max(compressedSize, 1))× (at most \(limits.maxCompressionRatio)× allowed)")
        }
        let entry = ZipEntry(name: name, compression: compression, crc: crc, compressedSize: compressedSize,
                             uncompressedSize: uncompressedSize, localHeaderOffset: localHeaderOffset)
        return (entry, cursor + 46 + nameLength + extraLength + commentLength, uncompressedSize)
    }
}
