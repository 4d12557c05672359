import JSON

/// OpenAPI component schemas of the ledger resources (placeholder until written).
enum LedgerSchemas {
    static let all: [(String, JSONValue)] = []
}
