/// Who a user is to the system (docs/API.md, Roles).
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// The leading-group office: manages institutions, users, rubrics, standards, notices.
    case admin
    /// The inspection group: records inspections and verifies rectifications.
    case inspector
    /// A unit's clerk: reads and writes only its own institution.
    case clerk
    /// A dashboard: reads aggregates and published notices only.
    case viewer

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
