import CalendarDates

/// A published finding as notices and statistics consume it: what, where, by when, and
/// whether it is overdue on the day asked about.
public struct FindingSummary: Sendable, Equatable {
    public let id: Int64
    public let inspectionID: Int64
    public let institutionID: Int64
    public let inspectedOn: CalendarDate
    public let itemCode: String
    public let description: String
    public let severity: FindingSeverity
    public let rectifyBy: CalendarDate
    public let status: FindingStatus
    public let deadline: FindingDeadline

    public init(id: Int64, inspectionID: Int64, institutionID: Int64, inspectedOn: CalendarDate, itemCode: String,
                description: String, severity: FindingSeverity, rectifyBy: CalendarDate, status: FindingStatus,
                deadline: FindingDeadline) {
        self.id = id
        self.inspectionID = inspectionID
        self.institutionID = institutionID
        self.inspectedOn = inspectedOn
        self.itemCode = itemCode
        self.description = description
        self.severity = severity
        self.rectifyBy = rectifyBy
        self.status = status
        self.deadline = deadline
    }
}
