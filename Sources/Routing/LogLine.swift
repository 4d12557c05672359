import Glibc

/// Builds one log line as bytes, with no String formatting on the way: the access log runs on
/// the I/O loops for every inline request, where a `String(format:)` per line cost more than the
/// request itself (docs/PERFORMANCE.md, "Access log").
struct LogLine {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(int value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(int: -value)
            return
        }
        if value >= 10 { append(int: value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `value` with three decimals (milliseconds with microsecond precision).
    mutating func append(thousandths value: Int) {
        append(int: value / 1000)
        bytes.append(UInt8(ascii: "."))
        let fraction = value % 1000
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// Text a client chose (path, user agent): control characters would let it forge lines, so
    /// they become `?`; in text lines a space or quote could shift the fields, so `quoted`
    /// escapes quotes and backslashes.
    mutating func append(untrusted text: String, quoted: Bool) {
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 0x7F: bytes.append(UInt8(ascii: "?"))
            case UInt8(ascii: "\""), UInt8(ascii: "\\") where quoted:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            default: bytes.append(byte)
            }
        }
    }

    /// A JSON string member value, escaped as RFC 8259 wants (UTF-8 passes through).
    mutating func append(jsonString text: String) {
        append(jsonBytes: text.utf8[...])
    }

    mutating func append(jsonBytes text: Substring.UTF8View) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)
}

/// `2026-11-29T03:12:45.123Z`, with the part up to the seconds formatted once per second per
/// thread (the log's buffers are per thread, so each keeps its own).
struct TimestampCache {
    private var second = -1
    private var prefix: [UInt8] = []

    mutating func append(to line: inout LogLine) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        if spec.tv_sec != second {
            second = spec.tv_sec
            var parts = tm()
            var seconds = spec.tv_sec
            gmtime_r(&seconds, &parts)
            var text = LogLine()
            Self.digits(&text, Int(parts.tm_year) + 1900, 4)
            text.append(UInt8(ascii: "-"))
            Self.digits(&text, Int(parts.tm_mon) + 1, 2)
            text.append(UInt8(ascii: "-"))
            Self.digits(&text, Int(parts.tm_mday), 2)
            text.append(UInt8(ascii: "T"))
            Self.digits(&text, Int(parts.tm_hour), 2)
            text.append(UInt8(ascii: ":"))
            Self.digits(&text, Int(parts.tm_min), 2)
            text.append(UInt8(ascii: ":"))
            Self.digits(&text, Int(parts.tm_sec), 2)
            text.append(UInt8(ascii: "."))
            prefix = text.bytes
        }
        line.bytes.append(contentsOf: prefix)
        Self.digits(&line, spec.tv_nsec / 1_000_000, 3)
        line.append(UInt8(ascii: "Z"))
    }

    private static func digits(_ line: inout LogLine, _ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
