import JSON
import Storage
import WasteDomain

/// The figures of a period for the whole district (docs/API.md, computed figures), computed from the same
/// evaluation as the ranking so the dashboard, the overview and the notices never disagree.
struct DistrictOverview {
    let evaluation: PeriodEvaluation
    let ledger: LedgerTotals
    let findings: [FindingSummary]
    let trainings: Int
    let trainingParticipants: Int
    let surveys: (respondents: Int64, aware: Int64, participating: Int64)
    let profiles: [Int64: (workingBody: CalendarDate?, plan: CalendarDate?)]

    static func load(_ db: Connection, period: Period, today: CalendarDate) throws -> DistrictOverview {
        let evaluation = try PeriodEvaluation.load(db, period: period, today: today)
        let asOf = evaluation.asOf.description
        let ledger = LedgerTotals(try LedgerStatsQuery.aggregates(db, from: period.start, to: evaluation.asOf, institutionID: nil))
        let findings = try FindingStore.publishedFindings(db, from: period.start, to: evaluation.asOf, today: today)
        let training = try db.queryOne("""
            SELECT count(*) AS n, COALESCE(sum(participants), 0) AS people FROM activities a
            JOIN institutions i ON i.id = a.institution_id AND i.status = 'active'
            WHERE a.kind = 'training' AND a.held_on >= ? AND a.held_on <= ?
            """, [period.start.description, asOf])
        let survey = try db.queryOne("""
            SELECT COALESCE(sum(respondents), 0) AS r, COALESCE(sum(aware), 0) AS a, COALESCE(sum(participating), 0) AS p
            FROM surveys s JOIN institutions i ON i.id = s.institution_id AND i.status = 'active'
            WHERE s.surveyed_on >= ? AND s.surveyed_on <= ?
            """, [period.start.description, asOf])
        var profiles: [Int64: (CalendarDate?, CalendarDate?)] = [:]
        for row in try db.query("SELECT id, working_body_established_on, plan_submitted_on FROM institutions WHERE status = 'active'") {
            profiles[try row.int64("id")] = (try row.optionalString("working_body_established_on").flatMap(CalendarDate.init(parsing:)),
                                             try row.optionalString("plan_submitted_on").flatMap(CalendarDate.init(parsing:)))
        }
        return DistrictOverview(
            evaluation: evaluation, ledger: ledger, findings: findings,
            trainings: try training?.int("n") ?? 0, trainingParticipants: try training?.int("people") ?? 0,
            surveys: (try survey?.int64("r") ?? 0, try survey?.int64("a") ?? 0, try survey?.int64("p") ?? 0),
            profiles: profiles.mapValues { (workingBody: $0.0, plan: $0.1) })
    }

    /// 全覆盖 of one obliged institution (docs/DECISIONS.md, "Coverage per institution"): working body
    /// and plan in place, no hazardous/office/canteen facility shortfall, every owed ledger report
    /// submitted, and a counted inspection scoring at least 60. `GET /v1/coverage` shows the same.
    func coverage(_ id: Int64) -> CoverageAssessment {
        let profile = profiles[id]
        let facility = evaluation.facilities[id]
        let inputs = evaluation.inputs[id]
        let facts = CoverageAssessment.Facts(
            workingBodyEstablishedOn: profile?.workingBody, planSubmittedOn: profile?.plan,
            failedFacilityRules: CoverageAssessment.facilityRules.filter { facility?.fails($0) ?? true },
            missingMonths: (inputs?.ledgerMonths ?? []).filter { $0.outcome == .missing }.map(\.month),
            inspectionTotalsTenths: (inputs?.inspections ?? []).map(\.total.tenths))
        return CoverageAssessment(facts, asOf: evaluation.asOf)
    }

    func isCovered(_ id: Int64) -> Bool { coverage(id).covered }

    var coveredCount: Int { evaluation.units.filter { isCovered($0.id) }.count }

    /// Due reports over the period: on time, late, missing.
    var reporting: (due: Int, onTime: Int, late: Int, missing: Int) {
        evaluation.units.reduce(into: (0, 0, 0, 0)) { counts, unit in
            for month in evaluation.inputs[unit.id]?.ledgerMonths ?? [] {
                counts.0 += 1
                switch month.outcome {
                case .onTime: counts.1 += 1
                case .late: counts.2 += 1
                case .missing: counts.3 += 1
                }
            }
        }
    }

    /// Counted inspections in the period, over every active institution.
    var inspections: [CountedInspection] { evaluation.units.flatMap { evaluation.inputs[$0.id]?.inspections ?? [] } }

    /// Mean inspection total, in hundredths; nil with no inspection.
    var meanInspectionScore: Int? {
        let totals = inspections.map { Int($0.total.tenths) * 10 }
        guard !totals.isEmpty else { return nil }
        return ScoreCalculator.divideRounded(totals.reduce(0, +), by: totals.count)
    }

    var overdueFindings: [FindingSummary] {
        findings.filter { $0.status == .open && $0.deadline.overdue }.sorted { ($0.rectifyBy, $0.id) < ($1.rectifyBy, $1.id) }
    }
}
