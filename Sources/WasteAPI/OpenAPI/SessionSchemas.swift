import JSON

/// OpenAPI component schemas of the session resources (placeholder until written).
enum SessionSchemas {
    static let all: [(String, JSONValue)] = []
}
