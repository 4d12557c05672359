import JSON
import WasteDomain

/// The statistics of one period as JSON: overall figures and one group per category,
/// institution or month. Works on counted aggregates (``StageRule`` already applied).
struct LedgerStatsFigures {
    let period: Period
    let aggregates: [LedgerAggregate]
    let institutions: [InstitutionFacts]
    let settings: DistrictSettings
    let today: CalendarDate

    /// Headcount of the institutions that recorded weight (or of the filtered institution):
    /// units that recorded nothing do not dilute the per-staff figure.
    private func headcount(of aggregates: [LedgerAggregate], filtered: Bool) -> Int {
        let ids = filtered ? Set(institutions.map(\.id)) : Set(aggregates.map(\.institutionID))
        return institutions.filter { ids.contains($0.id) }.reduce(0) { $0 + $1.headcount }
    }

    func json(grouping: LedgerStatsRoutes.Grouping, institutionID: Int64?) -> JSONValue {
        let filtered = institutionID != nil
        let workingDays = settings.calendar.elapsed(in: period, today: today)
        var object = figures(LedgerTotals(aggregates), headcount: headcount(of: aggregates, filtered: filtered),
                             workingDays: workingDays)
        object.set("period", .string(period.description))
        object.set("from", .string(period.start.description))
        object.set("to", .string(period.end.description))
        object.set("group_by", .string(grouping.rawValue))
        object.set("institution_id", institutionID.map { .number(JSONNumber($0)) } ?? .null)
        object.set("stage_rule", .string(StageRule.description))
        object.set("groups", .array(groups(grouping, filtered: filtered, workingDays: workingDays)))
        return .object(object)
    }

    private func groups(_ grouping: LedgerStatsRoutes.Grouping, filtered: Bool, workingDays: Int) -> [JSONValue] {
        switch grouping {
        case .category:
            let headcount = headcount(of: aggregates, filtered: filtered)
            let shown = WasteCategory.allCases.filter { category in
                settings.isInForce(category) || aggregates.contains { $0.category == category }
            }
            return shown.map { category in
                var object = figures(LedgerTotals(aggregates.filter { $0.category == category }), headcount: headcount,
                                     workingDays: workingDays)
                object.set("category", .string(category.rawValue))
                return .object(object)
            }
        case .institution:
            let recorded = Set(aggregates.map(\.institutionID))
            return institutions.filter { $0.active || recorded.contains($0.id) }.map { institution in
                var object = figures(LedgerTotals(aggregates.filter { $0.institutionID == institution.id }),
                                     headcount: institution.headcount, workingDays: workingDays)
                object.set("institution", .object(JSONObject([
                    ("id", .number(JSONNumber(institution.id))), ("code", .string(institution.code)),
                    ("name", .string(institution.name)),
                ])))
                return .object(object)
            }
        case .month:
            return period.months.map { month in
                let slice = aggregates.filter { $0.month == month }
                var object = figures(LedgerTotals(slice), headcount: headcount(of: slice, filtered: filtered),
                                     workingDays: settings.calendar.elapsed(in: month, today: today))
                object.set("month", .string(month.description))
                return .object(object)
            }
        }
    }

    /// The figures every level shows; rates with at most 4 decimals, null when undefined.
    private func figures(_ totals: LedgerTotals, headcount: Int, workingDays: Int) -> JSONObject {
        func rate(_ value: Int64?) -> JSONValue { value.map { .number(JSONNumber(scaled: $0, decimals: 4)) } ?? .null }
        let categories = WasteCategory.allCases.filter { settings.isInForce($0) || totals.gramsByCategory[$0] != nil }
        return JSONObject([
            ("total_kg", .number(Weight.kilograms(totals.grams))),
            ("entry_count", .number(JSONNumber(totals.entries))),
            ("totals", .object(JSONObject(categories.map { ($0.rawValue, .number(Weight.kilograms(totals.gramsByCategory[$0] ?? 0))) }))),
            ("recovered_kg", .number(Weight.kilograms(totals.recoveredGrams))),
            ("recovery_rate", rate(totals.recoveryRate)),
            ("hazardous_handled_kg", .number(Weight.kilograms(totals.hazardousHandledGrams))),
            ("headcount", .number(JSONNumber(headcount))),
            ("working_days", .number(JSONNumber(workingDays))),
            ("kg_per_staff_per_working_day", rate(totals.kilogramsPerStaffPerWorkingDay(headcount: headcount, workingDays: workingDays))),
        ])
    }
}
