/// Builds camera-shaped JPEG files for tests: SOI, an APP0 (JFIF) like phones write, an APP1
/// `Exif` segment with a TIFF structure (IFD0 → Exif IFD and GPS IFD) in the chosen byte order,
/// then a few bytes of scan data and EOI. Shared by the PhotoMetadata and API tests.
struct ExifJPEGBuilder {
    var bigEndian = false
    var dateTimeOriginal: String? = "2026:11:20 09:30:15"
    var offsetTimeOriginal: String? = "+08:00"
    /// Degrees; south and west negative.
    var latitude: Double? = 30.2741
    var longitude: Double? = 120.1551
    /// Bytes of filler scan data (to make a file of a given size).
    var scanBytes = 64

    func jpeg() -> [UInt8] {
        let tiff = tiffData()
        var out: [UInt8] = [0xFF, 0xD8]
        let jfif: [UInt8] = Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        out += [0xFF, 0xE0] + be16(jfif.count + 2) + jfif
        let app1 = Array("Exif".utf8) + [0, 0] + tiff
        out += [0xFF, 0xE1] + be16(app1.count + 2) + app1
        out += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0]
        out += (0..<scanBytes).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) & 0xFE }
        out += [0xFF, 0xD9]
        return out
    }

    /// IFD0 at 8, then the Exif IFD, the GPS IFD, and their out-of-line values.
    func tiffData() -> [UInt8] {
        var exifEntries: [(UInt16, UInt16, [UInt8])] = []
        if let dateTimeOriginal { exifEntries.append((0x9003, 2, Array(dateTimeOriginal.utf8) + [0])) }
        if let offsetTimeOriginal { exifEntries.append((0x9011, 2, Array(offsetTimeOriginal.utf8) + [0])) }
        var gpsEntries: [(UInt16, UInt16, [UInt8])] = []
        if let latitude {
            gpsEntries.append((1, 2, Array((latitude < 0 ? "S" : "N").utf8) + [0]))
            gpsEntries.append((2, 5, rationalDMS(abs(latitude))))
        }
        if let longitude {
            gpsEntries.append((3, 2, Array((longitude < 0 ? "W" : "E").utf8) + [0]))
            gpsEntries.append((4, 5, rationalDMS(abs(longitude))))
        }
        let ifd0Count = 1 + (exifEntries.isEmpty ? 0 : 1) + (gpsEntries.isEmpty ? 0 : 1)
        let ifd0Size = 2 + ifd0Count * 12 + 4
        let exifOffset = 8 + ifd0Size
        let exifSize = 2 + exifEntries.count * 12 + 4
        let gpsOffset = exifOffset + exifSize
        let gpsSize = 2 + gpsEntries.count * 12 + 4
        var dataOffset = gpsOffset + gpsSize
        var data: [UInt8] = []
        func directory(_ entries: [(UInt16, UInt16, [UInt8])]) -> [UInt8] {
            var out = u16(entries.count)
            for (tag, type, value) in entries {
                let count = type == 5 ? value.count / 8 : type == 4 ? value.count / 4 : value.count
                out += u16(Int(tag)) + u16(Int(type)) + u32(count)
                if value.count <= 4 {
                    out += value + [UInt8](repeating: 0, count: 4 - value.count)
                } else {
                    out += u32(dataOffset)
                    data += value
                    dataOffset += value.count
                }
            }
            return out + u32(0)
        }
        var ifd0: [(UInt16, UInt16, [UInt8])] = [(0x010F, 2, Array("Cam".utf8) + [0])]  // Make
        if !exifEntries.isEmpty { ifd0.append((0x8769, 4, u32(exifOffset))) }
        if !gpsEntries.isEmpty { ifd0.append((0x8825, 4, u32(gpsOffset))) }
        var out: [UInt8] = bigEndian ? [0x4D, 0x4D, 0, 42] : [0x49, 0x49, 42, 0]
        out += u32(8)
        out += directory(ifd0)
        out += directory(exifEntries)
        out += directory(gpsEntries)
        return out + data
    }

    private func rationalDMS(_ value: Double) -> [UInt8] {
        let degrees = Int(value)
        let minutesValue = (value - Double(degrees)) * 60
        let minutes = Int(minutesValue)
        let seconds = Int(((minutesValue - Double(minutes)) * 60 * 10000).rounded())
        return u32(degrees) + u32(1) + u32(minutes) + u32(1) + u32(seconds) + u32(10000)
    }

    private func u16(_ value: Int) -> [UInt8] {
        let v = UInt16(truncatingIfNeeded: value)
        return bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)]
    }

    private func u32(_ value: Int) -> [UInt8] {
        let v = UInt32(truncatingIfNeeded: value)
        let bytes = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        return bigEndian ? bytes : bytes.reversed()
    }

    private func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
}
