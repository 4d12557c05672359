import JSON
import WasteDomain

/// The notice content as JSON: what `application/json` answers and what a published notice
/// stores (frozen), so it renders the same forever.
enum NoticeContentJSON {
    static func encode(_ c: NoticeContent) -> JSONValue {
        .object(JSONObject([
            ("kind", .string(c.kind.rawValue)), ("period", .string(c.period.description)),
            ("issuing_office", .string(c.issuingOffice)), ("district_name", .string(c.districtName)),
            ("number", c.number.map(JSONValue.string) ?? .null), ("title", .string(c.title)),
            ("addressees", .string(c.addressees)), ("issued_on", .string(c.issuedOn.description)),
            ("overall", .object(JSONObject([
                ("active_institutions", int(c.overall.activeInstitutions)),
                ("inspected_institutions", int(c.overall.inspectedInstitutions)),
                ("inspections", int(c.overall.inspections)),
                ("mean_score", c.overall.meanScore.map(hundredths) ?? .null),
                ("on_time_rate", c.overall.onTimeRate.map(rate) ?? .null),
                ("coverage_rate", c.overall.coverageRate.map(rate) ?? .null),
                ("totals_kg", .object(JSONObject(c.overall.totalsByCategory.map {
                    ($0.category.rawValue, .number(JSONNumber($0.kilograms) ?? JSONNumber(0)))
                }))),
            ]))),
            ("praised", .array(c.praised.map(unit))),
            ("criticized", .array(c.criticized.map { .object(JSONObject([("name", .string($0.name)),
                                                                        ("reasons", .array($0.reasons.map(JSONValue.string)))])) })),
            ("problems", .array(c.problems.map { problem in
                .object(JSONObject([("item_code", .string(problem.itemCode)), ("item_title", .string(problem.itemTitle)),
                                    ("count", int(problem.count)),
                                    ("institutions", .array(problem.institutions.map(JSONValue.string)))]))
            })),
            ("rectifications", .array(c.rectifications.map { item in
                .object(JSONObject([("institution", .string(item.institution)), ("item_code", .string(item.itemCode)),
                                    ("description", .string(item.description)), ("rectify_by", .string(item.rectifyBy.description)),
                                    ("overdue", .bool(item.overdue)), ("rectified_late", .bool(item.rectifiedLate)),
                                    ("has_photo", .bool(item.hasPhoto))]))
            })),
            ("ranking", .array(c.ranking.map(unit))),
            ("unranked_count", int(c.unrankedCount)),
            ("notice_cc", c.copiesTo.map(JSONValue.string) ?? .null),
            ("printing_office", c.printingOffice.map(JSONValue.string) ?? .null),
            ("unranked", .array(c.unranked.map { .object(JSONObject([("name", .string($0.name)), ("reason", .string($0.reason))])) })),
            ("no_waste_months", .array(c.noWasteMonths.map { item in
                .object(JSONObject([("name", .string(item.name)), ("month", .string(item.month.description)),
                                    ("reason", .string(item.reason))]))
            })),
            ("data_as_of", c.dataAsOf.map { .string($0.description) } ?? .null),
        ]))
    }

    /// Reads stored content back; nil when the stored document is not one this server wrote.
    static func decode(_ value: JSONValue) -> NoticeContent? {
        guard let kind = value["kind"]?.stringValue.flatMap(NoticeContent.Kind.init(rawValue:)),
              let period = value["period"]?.stringValue.flatMap(Period.init(parsing:)),
              let issuedOn = value["issued_on"]?.stringValue.flatMap(CalendarDate.init(parsing:)),
              let overall = value["overall"] else { return nil }
        let totals: [(category: WasteCategory, kilograms: String)] = (overall["totals_kg"]?.objectValue.map { object in
            object.compactMap { key, number in
                WasteCategory(rawValue: key).map { ($0, number.numberValue?.text ?? "0") }
            }
        } ?? [])
        var content = NoticeContent(
            kind: kind, period: period, issuingOffice: value["issuing_office"]?.stringValue ?? "",
            districtName: value["district_name"]?.stringValue ?? "", number: value["number"]?.stringValue,
            addressees: value["addressees"]?.stringValue ?? "", issuedOn: issuedOn,
            overall: NoticeContent.Overall(
                activeInstitutions: intValue(overall["active_institutions"]), inspectedInstitutions: intValue(overall["inspected_institutions"]),
                inspections: intValue(overall["inspections"]), meanScore: overall["mean_score"]?.numberValue.flatMap(hundredthsValue),
                onTimeRate: overall["on_time_rate"]?.numberValue?.double, coverageRate: overall["coverage_rate"]?.numberValue?.double,
                totalsByCategory: totals),
            praised: (value["praised"]?.arrayValue ?? []).compactMap(unitValue),
            criticized: (value["criticized"]?.arrayValue ?? []).map { item in
                NoticeContent.CriticizedUnit(name: item["name"]?.stringValue ?? "",
                                             reasons: item["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            },
            problems: (value["problems"]?.arrayValue ?? []).map { item in
                NoticeContent.Problem(itemCode: item["item_code"]?.stringValue ?? "", itemTitle: item["item_title"]?.stringValue ?? "",
                                      count: intValue(item["count"]),
                                      institutions: item["institutions"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            },
            rectifications: (value["rectifications"]?.arrayValue ?? []).compactMap { item in
                guard let by = item["rectify_by"]?.stringValue.flatMap(CalendarDate.init(parsing:)) else { return nil }
                return NoticeContent.Rectification(institution: item["institution"]?.stringValue ?? "",
                                                   itemCode: item["item_code"]?.stringValue ?? "",
                                                   description: item["description"]?.stringValue ?? "", rectifyBy: by,
                                                   overdue: item["overdue"]?.boolValue ?? false,
                                                   rectifiedLate: item["rectified_late"]?.boolValue ?? false,
                                                   hasPhoto: item["has_photo"]?.boolValue ?? false)
            },
            ranking: (value["ranking"]?.arrayValue ?? []).compactMap(unitValue),
            unrankedCount: intValue(value["unranked_count"]),
            copiesTo: value["notice_cc"]?.stringValue, printingOffice: value["printing_office"]?.stringValue)
        decodeAdditions(value, into: &content)
        return content
    }

    /// The fields issue 12 added; a notice stored before them reads with them empty.
    private static func decodeAdditions(_ value: JSONValue, into content: inout NoticeContent) {
        content.unranked = (value["unranked"]?.arrayValue ?? []).compactMap { item in
            guard let name = item["name"]?.stringValue, let reason = item["reason"]?.stringValue else { return nil }
            return NoticeContent.UnrankedUnit(name: name, reason: reason)
        }
        content.noWasteMonths = (value["no_waste_months"]?.arrayValue ?? []).compactMap { item in
            guard let name = item["name"]?.stringValue, let month = item["month"]?.stringValue.flatMap(YearMonth.init(parsing:)),
                  let reason = item["reason"]?.stringValue else { return nil }
            return NoticeContent.NoWasteMonth(name: name, month: month, reason: reason)
        }
        content.dataAsOf = value["data_as_of"]?.stringValue.flatMap(CalendarDate.init(parsing:))
    }

    private static func unit(_ unit: NoticeContent.RankedUnit) -> JSONValue {
        .object(JSONObject([("rank", int(unit.rank)), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue)),
                            ("score", hundredths(unit.score)), ("grade", .string(unit.grade.rawValue))]))
    }

    private static func unitValue(_ value: JSONValue) -> NoticeContent.RankedUnit? {
        guard let name = value["name"]?.stringValue, let kind = value["kind"]?.stringValue.flatMap(InstitutionKind.init(rawValue:)),
              let score = value["score"]?.numberValue.flatMap(hundredthsValue),
              let grade = value["grade"]?.stringValue.flatMap(Grade.init(rawValue:)) else { return nil }
        return NoticeContent.RankedUnit(rank: intValue(value["rank"]), name: name, kind: kind, score: score, grade: grade)
    }

    private static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    private static func intValue(_ value: JSONValue?) -> Int { value?.numberValue?.int64.map { Int($0) } ?? 0 }
    private static func hundredths(_ value: Int) -> JSONValue { .number(JSONNumber(scaled: Int64(value), decimals: 2)) }
    private static func hundredthsValue(_ number: JSONNumber) -> Int? {
        if case .value(let value) = number.scaledInteger(decimals: 2) { return Int(value) }
        return nil
    }
    private static func rate(_ value: Double) -> JSONValue {
        .number(JSONNumber(scaled: Int64((value * 10_000).rounded()), decimals: 4))
    }
}
