import CalendarDates

/// A finalized, unvoided inspection, as scores, rankings and notices consume it.
public struct CountedInspection: Sendable, Equatable {
    public let id: Int64
    public let institutionID: Int64
    public let inspectedOn: CalendarDate
    public let kind: InspectionKind
    public let rubricID: Int64
    public let total: Points

    public init(id: Int64, institutionID: Int64, inspectedOn: CalendarDate, kind: InspectionKind, rubricID: Int64, total: Points) {
        self.id = id
        self.institutionID = institutionID
        self.inspectedOn = inspectedOn
        self.kind = kind
        self.rubricID = rubricID
        self.total = total
    }

    public func grade(_ thresholds: GradeThresholds) -> Grade { Grade(points: total, thresholds: thresholds) }

    /// Grouped by institution, each group in date order (then id).
    public static func byInstitution(_ inspections: [CountedInspection]) -> [Int64: [CountedInspection]] {
        Dictionary(grouping: inspections, by: \.institutionID).mapValues { group in
            group.sorted { ($0.inspectedOn, $0.id) < ($1.inspectedOn, $1.id) }
        }
    }
}
