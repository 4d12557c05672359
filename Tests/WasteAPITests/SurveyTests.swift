import Foundation
import JSON
import Testing

@Suite struct SurveyTests {
    @Test func ratesAreExactFractionsToFourDecimals() throws {
        let fixture = try ActivityFixture()
        let survey = try fixture.create("surveys", ["surveyed_on": "2020-06-01", "respondents": 3, "aware": 2, "participating": 1])
        #expect(survey["awareness_rate"]?.scopedNumberText == "0.6667")
        #expect(survey["participation_rate"]?.scopedNumberText == "0.3333")
        let all = try fixture.create("surveys", ["surveyed_on": "2020-06-02", "respondents": 8, "aware": 8, "participating": 0])
        #expect(all["awareness_rate"]?.scopedNumberText == "1")
        #expect(all["participation_rate"]?.scopedNumberText == "0")
        let patched = try fixture.app.client.patch("/v1/surveys/\(all.scopedID)", json: ["participating": 1], token: fixture.admin)
        #expect(patched.json["participation_rate"]?.scopedNumberText == "0.125")
    }

    @Test func countsBeyondTheRespondentsAreReportedWithTheOtherBadFields() throws {
        let fixture = try ActivityFixture()
        let response = try fixture.app.client.post("/v1/institutions/1/surveys", json: [
            "surveyed_on": "yesterday", "respondents": 10, "aware": 11, "participating": 12,
        ], token: fixture.clerkA)
        #expect(response.status == 400)
        #expect(Set(response.errorFields) == ["surveyed_on", "aware", "participating"])
        let message = response.json["errors"]?.arrayValue?.first { $0["field"]?.stringValue == "aware" }?["message"]?.stringValue
        #expect(message?.contains("respondents (10)") == true)
        let none = try fixture.app.client.post("/v1/institutions/1/surveys", json: [
            "surveyed_on": "2020-06-01", "respondents": 0, "aware": -1, "participating": "many",
        ], token: fixture.clerkA)
        #expect(Set(none.errorFields) == ["respondents", "aware", "participating"])
    }

    @Test func patchingTheRespondentsBelowTheCountsIsRefused() throws {
        let fixture = try ActivityFixture()
        let survey = try fixture.create("surveys", ["surveyed_on": "2020-06-01", "respondents": 50, "aware": 45, "participating": 20])
        let response = try fixture.app.client.patch("/v1/surveys/\(survey.scopedID)", json: ["respondents": 30], token: fixture.admin)
        #expect(response.status == 400)
        #expect(response.errorFields == ["aware"])
        let both = try fixture.app.client.patch("/v1/surveys/\(survey.scopedID)", json: ["respondents": 30, "aware": 30],
                                                token: fixture.admin)
        #expect(both.status == 200)
        #expect(both.json["awareness_rate"]?.scopedNumberText == "1")
    }

    @Test func listFiltersBySurveyDate() throws {
        let fixture = try ActivityFixture()
        try fixture.create("surveys", ["surveyed_on": "2020-03-01", "respondents": 10, "aware": 5, "participating": 5])
        let june = try fixture.create("surveys", ["surveyed_on": "2020-06-01", "respondents": 10, "aware": 9, "participating": 7])
        let items = try fixture.app.client.get("/v1/institutions/1/surveys?from=2020-04-01", token: fixture.inspector)
            .json["items"]?.arrayValue
        #expect(items == [june])
    }
}
