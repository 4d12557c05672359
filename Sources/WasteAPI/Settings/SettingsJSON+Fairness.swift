import JSON
import WasteDomain

/// `disposal_rules` and `calendar` in the settings (docs/DECISIONS.md, "Plausibility", "Working days").
/// A PUT replaces the categories and years it names and keeps the others.
extension SettingsJSON {
    static let fairnessKeys = ["disposal_rules", "calendar"]

    static func fairnessJSON(_ settings: DistrictSettings) -> [(String, JSONValue)] {
        [
            ("disposal_rules", .object(JSONObject(WasteCategory.allCases.map { category in
                (category.rawValue, .array(settings.disposalRules.allowed(for: category).map { .string($0.rawValue) }))
            }))),
            ("calendar", .object(JSONObject(settings.calendar.years.keys.sorted().map { year in
                let entry = settings.calendar.years[year]
                return (String(year), .object(JSONObject([
                    ("holidays", .array((entry?.holidays ?? []).sorted().map { .string($0.description) })),
                    ("working_weekends", .array((entry?.workingWeekends ?? []).sorted().map { .string($0.description) })),
                ])))
            }))),
        ]
    }

    static func readFairness(_ reader: inout JSONFieldReader, into settings: inout DistrictSettings) {
        if let rules = reader.map("disposal_rules", allowedKeys: WasteCategory.allCases.map(\.rawValue), { _, element in
            disposals(&element)
        }) {
            for (key, disposals) in rules {
                if let category = WasteCategory(rawValue: key) { settings.disposalRules.allowed[category] = disposals }
            }
        }
        if let years = reader.map("calendar", { key, element in year(key, &element) }) {
            for (key, entry) in years {
                if let year = Int(key) { settings.calendar.years[year] = entry }
            }
        }
    }

    /// A non-empty list of distinct disposal codes.
    private static func disposals(_ element: inout JSONElementReader) -> [Disposal]? {
        guard let list = element.array(minCount: 1, maxCount: Disposal.allCases.count, { item -> Disposal? in
            item.enumValue(mapping: Dictionary(uniqueKeysWithValues: Disposal.allCases.map { ($0.rawValue, $0) }),
                           listed: Disposal.allCases.map(\.rawValue))
        }) else { return nil }
        guard Set(list).count == list.count else {
            element.addError(code: FieldError.Code.invalidValue, message: "lists a disposal twice")
            return nil
        }
        return Disposal.allCases.filter(list.contains)
    }

    /// `{"holidays": [dates], "working_weekends": [dates]}` of the year named by the key; every date
    /// in that year, worked weekend days on a Saturday or Sunday, no date in both lists.
    private static func year(_ key: String, _ element: inout JSONElementReader) -> WorkingCalendar.Year? {
        guard key.count == 4, let year = Int(key), (2000...2100).contains(year) else {
            element.addError(code: FieldError.Code.invalidValue, message: "must be keyed by a year 2000…2100")
            return nil
        }
        return element.object(allowedKeys: ["holidays", "working_weekends"]) { inner -> WorkingCalendar.Year? in
            func dates(_ name: String, weekend: Bool) -> [CalendarDate]? {
                inner.array(name, maxCount: 366) { item -> CalendarDate? in
                    guard let date = item.date() else { return nil }
                    if date.year != year {
                        item.addError(code: FieldError.Code.invalidValue, message: "must be a day of \(year)")
                        return nil
                    }
                    if weekend, date.isoWeekday < 6 {
                        item.addError(code: FieldError.Code.invalidValue, message: "must be a Saturday or a Sunday")
                        return nil
                    }
                    return date
                }
            }
            let holidays = dates("holidays", weekend: false) ?? []
            let worked = dates("working_weekends", weekend: true) ?? []
            if !Set(holidays).isDisjoint(with: worked) {
                inner.addError("working_weekends", code: FieldError.Code.invalidValue, message: "lists a day that is also a holiday")
            }
            return WorkingCalendar.Year(holidays: Set(holidays), workingWeekends: Set(worked))
        }
    }
}
