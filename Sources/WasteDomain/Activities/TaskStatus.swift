import CalendarDates

/// The state of a task on an institution's task list (任务清单, 责任到人).
public enum TaskStatus: String, Sendable, CaseIterable {
    case open
    case inProgress = "in_progress"
    case done

    /// A task is overdue when it is not done and `today` (in the district's time zone) is past
    /// its due date: a task due today is not yet overdue.
    public static func isOverdue(status: TaskStatus, dueOn: CalendarDate, today: CalendarDate) -> Bool {
        status != .done && today > dueOn
    }

    /// Why a completion date does not fit the status, or nil when it does: a done task needs
    /// the day it was done, and a task not done must not have one.
    public static func doneOnProblem(status: TaskStatus, doneOn: CalendarDate?) -> String? {
        switch (status, doneOn) {
        case (.done, nil): "is required when status is done"
        case (.done, _?): nil
        case (_, nil): nil
        case (_, _?): "must be null unless status is done"
        }
    }
}
