import JSON
import Routing
import WasteDomain

/// An institution's task list (任务清单, 责任到人): each task has a named owner and a due date;
/// `overdue` is computed for today in the district's time zone.
struct TaskFields: Sendable, Equatable {
    var title = ""
    var owner = ""
    var dueOn = CalendarDate.placeholder
    var status = TaskStatus.open
    var doneOn: CalendarDate?
    var note: String?

    static let description = ScopedDescription<TaskFields>(
        fields: ResourceDescription(table: "tasks", entity: "task", schema: "Task", blank: TaskFields(), fields: [
            .init("title", \.title, .text(minLength: 1, maxLength: 200), zh: "任务", required: true),
            .init("owner", \.owner, .text(minLength: 1, maxLength: 100), zh: "责任人", required: true,
                  doc: "The person responsible (责任人)."),
            .init("due_on", \.dueOn, .date, zh: "完成时限", required: true),
            .init("status", \.status, .enumeration(), zh: "状态"),
            .init("done_on", \.doneOn, .date, zh: "完成日期",
                  doc: "Required when status is done, null otherwise; reopening a task clears it."),
            .init("note", \.note, .text(maxLength: 2000), zh: "备注"),
        ], check: doneOnMatchesStatus),
        segment: "tasks", noun: "task", plural: "tasks", tag: "tasks", dateColumn: "due_on", listQuery: ["status", "overdue"],
        computed: [
            .init(name: "overdue", schema: ["type": "boolean", "description": "Not done and today (district time zone) is after due_on."]) {
                task, environment in .bool(TaskStatus.isOverdue(status: task.status, dueOn: task.dueOn, today: environment.today))
            },
        ],
        filters: filters,
        adjustPatch: { body, _ in
            // Reopening a done task (another status without `done_on`) clears `done_on`.
            if let status = body["status"]?.stringValue, status != TaskStatus.done.rawValue, !body.contains("done_on") {
                body.set("done_on", .null)
            }
        })

    /// `done_on` must be given exactly when the task is done.
    @Sendable private static func doneOnMatchesStatus(_ task: TaskFields, _ reader: inout JSONFieldReader, _ invalid: Set<String>) {
        guard !invalid.contains("status"), !invalid.contains("done_on"),
              let problem = TaskStatus.doneOnProblem(status: task.status, doneOn: task.doneOn) else { return }
        reader.addError("done_on", code: task.doneOn == nil ? FieldError.Code.required : FieldError.Code.invalidValue,
                        message: problem)
    }

    /// `status=`, and `overdue=true|false` by the same rule as the computed member.
    @Sendable private static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition] {
        var conditions: [ScopedCondition] = []
        if let status = try query.oneOf("status", TaskStatus.allCases.map(\.rawValue)) {
            conditions.append(ScopedCondition(sql: "status = ?", arguments: [status]))
        }
        if let overdue = try query.oneOf("overdue", ["true", "false"]) {
            let rule = "status <> 'done' AND due_on < ?"
            conditions.append(ScopedCondition(sql: overdue == "true" ? rule : "NOT (\(rule))",
                                              arguments: [environment.today.description]))
        }
        return conditions
    }
}
