import JSON
import Storage
import WasteDomain

/// Gathers a notice's content from the database: the same evaluation as the ranking and the
/// overview, the findings of the period grouped by rubric item, and open rectifications.
public enum NoticeAssembler {
    public static func content(_ db: Connection, kind: NoticeContent.Kind, period: Period, today: CalendarDate,
                               number: String? = nil) throws -> NoticeContent {
        let settings = try SettingsStore.load(db).settings
        let overview = try DistrictOverview.load(db, period: period, today: today)
        let evaluation = overview.evaluation
        let thresholds = settings.gradeThresholds
        let rows = RankingBuilder(current: evaluation, previousRanks: [:], kind: nil, limit: nil).rows()
        let ranking = rows.ranked.map { row in
            NoticeContent.RankedUnit(rank: row.rank, name: row.unit.name, kind: row.unit.kind, score: row.score.total,
                                     grade: Grade(hundredths: row.score.total, thresholds: thresholds))
        }
        let names = Dictionary(uniqueKeysWithValues: evaluation.units.map { ($0.id, $0.name) })
        let reporting = overview.reporting
        let photographed = try PhotographedFindings.ids(db)
        var content = NoticeContent(
            kind: kind, period: period, issuingOffice: settings.issuingOffice, districtName: settings.districtName,
            number: number, addressees: settings.noticeAddressees, issuedOn: today,
            overall: NoticeContent.Overall(
                activeInstitutions: evaluation.units.count,
                inspectedInstitutions: Set(overview.inspections.map(\.institutionID)).count,
                inspections: overview.inspections.count, meanScore: ranking.isEmpty ? nil
                    : ScoreCalculator.divideRounded(ranking.map(\.score).reduce(0, +), by: ranking.count),
                onTimeRate: reporting.due == 0 ? nil : Double(reporting.onTime) / Double(reporting.due),
                coverageRate: evaluation.units.isEmpty ? nil : Double(overview.coveredCount) / Double(evaluation.units.count),
                totalsByCategory: settings.categoriesInForce.map {
                    ($0, Weight.kilograms(overview.ledger.gramsByCategory[$0] ?? 0).text)
                }),
            praised: praised(ranking),
            criticized: criticized(ranking, evaluation: evaluation),
            problems: try problems(db, overview.findings, names: names),
            rectifications: rectifications(overview.findings, names: names, photographed: photographed),
            ranking: ranking, unrankedCount: rows.unranked.count,
            copiesTo: settings.noticeCC, printingOffice: settings.printingOffice)
        content.unranked = rows.unranked.map { NoticeContent.UnrankedUnit(name: $0.name, reason: unrankedReason) }
        content.noWasteMonths = try noWasteMonths(db, evaluation: evaluation)
        // a running period (in the district's date) says where its data stop; it cannot be published
        if today <= period.end { content.dataAsOf = evaluation.asOf }
        return content
    }

    /// Why a unit of the period's scheme is not ranked: only a counted inspection ranks it.
    static let unrankedReason = "本期未接受检查"

    /// Open findings, and findings rectified after their deadline (both overdue kinds, docs/DECISIONS.md).
    static func rectifications(_ findings: [FindingSummary], names: [Int64: String],
                               photographed: Set<Int64> = []) -> [NoticeContent.Rectification] {
        findings.filter { $0.status == .open || $0.deadline.rectifiedLate }
            .sorted { ($0.rectifyBy, $0.id) < ($1.rectifyBy, $1.id) }
            .map { finding in
                NoticeContent.Rectification(institution: names[finding.institutionID] ?? "#\(finding.institutionID)",
                                            itemCode: finding.itemCode, description: finding.description,
                                            rectifyBy: finding.rectifyBy, overdue: finding.deadline.overdue,
                                            rectifiedLate: finding.deadline.rectifiedLate,
                                            hasPhoto: photographed.contains(finding.id))
            }
    }

    /// Owed months of the period reported as without waste, by the units of the evaluation.
    static func noWasteMonths(_ db: Connection, evaluation: PeriodEvaluation) throws -> [NoticeContent.NoWasteMonth] {
        let units = Dictionary(uniqueKeysWithValues: evaluation.units.map { ($0.id, $0) })
        let months = evaluation.period.months
        return try db.query("""
            SELECT institution_id, month, no_waste_reason FROM ledger_reports
            WHERE no_waste = 1 AND status IN ('submitted', 'accepted') AND month >= ? AND month <= ?
            ORDER BY month, institution_id
            """, [months[0].description, months[months.count - 1].description]).compactMap { row in
            guard let unit = units[try row.int64("institution_id")],
                  let month = YearMonth(parsing: try row.string("month")), unit.obligation.owes(month) else { return nil }
            return NoticeContent.NoWasteMonth(name: unit.name, month: month, reason: try row.optionalString("no_waste_reason") ?? "")
        }
    }

    /// Units graded excellent; when none is, the top of the ranking if it is at least good.
    static func praised(_ ranking: [NoticeContent.RankedUnit]) -> [NoticeContent.RankedUnit] {
        let excellent = ranking.filter { $0.grade == .excellent }
        if !excellent.isEmpty { return excellent }
        return ranking.filter { $0.rank == 1 && $0.grade == .good }
    }

    /// Units graded fail, and units with ledger reports missing, each with its reasons.
    static func criticized(_ ranking: [NoticeContent.RankedUnit], evaluation: PeriodEvaluation) -> [NoticeContent.CriticizedUnit] {
        var reasons: [String: [String]] = [:]
        var order: [String] = []
        func add(_ name: String, _ reason: String) {
            if reasons[name] == nil { order.append(name) }
            reasons[name, default: []].append(reason)
        }
        for unit in ranking where unit.grade == .fail {
            add(unit.name, "考核等次为不合格（\(PeriodScore.text(hundredths: unit.score))分）")
        }
        for unit in evaluation.units {
            let missing = (evaluation.inputs[unit.id]?.ledgerMonths ?? []).filter { $0.outcome == .missing }.map(\.month)
            if !missing.isEmpty {
                add(unit.name, missing.map { "\($0.month)月" }.joined(separator: "、") + "台账未报送")
            }
        }
        return order.map { NoticeContent.CriticizedUnit(name: $0, reasons: reasons[$0] ?? []) }
    }

    /// Findings grouped by rubric item, most frequent first.
    static func problems(_ db: Connection, _ findings: [FindingSummary], names: [Int64: String]) throws -> [NoticeContent.Problem] {
        var titles: [String: String] = [:]
        for row in try db.query("""
            SELECT code, title_zh FROM rubric_items ORDER BY rubric_id
            """) { titles[try row.string("code")] = try row.string("title_zh") }
        let grouped = Dictionary(grouping: findings, by: \.itemCode)
        return grouped.map { code, items in
            let institutions = Array(Set(items.map { names[$0.institutionID] ?? "#\($0.institutionID)" })).sorted()
            return NoticeContent.Problem(itemCode: code, itemTitle: titles[code] ?? "", count: items.count, institutions: institutions)
        }.sorted { ($1.count, $0.itemCode) < ($0.count, $1.itemCode) }
    }
}
