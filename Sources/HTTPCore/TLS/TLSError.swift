import COpenSSL

/// A TLS setup or session failure, carrying OpenSSL's error text when it gave any.
public struct TLSError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file involved where there is one.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// An error for `operation`, draining this thread's OpenSSL error queue into the message.
    static func openSSL(_ operation: String) -> TLSError {
        let details = TLSErrorQueue.drain()
        return TLSError(details.isEmpty ? operation : "\(operation): \(details)")
    }
}

/// OpenSSL's per-thread error queue. Several connections share an event-loop thread, so
/// every SSL call is preceded by `ERR_clear_error()` and followed, on failure, by `drain()`.
enum TLSErrorQueue {
    /// Empties the queue and returns its entries as readable text, joined by "; ".
    static func drain() -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        copenssl_drain_errors(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
    }
}
