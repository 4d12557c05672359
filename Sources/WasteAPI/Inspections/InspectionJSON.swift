import JSON
import WasteDomain

extension InspectionRecord {
    /// The inspection as the API shows it. `grade` follows the district's current thresholds;
    /// findings carry `overdue` as of `today`.
    func json(thresholds: GradeThresholds, today: CalendarDate) -> JSONValue {
        let grade = Grade(points: total, thresholds: thresholds)
        let sheet = ScoreSheet(checked: scores.map { ScoreSheet.Score(code: $0.code, points: $0.points) })
        return .object(JSONObject([
            ("id", .number(JSONNumber(id))),
            ("institution_id", .number(JSONNumber(institutionID))),
            ("institution_name", .string(institutionName)),
            ("rubric_id", .number(JSONNumber(rubricID))),
            ("rubric_version", .number(JSONNumber(rubric.version))),
            ("inspected_on", .string(inspectedOn.description)),
            ("kind", .string(kind.rawValue)),
            ("kind_zh", .string(kind.chineseName)),
            ("inspector", inspector.json),
            ("status", .string(status.rawValue)),
            ("counted", .bool(status.counts)),
            ("items", .array(scores.map(itemJSON))),
            ("sections", .array(rubric.sections.map { section in
                .object(JSONObject([
                    ("code", .string(section.code)),
                    ("title_zh", .string(section.titleZh)),
                    ("title_en", .string(section.titleEn)),
                    ("max_points", .number(rubric.maxPoints(of: section.code).json)),
                    ("score", .number(sheet.total(of: section.code, in: rubric).json)),
                ]))
            })),
            ("total", .number(total.json)),
            ("grade", .string(grade.rawValue)),
            ("grade_zh", .string(grade.chineseName)),
            ("accuracy_sample", accuracy.map(Self.accuracyJSON) ?? .null),
            ("findings", .array(findings.map { $0.json(today: today) })),
            ("note", note.map(JSONValue.string) ?? .null),
            ("finalized_at", finalizedAt.map(JSONValue.string) ?? .null),
            ("voided_at", voidedAt.map(JSONValue.string) ?? .null),
            ("void_reason", voidReason.map(JSONValue.string) ?? .null),
            ("created_at", .string(createdAt)),
            ("updated_at", .string(updatedAt)),
            ("version", .number(JSONNumber(version))),
        ]))
    }

    private func itemJSON(_ score: (code: String, points: Points, note: String?)) -> JSONValue {
        let item = rubric.item(score.code)
        return .object(JSONObject([
            ("code", .string(score.code)),
            ("section", item.map { .string($0.section) } ?? .null),
            ("title_zh", item.map { .string($0.titleZh) } ?? .null),
            ("max_points", item.map { .number($0.maxPoints.json) } ?? .null),
            ("score", .number(score.points.json)),
            ("note", score.note.map(JSONValue.string) ?? .null),
            ("source", item?.source.map { .string($0.rawValue) } ?? .null),
            ("measured_score", measured[score.code].map { .number($0.json) } ?? .null),
        ]))
    }

    static func accuracyJSON(_ sample: AccuracySample) -> JSONValue {
        .object(JSONObject([
            ("bins_checked", .number(JSONNumber(sample.binsChecked))),
            ("bins_correct", .number(JSONNumber(sample.binsCorrect))),
            ("accuracy", .number(JSONNumber(scaled: Int64(sample.rateBasisPoints), decimals: 4))),
            ("meets_target", .bool(sample.meetsTarget)),
        ]))
    }
}
