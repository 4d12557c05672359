import HTTPCore
import JSON

extension HTTPError {
    /// The RFC 9457 problem document for this error, in English.
    public var problem: JSONValue { problem(in: .en) }

    /// The problem document with `title`, `detail` and each error's `message` in `language`;
    /// `type`, `status`, codes and field names are the same in every language.
    public func problem(in language: ProblemLanguage) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("/problems/\(kind)")),
            ("title", .string(ProblemCatalogue.title(kind, status: status, language: language, fallback: title))),
            ("status", .number(JSONNumber(status))),
            ("detail", .string(localizedDetail(language))),
        ]
        if !errors.isEmpty {
            pairs.append(("errors", .array(errors.map { error in
                .object(JSONObject([("field", .string(error.field)), ("code", .string(error.code)),
                                    ("message", .string(language == .zh ? FieldMessagesZH.message(error) : error.message))]))
            })))
        }
        pairs.append(contentsOf: members)
        return .object(JSONObject(pairs))
    }

    private func localizedDetail(_ language: ProblemLanguage) -> String {
        guard language == .zh else { return detail }
        if let detailZH { return detailZH }
        // No Chinese text was written for this detail: lead with the kind's, keep the specifics.
        let lead = ProblemCatalogue.entries[kind]?.titleZH ?? ProblemCatalogue.title(kind, status: status, language: .zh, fallback: title)
        return "\(lead)：\(detail)"
    }

    /// The response carrying this error as `application/problem+json`, in English.
    public var response: HTTPResponse { response(in: .en) }

    public func response(in language: ProblemLanguage) -> HTTPResponse {
        var headers = self.headers
        headers.set("content-type", "application/problem+json; charset=utf-8")
        headers.set("content-language", language == .zh ? "zh-CN" : "en")
        return HTTPResponse(status: status, headers: headers, body: problem(in: language).serialized())
    }
}
