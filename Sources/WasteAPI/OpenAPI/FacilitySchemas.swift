import JSON

/// OpenAPI component schemas of the facility resources (placeholder until written).
enum FacilitySchemas {
    static let all: [(String, JSONValue)] = []
}
