import JSON
import Routing
import Storage
import WasteDomain

/// An institution's task list (任务清单, 责任到人): each task has a named owner and a due
/// date; `overdue` is computed for today in the district's time zone.
struct TaskRecord: ScopedResource {
    let title: String
    let owner: String
    let dueOn: CalendarDate
    let status: TaskStatus
    let doneOn: CalendarDate?
    let note: String?

    static let kind = ScopedKind(table: "tasks", entity: "task", schema: "Task", noun: "task", plural: "tasks",
                                 tag: "tasks")
    static let bodyKeys = ["title", "owner", "due_on", "status", "done_on", "note"]
    static let columns = ["title", "owner", "due_on", "status", "done_on", "note"]
    static let dateColumn: String? = "due_on"
    static let listQuery = ["status", "overdue"]

    init(title: String, owner: String, dueOn: CalendarDate, status: TaskStatus, doneOn: CalendarDate?, note: String?) {
        self.title = title
        self.owner = owner
        self.dueOn = dueOn
        self.status = status
        self.doneOn = doneOn
        self.note = note
    }

    init(row: Row) throws {
        guard let status = TaskStatus(rawValue: try row.string("status")) else {
            throw ScopedValues.StoredValueError(column: "status")
        }
        self.init(title: try row.string("title"), owner: try row.string("owner"), dueOn: try ScopedValues.date(row, "due_on"),
                  status: status, doneOn: try ScopedValues.optionalDate(row, "done_on"), note: try row.optionalString("note"))
    }

    /// `status` defaults to `open`; `done_on` must be given exactly when the task is done.
    static func read(_ reader: inout JSONFieldReader) -> TaskRecord? {
        let title = reader.string("title", required: true, minLength: 1, maxLength: 200)
        let owner = reader.string("owner", required: true, minLength: 1, maxLength: 100)
        let dueOn = reader.date("due_on", required: true)
        let status = reader.enumValue("status", as: TaskStatus.self)
        let doneOn = reader.date("done_on")
        let note = reader.string("note", maxLength: 2000)
        let statusIsValid = status != nil || !reader.has("status") || reader.isNull("status")
        let doneOnIsValid = doneOn != nil || !reader.has("done_on") || reader.isNull("done_on")
        if statusIsValid, doneOnIsValid, let problem = TaskStatus.doneOnProblem(status: status ?? .open, doneOn: doneOn) {
            reader.addError("done_on", code: doneOn == nil ? FieldError.Code.required : FieldError.Code.invalidValue,
                            message: problem)
        }
        guard reader.isValid, let title, let owner, let dueOn else { return nil }
        return TaskRecord(title: title, owner: owner, dueOn: dueOn, status: status ?? .open, doneOn: doneOn, note: note)
    }

    var input: [(String, JSONValue)] {
        [("title", .string(title)), ("owner", .string(owner)), ("due_on", ScopedValues.date(dueOn)),
         ("status", .string(status.rawValue)), ("done_on", ScopedValues.date(doneOn)), ("note", ScopedValues.string(note))]
    }

    var sqlValues: [any SQLValueConvertible] {
        [title, owner, dueOn.description, status.rawValue, doneOn?.description, note]
    }

    func computed(_ environment: ScopedEnvironment) -> [(String, JSONValue)] {
        [("overdue", .bool(TaskStatus.isOverdue(status: status, dueOn: dueOn, today: environment.today)))]
    }

    /// `status=`, and `overdue=true|false` by the same rule as the computed field.
    static func filters(_ query: QueryParameters, _ environment: ScopedEnvironment) throws(HTTPError) -> [ScopedCondition] {
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

    /// Reopening a done task (a PATCH setting another status without `done_on`) clears `done_on`.
    static func prepareMerge(_ merged: inout JSONObject, body: JSONObject) {
        if let status = body["status"]?.stringValue, status != TaskStatus.done.rawValue, !body.contains("done_on") {
            merged.set("done_on", .null)
        }
    }
}

/// `…/tasks`: see ``TaskRecord``.
enum TaskRoutes {
    static func register(in routes: inout APIRoutes) {
        ScopedResourceRoutes<TaskRecord>.register(in: &routes)
    }
}
