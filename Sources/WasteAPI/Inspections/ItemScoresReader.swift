import JSON
import WasteDomain

/// Reads `items: [{code, score, note}]` and checks them against the rubric, reporting every bad
/// element at once: malformed elements, unknown and repeated codes, scores out of range or with
/// a second decimal (at `items[i].score`, the message naming the item), and unscored items.
enum ItemScoresReader {
    static let maxItems = 500

    static func read(_ reader: inout JSONFieldReader, rubric: Rubric, required: Bool) -> (ScoreSheet, [String: String])? {
        let field = "items"
        switch reader.value(field) {
        case nil, .null?:
            if required { reader.addError(field, code: FieldError.Code.required, message: "is required: score every item of the rubric") }
            return nil
        case .array(let elements)? where elements.count <= maxItems:
            return read(elements, &reader, rubric: rubric)
        case .array?:
            reader.addError(field, code: FieldError.Code.tooLong, message: "must have at most \(maxItems) items")
            return nil
        case let other?:
            reader.addError(field, code: FieldError.Code.type, message: "must be an array (got \(other.typeName))")
            return nil
        }
    }

    private static func read(_ elements: [JSONValue], _ reader: inout JSONFieldReader,
                             rubric: Rubric) -> (ScoreSheet, [String: String])? {
        var entries: [(index: Int, entry: ScoreSheet.Entry)] = []
        var notes: [String: String] = [:]
        var unreadable = Set<String>()
        for (index, element) in elements.enumerated() {
            var elementReader = JSONElementReader(element, path: "items[\(index)]")
            let parsed = elementReader.object(allowedKeys: ["code", "score", "note"]) { item in readItem(&item) }
            reader.append(contentsOf: elementReader.errors)
            if let parsed {
                entries.append((index, ScoreSheet.Entry(code: parsed.code, score: parsed.score)))
                if let note = parsed.note { notes[parsed.code] = note }
            } else if let code = element["code"]?.stringValue {
                unreadable.insert(code)
            }
        }
        switch ScoreSheet.evaluate(entries.map(\.entry), against: rubric) {
        case .valid(let sheet):
            return reader.isValid ? (sheet, notes) : nil
        case .invalid(let problems):
            for problem in problems {
                report(problem, &reader, rubric: rubric, indices: entries.map(\.index), unreadable: unreadable)
            }
            return nil
        }
    }

    private static func readItem(_ item: inout JSONFieldReader) -> (code: String, score: JSONNumber, note: String?)? {
        let code = item.string("code", required: true, minLength: 1, maxLength: 16)
        let note = item.string("note", maxLength: 1000)
        var score: JSONNumber?
        switch item.value("score") {
        case nil, .null?:
            item.addError("score", code: FieldError.Code.required, message: "\(code ?? "this item"): a score is required")
        case .number(let number)?:
            score = number
        case let other?:
            item.addError("score", code: FieldError.Code.type, message: "must be a number (got \(other.typeName))")
        }
        guard let code, let score else { return nil }
        return (code, score, note)
    }

    private static func report(_ problem: ScoreSheet.Problem, _ reader: inout JSONFieldReader, rubric: Rubric,
                               indices: [Int], unreadable: Set<String>) {
        switch problem {
        case .unknownItem(let entry, let code):
            reader.addError("items[\(indices[entry])].code", code: FieldError.Code.invalidValue,
                            message: "\(code) is not an item of rubric version \(rubric.version)")
        case .duplicateItem(let entry, let code):
            reader.addError("items[\(indices[entry])].code", code: FieldError.Code.invalidValue, message: "\(code) is scored more than once")
        case .tooManyDecimals(let entry, let code):
            reader.addError("items[\(indices[entry])].score", code: FieldError.Code.tooManyDecimals,
                            message: "\(code): must have at most one decimal place")
        case .outOfRange(let entry, let code, let max):
            reader.addError("items[\(indices[entry])].score", code: FieldError.Code.outOfRange,
                            message: "\(code): must be between 0 and \(max)")
        case .missingItems(let codes):
            // An element that could not be read already has its own error; do not call it missing too.
            let missing = codes.filter { !unreadable.contains($0) }
            guard !missing.isEmpty else { return }
            reader.addError("items", code: FieldError.Code.required,
                            message: "\(missing.joined(separator: ", ")) of rubric version \(rubric.version) \(missing.count == 1 ? "has" : "have") no score")
        }
    }
}
