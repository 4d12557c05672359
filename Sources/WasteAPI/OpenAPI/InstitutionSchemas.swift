import JSON

/// OpenAPI component schemas of the institution resources (placeholder until written).
enum InstitutionSchemas {
    static let all: [(String, JSONValue)] = []
}
