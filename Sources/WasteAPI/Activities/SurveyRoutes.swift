import JSON
import Routing
import Storage
import WasteDomain

/// Staff awareness (知晓度) and participation (参与率) surveys: how many were asked, how many
/// knew the sorting rules, how many take part. Responses carry both rates to 4 decimals.
struct SurveyRecord: ScopedResource {
    let surveyedOn: CalendarDate
    let respondents: Int
    let aware: Int
    let participating: Int

    static let kind = ScopedKind(table: "surveys", entity: "survey", schema: "Survey",
                                 noun: "awareness and participation survey", plural: "awareness and participation surveys",
                                 tag: "surveys")
    static let bodyKeys = ["surveyed_on", "respondents", "aware", "participating"]
    static let columns = ["surveyed_on", "respondents", "aware", "participating"]
    static let dateColumn: String? = "surveyed_on"
    static let maxRespondents = 1_000_000

    init(surveyedOn: CalendarDate, respondents: Int, aware: Int, participating: Int) {
        self.surveyedOn = surveyedOn
        self.respondents = respondents
        self.aware = aware
        self.participating = participating
    }

    init(row: Row) throws {
        self.init(surveyedOn: try ScopedValues.date(row, "surveyed_on"), respondents: try row.int("respondents"),
                  aware: try row.int("aware"), participating: try row.int("participating"))
    }

    /// `aware` and `participating` are counts of the respondents, so neither may exceed them;
    /// that check reports the count, and runs only when `respondents` itself is valid.
    static func read(_ reader: inout JSONFieldReader) -> SurveyRecord? {
        let surveyedOn = reader.date("surveyed_on", required: true)
        let respondents = reader.int("respondents", required: true, min: 1, max: maxRespondents)
        let aware = reader.int("aware", required: true, min: 0, max: maxRespondents)
        let participating = reader.int("participating", required: true, min: 0, max: maxRespondents)
        if let respondents {
            for (key, count) in [("aware", aware), ("participating", participating)] {
                if let count, count > respondents {
                    reader.addError(key, code: FieldError.Code.outOfRange,
                                    message: "must be between 0 and respondents (\(respondents))")
                }
            }
        }
        guard reader.isValid, let surveyedOn, let respondents, let aware, let participating else { return nil }
        return SurveyRecord(surveyedOn: surveyedOn, respondents: respondents, aware: aware, participating: participating)
    }

    var input: [(String, JSONValue)] {
        [("surveyed_on", ScopedValues.date(surveyedOn)), ("respondents", ScopedValues.int(respondents)),
         ("aware", ScopedValues.int(aware)), ("participating", ScopedValues.int(participating))]
    }

    var sqlValues: [any SQLValueConvertible] { [surveyedOn.description, respondents, aware, participating] }

    func computed(_ environment: ScopedEnvironment) -> [(String, JSONValue)] {
        [("awareness_rate", Self.rate(aware, of: respondents)), ("participation_rate", Self.rate(participating, of: respondents))]
    }

    private static func rate(_ part: Int, of whole: Int) -> JSONValue {
        SurveyRates.rate(Int64(part), of: Int64(whole))
            .map { .number(JSONNumber(scaled: $0, decimals: SurveyRates.decimals)) } ?? .null
    }
}

/// `…/surveys`: see ``SurveyRecord``.
enum SurveyRoutes {
    static func register(in routes: inout APIRoutes) {
        ScopedResourceRoutes<SurveyRecord>.register(in: &routes)
    }
}
