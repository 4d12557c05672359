import HTTPCore

/// A streamed body that stalled, ended early or broke its framing, as the problem the handler answers.
extension BodyStreamError: HTTPErrorConvertible {
    public var httpError: HTTPError {
        switch self {
        case .timedOut:
            HTTPError(status: 408, kind: "request-timeout", title: "Request timeout", detail: "the request body stopped arriving")
        case .truncated:
            .badRequest("the request body ended before its declared length")
        case .malformed(let status, let reason):
            status == 413 ? .payloadTooLarge(reason) : .badRequest("the request body is malformed: \(reason)")
        }
    }
}
