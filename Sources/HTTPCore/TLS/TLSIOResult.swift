/// The outcome of one non-blocking TLS operation.
public enum TLSIOResult: Sendable, Equatable {
    /// Success: bytes read or written; `0` from `handshake()` means the handshake is complete.
    case bytes(Int)
    /// Retry the same call once the socket is readable.
    case wantRead
    /// Retry the same call once the socket is writable.
    case wantWrite
    /// The peer closed the connection (close_notify, or a plain EOF/reset); close quietly.
    case closed
    /// A protocol or socket error; the session is unusable and `shutdown()` sends nothing.
    case failed(String)
}
