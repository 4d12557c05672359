/// A stored ledger row the schema's checks should have made impossible; reported as a 500.
struct CorruptLedgerRow: Error, CustomStringConvertible {
    let table: String
    let column: String

    var description: String { "\(table).\(column) holds a value the ledger does not know" }
}
