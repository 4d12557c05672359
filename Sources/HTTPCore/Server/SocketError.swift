import Glibc

/// A failed system call, with `errno` and its text captured at the call site.
public struct SocketError: Error, CustomStringConvertible, Sendable {
    public let call: String
    public let code: Int32

    public init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
