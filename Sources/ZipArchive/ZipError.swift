/// Why an archive could not be written or read. Each case names what a person needs to act on:
/// the entry, the limit, or the structure that is wrong.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a ZIP archive this reader accepts (truncated, bad signature, bad offset…).
    case malformed(String)
    /// The archive uses a feature this reader does not support (ZIP64, encryption, a method other
    /// than stored and deflate, multi-disk).
    case unsupported(String)
    /// The archive exceeds one of the reader's limits (entry count, sizes, compression ratio).
    case limitExceeded(String)
    /// An entry's data does not match its header (CRC-32 or size).
    case corruptEntry(name: String, reason: String)
    /// No entry of that name.
    case entryNotFound(String)
    /// The writer was given two entries of the same name, an empty name, or an entry over 4 GiB.
    case invalidEntry(String)
    /// zlib reported an error.
    case zlib(code: Int32, operation: String)

    public var description: String {
        switch self {
        case .malformed(let reason): return "not a valid ZIP archive: \(reason)"
        case .unsupported(let feature): return "unsupported ZIP feature: \(feature)"
        case .limitExceeded(let reason): return "ZIP archive over a limit: \(reason)"
        case .corruptEntry(let name, let reason): return "ZIP entry \(name) is corrupt: \(reason)"
        case .entryNotFound(let name): return "ZIP archive has no entry \(name)"
        case .invalidEntry(let reason): return "invalid ZIP entry: \(reason)"
        case .zlib(let code, let operation): return "zlib \(operation) failed with code \(code)"
        }
    }
}
