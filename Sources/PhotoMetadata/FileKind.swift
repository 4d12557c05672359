/// The file types evidence may be, told apart by their first bytes only: never by a name or a
/// declared type, which any client can get wrong (an executable named `photo.jpg`).
public enum FileKind: String, Sendable, CaseIterable {
    case jpeg, png, webp, heic, pdf

    /// Bytes `sniff` needs to decide.
    public static let signatureLength = 16

    /// The kind these first bytes begin, or nil when they begin none of them.
    public static func sniff(_ bytes: some Collection<UInt8>) -> FileKind? {
        let head = Array(bytes.prefix(signatureLength))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), head[8..<12].elementsEqual("WEBP".utf8) { return .webp }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // ISO BMFF: a box size, then `ftyp` and the major brand (ISO/IEC 23008-12 lists the HEIF ones).
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8),
           heifBrands.contains(String(decoding: head[8..<12], as: UTF8.self)) { return .heic }
        return nil
    }

    static let heifBrands: Set<String> = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .heic: "image/heic"
        case .pdf: "application/pdf"
        }
    }

    public var isPhoto: Bool { self != .pdf }
}
