import JSON
import WasteDomain

/// The JSON form of the settings, and its validation (every bad field at once).
enum SettingsJSON {
    static let keys = ["district_name", "issuing_office", "notice_prefix", "notice_addressees", "notice_cc", "printing_office",
                       "categories_in_force", "report_due_day", "grade_thresholds", "utc_offset_minutes", "language",
                       "require_totp_for", "outbound_hosts", "smtp", "rectification_requires_photo"]
        + fairnessKeys

    /// The settings as shown and audited: the SMTP password is write-only (``stored(_:)`` keeps it).
    static func json(_ settings: DistrictSettings) -> JSONValue {
        .object(JSONObject(fields(settings) + [("smtp", OutboundSettingsJSON.smtp(settings.smtp, revealPassword: false))]))
    }

    /// The document saved in the settings row, with the SMTP password.
    static func stored(_ settings: DistrictSettings) -> JSONValue {
        .object(JSONObject(fields(settings) + [("smtp", OutboundSettingsJSON.smtp(settings.smtp, revealPassword: true))]))
    }

    private static func fields(_ settings: DistrictSettings) -> [(String, JSONValue)] {
        ([
            ("district_name", .string(settings.districtName)),
            ("issuing_office", .string(settings.issuingOffice)),
            ("notice_prefix", .string(settings.noticePrefix)),
            ("notice_addressees", .string(settings.noticeAddressees)),
            ("notice_cc", .string(settings.noticeCC)),
            ("printing_office", .string(settings.printingOffice)),
            ("categories_in_force", .array(settings.categoriesInForce.map { .string($0.rawValue) })),
            ("report_due_day", .number(JSONNumber(settings.reportDueDay))),
            ("grade_thresholds", .object(JSONObject([
                ("excellent", .number(JSONNumber(settings.gradeThresholds.excellent))),
                ("good", .number(JSONNumber(settings.gradeThresholds.good))),
                ("pass", .number(JSONNumber(settings.gradeThresholds.pass))),
            ]))),
            ("utc_offset_minutes", .number(JSONNumber(settings.utcOffsetMinutes))),
            ("language", .string(settings.language)),
            ("require_totp_for", .array(settings.requireTOTPFor.map { .string($0.rawValue) })),
            ("outbound_hosts", .array(settings.outboundHosts.map(JSONValue.string))),
            ("rectification_requires_photo", .bool(settings.rectificationRequiresPhoto)),
        ] + fairnessJSON(settings))
    }

    /// Reads the fields present over `base` (absent fields keep their value); errors land in `reader`.
    static func read(_ reader: inout JSONFieldReader, over base: DistrictSettings) -> DistrictSettings {
        var settings = base
        if let name = reader.string("district_name", minLength: 1, maxLength: 50) { settings.districtName = name }
        if let office = reader.string("issuing_office", minLength: 1, maxLength: 100) { settings.issuingOffice = office }
        if let prefix = reader.string("notice_prefix", minLength: 1, maxLength: 20) { settings.noticePrefix = prefix }
        if let addressees = reader.string("notice_addressees", minLength: 1, maxLength: 200) { settings.noticeAddressees = addressees }
        if let copies = reader.string("notice_cc", minLength: 0, maxLength: 300) { settings.noticeCC = copies }
        if let office = reader.string("printing_office", minLength: 0, maxLength: 100) { settings.printingOffice = office }
        if let categories = reader.array("categories_in_force", minCount: 1, maxCount: 4, { element -> WasteCategory? in
            guard let text = element.string(), let category = CategoryNames.resolve(text) else {
                element.addError(code: FieldError.Code.invalidValue, message: "must be one of recyclable, hazardous, food, residual")
                return nil
            }
            return category
        }) {
            if Set(categories).count != categories.count {
                reader.addError("categories_in_force", code: FieldError.Code.invalidValue, message: "lists a category twice")
            } else {
                settings.categoriesInForce = categories.sorted()
            }
        }
        if let day = reader.int("report_due_day", min: 1, max: 28) { settings.reportDueDay = day }
        if let offset = reader.int("utc_offset_minutes", min: -720, max: 840) { settings.utcOffsetMinutes = offset }
        if let language = reader.string("language", minLength: 2, maxLength: 20) {
            if ["zh", "zh-CN", "en", "en-US", "en-GB"].contains(language) {
                settings.language = language
            } else {
                reader.addError("language", code: FieldError.Code.invalidValue, message: "must be one of: zh-CN, zh, en, en-US, en-GB")
            }
        }
        if let roles = reader.array("require_totp_for", maxCount: Role.allCases.count, { element -> Role? in
            guard let text = element.string(), let role = Role(rawValue: text) else {
                element.addError(code: FieldError.Code.invalidValue, message: "must be one of admin, inspector, clerk, viewer")
                return nil
            }
            return role
        }) {
            settings.requireTOTPFor = Array(Set(roles)).sorted()
        }
        if let requires = reader.bool("rectification_requires_photo") { settings.rectificationRequiresPhoto = requires }
        if let thresholds = reader.object("grade_thresholds", allowedKeys: ["excellent", "good", "pass"], { inner -> GradeThresholds? in
            var value = settings.gradeThresholds
            if let excellent = inner.int("excellent", min: 0, max: 100) { value.excellent = excellent }
            if let good = inner.int("good", min: 0, max: 100) { value.good = good }
            if let pass = inner.int("pass", min: 0, max: 100) { value.pass = pass }
            guard value.isOrdered else {
                inner.addError("", code: FieldError.Code.invalidValue, message: "must satisfy pass < good < excellent")
                return nil
            }
            return value
        }) {
            settings.gradeThresholds = thresholds
        }
        OutboundSettingsJSON.read(&reader, into: &settings)
        readFairness(&reader, into: &settings)
        return settings
    }
}
