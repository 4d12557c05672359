// libFuzzer target over the CSV reader of the institution (and ledger) import
// (compiled with Sources/WasteAPI/CSV/CSVReader.swift, which is internal; see scripts/fuzz-http).
//
// Invariants beyond "no crash":
// - row line numbers start at 1 or later and strictly increase; no row has more than maxFields;
// - no blank row comes out (a single empty field);
// - quoting every field RFC 4180-style and reading it back gives the same fields (round trip).

private func quoted(_ rows: [CSVReader.Row]) -> [UInt8] {
    var text = ""
    for row in rows {
        text += row.fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        text += "\r\n"
    }
    return Array(text.utf8)
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let rows: [CSVReader.Row]
    do {
        rows = try CSVReader.parse(bytes)
    } catch {
        precondition(error.line >= 1 && !error.message.isEmpty, "failure without a line or message")
        return 0
    }
    var previous = 0
    for row in rows {
        precondition(row.line > previous, "line numbers not increasing: \(row.line) after \(previous)")
        precondition(row.fields.count <= CSVReader.maxFields, "\(row.fields.count) fields")
        precondition(!(row.fields.count == 1 && row.fields[0].isEmpty), "a blank row came out at line \(row.line)")
        previous = row.line
    }
    do {
        let again = try CSVReader.parse(quoted(rows))
        precondition(again.map(\.fields) == rows.map(\.fields), "quoted round trip changed the fields")
    } catch {
        preconditionFailure("quoted output refused at line \(error.line): \(error.message)")
    }
    return 0
}
