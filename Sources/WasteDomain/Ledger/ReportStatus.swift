/// The state of one institution's monthly ledger report (月度台帐报送).
///
///     open ──submit──▶ submitted ──accept──▶ accepted
///       ▲                  │
///       └── returned ◀─return
///           └──submit──▶ submitted
///
/// A month with no stored report is `open`. `submitted` and `accepted` freeze the month's
/// entries; `returned` reopens them for correction.
public enum ReportStatus: String, Sendable, CaseIterable {
    case open
    case submitted
    case accepted
    case returned

    /// Whether the month's entries may no longer be added, changed or deleted.
    public var freezesEntries: Bool { self == .submitted || self == .accepted }
}

/// What a clerk or the office does to a report.
public enum ReportAction: String, Sendable, CaseIterable {
    case submit
    case accept
    case `return`

    /// The statuses the action may start from.
    public var allowedFrom: [ReportStatus] {
        switch self {
        case .submit: [.open, .returned]
        case .accept, .return: [.submitted]
        }
    }

    public var target: ReportStatus {
        switch self {
        case .submit: .submitted
        case .accept: .accepted
        case .return: .returned
        }
    }
}

/// An action the current status does not allow, with a sentence saying why.
public struct IllegalTransition: Error, Sendable, Equatable {
    public let action: ReportAction
    public let current: ReportStatus

    public var message: String {
        let allowed = action.allowedFrom.map(\.rawValue).joined(separator: " or ")
        return "the report is \(current.rawValue); only a report that is \(allowed) can be \(Self.pastTense(action))"
    }

    private static func pastTense(_ action: ReportAction) -> String {
        switch action {
        case .submit: "submitted"
        case .accept: "accepted"
        case .return: "returned"
        }
    }
}

/// The report state machine: the status after `action`, or why it is not allowed.
public enum ReportTransition {
    public static func apply(_ action: ReportAction, to current: ReportStatus) -> Result<ReportStatus, IllegalTransition> {
        guard action.allowedFrom.contains(current) else {
            return .failure(IllegalTransition(action: action, current: current))
        }
        return .success(action.target)
    }
}
