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
        /// Which months it owes (``ObligationStore``).
        let obligation: ReportingObligation
    }

    let period: Period
    /// The last day whose data counts: the period's end, or today while the period runs.
    let asOf: CalendarDate
    let settings: DistrictSettings
    let scheme: ScoringSchemeStore.Stored
    /// The active institutions whose reporting obligation overlaps the period: a unit whose
    /// obligation begins after the period's end is in neither its ranking nor its notice.
    let units: [Unit]
    /// Every active institution of the registry (of `kind`), obliged or not: the overview's count.
    let activeInstitutions: Int
    let inputs: [Int64: ScoreInputs]
    /// Facility compliance at `asOf`, with its shortfalls (the overview's coverage needs them).
    let facilities: [Int64: ComplianceResult]

    /// Loads the inputs of every active institution (of `kind`, when given).
    static func load(_ db: Connection, period: Period, today: CalendarDate, kind: InstitutionKind? = nil) throws -> PeriodEvaluation {
        let settings = try SettingsStore.load(db).settings
        let scheme = try ScoringSchemeStore.latest(db)
        let asOf = min(period.end, today)
        let obligations = try ObligationStore.all(db, utcOffsetMinutes: settings.utcOffsetMinutes)
        var units: [Unit] = []
        var activeInstitutions = 0
        try db.forEachRow("""
            SELECT id, code, name, kind FROM institutions WHERE status = 'active' AND (? IS NULL OR kind = ?) ORDER BY id
            """, [kind?.rawValue, kind?.rawValue]) { row in
            activeInstitutions += 1
            let id = try row.int64(0)
            let obligation = obligations[id] ?? .always
            guard obligation.overlaps(period) else { return }
            units.append(Unit(id: id, code: try row.string(1), name: try row.string(2),
                              kind: try StoredValues.enumeration(try row.string(3), column: "kind"), obligation: obligation))
        }
        guard period.start <= today else {
            return PeriodEvaluation(period: period, asOf: asOf, settings: settings, scheme: scheme, units: units,
                                    activeInstitutions: activeInstitutions, inputs: [:], facilities: [:])
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
                ledgerMonths: ledger.months(for: unit.id, owing: unit.obligation),
                facilityScoreTenths: facility[unit.id]?.scoreTenths,
                trainingInEveryQuarter: PublicityComponent.trainingInEveryQuarter(held, in: period),
                pledgeInPeriod: PublicityComponent.pledgeInPeriod(held, in: period))
        }
        return PeriodEvaluation(period: period, asOf: asOf, settings: settings, scheme: scheme, units: units,
                                activeInstitutions: activeInstitutions, inputs: inputs, facilities: facility)
    }

    private static func activitiesByInstitution(_ db: Connection, period: Period,
                                                asOf: CalendarDate) throws -> [Int64: [(kind: ActivityKind, heldOn: CalendarDate)]] {
        let firstQuarterStart = period.quarters.first?.start ?? period.start
        var result: [Int64: [(kind: ActivityKind, heldOn: CalendarDate)]] = [:]
        try db.forEachRow("""
            SELECT institution_id, kind, held_on FROM activities
            WHERE kind IN ('training', 'pledge', 'commitment_signing') AND held_on >= ? AND held_on <= ?
            """, [firstQuarterStart.description, asOf.description]) { row in
            let kind: ActivityKind = try StoredValues.enumeration(try row.string(1), column: "kind")
            guard let heldOn = try row.withUTF8(2, CalendarDate.init(utf8:)) else { throw StoredValueError(column: "held_on") }
            result[try row.int64(0), default: []].append((kind, heldOn))
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
        var input = DigestInput(capacity: 64 * units.count)
        input.append("\(period)|\(asOf)|scheme \(scheme.version)|\(settings.gradeThresholds)")
        input.append(units.count)
        for unit in units {
            input.append(unit.id)
            input.append(unit.code)
            input.append(unit.name)
            input.append(unit.kind.rawValue)
            guard let inputs = inputs[unit.id] else {
                input.append(false)
                continue
            }
            input.append(true)
            input.append(inputs.inspections.count)
            for inspection in inputs.inspections {
                input.append(inspection.id)
                input.append(inspection.kind.rawValue)
                input.append(inspection.total.tenths)
            }
            input.append(inputs.ledgerMonths.count)
            for month in inputs.ledgerMonths {
                input.append(month.month.year * 100 + month.month.month)
                input.append(month.outcome.rawValue)
            }
            input.append(inputs.facilityScoreTenths)
            input.append(inputs.trainingInEveryQuarter)
            input.append(inputs.pledgeInPeriod)
        }
        return input.sha256Hex
    }
}
