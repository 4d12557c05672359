/// Decodes a chunked body (RFC 9112 §7.1) incrementally: data is copied out as it arrives, so the
/// receive buffer never holds more than one partial line, and the body limit trips on the size line
/// that would exceed it, before the data is sent.
struct ChunkedBodyDecoder: Sendable {
    private enum State: Sendable {
        case sizeLine
        case data(remaining: Int)
        case dataCRLF
        case trailers
    }

    private var state = State.sizeLine
    private var resume = 0
    private let maxBodyBytes: Int
    /// What remains of the header section's size and count limits; trailers draw on it.
    private var budget: FieldBudget
    private(set) var body: [UInt8] = []
    /// Data bytes decoded so far, including those already taken by `takeBody` (the limit counts them all).
    private var decodedBytes = 0
    private(set) var trailers = HTTPHeaders()

    init(budget: FieldBudget, maxBodyBytes: Int) {
        self.budget = budget
        self.maxBodyBytes = maxBodyBytes
    }

    /// Decodes from `bytes[consumed...]`, advancing `consumed`; true once the last chunk and the
    /// trailer section are complete.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, consumed: inout Int) throws(HTTPParseError) -> Bool {
        while true {
            let rest = UnsafeBufferPointer(rebasing: bytes[consumed...])
            switch state {
            case .sizeLine:
                guard let end = try scanLine(rest, limit: ChunkSizeLine.maxBytes,
                                             tooLong: .badRequest("chunk size line too long")) else { return false }
                consumed += end + 2
                try startChunk(ChunkSizeLine.parse(UnsafeBufferPointer(rebasing: rest[..<end])))
            case .data(let remaining):
                let n = Swift.min(remaining, rest.count)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<n]))
                decodedBytes += n
                consumed += n
                guard n == remaining else {
                    state = .data(remaining: remaining - n)
                    return false
                }
                state = .dataCRLF
            case .dataCRLF:
                // Checked byte by byte so the outcome does not depend on how the bytes were split.
                guard let first = rest.first else { return false }
                guard first == ASCII.cr else { throw .badRequest("chunk data not followed by CRLF") }
                guard rest.count >= 2 else { return false }
                guard rest[1] == ASCII.lf else { throw .badRequest("chunk data not followed by CRLF") }
                consumed += 2
                state = .sizeLine
            case .trailers:
                guard let end = try scanLine(rest, limit: budget.lineLimit, tooLong: .headerFieldsTooLarge) else {
                    return false
                }
                consumed += end + 2
                if try takeTrailerLine(UnsafeBufferPointer(rebasing: rest[..<end])) { return true }
            }
        }
    }

    /// Hands out the data decoded so far and forgets it (streamed bodies).
    mutating func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }

    private mutating func scanLine(_ rest: UnsafeBufferPointer<UInt8>, limit: Int,
                                   tooLong: HTTPParseError) throws(HTTPParseError) -> Int? {
        switch try LineScanner.scan(rest, resume: resume, limit: limit, tooLong: tooLong) {
        case .incomplete(let at):
            resume = at
            return nil
        case .complete(let end):
            resume = 0
            return end
        }
    }

    private mutating func startChunk(_ size: Int) throws(HTTPParseError) {
        guard size <= maxBodyBytes - decodedBytes else { throw .payloadTooLarge }
        state = size == 0 ? .trailers : .data(remaining: size)
    }

    /// Trailer fields are validated like header fields and kept apart from them (RFC 9110 §6.5).
    private mutating func takeTrailerLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Bool {
        budget.chargeLine(contentBytes: line.count)
        if line.isEmpty { return true }
        try budget.chargeField()
        let field = try HeaderFieldParser.parse(line)
        trailers.add(lowercasedName: field.name, field.value)
        return false
    }
}
