import CalendarDates

/// The overdue rule of rectifications (docs/API.md): a finding is overdue when it is still open
/// after its `rectify_by` date, or when it was rectified after that date ("rectified late";
/// the lateness stays on record after verification). Dates are civil dates in the district.
public struct FindingDeadline: Sendable, Equatable {
    public let overdue: Bool
    public let rectifiedLate: Bool

    /// - Parameters:
    ///   - rectifiedOn: the district date of the current rectification (nil unless rectified or verified).
    ///   - today: the district date now.
    public init(status: FindingStatus, rectifyBy: CalendarDate, rectifiedOn: CalendarDate?, today: CalendarDate) {
        switch status {
        case .open:
            rectifiedLate = false
            overdue = today > rectifyBy
        case .rectified, .verified:
            rectifiedLate = rectifiedOn.map { $0 > rectifyBy } ?? false
            overdue = rectifiedLate
        case .pending, .withdrawn:
            rectifiedLate = false
            overdue = false
        }
    }
}
