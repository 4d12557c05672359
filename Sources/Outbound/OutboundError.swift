/// Why an outbound message was not delivered: a sentence for `GET /v1/deliveries` (`last_error`).
public enum OutboundError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL does not parse, or uses a scheme other than the ones allowed.
    case invalidURL(String)
    /// The destination is not in the allow-list: nothing was contacted.
    case hostNotAllowed(String)
    /// libcurl failed (connection, TLS, timeout, SMTP refusal…), with its own message.
    case transfer(String)

    public var description: String {
        switch self {
        case .invalidURL(let detail): "invalid URL: \(detail)"
        case .hostNotAllowed(let host): "host \(host) is not in outbound_hosts; nothing was sent"
        case .transfer(let detail): detail
        }
    }
}
