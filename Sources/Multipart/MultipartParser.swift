/// What the parser found in the bytes fed so far, in order.
public enum MultipartEvent: Sendable, Equatable {
    /// A part starts; its data follows in `data` events.
    case partStart(MultipartPartHeaders)
    case data([UInt8])
    case partEnd
    /// The closing delimiter: nothing after it matters.
    case end
}

/// A streaming `multipart/form-data` parser (RFC 7578, RFC 2046 §5.1) over a body that arrives
/// in pieces of any size. Part data is handed out as it arrives: the parser keeps back only
/// what might be the start of a delimiter, and a part's header section while it is incomplete,
/// both bounded by `MultipartLimits`. The outcome never depends on where the pieces split.
public struct MultipartParser: Sendable {
    private enum State: Sendable {
        case preamble
        case afterDelimiter
        case headers
        case data
        case epilogue
    }

    private let limits: MultipartLimits
    /// `CRLF--boundary`: the body is read as if it started with CRLF, so the first delimiter needs no special case.
    private let delimiter: [UInt8]
    private var carry: [UInt8] = Array("\r\n".utf8)
    private var state = State.preamble
    private var parts = 0
    private var discarded = 0

    public init(boundary: String, limits: MultipartLimits = MultipartLimits()) throws(MultipartError) {
        guard Self.isValidBoundary(boundary, limits: limits) else { throw .invalidBoundary }
        self.limits = limits
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// The boundary parameter of a `multipart/form-data` Content-Type; nil for any other type.
    public static func boundary(contentType: String) -> String? {
        guard let parsed = try? HeaderParameters.parse(contentType),
              parsed.value.lowercased() == "multipart/form-data" else { return nil }
        return parsed["boundary"]
    }

    /// RFC 2046 §5.1.1: 1–70 characters of a restricted set, not ending in a space.
    static func isValidBoundary(_ boundary: String, limits: MultipartLimits) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...limits.maxBoundaryLength).contains(bytes.count), bytes.last != 32 else { return false }
        let allowed = Array("'()+_,-./:=? ".utf8)
        return bytes.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || allowed.contains(byte)
        }
    }

    /// Parses the next piece of the body.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(MultipartError) -> [MultipartEvent] {
        if case .epilogue = state {
            discarded += bytes.count
            guard discarded <= limits.maxPreambleBytes else { throw .junkOutsideParts }
            return []
        }
        carry.append(contentsOf: bytes)
        var events: [MultipartEvent] = []
        var index = 0
        while try step(&index, &events) {}
        carry.removeFirst(index)
        return events
    }

    /// The body ended: an error unless the closing delimiter was seen.
    public func finish() throws(MultipartError) {
        guard case .epilogue = state else { throw .truncated }
    }

    /// One state's worth of work from `carry[index...]`; false when more bytes are needed.
    private mutating func step(_ index: inout Int, _ events: inout [MultipartEvent]) throws(MultipartError) -> Bool {
        switch state {
        case .preamble:
            if let found = find(delimiter, from: index) {
                try discard(found - index)
                index = found + delimiter.count
                state = .afterDelimiter
                return true
            }
            let keep = partialDelimiterStart(from: index)
            try discard(keep - index)
            index = keep
            return false
        case .afterDelimiter:
            guard carry.count - index >= 2 else { return false }
            if carry[index] == UInt8(ascii: "-") && carry[index + 1] == UInt8(ascii: "-") {
                index += 2
                discarded = 0
                state = .epilogue
                try discard(carry.count - index)
                index = carry.count
                events.append(.end)
                return false
            }
            // Transport padding (spaces and tabs) may precede the CRLF (RFC 2046 §5.1.1).
            var cursor = index
            while cursor < carry.count, carry[cursor] == 32 || carry[cursor] == 9 {
                cursor += 1
                guard cursor - index <= 64 else { throw .malformedPartHeader("padding after a boundary") }
            }
            guard carry.count - cursor >= 2 else { return false }
            guard carry[cursor] == 13 && carry[cursor + 1] == 10 else { throw .malformedPartHeader("text after a boundary") }
            parts += 1
            guard parts <= limits.maxParts else { throw .tooManyParts }
            index = cursor + 2
            state = .headers
            return true
        case .headers:
            // The empty line ends the section; a part without headers starts with it at once.
            if carry.count - index >= 2 && carry[index] == 13 && carry[index + 1] == 10 {
                index += 2
                events.append(.partStart(MultipartPartHeaders()))
                state = .data
                return true
            }
            guard let end = find(Array("\r\n\r\n".utf8), from: index) else {
                guard carry.count - index <= limits.maxPartHeaderBytes else { throw .partHeaderTooLarge }
                return false
            }
            guard end + 4 - index <= limits.maxPartHeaderBytes else { throw .partHeaderTooLarge }
            events.append(.partStart(try MultipartPartHeaders.parse(carry[index..<end], limits: limits)))
            index = end + 4
            state = .data
            return true
        case .data:
            if let found = find(delimiter, from: index) {
                if found > index { events.append(.data(Array(carry[index..<found]))) }
                events.append(.partEnd)
                index = found + delimiter.count
                state = .afterDelimiter
                return true
            }
            let keep = partialDelimiterStart(from: index)
            if keep > index { events.append(.data(Array(carry[index..<keep]))) }
            index = keep
            return false
        case .epilogue:
            return false
        }
    }

    private mutating func discard(_ count: Int) throws(MultipartError) {
        discarded += count
        guard discarded <= limits.maxPreambleBytes else { throw .junkOutsideParts }
    }

    /// The first index at or after `start` where `needle` occurs whole in `carry`.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, carry.count - start >= needle.count else { return nil }
        var position = start
        let last = carry.count - needle.count
        while position <= last {
            guard let hit = carry[position...last].firstIndex(of: first) else { return nil }
            if carry[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            position = hit + 1
        }
        return nil
    }

    /// Where the bytes that may begin a delimiter (cut off by the end of the input) start;
    /// `carry.count` when none may.
    private func partialDelimiterStart(from start: Int) -> Int {
        var position = max(start, carry.count - (delimiter.count - 1))
        while position < carry.count {
            if carry[position] == delimiter[0] && carry[position...].elementsEqual(delimiter[0..<(carry.count - position)]) {
                return position
            }
            position += 1
        }
        return carry.count
    }
}
