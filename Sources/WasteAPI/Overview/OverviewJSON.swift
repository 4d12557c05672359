import JSON
import WasteDomain

/// The overview document.
enum OverviewJSON {
    static func document(_ overview: DistrictOverview, settings: DistrictSettings) -> JSONValue {
        let evaluation = overview.evaluation
        let obliged = evaluation.units.count
        let reporting = overview.reporting
        let inspected = Set(overview.inspections.map(\.institutionID)).count
        let names = Dictionary(uniqueKeysWithValues: evaluation.units.map { ($0.id, $0) })
        let openFindings = overview.findings.filter { $0.status == .open }
        return .object(JSONObject([
            ("period", .string(evaluation.period.description)),
            ("as_of", .string(evaluation.asOf.description)),
            ("district_name", .string(settings.districtName)),
            ("active_institutions", number(evaluation.activeInstitutions)),
            // the rate is over the institutions obliged in the period (docs/DECISIONS.md, "Reporting obligations")
            ("coverage", .object(JSONObject([("covered", number(overview.coveredCount)), ("institutions", number(obliged)),
                                             ("rate", rate(overview.coveredCount, obliged))]))),
            ("reporting", .object(JSONObject([
                ("due", number(reporting.due)), ("on_time", number(reporting.onTime)), ("late", number(reporting.late)),
                ("missing", number(reporting.missing)), ("on_time_rate", rate(reporting.onTime, reporting.due)),
            ]))),
            ("ledger", .object(JSONObject([
                ("total_kg", .number(Weight.kilograms(overview.ledger.grams))),
                ("totals", .object(JSONObject(settings.categoriesInForce.map {
                    ($0.rawValue, .number(Weight.kilograms(overview.ledger.gramsByCategory[$0] ?? 0)))
                }))),
                ("recovery_rate", overview.ledger.recoveryRate.map { .number(JSONNumber(scaled: $0, decimals: 4)) } ?? .null),
                ("hazardous_handled_kg", .number(Weight.kilograms(overview.ledger.hazardousHandledGrams))),
            ]))),
            ("inspection", .object(JSONObject([
                ("inspections", number(overview.inspections.count)),
                ("inspected_institutions", number(inspected)),
                ("mean_score", overview.meanInspectionScore.map { .number(JSONNumber(scaled: Int64($0), decimals: 2)) } ?? .null),
            ]))),
            ("findings", .object(JSONObject([
                ("total", number(overview.findings.count)),
                ("open", number(openFindings.count)),
                ("overdue", number(overview.overdueFindings.count)),
                ("rectified", number(overview.findings.filter { $0.status == .rectified }.count)),
                ("verified", number(overview.findings.filter { $0.status == .verified }.count)),
                ("rectified_late", number(overview.findings.filter { $0.deadline.rectifiedLate }.count)),
            ]))),
            ("overdue_findings", .array(overview.overdueFindings.prefix(50).map { finding in
                .object(JSONObject([
                    ("id", number(Int(finding.id))),
                    ("institution", names[finding.institutionID].map(RankingBuilder.institution) ?? .null),
                    ("item_code", .string(finding.itemCode)),
                    ("description", .string(finding.description)),
                    ("rectify_by", .string(finding.rectifyBy.description)),
                ]))
            })),
            ("publicity", .object(JSONObject([
                ("trainings", number(overview.trainings)),
                ("training_participants", number(overview.trainingParticipants)),
                ("surveyed", .number(JSONNumber(overview.surveys.respondents))),
                ("awareness_rate", rate64(overview.surveys.aware, overview.surveys.respondents)),
                ("participation_rate", rate64(overview.surveys.participating, overview.surveys.respondents)),
            ]))),
        ]))
    }

    private static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    private static func rate(_ part: Int, _ whole: Int) -> JSONValue { rate64(Int64(part), Int64(whole)) }

    private static func rate64(_ part: Int64, _ whole: Int64) -> JSONValue {
        Ratio.scaled(part, over: whole, decimals: 4).map { .number(JSONNumber(scaled: $0, decimals: 4)) } ?? .null
    }
}
