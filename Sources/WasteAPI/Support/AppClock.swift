import Foundation
import WasteDomain

/// The current time, replaceable in tests (token expiry, late reports, overdue findings).
public struct AppClock: Sendable {
    private let source: @Sendable () -> Timestamp

    public init(_ source: @escaping @Sendable () -> Timestamp) {
        self.source = source
    }

    public static let system = AppClock {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }

    public func now() -> Timestamp { source() }
}
