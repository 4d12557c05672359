/// A small pull scanner for the XML of SpreadsheetML parts: start tags with attributes, end
/// tags and text, the five predefined entities and character references. It expands no other
/// entity and refuses a DOCTYPE, so no file can make it expand anything (no "billion laughs").
/// Element and attribute names are given without their namespace prefix (`x:c` → `c`).
struct XMLScanner {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    struct Failure: Error, Equatable {
        let message: String
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The next event, or nil at the end of the document.
    mutating func next() throws(Failure) -> Event? {
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") { return .text(try text()) }
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            if second == UInt8(ascii: "?") {
                try skip(past: Self.piEnd)
            } else if second == UInt8(ascii: "!") && starts(Self.commentStart) {
                try skip(past: Self.commentEnd)
            } else if second == UInt8(ascii: "!") && starts(Self.cdataStart) {
                index += Self.cdataStart.count
                let start = index
                try skip(past: Self.cdataEnd)
                return .text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
            } else if second == UInt8(ascii: "!") {
                throw Failure(message: "the XML has a document type declaration, which spreadsheets never need")
            } else if second == UInt8(ascii: "/") {
                index += 2
                let name = self.name(local: true)
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw Failure(message: "a malformed end tag") }
                index += 1
                return .end(name: name)
            } else {
                return try startTag()
            }
        }
        return nil
    }

    // MARK: Pieces

    private mutating func startTag() throws(Failure) -> Event {
        index += 1
        let name = self.name(local: true)
        guard !name.isEmpty else { throw Failure(message: "a malformed start tag") }
        var attributes: [String: String] = [:]
        while true {
            skipSpaces()
            guard index < bytes.count else { throw Failure(message: "the XML ends inside a tag") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return .start(name: name, attributes: attributes, selfClosing: false)
            }
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                index += 2
                return .start(name: name, attributes: attributes, selfClosing: true)
            }
            // `xmlns:r` keeps its prefix (it declares one); `r:id` is read as `id`
            let key = self.name(local: !starts(Self.xmlns))
            skipSpaces()
            guard !key.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw Failure(message: "a malformed attribute in <\(name)>")
            }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw Failure(message: "an unquoted attribute in <\(name)>")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count && bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw Failure(message: "the XML ends inside an attribute") }
            let value = try Self.decodeEntities(bytes[start..<index])
            index += 1
            attributes[key] = value
        }
    }

    private mutating func text() throws(Failure) -> String {
        let start = index
        while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
        return try Self.decodeEntities(bytes[start..<index])
    }

    /// A tag or attribute name; with `local`, without its namespace prefix (`x:c` → `c`).
    private mutating func name(local: Bool) -> String {
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || Self.isSpace(byte) { break }
            if local && byte == UInt8(ascii: ":") { start = index + 1 }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while index < bytes.count && Self.isSpace(bytes[index]) { index += 1 }
    }

    private static let piEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)
    private static let xmlns = Array("xmlns".utf8)

    private mutating func skip(past pattern: [UInt8]) throws(Failure) {
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
                return
            }
            index += 1
        }
        throw Failure(message: "the XML ends before \(String(decoding: pattern, as: UTF8.self))")
    }

    private func starts(_ pattern: [UInt8]) -> Bool {
        index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Text with `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;` replaced and CRLF folded
    /// to LF as XML 1.0 §2.11 says (a CR written as `&#13;` stays).
    static func decodeEntities(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
        guard slice.contains(UInt8(ascii: "&")) || slice.contains(0x0D) else {
            return String(decoding: slice, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            if byte == 0x0D {
                out.append(0x0A)
                index += 1
                if index < slice.endIndex && slice[index] == 0x0A { index += 1 }
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            guard let semicolon = slice[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw Failure(message: "a '&' that starts no entity")
            }
            let entity = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            guard let scalar = Self.entity(entity) else { throw Failure(message: "an unknown entity &\(entity);") }
            out.append(contentsOf: String(scalar).utf8)
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let number = name.dropFirst()
            let value = number.hasPrefix("x") ? UInt32(number.dropFirst(), radix: 16) : UInt32(number, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
