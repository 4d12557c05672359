import JSON

/// OpenAPI component schemas of the settings resources (placeholder until written).
enum SettingsSchemas {
    static let all: [(String, JSONValue)] = []
}
