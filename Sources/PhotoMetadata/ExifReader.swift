/// Reads the capture time and GPS position from a photo's first bytes: JPEG's APP1 `Exif`
/// segment and the TIFF directories inside it (IFD0 → Exif IFD, GPS IFD), in either byte order.
/// Our own reader, bounds-checked at every read: a missing or corrupt directory yields absent
/// fields, never a crash (fuzzed by `Fuzz/ExifReader`).
public enum ExifReader {
    /// Bytes of a file's start worth reading: an APP1 segment holds at most 64 KiB, and cameras
    /// put it right after the start-of-image marker (an APP0 may come first).
    public static let prefixLength = 256 * 1024

    /// The facts of a JPEG (other kinds: none yet; HEIC keeps its Exif item where its `iloc`
    /// box says, which may be anywhere in the file — see docs/DECISIONS.md).
    public static func facts(_ bytes: ArraySlice<UInt8>, kind: FileKind) -> PhotoFacts {
        guard kind == .jpeg, let tiff = exifSegment(bytes), let reader = TIFFReader(tiff) else { return PhotoFacts() }
        return facts(reader)
    }

    /// The TIFF data of the first APP1 segment that starts with `Exif\0\0`.
    static func exifSegment(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let reader = ByteReader(bytes, bigEndian: true)
        guard reader.u8(0) == 0xFF, reader.u8(1) == 0xD8 else { return nil }
        var offset = 2
        while let byte = reader.u8(offset) {
            guard byte == 0xFF else { return nil }
            guard let marker = reader.u8(offset + 1) else { return nil }
            if marker == 0xFF { offset += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }  // no length
            if marker == 0xDA || marker == 0xD9 { return nil }  // image data: no metadata after this
            guard let length = reader.u16(offset + 2), length >= 2,
                  let segment = reader.slice(offset + 4, Int(length) - 2) else { return nil }
            if marker == 0xE1, segment.starts(with: [0x45, 0x78, 0x69, 0x66, 0, 0]) {
                return segment.dropFirst(6)
            }
            offset += 2 + Int(length)
        }
        return nil
    }

    static func facts(_ tiff: TIFFReader) -> PhotoFacts {
        var facts = PhotoFacts()
        guard let first = tiff.firstDirectoryOffset else { return facts }
        let ifd0 = tiff.entries(at: first)
        if let exif = ifd0.first(where: { $0.tag == 0x8769 }).flatMap(tiff.offset) {
            let entries = tiff.entries(at: exif)
            if let original = entries.first(where: { $0.tag == 0x9003 }).flatMap(tiff.ascii) {
                let offset = entries.first(where: { $0.tag == 0x9011 }).flatMap(tiff.ascii)
                facts.capturedAt = CaptureTime(exif: original, offset: offset)
            }
        }
        if let gps = ifd0.first(where: { $0.tag == 0x8825 }).flatMap(tiff.offset) {
            let entries = tiff.entries(at: gps)
            func coordinate(_ refTag: UInt16, _ valueTag: UInt16, negative: String, limit: Double) -> Double? {
                guard let ref = entries.first(where: { $0.tag == refTag }).flatMap(tiff.ascii),
                      let parts = entries.first(where: { $0.tag == valueTag }).flatMap(tiff.rationals), parts.count == 3
                else { return nil }
                let degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
                guard degrees.isFinite, degrees <= limit, ref == negative || ref == "N" || ref == "E" else { return nil }
                return ref == negative ? -degrees : degrees
            }
            let latitude = coordinate(1, 2, negative: "S", limit: 90)
            let longitude = coordinate(3, 4, negative: "W", limit: 180)
            if let latitude, let longitude {
                facts.latitude = latitude
                facts.longitude = longitude
            }
        }
        return facts
    }
}
