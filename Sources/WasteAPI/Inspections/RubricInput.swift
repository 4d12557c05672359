import JSON
import Routing
import WasteDomain

/// The body of `POST /v1/rubrics`, read and checked with every problem reported at once.
struct RubricInput {
    let name: String
    let sections: [RubricSection]
    let items: [RubricItem]
    /// Whether the new rubric replaces the active one at once (the default).
    let activate: Bool

    static let keys = ["name", "sections", "items", "activate"]

    static func read(_ object: JSONObject) throws(HTTPError) -> RubricInput {
        var reader = JSONFieldReader(object, allowedKeys: keys)
        let name = reader.string("name", required: true, minLength: 1, maxLength: 200)
        let activate = reader.bool("activate") ?? true
        let sections = reader.array("sections", required: true, minCount: 1, maxCount: 20) { element in
            element.object(allowedKeys: ["code", "title_zh", "title_en"]) { section -> RubricSection? in
                let code = readCode(&section, "code")
                let zh = section.string("title_zh", required: true, minLength: 1, maxLength: 200)
                let en = section.string("title_en", required: true, minLength: 1, maxLength: 200)
                guard let code, let zh, let en else { return nil }
                return RubricSection(code: code, titleZh: zh, titleEn: en)
            }
        }
        let items = reader.array("items", required: true, minCount: 1, maxCount: 200) { element in
            element.object(allowedKeys: ["code", "section", "title_zh", "title_en", "max_points", "source"]) { item -> RubricItem? in
                let code = readCode(&item, "code")
                let section = readCode(&item, "section")
                let zh = item.string("title_zh", required: true, minLength: 1, maxLength: 200)
                let en = item.string("title_en", required: true, minLength: 1, maxLength: 200)
                let max = item.scaled("max_points", decimals: 1, required: true, min: 1, max: 1000)
                let source = item.enumValue("source", as: MeasuredSource.self)
                guard item.isValid, let code, let section, let zh, let en, let max else { return nil }
                return RubricItem(code: code, section: section, titleZh: zh, titleEn: en, maxPoints: Points(tenths: max), source: source)
            }
        }
        if let sections, let items {
            for problem in RubricRules.problems(sections: sections, items: items) { reader.add(problem) }
        }
        guard reader.isValid, let name, let sections, let items else { throw HTTPError.validation(reader.errors) }
        return RubricInput(name: name, sections: sections, items: items, activate: activate)
    }

    private static func readCode(_ reader: inout JSONFieldReader, _ key: String) -> String? {
        guard let code = reader.string(key, required: true, minLength: 1, maxLength: 16) else { return nil }
        guard RubricRules.isValidCode(code) else {
            reader.addError(key, code: FieldError.Code.invalidFormat,
                            message: "must be 1 to 16 letters, digits, '.', '-' or '_', starting with a letter or digit")
            return nil
        }
        return code
    }
}

private extension JSONFieldReader {
    mutating func add(_ problem: RubricRules.Problem) {
        switch problem {
        case .duplicateSection(let index, let code):
            addError("sections[\(index)].code", code: FieldError.Code.invalidValue, message: "section \(code) is listed twice")
        case .duplicateItem(let index, let code):
            addError("items[\(index)].code", code: FieldError.Code.invalidValue, message: "item \(code) is listed twice")
        case .unknownSection(let index, let section):
            addError("items[\(index)].section", code: FieldError.Code.invalidValue, message: "section \(section) is not in sections")
        case .emptySection(let index, let code):
            addError("sections[\(index)]", code: FieldError.Code.invalidValue, message: "section \(code) has no items")
        case .wrongTotal(let total):
            addError("items", code: FieldError.Code.invalidValue,
                     message: "max_points must add up to \(Rubric.totalPoints) (they add up to \(total))")
        }
    }
}
