import Glibc

/// Outcome of one read or write on a connection's transport.
enum IOOutcome {
    case bytes(Int)
    case wouldBlock
    case closed
    case failed
}

/// One client connection. Owned by a single event loop thread, never shared.
final class Connection {
    let fd: Int32
    /// Distinguishes this connection from a later one that reuses the fd.
    let id: UInt64
    let info: ConnectionInfo
    var parser: RequestParser
    let tls: TLSSession?

    var output: [UInt8] = []
    var outputOffset = 0
    /// A large response body written after `output` straight from the handler's array, so a
    /// download is not copied a second time into `output` (see `EventLoop.finish`).
    var pendingBody: [UInt8] = []
    var pendingBodyOffset = 0
    /// The request a worker is handling; responses are produced one at a time, in order.
    var inFlightHead: RequestHead?
    /// Bytes arrived while a request was in flight: read them when it completes.
    var readPending = false
    var closeAfterFlush = false
    /// The streamed body of the in-flight request while it arrives (see `EventLoop+StreamedBody`).
    var bodyStream: RequestBodyStream?
    /// The handler is behind on `bodyStream`: the socket is not read until it catches up.
    var bodyPaused = false
    /// The streamed body broke its framing: the connection closes after the response.
    var bodyBroken = false
    var continueSent = false
    var peerClosed = false
    var isClosed = false
    var lastActivity: Double
    /// When the first byte of the current incomplete request arrived (header timeout).
    var requestStartedAt: Double?
    /// After our last response: read and discard until the peer closes or this time passes.
    var lingerUntil: Double?

    init(fd: Int32, id: UInt64, info: ConnectionInfo, limits: HTTPLimits, tls: TLSSession?, now: Double,
         bodyMode: @escaping @Sendable (RequestHead) -> RequestBodyMode?) {
        self.fd = fd
        self.id = id
        self.info = info
        self.parser = RequestParser(limits: limits, bodyMode: bodyMode)
        self.tls = tls
        self.lastActivity = now
        self.requestStartedAt = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count || pendingBodyOffset < pendingBody.count }

    /// Moves what is left of `pendingBody` into `output`, before anything else is appended to it
    /// (bytes must leave in order).
    func settlePendingBody() {
        if pendingBodyOffset < pendingBody.count { output.append(contentsOf: pendingBody[pendingBodyOffset...]) }
        pendingBody = []
        pendingBodyOffset = 0
    }

    /// Idle: nothing in flight, nothing to write, nothing half-received.
    var isIdle: Bool { inFlightHead == nil && !hasPendingOutput && !parser.hasBufferedBytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOOutcome {
        if let tls { return Self.outcome(tls.read(into: buffer)) }
        let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOOutcome {
        if let tls { return Self.outcome(tls.write(bytes)) }
        let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if count >= 0 { return .bytes(count) }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
    }

    private static func outcome(_ result: TLSIOResult) -> IOOutcome {
        switch result {
        case .bytes(let count): .bytes(count)
        case .wantRead, .wantWrite: .wouldBlock
        case .closed: .closed
        case .failed: .failed
        }
    }
}
