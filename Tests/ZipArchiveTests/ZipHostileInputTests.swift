import Testing
@testable import ZipArchive

/// Truncated, corrupted and lying archives, and zip bombs: each is an error, never a crash,
/// never more memory than the limits allow.
@Suite struct ZipHostileInputTests {
    private func sample() throws -> [UInt8] {
        var writer = ZipWriter()
        try writer.add("a.xml", Array(String(repeating: "<row>1</row>", count: 200).utf8))
        try writer.add("b.txt", Array("stored".utf8), compression: .stored)
        return try writer.finish()
    }

    /// Reads every entry, so corruption anywhere is reached.
    private func readAll(_ bytes: [UInt8], limits: ZipReadLimits = ZipReadLimits()) throws {
        let reader = try ZipReader(bytes, limits: limits)
        for entry in reader.entries { _ = try reader.read(entry) }
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let bytes = try sample()
        for length in 0..<bytes.count {
            #expect(throws: ZipError.self) { try readAll(Array(bytes.prefix(length))) }
        }
    }

    @Test func everySingleByteCorruptionIsAnErrorOrReadsTheSameBytes() throws {
        let bytes = try sample()
        let original = try ZipReader(bytes)
        let expected = try original.entries.map { try original.read($0) }
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0x5A
            // Some bytes (e.g. the "made by" field) do not matter: then the content must be intact.
            if let reader = try? ZipReader(damaged), let got = try? reader.entries.map({ try reader.read($0) }) {
                #expect(got == expected, "flipping byte \(position) changed the content without an error")
            }
        }
    }

    @Test func aWrongCRCIsReported() throws {
        var bytes = try sample()
        bytes[14] ^= 0xFF  // the first local header's CRC: the central one is what counts
        let reader = try ZipReader(bytes)
        _ = try reader.read("a.xml")
        let directory = try centralDirectoryOffset(bytes)
        bytes[directory + 16] ^= 0xFF
        #expect(throws: ZipError.corruptEntry(name: "a.xml", reason: "CRC-32 mismatch")) {
            try ZipReader(bytes).read("a.xml")
        }
    }

    @Test func anEntryThatInflatesPastItsDeclaredSizeIsStoppedThere() throws {
        var bytes = try sample()
        let directory = try centralDirectoryOffset(bytes)
        bytes[directory + 24] = 10; bytes[directory + 25] = 0; bytes[directory + 26] = 0; bytes[directory + 27] = 0
        #expect(throws: ZipError.corruptEntry(name: "a.xml", reason: "inflates to more than its declared 10 bytes")) {
            try ZipReader(bytes).read("a.xml")
        }
    }

    @Test func anEntryThatEndsBeforeItsDeclaredSizeIsRejected() throws {
        var bytes = try sample()
        let directory = try centralDirectoryOffset(bytes)
        bytes[directory + 25] &+= 1  // declared size + 256
        #expect(throws: ZipError.self) { try ZipReader(bytes).read("a.xml") }
    }

    @Test func tooManyEntriesAreRefusedBeforeReading() throws {
        var writer = ZipWriter()
        for index in 0..<20 { try writer.add("f\(index)", [UInt8(index)]) }
        let bytes = try writer.finish()
        #expect(throws: ZipError.limitExceeded("20 entries, at most 10 allowed")) {
            try ZipReader(bytes, limits: ZipReadLimits(maxEntries: 10))
        }
        #expect(try ZipReader(bytes, limits: ZipReadLimits(maxEntries: 20)).entries.count == 20)
    }

    @Test func aHighlyCompressedEntryIsRefusedAsABomb() throws {
        var writer = ZipWriter()
        try writer.add("zeros", [UInt8](repeating: 0, count: 4 << 20))
        let bytes = try writer.finish()
        #expect(bytes.count < 10_000)
        #expect(throws: ZipError.self) { try ZipReader(bytes) }
        let generous = ZipReadLimits(maxCompressionRatio: 10_000)
        #expect(try ZipReader(bytes, limits: generous).read("zeros").count == 4 << 20)
    }

    @Test func entryAndTotalSizeLimitsApplyToDeclaredSizes() throws {
        var writer = ZipWriter()
        for index in 0..<4 { try writer.add("part\(index)", (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 31 + index) }) }
        let bytes = try writer.finish()
        #expect(throws: ZipError.limitExceeded("part0 expands to 3000 bytes, at most 2000 allowed")) {
            try ZipReader(bytes, limits: ZipReadLimits(maxEntrySize: 2000))
        }
        #expect(throws: ZipError.limitExceeded("entries expand to more than 10000 bytes in total")) {
            try ZipReader(bytes, limits: ZipReadLimits(maxTotalSize: 10_000))
        }
        #expect(try ZipReader(bytes, limits: ZipReadLimits(maxTotalSize: 12_000)).entries.count == 4)
    }

    @Test func encryptedAndUnknownMethodsAreUnsupported() throws {
        var bytes = try sample()
        let directory = try centralDirectoryOffset(bytes)
        var encrypted = bytes
        encrypted[directory + 8] |= 1
        #expect(throws: ZipError.unsupported("encrypted entry a.xml")) { try ZipReader(encrypted) }
        bytes[directory + 10] = 12  // bzip2
        #expect(throws: ZipError.unsupported("compression method 12 in a.xml")) { try ZipReader(bytes) }
    }

    @Test func notAnArchiveAtAll() {
        #expect(throws: ZipError.malformed("no end-of-central-directory record")) {
            try ZipReader(Array(repeating: 0x41, count: 1000))
        }
    }

    private func centralDirectoryOffset(_ bytes: [UInt8]) throws -> Int {
        Int(try LittleEndianReader(bytes: bytes).u32(at: bytes.count - 22 + 16))
    }
}
