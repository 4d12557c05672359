import JSON

/// OpenAPI component schemas of the audit resources (placeholder until written).
enum AuditSchemas {
    static let all: [(String, JSONValue)] = []
}
