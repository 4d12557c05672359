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
}
