import Foundation
import Synchronization

/// What a peer without a database hands out for a POST: ids from one atomic counter and the
/// creation time as RFC 3339 UTC seconds, the form of wastesort's `created_at`.
public enum EntryIDs {
    private static let counter = Atomic<Int>(0)

    public static func next() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    public static func now() -> String {
        Date.now.formatted(.iso8601)
    }
}
