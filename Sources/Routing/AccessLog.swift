import Foundation
import Glibc
import Locking

/// One line per request, written in batches so logging costs no syscall per request.
///
/// Lines go to a buffer that a background thread writes out every 100 ms (and on `flush()`).
public final class AccessLog: Sendable {
    private let buffer = Locked<[UInt8]>([])
    private let fd: Int32

    /// Logs to a file descriptor (default standard error).
    public init(fd: Int32 = 2) {
        self.fd = fd
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: 0.1)
                self.flush()
            }
        }
        thread.name = "wastesort-log"
        thread.start()
    }

    /// `2026-11-29T03:12:45.123Z GET /v1/x 200 512B 1.234ms rid=ab12-3f`
    public func record(method: String, target: String, status: Int, bytes: Int, seconds: Double, requestID: String) {
        let millis = (seconds * 1_000_000).rounded() / 1000
        append("\(Self.timestamp()) \(method) \(Self.sanitize(target)) \(status) \(bytes)B \(millis)ms rid=\(requestID)\n")
    }

    /// A free-form line for errors that need a person's attention.
    public func error(_ message: String) {
        append("\(Self.timestamp()) ERROR \(Self.sanitize(message))\n")
    }

    public func info(_ message: String) {
        append("\(Self.timestamp()) INFO \(Self.sanitize(message))\n")
    }

    public func flush() {
        let pending = buffer.withLock { bytes -> [UInt8] in
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, pending.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    private func append(_ line: String) {
        buffer.withLock { bytes in
            if bytes.count < 4 << 20 { bytes.append(contentsOf: line.utf8) }  // drop rather than grow without bound
        }
    }

    /// Control characters in targets would let a client forge log lines.
    private static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }

    private static func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var parts = tm()
        var seconds = spec.tv_sec
        gmtime_r(&seconds, &parts)
        let millis = spec.tv_nsec / 1_000_000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                      parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis)
    }
}
