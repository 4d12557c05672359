/// Why a document was rejected, where, and a message fit for a problem+json `detail`.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, for code that branches on it; ``message`` carries the details.
    public enum Reason: Sendable, Equatable {
        case unexpectedCharacter
        case unexpectedEnd
        case trailingContent
        case invalidUTF8
        case invalidEscape
        case invalidSurrogate
        case controlCharacter
        case invalidNumber
        case duplicateKey
        case tooDeep
        case stringTooLong
        case numberTooLong
        case tooManyElements
    }

    public let reason: Reason
    /// Zero-based byte offset into the input (a skipped BOM counts).
    public let offset: Int
    /// One-based line; lines end at `\n`.
    public let line: Int
    /// One-based column, counted in Unicode scalars from the start of the line.
    public let column: Int
    /// A human sentence naming the problem and its position, e.g.
    /// "unexpected character 'x' at line 1, column 7" or "invalid UTF-8 at byte 12".
    public let message: String

    public init(reason: Reason, offset: Int, line: Int, column: Int, message: String) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { message }

    /// Builds an error whose message is `what` followed by the position in `bytes`.
    /// Runs only on failure, so counting lines here costs nothing on the happy path.
    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ reason: Reason, _ what: String) -> JSONParseError {
        let clamped = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for i in 0..<clamped {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        let position = reason == .invalidUTF8 ? "at byte \(clamped)" : "at line \(line), column \(column)"
        return JSONParseError(reason: reason, offset: clamped, line: line, column: column, message: "\(what) \(position)")
    }
}
