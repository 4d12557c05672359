import JSON

/// OpenAPI component schemas of the token resources (placeholder until written).
enum TokenSchemas {
    static let all: [(String, JSONValue)] = []
}
