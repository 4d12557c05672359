import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// One connection's TLS state, driven by a non-blocking socket.
///
/// Not thread-safe: owned by one event loop. Every call returns at once; on `.wantRead` or
/// `.wantWrite` the caller waits for that readiness and repeats the same call. OpenSSL
/// writes with write(2), so a peer that vanished raises SIGPIPE: the server process sets
/// SIGPIPE to SIG_IGN and the error then arrives here as `.closed` or `.failed`.
public final class TLSSession {
    private let ssl: OpaquePointer
    /// Set after SSL_ERROR_SSL/SYSCALL and returned by every later call: OpenSSL forbids
    /// further I/O and SSL_shutdown on the session then.
    private var terminal: TLSIOResult?
    private var shutdownSent = false

    init(ssl: OpaquePointer) {
        self.ssl = ssl
    }

    deinit { SSL_free(ssl) }

    /// Whether the handshake has finished and application data can flow.
    public var isHandshakeComplete: Bool { SSL_is_init_finished(ssl) == 1 }

    /// The negotiated protocol, e.g. "TLSv1.3"; nil until the handshake completes.
    public var protocolVersion: String? {
        isHandshakeComplete ? SSL_get_version(ssl).map { String(cString: $0) } : nil
    }

    /// Whether OpenSSL holds input epoll cannot see (decrypted bytes or unprocessed records).
    /// After a `read`, keep reading while this is true, or until `.wantRead`.
    public var hasBufferedInput: Bool { SSL_has_pending(ssl) == 1 }

    /// Advances the server handshake; `.bytes(0)` once it is complete (also on later calls).
    /// `read` and `write` also drive an unfinished handshake, so calling this is optional.
    public func handshake() -> TLSIOResult {
        if let terminal { return terminal }
        if isHandshakeComplete { return .bytes(0) }
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        let savedErrno = errno
        return result == 1 ? .bytes(0) : outcome(of: result, errno: savedErrno)
    }

    /// Decrypts up to `buffer.count` bytes into `buffer`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> TLSIOResult {
        if let terminal { return terminal }
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return .bytes(0) }
        ERR_clear_error()
        var count = 0
        let result = SSL_read_ex(ssl, base, buffer.count, &count)
        let savedErrno = errno
        return result == 1 ? .bytes(count) : outcome(of: result, errno: savedErrno)
    }

    /// Encrypts and sends a prefix of `bytes`; `.bytes(n)` may be less than `bytes.count`
    /// (partial writes are on). After `.wantWrite`, retry with the same unsent bytes; the
    /// buffer may live at a different address.
    public func write(_ bytes: UnsafeRawBufferPointer) -> TLSIOResult {
        if let terminal { return terminal }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .bytes(0) }
        ERR_clear_error()
        var count = 0
        let result = SSL_write_ex(ssl, base, bytes.count, &count)
        let savedErrno = errno
        return result == 1 ? .bytes(count) : outcome(of: result, errno: savedErrno)
    }

    /// Sends close_notify if the session is healthy; never blocks and never retries,
    /// since the connection is closed right after either way.
    public func shutdown() {
        guard terminal == nil, !shutdownSent, isHandshakeComplete else { return }
        shutdownSent = true
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Maps a failed call's SSL_get_error code to a result, recording fatal errors.
    private func outcome(of result: Int32, errno savedErrno: Int32) -> TLSIOResult {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ:
            return .wantRead
        case SSL_ERROR_WANT_WRITE:
            return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        case SSL_ERROR_SYSCALL:
            return fatal(syscallFailure(errno: savedErrno))
        case SSL_ERROR_SSL:
            return fatal(protocolFailure())
        case let code:
            return fatal("unexpected SSL_get_error code \(code): \(TLSErrorQueue.drain())")
        }
    }

    /// `nil` means the peer simply went away.
    private func fatal(_ message: String?) -> TLSIOResult {
        let result = message.map(TLSIOResult.failed) ?? .closed
        terminal = result
        return result
    }

    private func syscallFailure(errno code: Int32) -> String? {
        let details = TLSErrorQueue.drain()
        if !details.isEmpty { return details }
        if code == 0 || code == ECONNRESET || code == EPIPE { return nil }
        return "socket error: \(String(cString: strerror(code)))"
    }

    /// A TCP close without close_notify is routine for HTTP clients, so it is not a failure;
    /// request framing (Content-Length, chunked) already detects truncated bodies.
    private func protocolFailure() -> String? {
        if ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING {
            _ = TLSErrorQueue.drain()
            return nil
        }
        let details = TLSErrorQueue.drain()
        return details.isEmpty ? "TLS protocol error" : details
    }
}
