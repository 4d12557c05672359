import BlobStore
import PhotoMetadata
import Routing

/// One uploaded file on its way in: written to a temporary file as its bytes arrive, its kind
/// judged by its first bytes, refused (415, 413) as soon as it can be.
final class StagedFile {
    let filename: String
    let writer: BlobWriter
    private let maxBytes: Int
    private(set) var kind: FileKind?

    init(filename: String, blobs: BlobStore, maxBytes: Int) throws {
        self.filename = filename
        self.maxBytes = maxBytes
        writer = try blobs.begin()
    }

    func write(_ bytes: [UInt8]) throws {
        guard writer.byteCount + bytes.count <= maxBytes else {
            throw HTTPError.payloadTooLarge("the file \"\(filename)\" is larger than \(maxBytes) bytes")
        }
        try writer.write(bytes)
        if kind == nil && writer.head.count >= FileKind.signatureLength { try judge() }
    }

    /// Called at the file's end: short files are judged on what they have.
    func finish() throws {
        guard writer.byteCount > 0 else { throw HTTPError.badRequest("the file \"\(filename)\" is empty") }
        if kind == nil { try judge() }
    }

    /// Capture time and position from the file's start, read back from the temporary file.
    func photoFacts() throws -> PhotoFacts {
        guard let kind, kind.isPhoto else { return PhotoFacts() }
        return ExifReader.facts(try writer.prefix(ExifReader.prefixLength)[...], kind: kind)
    }

    private func judge() throws {
        guard let sniffed = FileKind.sniff(writer.head) else {
            throw HTTPError.unsupportedMediaType("the file \"\(filename)\" is not a JPEG, PNG, WebP, HEIC or PDF "
                                                 + "(judged by its first bytes, not its name or declared type)")
        }
        kind = sniffed
    }

    /// A client's file name made safe to store and show: the last path component (browsers
    /// once sent `C:\fakepath\…`), no control characters, at most 200 characters.
    static func cleanName(_ raw: String?, fallback: String) -> String {
        let last = raw?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? fallback : String(cleaned.prefix(200))
    }
}
