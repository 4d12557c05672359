import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// The rubric items the system measures (docs/DECISIONS.md, "Measured rubric items"): C3 from the
/// inspection's accuracy sample, C6 from the institution's last three due ledger reports. They are
/// prefilled when left out of `items`; an inspector who gives another score says why in its `note`.
struct MeasuredItems {
    /// Measured scores by item code; an item with nothing to measure (no sample, no due month) is absent.
    let scores: [String: Points]

    static func measure(_ db: Connection, rubric: Rubric, institutionID: Int64?, inspectedOn: CalendarDate?,
                        sample: AccuracySample?) throws -> MeasuredItems {
        var scores: [String: Points] = [:]
        let settings = try SettingsStore.load(db).settings
        for item in rubric.items {
            switch item.source {
            case .accuracySample?:
                if let sample { scores[item.code] = MeasuredScore.accuracy(sample, max: item.maxPoints) }
            case .ledger?:
                guard let institutionID, let inspectedOn else { continue }
                let record = try ledgerRecord(db, institutionID: institutionID, before: inspectedOn, settings: settings)
                scores[item.code] = MeasuredScore.ledger(onTime: record.onTime, due: record.due, max: item.maxPoints)
            case nil:
                continue
            }
        }
        return MeasuredItems(scores: scores)
    }

    /// Of the last three months the institution owed whose due date passed before `day`, how many
    /// were reported (submitted or accepted) by their due date in the district.
    static func ledgerRecord(_ db: Connection, institutionID: Int64, before day: CalendarDate,
                             settings: DistrictSettings) throws -> (onTime: Int, due: Int) {
        let obligation = try ObligationStore.of(db, institutionID: institutionID, utcOffsetMinutes: settings.utcOffsetMinutes)
        var months: [YearMonth] = []
        var month = day.yearMonth
        for _ in 0..<36 where months.count < MeasuredScore.ledgerMonths {
            if let first = obligation.firstMonth, month < first { break }
            if settings.reportDueDate(for: month) < day, obligation.owes(month) { months.append(month) }
            month = month.previous
        }
        var onTime = 0
        for month in months {
            let row = try db.queryOne("""
                SELECT submitted_at FROM ledger_reports
                WHERE institution_id = ? AND month = ? AND status IN ('submitted', 'accepted') AND submitted_at IS NOT NULL
                """, [institutionID, month.description])
            guard let at = try row?.optionalString("submitted_at").flatMap({ Timestamp(parsing: $0) }) else { continue }
            if at.date(utcOffsetMinutes: settings.utcOffsetMinutes) <= settings.reportDueDate(for: month) { onTime += 1 }
        }
        return (onTime, months.count)
    }

    /// The facts a create body names, read leniently: the full validation reports what is wrong.
    static func facts(_ object: JSONObject, over draft: InspectionDraft?) -> (Int64?, CalendarDate?, AccuracySample?) {
        let institution = object["institution_id"].map { $0.numberValue?.int64 } ?? draft?.institutionID
        let date = object["inspected_on"].map { $0.stringValue.flatMap(CalendarDate.init(parsing:)) } ?? draft?.inspectedOn
        let sample: AccuracySample? = object["accuracy_sample"].map { value in
            guard let checked = value["bins_checked"]?.numberValue?.int64, let correct = value["bins_correct"]?.numberValue?.int64
            else { return nil }
            return AccuracySample(binsChecked: Int(checked), binsCorrect: Int(correct))
        } ?? draft?.accuracy
        return (institution, date, sample)
    }

    /// `object` with every measured item missing from `items` added at its measured score. A PATCH
    /// without `items` keeps the current scores, except measured ones still at their old measurement,
    /// which follow the new one.
    func prefill(_ object: JSONObject, current: InspectionDraft? = nil) -> JSONObject {
        var copy = object
        if case .array(var items)? = object["items"] {
            let given = Set(items.compactMap { $0["code"]?.stringValue })
            for (code, points) in scores.sorted(by: { $0.key < $1.key }) where !given.contains(code) {
                items.append(.object(JSONObject([("code", .string(code)), ("score", .number(points.json))])))
            }
            copy.set("items", .array(items))
        } else if object["items"] == nil, let current {
            copy.set("items", .array(current.sheet.scores.map { score in
                var points = score.points
                if let measured = scores[score.code], current.measured[score.code] == score.points { points = measured }
                var item = JSONObject([("code", .string(score.code)), ("score", .number(points.json))])
                if let note = current.itemNotes[score.code] { item.set("note", .string(note)) }
                return .object(item)
            }))
        }
        return copy
    }

    /// 400 naming `items[i].note` for a measured item scored otherwise without saying why.
    func checkOverrides(_ draft: InspectionDraft, object: JSONObject) throws {
        let codes = object["items"]?.arrayValue?.map { $0["code"]?.stringValue } ?? []
        var errors: [FieldError] = []
        for score in draft.sheet.scores {
            guard let measured = scores[score.code], measured != score.points, draft.itemNotes[score.code] == nil else { continue }
            let index = codes.firstIndex(of: score.code).map { "items[\($0)].note" } ?? "items"
            errors.append(FieldError(field: index, code: FieldError.Code.required,
                                     message: "\(score.code) is measured at \(measured); a different score needs a note saying why"))
        }
        guard errors.isEmpty else { throw HTTPError.validation(errors) }
    }
}
