import JSON
import Storage
import WasteDomain

/// Waste categories in bodies: codes, Chinese names and aliases (厨余 → food), refused when the
/// district has not put them in force; stored and shown as codes.
extension FieldType where Value == WasteCategory {
    static let category = FieldType<WasteCategory>(
        read: { reader, key, context in
            guard let text = reader.string(key) else { return nil }
            var element = JSONElementReader(.string(text), path: reader.path(of: key))
            let category = FacilityCategories.resolve(text, settings: context.settings, &element)
            reader.append(contentsOf: element.errors)
            return category
        },
        store: { .text($0.rawValue) },
        load: { row, column in
            guard let category = WasteCategory(rawValue: try row.string(column)) else { throw StoredValueError(column: column) }
            return category
        },
        json: { .string($0.rawValue) }, parseCell: { .string($0) },
        schema: FacilityCategories.schema)
}

/// A set of categories (a storage room keeps them apart), as a sorted JSON array of codes.
extension FieldType where Value == [WasteCategory] {
    static func categories(maxCount: Int, doc: String) -> FieldType<[WasteCategory]> {
        FieldType(
            read: { reader, key, context in
                guard let categories = reader.array(key, maxCount: maxCount, { element -> WasteCategory? in
                    guard let text = element.string() else { return nil }
                    return FacilityCategories.resolve(text, settings: context.settings, &element)
                }) else { return nil }
                guard Set(categories).count == categories.count else {
                    reader.addError(key, code: FieldError.Code.invalidValue, message: "lists a category twice")
                    return nil
                }
                return categories.sorted()
            },
            store: { .text(FacilityCategories.json($0).serializedString()) },
            load: { row, column in try FacilityCategories.parse(try row.string(column), column: column) },
            json: FacilityCategories.json,
            parseCell: { text in .array(text.split(whereSeparator: { " ,，、".contains($0) }).map { .string(String($0)) }) },
            schema: ["type": "array", "items": .object(FacilityCategories.schema), "maxItems": .number(JSONNumber(maxCount)),
                     "uniqueItems": true, "description": .string(doc)])
    }
}

/// Bins per category of a collection point: `{"recyclable": {"count": 2, "capacity_l": 240}}`.
extension FieldType where Value == [WasteCategory: BinSpec] {
    static func bins(maxCount: Int, maxCapacityLitres: Int) -> FieldType<[WasteCategory: BinSpec]> {
        FieldType(
            read: { reader, key, context in
                guard let pairs = reader.map(key, { name, element -> (WasteCategory, BinSpec)? in
                    let category = FacilityCategories.resolve(name, settings: context.settings, &element)
                    let spec = element.object(allowedKeys: ["count", "capacity_l"]) { bin -> BinSpec? in
                        let count = bin.int("count", required: true, min: 0, max: maxCount)
                        let capacity = bin.int("capacity_l", min: 1, max: maxCapacityLitres)
                        return count.map { BinSpec(count: $0, capacityLitres: capacity) }
                    }
                    guard let category, let spec else { return nil }
                    return (category, spec)
                }) else { return nil }
                let bins = Dictionary(pairs.map(\.value), uniquingKeysWith: { first, _ in first })
                guard bins.count == pairs.count else {
                    reader.addError(key, code: FieldError.Code.invalidValue, message: "names a category twice (e.g. 厨余 and food)")
                    return nil
                }
                return bins
            },
            store: { .text(BinsColumn.json($0).serializedString()) },
            load: { row, column in try BinsColumn.parse(try row.string(column), column: column) },
            json: BinsColumn.json,
            parseCell: { text in (try? JSONValue.parse(Array(text.utf8))) ?? .string(text) },
            schema: [
                "type": "object", "description": "Bins per category: {category: {count, capacity_l}}.",
                "additionalProperties": [
                    "type": "object", "additionalProperties": false, "required": ["count"],
                    "properties": ["count": ["type": "integer", "minimum": 0, "maximum": .number(JSONNumber(maxCount))],
                                   "capacity_l": ["type": ["integer", "null"], "minimum": 1,
                                                  "maximum": .number(JSONNumber(maxCapacityLitres))]],
                ],
            ])
    }
}

/// Category names in bodies and the stored forms of category lists.
enum FacilityCategories {
    static let notInForce = "not_in_force"

    static let schema: JSONObject = [
        "type": "string", "enum": ["recyclable", "hazardous", "food", "residual"],
        "description": "Input also accepts Chinese names and aliases (厨余, 干垃圾, …); categories not in force are refused.",
    ]

    static func resolve(_ text: String, settings: DistrictSettings, _ element: inout JSONElementReader) -> WasteCategory? {
        guard let category = CategoryNames.resolve(text) else {
            element.addError(code: FieldError.Code.invalidValue, message: "is not a waste category (use recyclable, hazardous, food or residual)")
            return nil
        }
        guard settings.isInForce(category) else {
            element.addError(code: notInForce, message: "\(category.rawValue) (\(category.chineseName)) is not in force in this district")
            return nil
        }
        return category
    }

    /// A stored JSON array of category codes; anything else throws ``StoredValueError``.
    static func parse(_ text: String, column: String) throws -> [WasteCategory] {
        guard case .array(let items)? = try? JSONValue.parse(Array(text.utf8)) else { throw StoredValueError(column: column) }
        return try items.map { item in
            guard let category = item.stringValue.flatMap(WasteCategory.init(rawValue:)) else { throw StoredValueError(column: column) }
            return category
        }
    }

    static func json(_ categories: [WasteCategory]) -> JSONValue { .array(categories.map { .string($0.rawValue) }) }
}

/// The `bins` column and member, in category order.
enum BinsColumn {
    static func json(_ bins: [WasteCategory: BinSpec]) -> JSONValue {
        .object(JSONObject(bins.sorted { $0.key < $1.key }.map { category, spec in
            (category.rawValue, .object(JSONObject([
                ("count", .number(JSONNumber(spec.count))),
                ("capacity_l", spec.capacityLitres.map { .number(JSONNumber($0)) } ?? .null),
            ])))
        }))
    }

    /// A stored bins object; a malformed one throws ``StoredValueError`` rather than reading as empty.
    static func parse(_ text: String, column: String) throws -> [WasteCategory: BinSpec] {
        guard case .object(let object)? = try? JSONValue.parse(Array(text.utf8)) else { throw StoredValueError(column: column) }
        var bins: [WasteCategory: BinSpec] = [:]
        for (key, value) in object {
            guard let category = WasteCategory(rawValue: key), let count = value["count"]?.numberValue?.int64 else {
                throw StoredValueError(column: column)
            }
            bins[category] = BinSpec(count: Int(count), capacityLitres: value["capacity_l"]?.numberValue?.int64.map { Int($0) })
        }
        return bins
    }
}
