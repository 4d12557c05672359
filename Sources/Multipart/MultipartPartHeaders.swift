/// What a part's header section says: its form field name, the file name, and the declared type.
public struct MultipartPartHeaders: Sendable, Equatable {
    public var name: String?
    /// The original file name (from `filename*` per RFC 8187 when present, else `filename`).
    public var filename: String?
    public var contentType: String?

    public init(name: String? = nil, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
    }

    /// Parses the header lines of one part (CRLF-separated, without the empty line).
    static func parse(_ bytes: ArraySlice<UInt8>, limits: MultipartLimits) throws(MultipartError) -> MultipartPartHeaders {
        var headers = MultipartPartHeaders()
        var fields = 0
        for rawLine in split(bytes) where !rawLine.isEmpty {
            fields += 1
            guard fields <= limits.maxPartHeaderFields else { throw .partHeaderTooLarge }
            guard let colon = rawLine.firstIndex(of: UInt8(ascii: ":")) else { throw .malformedPartHeader("a line without ':'") }
            let name = String(decoding: rawLine[rawLine.startIndex..<colon], as: UTF8.self).lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else { throw .malformedPartHeader("an invalid field name") }
            guard let value = String(validating: rawLine[(colon + 1)...], as: UTF8.self) else {
                throw .malformedPartHeader("a value that is not UTF-8")
            }
            let trimmed = value.trimmingSpaces()
            switch name {
            case "content-disposition": try headers.readDisposition(trimmed)
            case "content-type": headers.contentType = trimmed
            default: break
            }
        }
        return headers
    }

    private mutating func readDisposition(_ value: String) throws(MultipartError) {
        let parameters = try HeaderParameters.parse(value)
        guard parameters.value.lowercased() == "form-data" else { throw .malformedPartHeader("Content-Disposition is not form-data") }
        name = parameters["name"]
        if let extended = parameters["filename*"], let decoded = HeaderParameters.decodeExtended(extended) {
            filename = decoded
        } else {
            filename = parameters["filename"]
        }
    }

    private static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.endIndex])
        return lines
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
