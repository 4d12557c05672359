/// A file operation of the blob store that failed, with the call and errno (for logs, never for clients).
public struct BlobStoreError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let code: Int32

    public var description: String { "\(operation) failed (errno \(code))" }
}
