/// A streaming JSON serializer that appends UTF-8 to one growing `[UInt8]`.
///
/// Commas and (when `pretty`) indentation are inserted automatically: write a key, then its
/// value; in arrays write the values. It does not check that calls nest correctly — that is
/// the caller's contract, kept cheap on purpose. Strings are escaped per RFC 8259 (plus
/// U+2028/U+2029, so output is safe inside HTML `<script>`); non-ASCII is written as raw UTF-8.
public struct JSONWriter: Sendable {
    /// The UTF-8 output so far.
    public private(set) var bytes: [UInt8]
    /// Whether output is indented by two spaces with `": "` after keys.
    public let pretty: Bool

    private var needsComma = false
    private var afterKey = false
    private var depth = 0

    public init(capacity: Int = 1024, pretty: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity)
        self.pretty = pretty
    }

    /// The output decoded as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    public mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        openContainer()
    }

    public mutating func endObject() {
        closeContainer(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        openContainer()
    }

    public mutating func endArray() {
        closeContainer(UInt8(ascii: "]"))
    }

    /// Writes a member name inside an object; the next write is its value.
    public mutating func writeKey(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        newlineAndIndent()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Scalars

    public mutating func writeNull() {
        beginValue()
        appendASCII("null")
    }

    public mutating func writeBool(_ value: Bool) {
        beginValue()
        appendASCII(value ? "true" : "false")
    }

    public mutating func writeString(_ value: String) {
        beginValue()
        appendQuoted(value)
    }

    public mutating func writeInt(_ value: Int64) {
        beginValue()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    public mutating func writeInt(_ value: Int) {
        writeInt(Int64(value))
    }

    /// Writes `value / 10^decimals` exactly with trailing zeros trimmed:
    /// `(1234, 3)` → `1.234`, `(1200, 3)` → `1.2`, `(12000, 3)` → `12`, `(-5, 2)` → `-0.05`.
    /// `decimals` is clamped to 0…19.
    public mutating func writeScaled(_ value: Int64, decimals: Int) {
        beginValue()
        let places = min(max(decimals, 0), 19)
        var divisor: UInt64 = 1
        for _ in 0..<places { divisor *= 10 }
        let magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(magnitude / divisor)
        appendFraction(magnitude % divisor, places: places)
    }

    /// Writes a double in shortest round-trip form; NaN and infinities become `null`,
    /// because JSON has no spelling for them and a response must stay parseable.
    public mutating func writeDouble(_ value: Double) {
        guard value.isFinite else { return writeNull() }
        beginValue()
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes a number literal exactly as its text.
    public mutating func writeNumber(_ value: JSONNumber) {
        beginValue()
        bytes.append(contentsOf: value.text.utf8)
    }

    /// Writes bytes that already form one JSON value (e.g. a cached fragment), unchecked.
    public mutating func writeRawValue(_ json: some Sequence<UInt8>) {
        beginValue()
        bytes.append(contentsOf: json)
    }

    /// Writes a whole value tree.
    public mutating func writeValue(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case .bool(let flag): writeBool(flag)
        case .number(let number): writeNumber(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            beginArray()
            for element in elements { writeValue(element) }
            endArray()
        case .object(let object):
            beginObject()
            for (key, member) in object {
                writeKey(key)
                writeValue(member)
            }
            endObject()
        }
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            if depth > 0 { newlineAndIndent() }
        }
        needsComma = true
    }

    private mutating func openContainer() {
        depth += 1
        needsComma = false
    }

    private mutating func closeContainer(_ bracket: UInt8) {
        depth -= 1
        // needsComma is still false only when the container stayed empty: keep `[]` on one line.
        if needsComma { newlineAndIndent() }
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func newlineAndIndent() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<max(depth, 0) {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    // MARK: Bytes

    private mutating func appendASCII(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of `value` without allocating: digits go in reversed, then flip.
    private mutating func appendDigits(_ value: UInt64) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        // Swapping in place: reversing through a slice would copy it.
        var low = start
        var high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// Appends `.` and `fraction` zero-padded to `places` digits, trailing zeros trimmed.
    private mutating func appendFraction(_ fraction: UInt64, places: Int) {
        guard fraction != 0 else { return }
        var fraction = fraction
        var places = places
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var width = 1
        var probe = fraction
        while probe >= 10 {
            probe /= 10
            width += 1
        }
        for _ in 0..<max(places - width, 0) { bytes.append(UInt8(ascii: "0")) }
        appendDigits(fraction)
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Native strings expose their UTF-8 in place; only bridged ones need the copying path.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Copies runs that need no escaping in one append each.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < utf8.count {
            if i + 8 <= utf8.count, Self.isPlain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            let escapeLength: Int
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                escapeLength = 1
            } else if byte == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] & 0xFE == 0xA8 {
                escapeLength = 3
            } else {
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            appendEscape(for: escapeLength == 1 ? UInt32(byte) : 0x2028 | UInt32(utf8[i + 2] & 1))
            i += escapeLength
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Whether none of eight bytes is a control character, `"`, `\\` or 0xE2 (which starts
    /// U+2028/U+2029), tested all at once with the classic "has zero byte" bit tricks;
    /// they never miss a match, so a `true` is exact.
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return !hasControl && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
            && !hasZeroByte(word ^ (ones &* 0xE2))
    }

    private mutating func appendEscape(for scalar: UInt32) {
        bytes.append(UInt8(ascii: "\\"))
        switch scalar {
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                bytes.append(hex.utf8Start[Int((scalar >> UInt32(shift)) & 0xF)])
            }
        }
    }
}
