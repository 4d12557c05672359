import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// A submission's `{"no_waste": true, "reason": "…"}`: the only way to submit a month without
/// entries (closed for renovation, …), so "missing" never turns into "reported" by accident
/// (docs/DECISIONS.md, "Empty months").
struct NoWasteDeclaration {
    let noWaste: Bool
    let reason: String?

    static let none = NoWasteDeclaration(noWaste: false, reason: nil)

    /// Reads the submit body (absent, `{}`, or the declaration); other actions declare nothing.
    static func read(_ action: ReportAction, _ context: APIContext) throws -> NoWasteDeclaration {
        guard action == .submit, !context.request.body.isEmpty else { return .none }
        var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["no_waste", "reason"])
        let noWaste = reader.bool("no_waste") ?? false
        let reason = reader.string("reason", required: noWaste, minLength: 1, maxLength: 1000)
        if !noWaste, reason != nil {
            reader.addError("reason", code: FieldError.Code.invalidValue, message: "is only given with \"no_waste\": true")
        }
        guard reader.isValid else { throw HTTPError.validation(reader.errors) }
        return NoWasteDeclaration(noWaste: noWaste, reason: reason)
    }

    /// 409 for an empty month submitted without the declaration, or a declaration over entries.
    func check(entryCount: Int, month: YearMonth) throws {
        if entryCount == 0, !noWaste {
            throw HTTPError.conflict("the \(month) ledger has no entries: a month without waste is submitted with "
                                     + "{\"no_waste\": true, \"reason\": \"…\"}")
        }
        if entryCount > 0, noWaste {
            throw HTTPError.conflict("the \(month) ledger has \(entryCount) entries: it cannot be declared no_waste")
        }
    }

    /// Records the declaration (or its absence) on the report row the submission just wrote.
    func store(_ db: Connection, institutionID: Int64, month: YearMonth) throws {
        try db.execute("UPDATE ledger_reports SET no_waste = ?, no_waste_reason = ? WHERE institution_id = ? AND month = ?",
                       [noWaste, reason, institutionID, month.description])
    }
}
