import CalendarDates

/// The publicity component of a period score (docs/API.md, computed figures): 50 points when training was
/// held in every quarter of the period, 50 when a pledge or commitment activity took place in it.
///
/// A quarter only partly inside the period (a month, or a quarter still running) counts the part
/// up to the period's end: for `2020-02`, a training from 2020-01-01 to 2020-02-29 satisfies Q1.
public enum PublicityComponent {
    public static let trainingPoints = 50
    public static let pledgePoints = 50

    /// The score 0, 50 or 100 for the activities held (kind and date) of one institution.
    public static func score(_ activities: [(kind: ActivityKind, heldOn: CalendarDate)], in period: Period) -> Int {
        (trainingInEveryQuarter(activities, in: period) ? trainingPoints : 0)
            + (pledgeInPeriod(activities, in: period) ? pledgePoints : 0)
    }

    public static func trainingInEveryQuarter(_ activities: [(kind: ActivityKind, heldOn: CalendarDate)], in period: Period) -> Bool {
        let trainings = activities.filter { $0.kind == .training }.map(\.heldOn)
        return period.quarters.allSatisfy { quarter in
            let window = quarter.start...min(quarter.end, period.end)
            return trainings.contains { window.contains($0) }
        }
    }

    public static func pledgeInPeriod(_ activities: [(kind: ActivityKind, heldOn: CalendarDate)], in period: Period) -> Bool {
        activities.contains { $0.kind.isPledgeOrCommitment && (period.start...period.end).contains($0.heldOn) }
    }
}
