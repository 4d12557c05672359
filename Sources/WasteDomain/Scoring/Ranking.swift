/// Orders scored institutions; equal scores (at two decimals) share a rank: 1, 2, 2, 4.
public enum Ranking {
    public struct Entry<ID: Hashable & Sendable>: Sendable {
        public let id: ID
        public let rank: Int
        public let score: Int
    }

    /// `items` are (id, tie-break key, score in hundredths); the tie-break key orders equal
    /// scores for display only (they keep the same rank).
    public static func rank<ID: Hashable & Sendable>(_ items: [(id: ID, key: String, score: Int)]) -> [Entry<ID>] {
        let sorted = items.sorted { ($0.score, $1.key) > ($1.score, $0.key) }
        var entries: [Entry<ID>] = []
        entries.reserveCapacity(sorted.count)
        for (index, item) in sorted.enumerated() {
            let rank = index > 0 && sorted[index - 1].score == item.score ? entries[index - 1].rank : index + 1
            entries.append(Entry(id: item.id, rank: rank, score: item.score))
        }
        return entries
    }
}
