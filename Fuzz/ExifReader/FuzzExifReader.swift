// libFuzzer target over the EXIF reader and the file-kind sniffer (compiled with
// Sources/PhotoMetadata/*.swift; see scripts/fuzz-http). Each input is read twice: as a whole
// file, and wrapped as the TIFF data of a JPEG APP1 `Exif` segment so that the fuzzer reaches
// the IFD walk without having to discover the JPEG framing first.
//
// Invariants beyond "no crash": positions are within ±90/±180 degrees and finite, capture
// times have in-range fields.

private func check(_ facts: PhotoFacts) {
    if let latitude = facts.latitude { precondition(latitude.isFinite && abs(latitude) <= 90, "latitude \(latitude)") }
    if let longitude = facts.longitude { precondition(longitude.isFinite && abs(longitude) <= 180, "longitude \(longitude)") }
    precondition((facts.latitude == nil) == (facts.longitude == nil), "half a position")
    if let time = facts.capturedAt {
        precondition((1...12).contains(time.month) && (1...31).contains(time.day) && time.hour < 24 && time.minute < 60
                     && time.second < 60, "capture time \(time)")
        if let offset = time.offsetMinutes { precondition(abs(offset) <= 14 * 60 + 59, "offset \(offset)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExif(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = FileKind.sniff(bytes)
    check(ExifReader.facts(bytes[...], kind: .jpeg))
    let length = min(bytes.count + 8, 0xFFFF)
    let wrapped: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + Array("Exif".utf8) + [0, 0]
        + bytes.prefix(length - 8) + [0xFF, 0xD9]
    check(ExifReader.facts(wrapped[...], kind: .jpeg))
    return 0
}
