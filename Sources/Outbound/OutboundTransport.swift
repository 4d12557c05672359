/// Sends messages out of the server. ``CurlTransport`` is the real one; every call blocks the
/// calling thread for up to its timeout, so only the delivery worker calls it, never a handler.
public protocol OutboundTransport: Sendable {
    /// POSTs `request` when its host is allowed; a non-2xx status is a response, not an error.
    func post(_ request: WebRequest, allowed: HostAllowList) throws(OutboundError) -> WebResponse
    /// Hands `message` to `server` when its host is allowed.
    func send(_ message: MailMessage, via server: SMTPServer, allowed: HostAllowList) throws(OutboundError)
}
