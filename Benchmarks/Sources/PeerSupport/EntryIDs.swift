import Synchronization

/// Ids for created entries: one atomic counter, as a peer without a database would hand them out.
public enum EntryIDs {
    private static let counter = Atomic<Int>(0)

    public static func next() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
