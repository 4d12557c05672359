// libFuzzer target over the CSV reader of the institution (and ledger) import
// (compiled with Sources/WasteAPI/CSV/CSVReader.swift, which is internal; see scripts/fuzz-http).
//
// Invariants beyond "no crash":
// - row line numbers start at 1 or later and strictly increase; no row has more than maxFields;
// - no blank row comes out (a single empty field);
// - quoting every field RFC 4180-style and reading it back gives the same fields (round trip).

/// Every field quoted, quotes doubled: byte-wise, like CSVWriter (a quote followed by a combining
/// mark is one Character, so Character-based replacing would miss it).
private func quoted(_ rows: [CSVReader.Row]) -> [UInt8] {
    var bytes: [UInt8] = []
    for row in rows {
        for (index, field) in row.fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(contentsOf: [13, 10])
    }
    return bytes
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
