/// Assembles a request head line by line as bytes arrive. Each complete line is parsed once and
/// consumed, so a head trickling in byte by byte costs linear time, and limits trip mid-stream.
struct HeadBuilder: Sendable {
    /// Empty lines tolerated before a request line (RFC 9112 §2.2 says at least one).
    static let maxLeadingEmptyLines = 8

    private let limits: HTTPLimits
    private var requestLine: RequestLine?
    private var headers = HTTPHeaders()
    private var framing = FramingFields()
    /// Size and count of the header section; trailers later draw on what is left.
    private(set) var budget: FieldBudget
    private var leadingEmptyLines = 0
    /// Where the search for the current line's CRLF resumes.
    private var resume = 0

    init(limits: HTTPLimits) {
        self.limits = limits
        budget = FieldBudget(limits: limits)
    }

    /// Whether part of a head has been consumed (leading empty lines do not count).
    var isInProgress: Bool { requestLine != nil || resume > 0 }

    /// Consumes complete lines from `bytes[consumed...]`, advancing `consumed`; returns the head
    /// once the empty line that ends the header section has been consumed.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, consumed: inout Int) throws(HTTPParseError) -> RequestHead? {
        while true {
            let rest = UnsafeBufferPointer(rebasing: bytes[consumed...])
            let scan = requestLine == nil
                ? try LineScanner.scan(rest, resume: resume, limit: limits.maxRequestLineBytes, tooLong: .uriTooLong)
                : try LineScanner.scan(rest, resume: resume, limit: budget.lineLimit, tooLong: .headerFieldsTooLarge)
            guard case .complete(let end) = scan else {
                if case .incomplete(let at) = scan { resume = at }
                return nil
            }
            resume = 0
            consumed += end + 2
            if let head = try take(UnsafeBufferPointer(rebasing: rest[..<end])) { return head }
        }
    }

    /// Handles one complete line (CRLF excluded).
    private mutating func take(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> RequestHead? {
        guard let requestLine else {
            if line.isEmpty {
                leadingEmptyLines += 1
                guard leadingEmptyLines <= Self.maxLeadingEmptyLines else {
                    throw .badRequest("too many empty lines before request line")
                }
            } else {
                self.requestLine = try RequestLineParser.parse(line)
            }
            return nil
        }
        budget.chargeLine(contentBytes: line.count)
        if line.isEmpty { return try finish(requestLine) }
        try budget.chargeField()
        let field = try HeaderFieldParser.parse(line)
        framing.note(name: field.name, value: field.value)
        headers.add(lowercasedName: field.name, field.value)
        return nil
    }

    private func finish(_ line: RequestLine) throws(HTTPParseError) -> RequestHead {
        let resolved = try framing.resolve(line, limits: limits)
        return RequestHead(method: line.method, target: line.target, path: line.parsedTarget.path,
                           query: line.parsedTarget.query, version: line.version, headers: headers,
                           keepAlive: resolved.keepAlive, expectsContinue: resolved.expectsContinue,
                           contentLength: resolved.contentLength, isChunked: resolved.isChunked)
    }
}
