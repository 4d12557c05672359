import JSON

/// OpenAPI component schemas of the institution-scoped activity resources, derived from their
/// descriptions (see ``ScopedDescription/openAPISchemas``).
enum ActivitySchemas {
    static let all: [(String, JSONValue)] = ActivityFields.description.openAPISchemas
        + SurveyFields.description.openAPISchemas
        + TaskFields.description.openAPISchemas
        + FundingFields.description.openAPISchemas
}
