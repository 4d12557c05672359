import JSON
import WasteDomain

/// What validating an entry needs beyond the entry: the categories in force and today's date.
struct LedgerEntryRules: Sendable {
    let settings: DistrictSettings
    /// Today in the district's UTC offset: entries may not be dated later.
    let today: CalendarDate

    /// Older dates are typing mistakes, not ledger data.
    static let earliest = CalendarDate(year: 2000, month: 1, day: 1)!

    init(settings: DistrictSettings, now: Timestamp) {
        self.settings = settings
        today = now.date(utcOffsetMinutes: settings.utcOffsetMinutes)
    }
}

/// Reads ledger entries from JSON objects, reporting every bad field with its full path
/// (`entries[17].weight_kg`). Categories may be written as codes, Chinese names or aliases.
enum LedgerEntryInput {
    /// A new entry: `occurred_on`, `category`, `weight_kg` and `stage` are required.
    static func create(_ reader: inout JSONFieldReader, rules: LedgerEntryRules) -> LedgerEntryFields? {
        let occurredOn = date(&reader, required: true, rules: rules)
        let category = category(&reader, required: true, rules: rules)
        let grams = reader.scaled("weight_kg", decimals: 3, required: true, min: 1, max: Weight.maximumEntryGrams)
        let weighed = reader.bool("weighed") ?? true
        let stage = reader.enumValue("stage", as: LedgerStage.self, required: true)
        let disposal = reader.enumValue("disposal", as: Disposal.self)
        let subcategory = reader.string("subcategory", minLength: 1, maxLength: 40)
        let texts = self.texts(&reader)
        guard reader.isValid, let occurredOn, let category, let grams, let stage else { return nil }
        let fields = LedgerEntryFields(
            occurredOn: occurredOn, category: category, subcategory: subcategory, grams: grams, weighed: weighed,
            stage: stage, hauler: texts["hauler"] ?? nil, destination: texts["destination"] ?? nil, disposal: disposal,
            manifestNo: texts["manifest_no"] ?? nil, note: texts["note"] ?? nil)
        return checkSubcategory(&reader, fields).flatMap { checkDisposal(&reader, $0, rules: rules) }
    }

    /// A PATCH over `base`: members present replace, `null` clears an optional field, and a
    /// required field may not be `null`.
    static func patch(_ reader: inout JSONFieldReader, over base: LedgerEntryFields, rules: LedgerEntryRules) -> LedgerEntryFields? {
        let occurredOn = date(&reader, required: reader.has("occurred_on"), rules: rules)
        let category = category(&reader, required: reader.has("category"), rules: rules)
        let grams = reader.scaled("weight_kg", decimals: 3, required: reader.has("weight_kg"), min: 1,
                                  max: Weight.maximumEntryGrams)
        let weighed = reader.bool("weighed", required: reader.has("weighed"))
        let stage = reader.enumValue("stage", as: LedgerStage.self, required: reader.has("stage"))
        let disposal = reader.enumValue("disposal", as: Disposal.self)
        let subcategory = reader.string("subcategory", minLength: 1, maxLength: 40)
        let texts = self.texts(&reader)
        guard reader.isValid else { return nil }
        var fields = base
        if let occurredOn { fields.occurredOn = occurredOn }
        if let category { fields.category = category }
        if let grams { fields.grams = grams }
        if let weighed { fields.weighed = weighed }
        if let stage { fields.stage = stage }
        if reader.has("disposal") { fields.disposal = disposal }
        if reader.has("subcategory") { fields.subcategory = subcategory }
        if reader.has("hauler") { fields.hauler = texts["hauler"] ?? nil }
        if reader.has("destination") { fields.destination = texts["destination"] ?? nil }
        if reader.has("manifest_no") { fields.manifestNo = texts["manifest_no"] ?? nil }
        if reader.has("note") { fields.note = texts["note"] ?? nil }
        return checkSubcategory(&reader, fields).flatMap { checkDisposal(&reader, $0, rules: rules) }
    }

    // MARK: Fields

    private static func date(_ reader: inout JSONFieldReader, required: Bool, rules: LedgerEntryRules) -> CalendarDate? {
        guard let date = reader.date("occurred_on", required: required) else { return nil }
        if date > rules.today {
            reader.addError("occurred_on", code: "in_future",
                            message: "must not be after today (\(rules.today) in the district)")
            return nil
        }
        if date < LedgerEntryRules.earliest {
            reader.addError("occurred_on", code: FieldError.Code.outOfRange, message: "must be on or after \(LedgerEntryRules.earliest)")
            return nil
        }
        return date
    }

    /// A code, Chinese name or alias (`湿垃圾` → `food`) of a category the district has in force.
    private static func category(_ reader: inout JSONFieldReader, required: Bool, rules: LedgerEntryRules) -> WasteCategory? {
        guard let text = reader.string("category", required: required, maxLength: 40) else { return nil }
        guard let category = CategoryNames.resolve(text) else {
            reader.addError("category", code: FieldError.Code.invalidValue,
                            message: "must be recyclable, hazardous, food or residual (Chinese names and common aliases such as 湿垃圾 are accepted)")
            return nil
        }
        guard rules.settings.isInForce(category) else {
            let inForce = rules.settings.categoriesInForce.map(\.rawValue).joined(separator: ", ")
            reader.addError("category", code: "not_in_force",
                            message: "\(category.rawValue) (\(category.chineseName)) is not in force in this district; the categories in force are \(inForce)")
            return nil
        }
        return category
    }

    /// The free-text fields present (a `null` member maps to nil).
    private static func texts(_ reader: inout JSONFieldReader) -> [String: String?] {
        var values: [String: String?] = [:]
        for (key, limit) in LedgerEntryFields.textLimits where reader.has(key) {
            values[key] = .some(reader.string(key, maxLength: limit))
        }
        return values
    }

    /// The district's `disposal_rules` (docs/DECISIONS.md, "Plausibility"): hazardous waste is not composted.
    /// A PATCH is judged on the entry it leaves, so changing only the category is checked too.
    private static func checkDisposal(_ reader: inout JSONFieldReader, _ fields: LedgerEntryFields,
                                      rules: LedgerEntryRules) -> LedgerEntryFields? {
        guard let disposal = fields.disposal, !rules.settings.disposalRules.allows(disposal, for: fields.category) else { return fields }
        let allowed = rules.settings.disposalRules.allowed(for: fields.category).map(\.rawValue).joined(separator: ", ")
        reader.addError("disposal", code: "not_allowed",
                        message: "\(disposal.rawValue) is not a disposal of \(fields.category.rawValue) (\(fields.category.chineseName)) "
                            + "in this district; allowed: \(allowed)")
        return nil
    }

    private static func checkSubcategory(_ reader: inout JSONFieldReader, _ fields: LedgerEntryFields) -> LedgerEntryFields? {
        guard let subcategory = fields.subcategory, !fields.category.subcategories.contains(subcategory) else { return fields }
        let allowed = fields.category.subcategories
        let message = allowed.isEmpty
            ? "\(fields.category.rawValue) has no subcategories; leave it out"
            : "\(subcategory) is not a subcategory of \(fields.category.rawValue); use one of \(allowed.joined(separator: ", "))"
        reader.addError("subcategory", code: FieldError.Code.invalidValue, message: message)
        return nil
    }
}
