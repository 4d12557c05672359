/// A route path such as `/v1/institutions/{id}/ledger-reports/{month}`.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    public let segments: [Segment]
    public let text: String

    /// Parses a pattern; traps on a malformed one (patterns are written by programmers).
    public init(_ text: String) {
        precondition(text.hasPrefix("/"), "route pattern must start with /: \(text)")
        self.text = text
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    public var description: String { text }

    /// The parameter names, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }
}
