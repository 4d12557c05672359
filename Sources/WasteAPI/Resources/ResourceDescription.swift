import JSON
import Storage

/// A resource declared once: its table, audit entity, OpenAPI schema name, blank value and
/// fields. Everything a route needs — validation of every field at once, row decoding, the
/// column list and values for SQL, the JSON members, the OpenAPI schemas and the spreadsheet
/// columns — is derived here, so a field exists in exactly one declaration (plus its migration).
struct ResourceDescription<Model: Sendable & Equatable>: Sendable {
    /// The SQL table.
    let table: String
    /// The audit entity, singular snake_case (`institution`).
    let entity: String
    /// The OpenAPI schema of one stored resource (`Institution`).
    let schema: String
    /// The starting point of a new resource: defaults set, required fields empty.
    let blank: Model
    let fields: [FieldDescription<Model>]
    /// Rules spanning fields (e.g. `done_on` with `status`), run after every field was read; the
    /// set names the fields whose own value was bad, so a rule can skip what it cannot judge.
    var check: Check?
    /// Columns the schema itself maintains from the fields (triggers), never written by the API.
    var derivedColumns: [String] = []
    typealias Check = @Sendable (Model, inout JSONFieldReader, _ invalid: Set<String>) -> Void

    init(table: String, entity: String, schema: String, blank: Model, fields: [FieldDescription<Model>],
         check: Check? = nil, derivedColumns: [String] = []) {
        self.derivedColumns = derivedColumns
        self.table = table
        self.entity = entity
        self.schema = schema
        self.blank = blank
        self.fields = fields
        self.check = check
    }

    /// The members a body may carry, in declaration order (also the JSON and CSV order).
    var names: [String] { fields.map(\.name) }
    var columns: [String] { fields.map(\.column) }
    var requiredNames: [String] { fields.filter { $0.presence == .required }.map(\.name) }
    var clerkWritableNames: Set<String> { Set(fields.filter(\.clerkWritable).map(\.name)) }

    func field(named name: String) -> FieldDescription<Model>? { fields.first { $0.name == name } }

    // MARK: Validation

    /// Every problem of one body, all at once (under `path`, e.g. `line 7` for an imported row).
    struct ValidationFailure: Error {
        let errors: [FieldError]
    }

    /// Applies `object` onto `base` (nil: create from ``blank``). Unknown members, required ones
    /// left out, `null` for fields that cannot be null and bad values are all reported together.
    func read(_ object: JSONObject, onto base: Model?, path: String = "",
              context: FieldContext = FieldContext()) -> Result<Model, ValidationFailure> {
        var reader = JSONFieldReader(object, allowedKeys: names, path: path)
        var model = base ?? blank
        var invalid: Set<String> = []
        for field in fields {
            let before = reader.errors.count
            field.read(&reader, onto: &model, creating: base == nil, blank: blank, context: context)
            if reader.errors.count > before { invalid.insert(field.name) }
        }
        if let check { check(model, &reader, invalid) }
        guard reader.isValid else { return .failure(ValidationFailure(errors: reader.errors)) }
        return .success(model)
    }

    // MARK: Storage and JSON

    /// Decodes the fields of a row selected with ``columns``; a value outside its domain throws.
    func decode(_ row: Row) throws -> Model {
        var model = blank
        for field in fields { try field.decode(row, &model) }
        return model
    }

    /// The values bound to ``columns``, in the same order.
    func sqlValues(_ model: Model) -> [SQLValue] { fields.map { $0.store(model) } }

    /// The members of the JSON form, in declaration order; absent optionals are `null`.
    func jsonPairs(_ model: Model) -> [(String, JSONValue)] { fields.map { ($0.name, $0.json(model)) } }

    /// The fields as an object (the input form a PATCH overlays, and audit before/after).
    func json(_ model: Model) -> JSONValue { .object(JSONObject(jsonPairs(model))) }
}
