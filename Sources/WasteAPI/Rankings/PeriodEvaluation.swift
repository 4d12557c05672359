import Hashing
import JSON
import Storage
import WasteDomain

/// Everything the ranking of one period stands on, loaded in a handful of queries
/// (not one per institution), plus a fingerprint of it for the ETag.
struct PeriodEvaluation {
    struct Unit {
        let id: Int64
        let code: String
        let name: String
        let kind: InstitutionKind
    }

    let period: Period
    /// The last day whose data counts: the period's end, or today while the period runs.
    let asOf: CalendarDate
    let settings: DistrictSettings
    let scheme: ScoringSchemeStore.Stored
    let units: [Unit]
    let inputs: [Int64: ScoreInputs]
    /// Facility compliance at `asOf`, with its shortfalls (the overview's coverage needs them).
    let facilities: [Int64: ComplianceResult]

    /// Loads the inputs of every active institution (of `kind`, when given).
    static func load(_ db: Connection, period: Period, today: CalendarDate, kind: InstitutionKind? = nil) throws -> PeriodEvaluation {
        let settings = try SettingsStore.load(db).settings
        let scheme = try ScoringSchemeStore.latest(db)
        let asOf = min(period.end, today)
        let units = try db.query("""
            SELECT id, code, name, kind FROM institutions WHERE status = 'active' AND (? IS NULL OR kind = ?) ORDER BY id
            """, [kind?.rawValue, kind?.rawValue]).map { row in
            Unit(id: try row.int64("id"), code: try row.string("code"), name: try row.string("name"),
                 kind: InstitutionKind(rawValue: try row.string("kind")) ?? .other)
        }
        guard period.start <= today else {
            return PeriodEvaluation(period: period, asOf: asOf, settings: settings, scheme: scheme, units: units, inputs: [:],
                                    facilities: [:])
        }
        let inspections = try InspectionStore.countedInspectionsByInstitution(db, from: period.start, to: asOf)
        let ledger = try LedgerOutcomes.load(db, period: period, today: today, settings: settings)
        let facility = try FacilityScores.evaluate(db, asOf: asOf, settings: settings)
        let activities = try activitiesByInstitution(db, period: period, asOf: asOf)
        var inputs: [Int64: ScoreInputs] = [:]
        for unit in units {
            let held = activities[unit.id] ?? []
            inputs[unit.id] = ScoreInputs(
                inspections: inspections[unit.id] ?? [],
                ledgerMonths: ledger.months(for: unit.id),
                facilityScoreTenths: facility[unit.id]?.scoreTenths,
                trainingInEveryQuarter: PublicityComponent.trainingInEveryQuarter(held, in: period),
                pledgeInPeriod: PublicityComponent.pledgeInPeriod(held, in: period))
        }
        return PeriodEvaluation(period: period, asOf: asOf, settings: settings, scheme: scheme, units: units, inputs: inputs,
                                facilities: facility)
    }

    private static func activitiesByInstitution(_ db: Connection, period: Period,
                                                asOf: CalendarDate) throws -> [Int64: [(kind: ActivityKind, heldOn: CalendarDate)]] {
        let firstQuarterStart = period.quarters.first?.start ?? period.start
        var result: [Int64: [(kind: ActivityKind, heldOn: CalendarDate)]] = [:]
        for row in try db.query("""
            SELECT institution_id, kind, held_on FROM activities
            WHERE kind IN ('training', 'pledge', 'commitment_signing') AND held_on >= ? AND held_on <= ?
            """, [firstQuarterStart.description, asOf.description]) {
            guard let kind = ActivityKind(rawValue: try row.string("kind")),
                  let heldOn = CalendarDate(parsing: try row.string("held_on")) else { continue }
            result[try row.int64("institution_id"), default: []].append((kind, heldOn))
        }
        return result
    }

    /// Scores of every institution with a counted inspection; the others are unranked.
    func scores() -> [Int64: PeriodScore] {
        var scores: [Int64: PeriodScore] = [:]
        for unit in units {
            if let inputs = inputs[unit.id], let score = ScoreCalculator.score(inputs, scheme: scheme.scheme) {
                scores[unit.id] = score
            }
        }
        return scores
    }

    /// A digest of every input behind the ranking: it changes exactly when one of them does.
    var fingerprint: String {
        var hasher = SHA256Hasher()
        hasher.update("\(period)|\(asOf)|scheme \(scheme.version)|\(settings.gradeThresholds)\n")
        for unit in units {
            hasher.update("\(unit.id)|\(unit.code)|\(unit.name)|\(unit.kind.rawValue)")
            if let inputs = inputs[unit.id] {
                for inspection in inputs.inspections {
                    hasher.update("|i\(inspection.id):\(inspection.kind.rawValue):\(inspection.total.tenths)")
                }
                for month in inputs.ledgerMonths { hasher.update("|l\(month.month):\(month.outcome.rawValue)") }
                hasher.update("|f\(inputs.facilityScoreTenths.map(String.init) ?? "-")")
                hasher.update("|t\(inputs.trainingInEveryQuarter)|p\(inputs.pledgeInPeriod)")
            }
            hasher.update("\n")
        }
        return hasher.finalizeHex()
    }
}
