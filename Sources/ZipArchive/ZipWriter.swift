/// How an entry's bytes are stored.
public enum ZipCompression: Sendable {
    case stored
    case deflated
}

/// Builds a ZIP archive (APPNOTE 6.3.x subset: stored and deflated entries, UTF-8 names, no ZIP64)
/// in memory. Output is deterministic: entries keep the order they were added in, every timestamp
/// is the DOS epoch (1980-01-01 00:00) and no extra fields are written, so equal input gives equal bytes.
public struct ZipWriter: Sendable {
    private struct CentralRecord: Sendable {
        let name: [UInt8]
        let method: UInt16
        let crc: UInt32
        let compressedSize: UInt32
        let uncompressedSize: UInt32
        let localHeaderOffset: UInt32
    }

    private var archive = LittleEndianWriter()
    private var records: [CentralRecord] = []
    private var names: Set<String> = []

    public init() {}

    /// Adds one file. Names use `/` between folders (e.g. `word/document.xml`).
    public mutating func add(_ name: String, _ bytes: [UInt8], compression: ZipCompression = .deflated) throws {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= Int(UInt16.max) else {
            throw ZipError.invalidEntry("an entry name must have 1 to 65,535 bytes")
        }
        guard bytes.count <= Int(UInt32.max) else {
            throw ZipError.invalidEntry("\(name) is over 4 GiB (ZIP64 is not written)")
        }
        guard names.insert(name).inserted else { throw ZipError.invalidEntry("duplicate entry name \(name)") }
        let data: [UInt8]
        let method: UInt16
        switch compression {
        case .stored: data = bytes; method = 0
        case .deflated: data = try RawDeflate.compress(bytes); method = 8
        }
        let offset = archive.bytes.count
        guard data.count <= Int(UInt32.max), offset <= Int(UInt32.max) else {
            throw ZipError.invalidEntry("\(name) or the archive before it is over 4 GiB (ZIP64 is not written)")
        }
        let record = CentralRecord(name: nameBytes, method: method, crc: CRC32.checksum(bytes),
                                   compressedSize: UInt32(data.count), uncompressedSize: UInt32(bytes.count),
                                   localHeaderOffset: UInt32(offset))
        writeLocalHeader(record)
        archive.append(data)
        records.append(record)
    }

    /// Convenience for text parts: the string's UTF-8 bytes.
    public mutating func add(_ name: String, text: String, compression: ZipCompression = .deflated) throws {
        try add(name, Array(text.utf8), compression: compression)
    }

    /// The finished archive: the entries, then the central directory and its end record.
    public func finish() throws -> [UInt8] {
        guard records.count <= Int(UInt16.max) else {
            throw ZipError.invalidEntry("more than 65,535 entries (ZIP64 is not written)")
        }
        var out = archive
        let directoryOffset = out.bytes.count
        for record in records { Self.writeCentralHeader(record, into: &out) }
        let directorySize = out.bytes.count - directoryOffset
        guard out.bytes.count <= Int(UInt32.max) else {
            throw ZipError.invalidEntry("the archive is over 4 GiB (ZIP64 is not written)")
        }
        out.u32(ZipSignature.endOfCentralDirectory)
        out.u16(0)  // this disk
        out.u16(0)  // disk where the directory starts
        out.u16(UInt16(records.count))
        out.u16(UInt16(records.count))
        out.u32(UInt32(directorySize))
        out.u32(UInt32(directoryOffset))
        out.u16(0)  // comment length
        return out.bytes
    }

    private mutating func writeLocalHeader(_ record: CentralRecord) {
        archive.u32(ZipSignature.localFileHeader)
        archive.u16(20)  // version needed: 2.0 (deflate)
        archive.u16(ZipFlags.utf8Names)
        archive.u16(record.method)
        archive.u16(ZipDOSTime.epochTime)
        archive.u16(ZipDOSTime.epochDate)
        archive.u32(record.crc)
        archive.u32(record.compressedSize)
        archive.u32(record.uncompressedSize)
        archive.u16(UInt16(record.name.count))
        archive.u16(0)  // extra field length
        archive.append(record.name)
    }

    private static func writeCentralHeader(_ record: CentralRecord, into out: inout LittleEndianWriter) {
        out.u32(ZipSignature.centralDirectoryHeader)
        out.u16(0x031E)  // made by: Unix, spec 3.0
        out.u16(20)
        out.u16(ZipFlags.utf8Names)
        out.u16(record.method)
        out.u16(ZipDOSTime.epochTime)
        out.u16(ZipDOSTime.epochDate)
        out.u32(record.crc)
        out.u32(record.compressedSize)
        out.u32(record.uncompressedSize)
        out.u16(UInt16(record.name.count))
        out.u16(0)  // extra
        out.u16(0)  // comment
        out.u16(0)  // disk number start
        out.u16(0)  // internal attributes
        out.u32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
        out.u32(record.localHeaderOffset)
        out.append(record.name)
    }
}

enum ZipSignature {
    static let localFileHeader: UInt32 = 0x0403_4B50
    static let centralDirectoryHeader: UInt32 = 0x0201_4B50
    static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    static let zip64EndOfCentralDirectoryLocator: UInt32 = 0x0706_4B50
}

enum ZipFlags {
    static let encrypted: UInt16 = 1 << 0
    static let dataDescriptor: UInt16 = 1 << 3
    static let utf8Names: UInt16 = 1 << 11
}

enum ZipDOSTime {
    static let epochTime: UInt16 = 0
    /// 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    static let epochDate: UInt16 = (1 << 5) | 1
}
