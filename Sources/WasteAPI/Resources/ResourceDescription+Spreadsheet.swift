import JSON

/// The spreadsheet form of a described resource: one column per field, headed by its JSON name
/// (or its Chinese header), and each imported row turned into the JSON object that
/// ``ResourceDescription/read(_:onto:path:)`` validates, so a file obeys the API's rules.
extension ResourceDescription {
    /// The field a header cell names, in either language.
    func field(forHeader header: String) -> FieldDescription<Model>? {
        fields.first { $0.name == header || $0.headerZH == header }
    }

    /// One data row as a body. An empty cell leaves out a field that cannot be null (keeping the
    /// current value or the default), is an empty text for a required one (so the error says it is
    /// too short) and `null` for an optional one. Unknown headers pass through to be reported.
    func inputObject(header: [String], cells: [String]) -> JSONObject {
        var object = JSONObject()
        for (title, cell) in zip(header, cells) {
            guard let field = field(forHeader: title) else {
                object.set(title, .string(cell))
                continue
            }
            if cell.trimmingCellSpaces.isEmpty {
                switch field.presence {
                case .defaulted: continue
                case .required: object.set(field.name, .string(cell))
                case .optional: object.set(field.name, .null)
                }
            } else {
                object.set(field.name, field.parseCell(cell))
            }
        }
        return object
    }
}
