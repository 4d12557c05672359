import Testing
@testable import PhotoMetadata

/// The EXIF reader on camera-shaped files in both byte orders, and on broken ones.
@Suite struct ExifReaderTests {
    static func facts(_ bytes: [UInt8]) -> PhotoFacts { ExifReader.facts(bytes[...], kind: .jpeg) }

    @Test(arguments: [false, true]) func captureTimeAndPositionInEitherByteOrder(bigEndian: Bool) {
        let facts = Self.facts(ExifJPEGBuilder(bigEndian: bigEndian).jpeg())
        #expect(facts.capturedAt == CaptureTime(year: 2026, month: 11, day: 20, hour: 9, minute: 30, second: 15, offsetMinutes: 480))
        #expect(abs((facts.latitude ?? 0) - 30.2741) < 0.00001)
        #expect(abs((facts.longitude ?? 0) - 120.1551) < 0.00001)
    }

    @Test func southAndWestAreNegative() {
        let facts = Self.facts(ExifJPEGBuilder(bigEndian: true, latitude: -33.8688, longitude: -70.6693).jpeg())
        #expect(abs((facts.latitude ?? 0) + 33.8688) < 0.00001)
        #expect(abs((facts.longitude ?? 0) + 70.6693) < 0.00001)
    }

    @Test func withoutOffsetTheTimeHasNone() {
        let facts = Self.facts(ExifJPEGBuilder(offsetTimeOriginal: nil).jpeg())
        #expect(facts.capturedAt?.offsetMinutes == nil)
        #expect(facts.capturedAt?.hour == 9)
    }

    @Test func missingDirectoriesGiveAbsentFields() {
        let noGPS = Self.facts(ExifJPEGBuilder(latitude: nil, longitude: nil).jpeg())
        #expect(noGPS.latitude == nil && noGPS.capturedAt != nil)
        let noExif = Self.facts(ExifJPEGBuilder(dateTimeOriginal: nil, offsetTimeOriginal: nil).jpeg())
        #expect(noExif.capturedAt == nil && noExif.latitude != nil)
        let plain: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0xFF, 0xD9]
        #expect(Self.facts(plain) == PhotoFacts())
    }

    @Test func unsetCameraClockIsNoTime() {
        #expect(Self.facts(ExifJPEGBuilder(dateTimeOriginal: "0000:00:00 00:00:00").jpeg()).capturedAt == nil)
        #expect(Self.facts(ExifJPEGBuilder(dateTimeOriginal: "    :  :     :  :  ").jpeg()).capturedAt == nil)
    }

    @Test func corruptOffsetsAndTruncationsNeverTrap() {
        let good = ExifJPEGBuilder().jpeg()
        // every truncation
        for length in 0..<good.count { _ = Self.facts(Array(good.prefix(length))) }
        // every single byte flipped to each of a few values
        for index in 0..<min(good.count, 400) {
            for value: UInt8 in [0x00, 0xFF, 0x7F, 0x80] {
                var broken = good
                broken[index] = value
                _ = Self.facts(broken)
            }
        }
    }

    @Test func aDirectoryPointingOutsideTheDataIsIgnored() {
        var tiff = ExifJPEGBuilder(latitude: nil, longitude: nil).tiffData()
        // IFD0 entry 2 is the Exif pointer: value at 8 + 2 + 12 + 8.
        let at = 8 + 2 + 12 + 8
        tiff.replaceSubrange(at..<(at + 4), with: [0xF0, 0xFF, 0xFF, 0x7F])
        let reader = TIFFReader(tiff[...])
        #expect(reader.map(ExifReader.facts) == PhotoFacts())
    }

    @Test func kindsAreToldByTheirFirstBytes() {
        #expect(FileKind.sniff(ExifJPEGBuilder().jpeg()) == .jpeg)
        #expect(FileKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) == .png)
        #expect(FileKind.sniff(Array("RIFF\u{10}\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(FileKind.sniff([0, 0, 0, 0x18] + Array("ftypheic\0\0\0\0".utf8)) == .heic)
        #expect(FileKind.sniff([0, 0, 0, 0x18] + Array("ftypmif1\0\0\0\0".utf8)) == .heic)
        #expect(FileKind.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(FileKind.sniff([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) == nil)  // ELF
        #expect(FileKind.sniff([0, 0, 0, 0x18] + Array("ftypisom\0\0\0\0".utf8)) == nil)  // MP4
        #expect(FileKind.sniff([]) == nil)
    }
}
