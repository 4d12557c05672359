import JSON
import Storage
import WasteDomain

/// The writable fields of a ledger entry, validated: what a create stores and a PATCH changes.
struct LedgerEntryFields: Sendable, Equatable {
    var occurredOn: CalendarDate
    var category: WasteCategory
    var subcategory: String?
    /// The weight in grams (kg × 1000), exact.
    var grams: Int64
    /// True when weighed, false when estimated.
    var weighed: Bool
    var stage: LedgerStage
    var hauler: String?
    var destination: String?
    var disposal: Disposal?
    var manifestNo: String?
    var note: String?

    /// The report month the entry belongs to.
    var month: YearMonth { occurredOn.yearMonth }

    static let keys = ["occurred_on", "category", "subcategory", "weight_kg", "weighed", "stage", "hauler",
                       "destination", "disposal", "manifest_no", "note"]

    /// Bounds of the free-text fields, in characters.
    static let textLimits: [(key: String, max: Int)] = [("hauler", 200), ("destination", 200), ("manifest_no", 64),
                                                         ("note", 1000)]

    /// Field values as they are stored, in the column order of ``LedgerEntryRecord/writableColumns``.
    var sqlArguments: [any SQLValueConvertible] {
        [occurredOn.description, month.description, category.rawValue, subcategory, grams, weighed, stage.rawValue,
         hauler, destination, disposal?.rawValue, manifestNo, note]
    }

    /// Binds the values of ``sqlArguments`` (same order) to the parameters from `first` on;
    /// returns the index after the last one bound.
    func bind(to statement: Statement, from first: Int) throws -> Int {
        let date = occurredOn.description
        // The month column is the date's `YYYY-MM` prefix (the table's CHECK says so).
        let values: [SQLValue] = [
            .text(date), .text(String(date.prefix(7))), .text(category.rawValue), subcategory.sqlValue,
            .integer(grams), .integer(weighed ? 1 : 0), .text(stage.rawValue), hauler.sqlValue, destination.sqlValue,
            disposal.map { .text($0.rawValue) } ?? .null, manifestNo.sqlValue, note.sqlValue,
        ]
        for (offset, value) in values.enumerated() { try statement.bind(value, at: first + offset) }
        return first + values.count
    }
}
