// libFuzzer target over the JSON module (compiled with Sources/JSON/*.swift; see scripts/fuzz-http):
// `JSONValue.parse`, then the body decoding the ledger batch route does with `JSONFieldReader`
// (`{"entries": [...]}` of up to 1000 entry objects, every bad field collected).
//
// Invariants beyond "no crash":
// - what parses re-serializes to bytes that parse back to an equal value, and serializing that
//   gives the same bytes (the writer emits only what the parser accepts, and is stable);
// - parsing from a contiguous buffer and from an arbitrary collection agree;
// - a field reader never reports a valid body while returning nil, nor errors without a path.

private let limits = JSONParseLimits(maxDepth: 32, maxStringBytes: 4096, maxNumberLength: 64, maxElements: 2000)

/// The ledger entry's shape (SPEC §5), with the readers the route uses.
private struct Entry {
    var occurredOn: CalendarDate
    var category: String
    var grams: Int64
    var weighed: Bool
    var stage: String
}

private let entryKeys = ["occurred_on", "category", "subcategory", "weight_kg", "weighed", "stage", "hauler",
                         "destination", "disposal", "manifest_no", "note"]

private func readEntry(_ reader: inout JSONFieldReader) -> Entry? {
    let occurredOn = reader.date("occurred_on", required: true)
    let category = reader.enumValue("category", allowed: ["recyclable", "hazardous", "food", "residual"], required: true)
    let grams = reader.scaled("weight_kg", decimals: 3, required: true, min: 1, max: 100_000_000)
    let weighed = reader.bool("weighed") ?? true
    let stage = reader.enumValue("stage", allowed: ["collected", "transported", "treated"], required: true)
    _ = reader.enumValue("disposal", allowed: ["recycled", "composted", "incinerated", "landfilled", "hazardous_treatment", "other"])
    for key in ["subcategory", "hauler", "destination", "manifest_no", "note"] { _ = reader.string(key, maxLength: 200) }
    guard reader.isValid, let occurredOn, let category, let grams, let stage else { return nil }
    return Entry(occurredOn: occurredOn, category: category, grams: grams, weighed: weighed, stage: stage)
}

private func decodeLedgerBody(_ body: JSONValue) {
    guard case .object(let object) = body else { return }
    if object.contains("entries") {
        var reader = JSONFieldReader(object, allowedKeys: ["entries"])
        let entries = reader.array("entries", required: true, minCount: 1, maxCount: 1000) { element in
            element.object(allowedKeys: entryKeys) { readEntry(&$0) }
        }
        precondition((entries != nil) == reader.isValid, "batch: result \(entries == nil ? "nil" : "set") but errors \(reader.errors)")
        checkErrors(reader.errors)
        if let entries { precondition(entries.allSatisfy { $0.grams >= 1 && $0.grams <= 100_000_000 }) }
    } else {
        var reader = JSONFieldReader(object, allowedKeys: entryKeys)
        let entry = readEntry(&reader)
        precondition((entry != nil) == reader.isValid, "entry: result \(entry == nil ? "nil" : "set") but errors \(reader.errors)")
        checkErrors(reader.errors)
    }
}

private func checkErrors(_ errors: [FieldError]) {
    for error in errors {
        precondition(!error.code.isEmpty && !error.message.isEmpty, "error without code or message: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed: JSONValue
    do {
        parsed = try JSONValue.parse(UnsafeRawBufferPointer(start: data, count: size), limits: limits)
    } catch {
        let again = Result { () throws(JSONParseError) -> JSONValue in try JSONValue.parse(bytes[...], limits: limits) }
        if case .success = again { preconditionFailure("a slice parses where the buffer did not") }
        return 0
    }
    do {
        let slice = try JSONValue.parse(bytes[...], limits: limits)
        precondition(slice == parsed, "slice and buffer parses differ")
    } catch {
        preconditionFailure("the buffer parses but a slice does not: \(error)")
    }
    let written = parsed.serialized()
    do {
        let reparsed = try JSONValue.parse(written, limits: JSONParseLimits(maxDepth: 64, maxStringBytes: 1 << 20,
                                                                          maxNumberLength: 100, maxElements: 100_000))
        precondition(reparsed == parsed, "round trip changed the value: \(String(decoding: written, as: UTF8.self))")
        precondition(reparsed.serialized() == written, "serialization is not stable")
    } catch {
        preconditionFailure("the writer produced what the parser refuses (\(error)): \(String(decoding: written, as: UTF8.self))")
    }
    decodeLedgerBody(parsed)
    return 0
}
