import Foundation
import Synchronization

/// Request ids: the client's `X-Request-Id` when it is short and printable, otherwise
/// a per-process random prefix and a counter (unique, cheap, sortable within a run).
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        prefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    func id(from header: String?) -> String {
        if let header, Self.isAcceptable(header) { return header }
        let next = counter.add(1, ordering: .relaxed).newValue
        return "\(prefix)-\(String(next, radix: 16))"
    }

    /// 1–128 visible ASCII characters: anything else could forge log lines.
    private static func isAcceptable(_ value: String) -> Bool {
        let bytes = value.utf8
        return !bytes.isEmpty && bytes.count <= 128 && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
