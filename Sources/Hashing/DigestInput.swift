/// Values laid out for a digest without text formatting: integers as 8 little-endian bytes,
/// text length-prefixed, so different sequences of values can never produce the same bytes.
/// Building a fingerprint of thousands of rows this way costs a buffer append per value where
/// string interpolation costs an allocation.
public struct DigestInput {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func append(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ value: Int) { append(Int64(value)) }

    public mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// An optional as a presence byte, then the value.
    public mutating func append(_ value: Int?) {
        append(value != nil)
        if let value { append(value) }
    }

    public mutating func append(_ text: String) {
        append(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// The SHA-256 of everything appended, as lowercase hex.
    public var sha256Hex: String { SHA256Digest.hex(bytes) }
}
