import JSON

/// OpenAPI component schemas of the user resources (placeholder until written).
enum UserSchemas {
    static let all: [(String, JSONValue)] = []
}
