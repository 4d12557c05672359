import Foundation

/// Why reading a streamed request body failed.
public enum BodyStreamError: Error, Sendable, Equatable {
    /// The client sent nothing for longer than the body timeout.
    case timedOut
    /// The connection ended before the body was complete.
    case truncated
    /// The body broke the framing (a bad chunk) or exceeded its limit; `status` is 400 or 413.
    case malformed(status: Int, reason: String)
}

/// A request body handed from the event loop (the producer) to the handler (the consumer) while
/// it arrives. Bounded: when `highWater` bytes wait unread, the loop stops reading the socket
/// (back-pressure through TCP) until the handler has taken them down to `lowWater`, so a slow
/// disk never makes the server buffer an upload.
public final class RequestBodyStream: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition` (a pthread mutex and condition,
    // which the thread sanitizer understands, like the worker pool's).
    private let condition = NSCondition()
    private var pieces: [[UInt8]] = []
    private var head = 0
    private var waitingBytes = 0
    private var complete = false
    private var failure: BodyStreamError?
    private var abandoned = false
    private var producerPaused = false
    private var received = 0
    private let idleTimeout: Double
    private let onDrained: @Sendable () -> Void

    static let highWater = 256 * 1024
    static let lowWater = 64 * 1024

    /// `onDrained` runs (on the consumer's thread, without the lock) when a paused producer may resume.
    init(idleTimeout: Double, onDrained: @escaping @Sendable () -> Void) {
        self.idleTimeout = idleTimeout
        self.onDrained = onDrained
    }

    /// A stream already holding the whole body, for tests and callers that have the bytes.
    public convenience init(bytes: [UInt8]) {
        self.init(idleTimeout: 1, onDrained: {})
        if !bytes.isEmpty { _ = offer(bytes) }
        finish()
    }

    // MARK: - Producer (the event loop)

    /// Adds bytes; false when the consumer is behind and the producer should pause.
    func offer(_ bytes: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !abandoned, !complete, failure == nil else { return true }
        pieces.append(bytes)
        waitingBytes += bytes.count
        received += bytes.count
        condition.signal()
        if waitingBytes >= Self.highWater {
            producerPaused = true
            return false
        }
        return true
    }

    func finish() {
        condition.lock()
        complete = true
        condition.signal()
        condition.unlock()
    }

    func fail(_ error: BodyStreamError) {
        condition.lock()
        if !complete && failure == nil { failure = error }
        condition.signal()
        condition.unlock()
    }

    /// The handler is done: later bytes are dropped, nothing is kept.
    func abandon() {
        condition.lock()
        abandoned = true
        pieces = []
        head = 0
        waitingBytes = 0
        condition.unlock()
    }

    // MARK: - Consumer (the handler)

    /// The next piece of the body, nil at its end. Waits while nothing has arrived; throws
    /// when the client stalls longer than the body timeout, disconnects, or breaks the framing.
    public func next() throws(BodyStreamError) -> [UInt8]? {
        condition.lock()
        var deadline = Date(timeIntervalSinceNow: idleTimeout)
        var seen = received
        while head == pieces.count && !complete && failure == nil {
            if !condition.wait(until: deadline) {
                if received == seen {
                    failure = .timedOut
                    break
                }
                seen = received
                deadline = Date(timeIntervalSinceNow: idleTimeout)
            }
        }
        if head < pieces.count {
            let piece = pieces[head]
            pieces[head] = []
            head += 1
            if head == pieces.count {
                pieces.removeAll(keepingCapacity: true)
                head = 0
            }
            waitingBytes -= piece.count
            let resume = producerPaused && waitingBytes <= Self.lowWater
            if resume { producerPaused = false }
            condition.unlock()
            if resume { onDrained() }
            return piece
        }
        let error = failure
        condition.unlock()
        if let error { throw error }
        return nil
    }

    /// Reads the rest of the body into one array of at most `limit` bytes (nil when larger).
    public func collect(limit: Int) throws(BodyStreamError) -> [UInt8]? {
        var all: [UInt8] = []
        while let piece = try next() {
            guard all.count + piece.count <= limit else { return nil }
            all.append(contentsOf: piece)
        }
        return all
    }

    /// Body bytes received so far.
    public var receivedBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return received
    }
}
