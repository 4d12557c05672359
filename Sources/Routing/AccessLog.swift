import Foundation
import Glibc
import Locking

/// One line per request (client address, user id, method, target, status, bytes, duration, user
/// agent, request id) in text or JSON, plus error lines.
///
/// Lines are built as bytes into a buffer of the calling thread (an I/O loop or a worker), so
/// threads never wait for each other to log; a background thread writes the buffers out every
/// 100 ms, sooner when one passes 64 KiB, and at ``flush()`` (shutdown). Logging so costs no
/// syscall and no shared lock per request (docs/PERFORMANCE.md, "Access log"). A thread whose
/// buffer reaches 4 MiB because the output is stuck drops lines rather than grow or block.
public final class AccessLog: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warn, error

        public init?(name: String) {
            guard let level = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = level
        }

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warn: "warn"
            case .error: "error"
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// What an access line says about one request.
    public struct Entry {
        public var client: String
        public var userID: Int64?
        public var method: String
        public var target: String
        public var status: Int
        public var bytes: Int
        public var seconds: Double
        public var userAgent: String?
        public var requestID: String

        public init(client: String, userID: Int64?, method: String, target: String, status: Int, bytes: Int,
                    seconds: Double, userAgent: String?, requestID: String) {
            self.client = client
            self.userID = userID
            self.method = method
            self.target = target
            self.status = status
            self.bytes = bytes
            self.seconds = seconds
            self.userAgent = userAgent
            self.requestID = requestID
        }

        /// Failed requests stand out at a higher level: `--log-level warn` keeps only them.
        var level: Level { status >= 500 ? .error : status >= 400 ? .warn : .info }
    }

    public let format: Format
    public let level: Level
    private let fd: Int32
    private let buffers = ThreadBuffers()
    /// One writer at a time, so a large flush never interleaves with another on a pipe; counts
    /// the bytes written (a real value: TSan saw the accesses of a `Locked<Void>` as unguarded).
    private let output = Locked<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private static let flushBytes = 64 << 10
    private static let dropBytes = 4 << 20

    /// Logs to a file descriptor (default standard error).
    public init(fd: Int32 = 2, format: Format = .text, level: Level = .info) {
        self.fd = fd
        self.format = format
        self.level = level
        let thread = Thread { [weak self] in
            while let log = self {
                let wake = log.wake
                _ = wake.wait(timeout: .now() + .milliseconds(100))
                log.flush()
            }
        }
        thread.name = "wastesort-log"
        thread.start()
    }

    /// Whether a request with `status` would be logged at all (callers skip building entries).
    public func logs(status: Int) -> Bool {
        (status >= 500 ? Level.error : status >= 400 ? .warn : .info) >= level
    }

    public func record(_ entry: Entry) {
        guard entry.level >= level else { return }
        append { line, timestamps in
            switch format {
            case .text: Self.text(entry, into: &line, timestamps: &timestamps)
            case .json: Self.json(entry, into: &line, timestamps: &timestamps)
            }
        }
    }

    /// A free-form line for errors that need a person's attention.
    public func error(_ message: String) {
        note(.error, message)
    }

    public func info(_ message: String) {
        note(.info, message)
    }

    public func note(_ messageLevel: Level, _ text: String) {
        guard messageLevel >= level else { return }
        append { line, timestamps in
            switch format {
            case .text:
                timestamps.append(to: &line)
                line.append(" " + messageLevel.name.uppercased() + " ")
                line.append(untrusted: text, quoted: false)
            case .json:
                line.append("{\"time\":\"")
                timestamps.append(to: &line)
                line.append("\",\"level\":\"" + messageLevel.name + "\",\"message\":")
                line.append(jsonString: text)
                line.append(UInt8(ascii: "}"))
            }
            line.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes out every thread's buffer now.
    public func flush() {
        for pending in buffers.drainAll() where !pending.isEmpty { write(pending) }
    }

    private func append(_ build: (inout LogLine, inout TimestampCache) -> Void) {
        let buffer = buffers.current()
        let size = buffer.state.withLock { state -> Int in
            guard state.line.bytes.count < Self.dropBytes else { return state.line.bytes.count }
            build(&state.line, &state.timestamps)
            return state.line.bytes.count
        }
        if size >= Self.flushBytes { wake.signal() }
    }

    private func write(_ bytes: [UInt8]) {
        output.withLock { total in
            var offset = 0
            defer { total += offset }
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    // `2026-11-29T03:12:45.123Z 127.0.0.1 user=12 GET /v1/x 200 512B 1.234ms "curl/8.5.0" rid=ab12-3f`
    private static func text(_ entry: Entry, into line: inout LogLine, timestamps: inout TimestampCache) {
        timestamps.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(untrusted: entry.client, quoted: false)
        line.append(" user=")
        if let user = entry.userID { line.append(int: Int(user)) } else { line.append(UInt8(ascii: "-")) }
        line.append(UInt8(ascii: " "))
        line.append(entry.method)
        line.append(UInt8(ascii: " "))
        line.append(untrusted: entry.target, quoted: true)
        line.append(UInt8(ascii: " "))
        line.append(int: entry.status)
        line.append(UInt8(ascii: " "))
        line.append(int: entry.bytes)
        line.append("B ")
        line.append(thousandths: Int((entry.seconds * 1_000_000).rounded()))
        line.append("ms \"")
        line.append(untrusted: entry.userAgent ?? "-", quoted: true)
        line.append("\" rid=")
        line.append(untrusted: entry.requestID, quoted: false)
        line.append(UInt8(ascii: "\n"))
    }

    private static func json(_ entry: Entry, into line: inout LogLine, timestamps: inout TimestampCache) {
        line.append("{\"time\":\"")
        timestamps.append(to: &line)
        line.append("\",\"level\":\"")
        line.append(entry.level.name)
        line.append("\",\"client\":")
        line.append(jsonString: entry.client)
        line.append(",\"user_id\":")
        if let user = entry.userID { line.append(int: Int(user)) } else { line.append("null") }
        line.append(",\"method\":\"")
        line.append(entry.method)  // a token from the parser's list: nothing to escape
        // Path and query split at the first "?" without building substrings.
        let target = entry.target.utf8
        let question = target.firstIndex(of: UInt8(ascii: "?"))
        line.append("\",\"path\":")
        line.append(jsonBytes: target[..<(question ?? target.endIndex)])
        if let question {
            line.append(",\"query\":")
            line.append(jsonBytes: target[target.index(after: question)...])
        }
        line.append(",\"status\":")
        line.append(int: entry.status)
        line.append(",\"bytes\":")
        line.append(int: entry.bytes)
        line.append(",\"duration_ms\":")
        line.append(thousandths: Int((entry.seconds * 1_000_000).rounded()))
        line.append(",\"user_agent\":")
        if let agent = entry.userAgent { line.append(jsonString: agent) } else { line.append("null") }
        line.append(",\"request_id\":")
        line.append(jsonString: entry.requestID)
        line.append("}\n")
    }
}

/// The log's buffer per thread: found through a pthread key (no lock), and listed so the
/// flusher can drain them all. A buffer's own lock is taken by its thread and, every 100 ms, by
/// the flusher: almost never contended.
final class ThreadBuffers: @unchecked Sendable {
    // @unchecked: `key` is written once in init; `all` is behind its lock.
    final class Buffer: Sendable {
        struct State {
            var line = LogLine()
            var timestamps = TimestampCache()
        }

        let state = Locked(State())
    }

    private var key = pthread_key_t()
    private let all = Locked<[Buffer]>([])

    init() {
        pthread_key_create(&key, nil)
    }

    deinit {
        pthread_key_delete(key)
    }

    /// The calling thread's buffer, made on its first line (kept alive by `all`).
    func current() -> Buffer {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<Buffer>.fromOpaque(raw).takeUnretainedValue()
        }
        let buffer = Buffer()
        all.withLock { $0.append(buffer) }
        pthread_setspecific(key, Unmanaged.passUnretained(buffer).toOpaque())
        return buffer
    }

    /// Every buffer's bytes, each buffer emptied.
    func drainAll() -> [[UInt8]] {
        all.withLock { $0 }.map { buffer in
            buffer.state.withLock { state in
                defer { state.line.bytes.removeAll(keepingCapacity: true) }
                return state.line.bytes
            }
        }
    }
}
