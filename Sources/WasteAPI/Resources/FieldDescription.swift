import JSON
import Storage

/// One member of a resource, declared once: its JSON name, column, spreadsheet headers, presence,
/// who may write it, and its ``FieldType``. Validation, row decoding, SQL, JSON, the OpenAPI
/// property and the spreadsheet import all come from this value (see ``ResourceDescription``).
struct FieldDescription<Model: Sendable>: Sendable {
    enum Presence: Sendable {
        /// Must be given on create; never `null`.
        case required
        /// May be left out (the blank model's value is the default); never `null`.
        case defaulted
        /// May be left out or `null`.
        case optional
    }

    let name: String
    let column: String
    /// The Chinese column header of spreadsheets (`?headers=zh`; imports accept it too).
    let headerZH: String
    let presence: Presence
    /// Whether the institution's own clerk may change it (the profile fields); the office may always.
    let clerkWritable: Bool
    let documentation: String?
    let valueSchema: JSONObject

    let apply: @Sendable (inout JSONFieldReader, inout Model, FieldContext) -> Void
    let clear: @Sendable (inout Model) -> Void
    /// Copies this field's value from the first model into the second.
    let copy: @Sendable (Model, inout Model) -> Void
    /// Whether `null` means "the default" rather than an error (counts where null is 0).
    let nullIsDefault: Bool
    let decode: @Sendable (Row, inout Model) throws -> Void
    let store: @Sendable (Model) -> SQLValue
    let json: @Sendable (Model) -> JSONValue
    let parseCell: @Sendable (String) -> JSONValue

    /// A field that always has a value.
    init<Value>(_ name: String, _ keyPath: WritableKeyPath<Model, Value> & Sendable, _ type: FieldType<Value>,
                zh: String, column: String? = nil, required: Bool = false, clerk: Bool = false, nullIsDefault: Bool = false,
                doc: String? = nil) {
        self.nullIsDefault = nullIsDefault
        copy = { source, target in target[keyPath: keyPath] = source[keyPath: keyPath] }
        self.name = name
        self.column = column ?? name
        headerZH = zh
        presence = required ? .required : .defaulted
        clerkWritable = clerk
        documentation = doc
        valueSchema = type.schema
        apply = { reader, model, context in
            if let value = type.read(&reader, name, context) { model[keyPath: keyPath] = value }
        }
        clear = { _ in }
        let column = self.column
        decode = { row, model in model[keyPath: keyPath] = try type.load(row, column) }
        store = { model in type.store(model[keyPath: keyPath]) }
        json = { model in type.json(model[keyPath: keyPath]) }
        parseCell = type.parseCell
    }

    /// A field that may be absent (`null`). With `emptyIsNull`, an empty text is stored as null, so
    /// a spreadsheet round trip cannot tell the two apart.
    init<Value>(_ name: String, _ keyPath: WritableKeyPath<Model, Value?> & Sendable, _ type: FieldType<Value>,
                zh: String, column: String? = nil, clerk: Bool = false, emptyIsNull: Bool = false, doc: String? = nil) {
        nullIsDefault = false
        copy = { source, target in target[keyPath: keyPath] = source[keyPath: keyPath] }
        self.name = name
        self.column = column ?? name
        headerZH = zh
        presence = .optional
        clerkWritable = clerk
        documentation = doc
        valueSchema = type.schema
        apply = { reader, model, context in
            guard let value = type.read(&reader, name, context) else { return }
            if emptyIsNull, let text = value as? String, text.isEmpty {
                model[keyPath: keyPath] = nil
            } else {
                model[keyPath: keyPath] = value
            }
        }
        clear = { model in model[keyPath: keyPath] = nil }
        let column = self.column
        decode = { row, model in
            model[keyPath: keyPath] = try row[column]?.isNull == true ? nil : type.load(row, column)
        }
        store = { model in model[keyPath: keyPath].map(type.store) ?? .null }
        json = { model in model[keyPath: keyPath].map(type.json) ?? .null }
        parseCell = type.parseCell
    }

    /// Reads the member `name` of `reader`'s object onto `model`: absent keeps the model's value
    /// (an error for a required field when `creating`), `null` clears an optional field.
    func read(_ reader: inout JSONFieldReader, onto model: inout Model, creating: Bool, blank: Model,
              context: FieldContext) {
        switch reader.presence(name) {
        case .absent:
            if creating && presence == .required {
                reader.addError(name, code: FieldError.Code.required, message: "is required")
            }
        case .null:
            if presence == .optional {
                clear(&model)
            } else if nullIsDefault {
                copy(blank, &model)
            } else {
                reader.addError(name, code: FieldError.Code.required, message: "must not be null")
            }
        case .value:
            apply(&reader, &model, context)
        }
    }
}
