/// An incremental, strict HTTP/1.1 request parser (RFC 9112) for one connection.
///
/// Feed it bytes with `append`, then call `nextRequest` until it returns nil. Pipelined requests
/// come out one per call, in order. Any violation throws, after which the parser stays failed:
/// the connection answers `error.status` and closes.
///
/// Limits: the request line may hold `maxRequestLineBytes` bytes before its CRLF (else 414).
/// The header section, counted from the first field line through the terminating empty line
/// (CRLFs included, request line excluded), may hold `maxHeaderBytes` bytes and `maxHeaderCount`
/// fields (else 431); trailer fields draw on what the header section left of both limits.
///
/// Bodies: `bodyMode` decides per request, from its complete head, the body limit (a larger
/// `Content-Length` is a 413 before any body byte is read) and whether the body is buffered
/// whole or streamed: a streamed request comes out of `nextRequest` right after its head, and
/// its body then comes out of `takeStreamedBody` as it arrives.
public struct RequestParser: Sendable {
    private enum Phase: Sendable {
        case head
        case fixedBody(RequestHead, length: Int)
        case chunkedBody(RequestHead)
        case streamedFixed(remaining: Int)
        case streamedChunked
        case failed(HTTPParseError)
    }

    /// Consumed bytes are dropped once they are at least this many and half the buffer,
    /// which keeps compaction amortised O(1) per byte.
    private static let compactionThreshold = 4096
    /// Capacity above which an emptied buffer is released, so idle connections stay small.
    private static let retainedCapacity = 64 * 1024

    private let limits: HTTPLimits
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var phase = Phase.head
    private var headBuilder: HeadBuilder
    private var chunkedDecoder: ChunkedBodyDecoder
    private let bodyMode: @Sendable (RequestHead) -> RequestBodyMode?

    /// Creates a parser enforcing `limits`; `bodyMode` (nil: buffered within `limits.maxBodyBytes`)
    /// chooses each request's body limit and mode from its head.
    public init(limits: HTTPLimits = HTTPLimits(), bodyMode: @escaping @Sendable (RequestHead) -> RequestBodyMode? = { _ in nil }) {
        self.limits = limits
        self.bodyMode = bodyMode
        headBuilder = HeadBuilder(limits: limits)
        chunkedDecoder = ChunkedBodyDecoder(budget: FieldBudget(limits: limits), maxBodyBytes: limits.maxBodyBytes)
    }

    /// Appends bytes received from the peer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if case .failed = phase { return }
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Appends bytes received from the peer.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete request from the buffered bytes, or nil if more bytes are needed.
    ///
    /// Leftover bytes stay buffered for the next call (pipelining). After a throw the parser is
    /// unusable and every later call throws the same error.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if case .failed(let error) = phase { throw error }
        let bytes = buffer  // a second reference, so `self` can be mutated while the bytes are borrowed
        var consumed = 0
        do {
            let request = try bytes.withUnsafeBufferPointer { (all) throws(HTTPParseError) -> HTTPRequest? in
                try step(UnsafeBufferPointer(rebasing: all[readIndex...]), consumed: &consumed)
            }
            readIndex += consumed
            return request
        } catch {
            phase = .failed(error)
            throw error
        }
    }

    /// The head of a request whose header section is complete but whose body is still arriving
    /// (so the connection can send `100 Continue`); nil otherwise.
    public var pendingHead: RequestHead? {
        switch phase {
        case .fixedBody(let head, _), .chunkedBody(let head): head
        case .head, .streamedFixed, .streamedChunked, .failed: nil
        }
    }

    /// Whether the last request's body is being streamed and is not complete yet.
    public var isStreamingBody: Bool {
        switch phase {
        case .streamedFixed, .streamedChunked: true
        case .head, .fixedBody, .chunkedBody, .failed: false
        }
    }

    /// The body bytes of a streamed request that are buffered now (possibly none), and whether
    /// the body is complete; the bytes are handed out once. Throws on a framing violation or
    /// when the body exceeds its limit, after which the parser stays failed.
    public mutating func takeStreamedBody() throws(HTTPParseError) -> StreamedBodyPiece {
        switch phase {
        case .failed(let error):
            throw error
        case .streamedFixed(let remaining):
            let count = Swift.min(remaining, buffer.count - readIndex)
            let bytes = Array(buffer[readIndex..<(readIndex + count)])
            readIndex += count
            phase = count == remaining ? .head : .streamedFixed(remaining: remaining - count)
            return StreamedBodyPiece(bytes: bytes, isComplete: count == remaining, trailers: HTTPHeaders())
        case .streamedChunked:
            let bytes = buffer
            var consumed = 0
            let done: Bool
            do {
                done = try bytes.withUnsafeBufferPointer { (all) throws(HTTPParseError) -> Bool in
                    try chunkedDecoder.decode(UnsafeBufferPointer(rebasing: all[readIndex...]), consumed: &consumed)
                }
            } catch {
                phase = .failed(error)
                throw error
            }
            readIndex += consumed
            let piece = StreamedBodyPiece(bytes: chunkedDecoder.takeBody(), isComplete: done, trailers: chunkedDecoder.trailers)
            if done {
                chunkedDecoder = ChunkedBodyDecoder(budget: FieldBudget(limits: limits), maxBodyBytes: limits.maxBodyBytes)
                phase = .head
            }
            return piece
        case .head, .fixedBody, .chunkedBody:
            return StreamedBodyPiece(bytes: [], isComplete: true, trailers: HTTPHeaders())
        }
    }

    /// True when some bytes of a not-yet-complete request are buffered (the connection uses it to
    /// apply the header timeout rather than the idle timeout). Also true while a body is arriving.
    public var hasBufferedBytes: Bool {
        switch phase {
        case .head: headBuilder.isInProgress || readIndex < buffer.count
        case .fixedBody, .chunkedBody, .streamedFixed, .streamedChunked: true
        case .failed: false
        }
    }

    /// Bytes the receive buffer currently holds allocated (for tests of bounded memory).
    var retainedCapacity: Int { buffer.capacity }

    /// Advances through head and body as far as `bytes` allow.
    private mutating func step(_ bytes: UnsafeBufferPointer<UInt8>, consumed: inout Int) throws(HTTPParseError) -> HTTPRequest? {
        if case .head = phase {
            guard let head = try headBuilder.consume(bytes, consumed: &consumed) else { return nil }
            let budget = headBuilder.budget
            headBuilder = HeadBuilder(limits: limits)
            // Asked only when a body follows: bodiless requests (most GETs) skip the route lookup.
            let mode = (head.hasBody ? bodyMode(head) : nil) ?? .buffered(limit: limits.maxBodyBytes)
            if let length = head.contentLength, length > mode.limit { throw .payloadTooLarge }
            if head.isChunked {
                chunkedDecoder = ChunkedBodyDecoder(budget: budget, maxBodyBytes: mode.limit)
                phase = mode.isStreamed ? .streamedChunked : .chunkedBody(head)
            } else if let length = head.contentLength, length > 0 {
                phase = mode.isStreamed ? .streamedFixed(remaining: length) : .fixedBody(head, length: length)
            } else {
                return HTTPRequest(head: head)
            }
            if mode.isStreamed { return HTTPRequest(head: head) }
        }
        switch phase {
        case .fixedBody(let head, let length):
            // Waits until the whole body is buffered, then copies it once.
            guard bytes.count - consumed >= length else { return nil }
            let body = Array(UnsafeBufferPointer(rebasing: bytes[consumed..<(consumed + length)]))
            consumed += length
            phase = .head
            return HTTPRequest(head: head, body: body)
        case .chunkedBody(let head):
            guard try chunkedDecoder.decode(bytes, consumed: &consumed) else { return nil }
            let request = HTTPRequest(head: head, body: chunkedDecoder.body, trailers: chunkedDecoder.trailers)
            chunkedDecoder = ChunkedBodyDecoder(budget: FieldBudget(limits: limits), maxBodyBytes: limits.maxBodyBytes)
            phase = .head
            return request
        case .head, .streamedFixed, .streamedChunked, .failed:
            return nil
        }
    }

    private mutating func compactIfWorthwhile() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            if buffer.capacity > Self.retainedCapacity {
                buffer = []
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            readIndex = 0
        } else if readIndex >= Self.compactionThreshold && readIndex * 2 >= buffer.count {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
    }
}
