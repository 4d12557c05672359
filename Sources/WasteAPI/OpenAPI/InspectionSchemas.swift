import JSON

/// OpenAPI component schemas of the inspection resources (placeholder until written).
enum InspectionSchemas {
    static let all: [(String, JSONValue)] = []
}
