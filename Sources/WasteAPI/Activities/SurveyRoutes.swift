import JSON
import WasteDomain

/// An awareness and participation survey (知晓率、参与率): of the respondents, how many knew the
/// rules and how many take part; the rates are computed exactly.
struct SurveyFields: Sendable, Equatable {
    var surveyedOn = CalendarDate.placeholder
    var respondents = 0
    var aware = 0
    var participating = 0

    static let maxRespondents = 1_000_000

    static let description = ScopedDescription<SurveyFields>(
        fields: ResourceDescription(table: "surveys", entity: "survey", schema: "Survey", blank: SurveyFields(), fields: [
            .init("surveyed_on", \.surveyedOn, .date, zh: "调查日期", required: true),
            .init("respondents", \.respondents, .integer(min: 1, max: maxRespondents), zh: "调查人数", required: true),
            .init("aware", \.aware, .integer(min: 0, max: maxRespondents), zh: "知晓人数", required: true, doc: "At most respondents."),
            .init("participating", \.participating, .integer(min: 0, max: maxRespondents), zh: "参与人数", required: true,
                  doc: "At most respondents."),
        ], check: countsWithinRespondents),
        segment: "surveys", noun: "awareness and participation survey", plural: "awareness and participation surveys",
        tag: "surveys", dateColumn: "surveyed_on",
        computed: [
            .init(name: "awareness_rate", schema: rateSchema) { survey, _ in rate(survey.aware, of: survey.respondents) },
            .init(name: "participation_rate", schema: rateSchema) { survey, _ in rate(survey.participating, of: survey.respondents) },
        ])

    /// `aware` and `participating` count respondents, so neither may exceed them; judged only
    /// when `respondents` itself is valid.
    @Sendable private static func countsWithinRespondents(_ survey: SurveyFields, _ reader: inout JSONFieldReader,
                                                          _ invalid: Set<String>) {
        guard !invalid.contains("respondents") else { return }
        for (key, count) in [("aware", survey.aware), ("participating", survey.participating)]
        where !invalid.contains(key) && count > survey.respondents {
            reader.addError(key, code: FieldError.Code.outOfRange, message: "must be between 0 and respondents (\(survey.respondents))")
        }
    }

    private static let rateSchema: JSONValue = ["type": ["number", "null"], "minimum": 0, "maximum": 1,
                                                "description": "Exact fraction rounded half up to 4 decimals."]

    private static func rate(_ part: Int, of whole: Int) -> JSONValue {
        SurveyRates.rate(Int64(part), of: Int64(whole))
            .map { .number(JSONNumber(scaled: $0, decimals: SurveyRates.decimals)) } ?? .null
    }
}
