import JSON
import Routing
import WasteDomain

/// A publicity or training activity (宣传培训): trainings, pledges, commitment signings and
/// materials. They feed the publicity component of the period score (docs/API.md).
struct ActivityFields: Sendable, Equatable {
    var kind = ActivityKind.other
    var title = ""
    var heldOn = CalendarDate.placeholder
    var participants = 0
    var materialsCount = 0
    var note: String?

    /// Counts left out (or null) are 0: a pledge has no materials, a poster run no participants.
    static let description = ScopedDescription<ActivityFields>(
        fields: ResourceDescription(table: "activities", entity: "activity", schema: "Activity", blank: ActivityFields(), fields: [
            .init("kind", \.kind, .enumeration(), zh: "活动类型", required: true),
            .init("title", \.title, .text(minLength: 1, maxLength: 200), zh: "名称", required: true),
            .init("held_on", \.heldOn, .date, zh: "举办日期", required: true),
            .init("participants", \.participants, .integer(min: 0, max: 1_000_000), zh: "参加人数", nullIsDefault: true,
                  doc: "0 when left out."),
            .init("materials_count", \.materialsCount, .integer(min: 0, max: 10_000_000), zh: "宣传品数量", nullIsDefault: true,
                  doc: "0 when left out."),
            .init("note", \.note, .text(maxLength: 2000), zh: "备注"),
        ]),
        segment: "activities", noun: "publicity or training activity", plural: "publicity and training activities",
        tag: "activities", dateColumn: "held_on", listQuery: ["kind"],
        filters: { query, _ throws(HTTPError) in
            guard let kind = try query.oneOf("kind", ActivityKind.allCases.map(\.rawValue)) else { return [] }
            return [ScopedCondition(sql: "kind = ?", arguments: [kind])]
        })
}
