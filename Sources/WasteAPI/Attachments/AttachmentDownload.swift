import HTTPCore
import Routing

/// `GET /v1/attachments/{id}`: the bytes, with the SHA-256 as strong ETag (`If-None-Match` →
/// 304), one `Range` (RFC 9110 §14: 206 with `Content-Range`, 416 when unsatisfiable; several
/// ranges are answered whole, as the RFC allows), and the original name in `Content-Disposition`.
enum AttachmentDownload {
    static func respond(_ context: APIContext) throws -> HTTPResponse {
        let (record, _) = try AttachmentRoutes.visible(context)
        let headers = context.request.headers
        var common = HTTPHeaders()
        common.set("etag", record.etag)
        common.set("accept-ranges", "bytes")
        common.set("cache-control", "private, max-age=31536000, immutable")  // the bytes under a URL never change
        if Conditional.isNotModified(headers, etag: record.etag) { return HTTPResponse(status: 304, headers: common) }
        let size = Int(record.size)
        var range: ClosedRange<Int>?
        if let header = headers["range"], ifRangeAllows(headers, etag: record.etag) {
            switch ByteRange.parse(header, size: size) {
            case .whole: break
            case .unsatisfiable:
                common.set("content-range", "bytes */\(size)")
                var problem = HTTPError(status: 416, kind: "range-not-satisfiable", title: "Range not satisfiable",
                                        detail: "the file has \(size) bytes").response
                for field in common { problem.headers.set(field.name, field.value) }
                return problem
            case .part(let part): range = part
            }
        }
        common.set("content-type", record.mediaType)
        common.set("x-content-type-options", "nosniff")
        common.set("content-disposition", ContentDisposition.value(filename: record.filename))
        let offset = range?.lowerBound ?? 0
        let length = range.map { $0.count } ?? size
        let bytes = try context.services.blobs.read(record.sha256, offset: offset, length: length)
        guard bytes.count == length else {
            throw HTTPError(status: 503, kind: "evidence-unavailable", title: "Evidence unavailable",
                            detail: "the stored file of attachment \(record.id) is missing or short; run wastesort check")
        }
        if let range {
            common.set("content-range", "bytes \(range.lowerBound)-\(range.upperBound)/\(size)")
            return HTTPResponse(status: 206, headers: common, body: bytes)
        }
        return HTTPResponse(status: 200, headers: common, body: bytes)
    }

    /// `If-Range` with our ETag keeps the Range; anything else (another tag, a date) asks for the whole file.
    private static func ifRangeAllows(_ headers: HTTPHeaders, etag: String) -> Bool {
        guard let condition = headers["if-range"] else { return true }
        return condition.trimmingCharacters(in: .whitespaces) == etag
    }
}

/// One `bytes=` range against a file of known size (RFC 9110 §14.1.2).
enum ByteRange: Equatable {
    case whole
    case part(ClosedRange<Int>)
    case unsatisfiable

    static func parse(_ header: String, size: Int) -> ByteRange {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { return .whole }  // another unit: ignored
        let spec = text.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), first.count <= 18, last.count <= 18 else { return .whole }
        if first.isEmpty {
            guard let suffix = Int(last) else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - suffix)...(size - 1))
        }
        guard let start = Int(first) else { return .whole }
        guard start < size else { return .unsatisfiable }
        if last.isEmpty { return .part(start...(size - 1)) }
        guard let end = Int(last), end >= start else { return .whole }  // an invalid range is ignored
        return .part(start...min(end, size - 1))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// `Content-Disposition: inline` with the original name: an ASCII `filename` for old clients
/// and the exact UTF-8 name in `filename*` (RFC 6266 §4.3, RFC 8187), so 整改后.jpg arrives intact.
enum ContentDisposition {
    static func value(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar.value != 0x7F ? Character(scalar) : "_"
        })
        return "inline; filename=\"\(fallback)\"; filename*=UTF-8''\(percentEncoded(filename))"
    }

    /// RFC 8187 attr-char stays; every other byte is %XX.
    static func percentEncoded(_ text: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
