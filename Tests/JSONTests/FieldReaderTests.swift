import Testing
@testable import JSON

/// The API layer reports every bad field of a request at once, with full paths.
struct FieldReaderTests {
    enum Stage: String, CaseIterable { case collected, transported, treated }

    struct Entry: Equatable {
        var occurredOn: CalendarDate
        var grams: Int64
        var weighed: Bool
    }

    private func reader(_ json: String, allowed: [String]) throws -> JSONFieldReader {
        JSONFieldReader(body: try JSONValue.parse(json), allowedKeys: allowed)
    }

    private func codes(_ errors: [FieldError]) -> [String: String] {
        Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func validFieldsAreReadWithoutErrors() throws {
        var r = try reader(#"{"name":"尖山区财政局","headcount":12.0,"has_canteen":true,"weight_kg":1.5,"occurred_on":"2024-02-29","stage":"treated"}"#,
                           allowed: ["name", "headcount", "has_canteen", "weight_kg", "occurred_on", "stage"])
        #expect(r.string("name", required: true, maxLength: 10) == "尖山区财政局")
        #expect(r.int("headcount", min: 0, max: 1_000_000) == 12)
        #expect(r.bool("has_canteen") == true)
        #expect(r.scaled("weight_kg", decimals: 3, min: 1, max: 100_000_000) == 1500)
        #expect(r.date("occurred_on") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(r.enumValue("stage", as: Stage.self) == .treated)
        #expect(r.errors.isEmpty)
    }

    @Test func severalBadFieldsAreReportedAtOnce() throws {
        var r = try reader(#"{"name":"","headcount":-1,"weight_kg":1.2345,"occurred_on":"2023-02-29","kind":"shop","extra":1,"has_canteen":"yes"}"#,
                           allowed: ["name", "headcount", "weight_kg", "occurred_on", "kind", "has_canteen", "address"])
        _ = r.string("name", required: true, minLength: 1, maxLength: 200)
        _ = r.int("headcount", min: 0, max: 1_000_000)
        _ = r.scaled("weight_kg", decimals: 3, min: 1, max: 100_000_000)
        _ = r.date("occurred_on", required: true)
        _ = r.enumValue("kind", allowed: ["party_government_organ", "other"])
        _ = r.bool("has_canteen")
        _ = r.string("address", required: true)
        #expect(codes(r.errors) == [
            "extra": "unknown_field",
            "name": "too_short",
            "headcount": "out_of_range",
            "weight_kg": "too_many_decimals",
            "occurred_on": "invalid_format",
            "kind": "invalid_value",
            "has_canteen": "type",
            "address": "required",
        ])
        #expect(r.errors.count == 8)
    }

    @Test func messagesExplainTheRule() throws {
        var r = try reader(#"{"w":100000.001,"k":"x","s":"abcdef","n":"1","d":"2024-13-01"}"#, allowed: ["w", "k", "s", "n", "d"])
        _ = r.scaled("w", decimals: 3, min: 1, max: 100_000_000)
        _ = r.enumValue("k", allowed: ["a", "b"])
        _ = r.string("s", maxLength: 5)
        _ = r.int("n")
        _ = r.date("d")
        #expect(r.errors.map(\.message) == [
            "must be between 0.001 and 100000",
            "must be one of: a, b",
            "must be at most 5 characters",
            "must be an integer (got string)",
            "must be a real calendar date in the form YYYY-MM-DD",
        ])
    }

    @Test func unknownFieldsAreReportedEvenIfNothingIsRead() throws {
        let r = try reader(#"{"nmae":"typo","name":"x"}"#, allowed: ["name"])
        #expect(r.errors == [FieldError(field: "nmae", code: "unknown_field", message: "unknown field")])
    }

    @Test func aBodyThatIsNotAnObjectIsReported() throws {
        let r = try reader("[1,2]", allowed: ["name"])
        #expect(r.errors == [FieldError(field: "", code: "type", message: "must be a JSON object (got array)")])
    }

    @Test func absentAndNullAreDistinguished() throws {
        var r = try reader(#"{"note":null,"name":"x"}"#, allowed: ["note", "name", "hauler"])
        #expect(r.presence("note") == .null)
        #expect(r.presence("hauler") == .absent)
        #expect(r.presence("name") == .value)
        #expect(r.has("note") && r.isNull("note"))
        #expect(!r.has("hauler") && !r.isNull("hauler"))
        #expect(r.string("note") == nil)
        #expect(r.errors.isEmpty)
        _ = r.string("note", required: true)
        #expect(r.errors == [FieldError(field: "note", code: "required", message: "must not be null")])
    }

    @Test func nestedArraysReportIndexedPaths() throws {
        let json = #"{"entries":[{"occurred_on":"2024-01-05","weight_kg":2,"weighed":true},{"occurred_on":"2024-1-5","weight_kg":0,"weighed":true,"colour":"red"},{"weight_kg":"3"}]}"#
        var r = try reader(json, allowed: ["entries"])
        let entries = r.array("entries", required: true, maxCount: 1000) { e in
            e.object(allowedKeys: ["occurred_on", "weight_kg", "weighed"]) { o -> Entry? in
                let date = o.date("occurred_on", required: true)
                let grams = o.scaled("weight_kg", decimals: 3, required: true, min: 1, max: 100_000_000)
                let weighed = o.bool("weighed", required: true)
                guard let date, let grams, let weighed else { return nil }
                return Entry(occurredOn: date, grams: grams, weighed: weighed)
            }
        }
        #expect(entries == nil)
        #expect(codes(r.errors) == [
            "entries[1].colour": "unknown_field",
            "entries[1].occurred_on": "invalid_format",
            "entries[1].weight_kg": "out_of_range",
            "entries[2].occurred_on": "required",
            "entries[2].weight_kg": "type",
            "entries[2].weighed": "required",
        ])
    }

    @Test func validNestedArraysAreReturned() throws {
        var r = try reader(#"{"entries":[{"weight_kg":1},{"weight_kg":0.25}],"tags":["a","b"]}"#, allowed: ["entries", "tags"])
        let grams = r.array("entries") { e in
            e.object(allowedKeys: ["weight_kg"]) { o in o.scaled("weight_kg", decimals: 3, required: true) }
        }
        let tags = r.array("tags", maxCount: 5) { e in e.string(maxLength: 10) }
        #expect(grams == [1000, 250])
        #expect(tags == ["a", "b"])
        #expect(r.errors.isEmpty)
    }

    @Test func arrayCountLimitsAreChecked() throws {
        var r = try reader(#"{"a":[1,2,3],"b":[]}"#, allowed: ["a", "b"])
        #expect(r.array("a", maxCount: 2) { $0.int() } == nil)
        #expect(r.array("b", minCount: 1) { $0.int() } == nil)
        #expect(r.errors.map(\.code) == ["too_long", "too_short"])
    }

    @Test func nullArrayElementsAreTypeErrors() throws {
        var r = try reader(#"{"a":[1,null]}"#, allowed: ["a"])
        _ = r.array("a") { $0.int() }
        #expect(r.errors == [FieldError(field: "a[1]", code: "type", message: "must be an integer (got null)")])
    }

    @Test func nestedObjectsAndMapsReportDottedPaths() throws {
        let json = #"{"bins":{"food":{"count":-2,"capacity_l":120},"plastic":{"count":1}},"accuracy_sample":{"bins_checked":"ten"}}"#
        var r = try reader(json, allowed: ["bins", "accuracy_sample"])
        let bins = r.map("bins", allowedKeys: ["recyclable", "hazardous", "food", "residual"]) { _, e in
            e.object(allowedKeys: ["count", "capacity_l"]) { o -> Int? in
                let count = o.int("count", required: true, min: 0)
                _ = o.int("capacity_l", min: 1)
                return count
            }
        }
        let sample = r.object("accuracy_sample", allowedKeys: ["bins_checked", "bins_correct"]) { o in
            o.int("bins_checked", required: true, min: 0)
        }
        #expect(bins == nil)
        #expect(sample == nil)
        #expect(codes(r.errors) == [
            "bins.food.count": "out_of_range",
            "bins.plastic": "invalid_value",
            "accuracy_sample.bins_checked": "type",
        ])
    }

    @Test func aliasesMapToCodes() throws {
        enum Category { case food, residual }
        var r = try reader(#"{"a":"厨余","b":"干垃圾","c":"玻璃"}"#, allowed: ["a", "b", "c"])
        let mapping: [String: Category] = ["food": .food, "厨余": .food, "residual": .residual, "干垃圾": .residual]
        #expect(r.enumValue("a", mapping: mapping, listed: ["food", "residual"]) == .food)
        #expect(r.enumValue("b", mapping: mapping, listed: ["food", "residual"]) == .residual)
        #expect(r.enumValue("c", mapping: mapping, listed: ["food", "residual"]) == nil)
        #expect(r.errors == [FieldError(field: "c", code: "invalid_value", message: "must be one of: food, residual")])
    }

    @Test func integersAcceptExactIntegralNumbersOnly() throws {
        var r = try reader(#"{"a":1e2,"b":2.5,"c":99999999999999999999}"#, allowed: ["a", "b", "c"])
        #expect(r.int("a") == 100)
        #expect(r.int("b") == nil)
        #expect(r.int("c", max: 10) == nil)
        #expect(r.errors.map(\.code) == ["type", "out_of_range"])
    }

    @Test func callersCanAddCrossFieldErrorsUnderThePrefix() throws {
        let object = try #require(try JSONValue.parse(#"{"valid_from":"2024-05-01"}"#).objectValue)
        var r = JSONFieldReader(object, allowedKeys: ["valid_from"], path: "contracts[2]")
        r.addError("valid_to", code: "invalid_value", message: "must not be before valid_from")
        #expect(r.errors == [FieldError(field: "contracts[2].valid_to", code: "invalid_value", message: "must not be before valid_from")])
    }

    @Test func stringLengthCountsCharactersNotBytes() throws {
        var r = try reader(#"{"a":"垃圾分类","b":"垃圾分类工作"}"#, allowed: ["a", "b"])
        #expect(r.string("a", maxLength: 4) == "垃圾分类")
        #expect(r.string("b", maxLength: 4) == nil)
        #expect(r.errors.map(\.field) == ["b"])
    }
}

struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"])
    func realDatesAreAccepted(_ text: String) {
        #expect(CalendarDate(parsing: text)?.description == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-13-01", "2024-01-00",
                      "0000-01-01", "2024-1-05", "2024/01/05", "20240105", "2024-01-05T00:00:00Z", " 2024-01-05", "２０２４-01-05", ""])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func datesOrderChronologically() throws {
        let a = try #require(CalendarDate(year: 2024, month: 1, day: 31))
        let b = try #require(CalendarDate(year: 2024, month: 2, day: 1))
        #expect(a < b)
    }
}
