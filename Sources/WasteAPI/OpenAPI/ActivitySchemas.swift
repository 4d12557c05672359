import JSON

/// OpenAPI component schemas of the activity resources (placeholder until written).
enum ActivitySchemas {
    static let all: [(String, JSONValue)] = []
}
