import JSON
import WasteDomain

/// The scoring scheme as JSON (weights as decimals, e.g. 0.6) and its validation.
enum ScoringSchemeJSON {
    static let keys = ["weights", "semiannual_share", "ledger_credit", "publicity_points"]

    static func json(_ scheme: ScoringScheme) -> JSONValue {
        .object(JSONObject([
            ("weights", .object(JSONObject([
                ("inspection", permille(scheme.inspectionWeight)), ("ledger", permille(scheme.ledgerWeight)),
                ("facility", permille(scheme.facilityWeight)), ("publicity", permille(scheme.publicityWeight)),
            ]))),
            ("semiannual_share", permille(scheme.semiannualShare)),
            ("ledger_credit", .object(JSONObject([("on_time", permille(scheme.onTimeCredit)), ("late", permille(scheme.lateCredit)),
                                                  ("missing", .number(JSONNumber(0)))]))),
            ("publicity_points", .object(JSONObject([("training_every_quarter", .number(JSONNumber(scheme.trainingPoints))),
                                                     ("pledge_or_commitment", .number(JSONNumber(scheme.pledgePoints)))]))),
        ]))
    }

    /// Reads the fields present over `base`; problems land in `reader`.
    static func read(_ reader: inout JSONFieldReader, over base: ScoringScheme) -> ScoringScheme {
        var scheme = base
        _ = reader.object("weights", allowedKeys: ["inspection", "ledger", "facility", "publicity"]) { inner -> Bool? in
            if let value = inner.scaled("inspection", decimals: 3, min: 0, max: 1000) { scheme.inspectionWeight = Int(value) }
            if let value = inner.scaled("ledger", decimals: 3, min: 0, max: 1000) { scheme.ledgerWeight = Int(value) }
            if let value = inner.scaled("facility", decimals: 3, min: 0, max: 1000) { scheme.facilityWeight = Int(value) }
            if let value = inner.scaled("publicity", decimals: 3, min: 0, max: 1000) { scheme.publicityWeight = Int(value) }
            return true
        }
        if let share = reader.scaled("semiannual_share", decimals: 3, min: 0, max: 1000) { scheme.semiannualShare = Int(share) }
        _ = reader.object("ledger_credit", allowedKeys: ["on_time", "late", "missing"]) { inner -> Bool? in
            if let value = inner.scaled("on_time", decimals: 3, min: 0, max: 1000) { scheme.onTimeCredit = Int(value) }
            if let value = inner.scaled("late", decimals: 3, min: 0, max: 1000) { scheme.lateCredit = Int(value) }
            if inner.has("missing"), inner.scaled("missing", decimals: 3, min: 0, max: 0) == nil { return nil }
            return true
        }
        _ = reader.object("publicity_points", allowedKeys: ["training_every_quarter", "pledge_or_commitment"]) { inner -> Bool? in
            if let value = inner.int("training_every_quarter", min: 0, max: 100) { scheme.trainingPoints = value }
            if let value = inner.int("pledge_or_commitment", min: 0, max: 100) { scheme.pledgePoints = value }
            return true
        }
        if reader.isValid, let problem = scheme.problem {
            reader.addError("weights", code: FieldError.Code.invalidValue, message: problem)
        }
        return scheme
    }

    private static func permille(_ value: Int) -> JSONValue { .number(JSONNumber(scaled: Int64(value), decimals: 3)) }
}
