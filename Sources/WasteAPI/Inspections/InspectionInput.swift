import JSON
import Routing
import WasteDomain

/// Reads the body of `POST /v1/inspections` (every field but `note` and `accuracy_sample`
/// required) or `PATCH /v1/inspections/{id}` (fields present replace the stored ones; `items`
/// and `findings` replace the whole list). Every problem is reported at once; item problems
/// name the item code in their message.
struct InspectionInput {
    static let keys = ["institution_id", "inspected_on", "kind", "items", "accuracy_sample", "findings", "note"]
    static let maxFindings = 100

    /// What the reader needs to know beyond the body.
    struct Context {
        let rubric: Rubric
        /// The district's date today: inspections cannot be dated later.
        let today: CalendarDate
        /// Whether an institution id names an active institution.
        let isActiveInstitution: (Int64) throws -> Bool
    }

    /// The draft the body describes, over `base` for a PATCH (nil for a create).
    static func read(_ object: JSONObject, over base: InspectionDraft?, _ context: Context) throws -> InspectionDraft {
        let creating = base == nil
        var reader = JSONFieldReader(object, allowedKeys: keys)
        var institutionID = reader.int("institution_id", required: creating, min: 1).map(Int64.init)
        if let id = institutionID, try !context.isActiveInstitution(id) {
            reader.addError("institution_id", code: FieldError.Code.invalidValue, message: "names no active institution")
            institutionID = nil
        }
        let inspectedOn = readDate(&reader, required: creating, today: context.today)
        let kind = reader.enumValue("kind", as: InspectionKind.self, required: creating)
        let scored = ItemScoresReader.read(&reader, rubric: context.rubric, required: creating)
        let accuracy = readAccuracy(&reader)
        let findings = readFindings(&reader, rubric: context.rubric)
        let note = reader.string("note", maxLength: 2000)
        let sentFindings = reader.has("findings") ? findings : base?.findings
        if let date = inspectedOn ?? base?.inspectedOn, let sentFindings {
            checkDeadlines(sentFindings, inspectedOn: date, &reader)
        }
        guard reader.isValid else { throw HTTPError.validation(reader.errors) }

        guard var draft = base ?? makeDraft(institutionID, inspectedOn, kind, scored) else {
            throw HTTPError.validation(reader.errors)
        }
        if let institutionID { draft.institutionID = institutionID }
        if let inspectedOn { draft.inspectedOn = inspectedOn }
        if let kind { draft.kind = kind }
        if let scored { (draft.sheet, draft.itemNotes) = scored }
        if reader.has("accuracy_sample") { draft.accuracy = accuracy }
        if reader.has("findings") { draft.findings = findings ?? [] }
        if reader.has("note") { draft.note = note }
        return draft
    }

    private static func makeDraft(_ institutionID: Int64?, _ inspectedOn: CalendarDate?, _ kind: InspectionKind?,
                                  _ scored: (ScoreSheet, [String: String])?) -> InspectionDraft? {
        guard let institutionID, let inspectedOn, let kind, let scored else { return nil }
        return InspectionDraft(institutionID: institutionID, inspectedOn: inspectedOn, kind: kind, sheet: scored.0,
                               itemNotes: scored.1, accuracy: nil, findings: [], note: nil)
    }

    private static func readDate(_ reader: inout JSONFieldReader, required: Bool, today: CalendarDate) -> CalendarDate? {
        guard let date = reader.date("inspected_on", required: required) else { return nil }
        guard date <= today else {
            reader.addError("inspected_on", code: FieldError.Code.outOfRange, message: "must not be later than today (\(today))")
            return nil
        }
        return date
    }

    private static func readAccuracy(_ reader: inout JSONFieldReader) -> AccuracySample? {
        reader.object("accuracy_sample", allowedKeys: ["bins_checked", "bins_correct"]) { sample -> AccuracySample? in
            let checked = sample.int("bins_checked", required: true, min: 1, max: AccuracySample.maxBins)
            let correct = sample.int("bins_correct", required: true, min: 0, max: AccuracySample.maxBins)
            guard let checked, let correct else { return nil }
            guard let value = AccuracySample(binsChecked: checked, binsCorrect: correct) else {
                sample.addError("bins_correct", code: FieldError.Code.outOfRange, message: "must not exceed bins_checked (\(checked))")
                return nil
            }
            return value
        }
    }

    private static func readFindings(_ reader: inout JSONFieldReader, rubric: Rubric) -> [FindingDraft]? {
        reader.array("findings", maxCount: maxFindings) { element in
            element.object(allowedKeys: ["item_code", "description", "severity", "rectify_by"]) { finding -> FindingDraft? in
                let code = finding.string("item_code", required: true, minLength: 1, maxLength: 16)
                if let code, rubric.item(code) == nil {
                    finding.addError("item_code", code: FieldError.Code.invalidValue,
                                     message: "\(code) is not an item of rubric version \(rubric.version)")
                }
                let description = finding.string("description", required: true, minLength: 1, maxLength: 1000)
                let severity = finding.enumValue("severity", as: FindingSeverity.self, required: true)
                let rectifyBy = finding.date("rectify_by", required: true)
                guard finding.isValid, let code, let description, let severity, let rectifyBy else { return nil }
                return FindingDraft(itemCode: code, description: description, severity: severity, rectifyBy: rectifyBy)
            }
        }
    }

    /// A rectification deadline before the inspection itself makes no sense.
    private static func checkDeadlines(_ findings: [FindingDraft], inspectedOn: CalendarDate, _ reader: inout JSONFieldReader) {
        for (index, finding) in findings.enumerated() where finding.rectifyBy < inspectedOn {
            reader.addError("findings[\(index)].rectify_by", code: FieldError.Code.outOfRange,
                            message: "must not be before inspected_on (\(inspectedOn))")
        }
    }
}
