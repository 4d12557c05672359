import Testing
@testable import ZipArchive

@Suite struct ZipRoundTripTests {
    private func archive(_ files: [(String, [UInt8], ZipCompression)]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, bytes, compression) in files { try writer.add(name, bytes, compression: compression) }
        return try writer.finish()
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func storedAndDeflatedEntriesComeBackByteForByte() throws {
        let text = Array(String(repeating: "<w:p>垃圾分类</w:p>", count: 500).utf8)
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        let bytes = try archive([("word/document.xml", text, .deflated), ("media/image.bin", binary, .stored),
                                 ("empty.txt", [], .deflated), ("目录/名字.xml", Array("名字".utf8), .deflated)])
        let reader = try ZipReader(bytes)
        #expect(reader.entries.map(\.name) == ["word/document.xml", "media/image.bin", "empty.txt", "目录/名字.xml"])
        #expect(try reader.read("word/document.xml") == text)
        #expect(try reader.read("media/image.bin") == binary)
        #expect(try reader.read("empty.txt") == [])
        #expect(try reader.read("目录/名字.xml") == Array("名字".utf8))
        #expect(reader.entries[0].compressedSize < text.count / 10)
        #expect(reader.entries[1].compression == .stored)
    }

    @Test func equalInputGivesEqualBytes() throws {
        let files: [(String, [UInt8], ZipCompression)] = [("a.xml", Array("<a/>".utf8), .deflated),
                                                          ("b.xml", Array(repeating: 65, count: 10_000), .deflated)]
        #expect(try archive(files) == archive(files))
    }

    @Test func namesAreFlaggedUTF8AndTimestampsAreTheDOSEpoch() throws {
        let bytes = try archive([("名.txt", [1, 2, 3], .stored)])
        let reader = LittleEndianReader(bytes: bytes)
        #expect(try reader.u32(at: 0) == 0x0403_4B50)
        #expect(try reader.u16(at: 6) & (1 << 11) != 0)
        #expect(try reader.u16(at: 10) == 0)  // time 00:00:00
        #expect(try reader.u16(at: 12) == 0x21)  // 1980-01-01
    }

    @Test func duplicateAndEmptyNamesAreRefused() throws {
        var writer = ZipWriter()
        try writer.add("a", [1])
        #expect(throws: ZipError.invalidEntry("duplicate entry name a")) { try writer.add("a", [2]) }
        #expect(throws: ZipError.self) { try writer.add("", [2]) }
    }

    /// Written by Python's zipfile to an unseekable stream: data descriptors (flag bit 3) whose
    /// local headers carry zero sizes, one deflated and one stored entry with a UTF-8 name.
    @Test func anArchiveFromAnotherToolWithDataDescriptorsIsRead() throws {
        let hex = "504b030414000800080032a0845d0000000000000000000000000900000068656c6c6f2e747874cb48cdc9c9d75128cf2fca49e1cac0c90100504b0708f04cf9e61200000027000000504b030414000808000032a0845d00000000000000000000000011000000e79baee5bd952fe5908de5ad972e786d6c3c613ee5908de5ad973c2f613e504b070822376b2b0d0000000d000000504b0102140314000800080032a0845df04cf9e6120000002700000009000000000000000000000080010000000068656c6c6f2e747874504b0102140314000808000032a0845d22376b2b0d0000000d000000110000000000000000000000800149000000e79baee5bd952fe5908de5ad972e786d6c504b0506000000000200020076000000950000000000"
        let reader = try ZipReader(Self.bytes(hex: hex))
        #expect(try reader.read("hello.txt") == Array(String(repeating: "hello, world\n", count: 3).utf8))
        #expect(try reader.read("目录/名字.xml") == Array("<a>名字</a>".utf8))
        #expect(throws: ZipError.entryNotFound("missing")) { try reader.read("missing") }
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }
}
