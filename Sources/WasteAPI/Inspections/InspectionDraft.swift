import JSON
import WasteDomain

/// Everything a client writes about an inspection: what `POST` creates and `PATCH` changes.
/// `total` and `grade` are never part of it; they follow from the scores.
struct InspectionDraft: Sendable {
    var institutionID: Int64
    var inspectedOn: CalendarDate
    var kind: InspectionKind
    var sheet: ScoreSheet
    /// Item notes by item code.
    var itemNotes: [String: String]
    var accuracy: AccuracySample?
    var findings: [FindingDraft]
    var note: String?
    /// The measured scores of the rubric's measured items, by code (``MeasuredItems``).
    var measured: [String: Points] = [:]
}

/// A finding as written with its inspection.
struct FindingDraft: Sendable, Equatable {
    var itemCode: String
    var description: String
    var severity: FindingSeverity
    var rectifyBy: CalendarDate
}
