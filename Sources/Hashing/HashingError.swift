import COpenSSL

/// A failure inside OpenSSL, carrying the text of its error queue.
public struct HashingError: Error, CustomStringConvertible, Sendable {
    /// What was being done, followed by OpenSSL's own error text when it gave any.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// Builds an error for `operation`, draining this thread's OpenSSL error queue into the message.
    static func openSSL(_ operation: String) -> HashingError {
        let details = OpenSSLErrorQueue.drain()
        return HashingError(details.isEmpty ? operation : "\(operation): \(details)")
    }
}

/// Reads OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// Empties the queue and returns its entries as readable text, joined by "; ".
    static func drain() -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        copenssl_drain_errors(&buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
    }
}
