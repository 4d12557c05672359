/// Where a rectification notice (整改通知) stands.
///
/// Findings are written with their inspection but stay `pending` (visible only inside the
/// inspection) until it is finalized; then they are `open`. The clerk rectifies, an inspector
/// verifies or reopens. Voiding the inspection withdraws its findings, whatever their state.
public enum FindingStatus: String, Sendable, CaseIterable {
    case pending
    case open
    case rectified
    case verified
    case withdrawn

    /// Statuses a findings list may filter on (pending ones are not findings yet).
    public static let listable: [FindingStatus] = [.open, .rectified, .verified, .withdrawn]

    /// The statuses a plain findings list shows: withdrawn ones only when asked for.
    public static let shownByDefault: [FindingStatus] = [.open, .rectified, .verified]

    /// What can happen to a finding.
    public enum Action: String, Sendable, CaseIterable {
        /// The inspection is finalized.
        case publish
        /// The institution reports the problem fixed.
        case rectify
        /// An inspector confirms the fix.
        case verify
        /// An inspector rejects the fix (or finds the problem back).
        case reopen
        /// The inspection is voided.
        case withdraw
    }

    /// The status after `action`, or nil when the action is not allowed from this status.
    public func applying(_ action: Action) -> FindingStatus? {
        switch (action, self) {
        case (.publish, .pending): .open
        case (.rectify, .open): .rectified
        case (.verify, .rectified): .verified
        case (.reopen, .rectified), (.reopen, .verified): .open
        case (.withdraw, .pending), (.withdraw, .open), (.withdraw, .rectified), (.withdraw, .verified): .withdrawn
        default: nil
        }
    }

    /// The statuses `action` may start from, for error messages ("only open findings can be rectified").
    public static func sources(of action: Action) -> [FindingStatus] {
        allCases.filter { $0.applying(action) != nil }
    }
}

/// A finding's weight: a `major` problem is one a notice names.
public enum FindingSeverity: String, Sendable, CaseIterable {
    case minor
    case major

    public var chineseName: String {
        switch self {
        case .minor: "一般"
        case .major: "严重"
        }
    }
}
