import CCurl
import Foundation

/// Outbound HTTP and SMTP over libcurl: timeouts, no redirects, TLS verification on, only
/// `http`/`https` (or `smtp`) and only hosts of the allow-list. Each call uses its own handle.
public struct CurlTransport: OutboundTransport {
    public struct Options: Sendable {
        public var connectTimeoutSeconds = 5
        /// The whole transfer, connection included.
        public var timeoutSeconds = 15
        /// A PEM bundle of trusted certificates instead of the system's (tests use a test CA).
        public var caBundlePath: String?
        /// Bytes of a response body kept for `last_error` and robot `errcode` checks.
        public var keptResponseBytes = 4096

        public init() {}
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func post(_ request: WebRequest, allowed: HostAllowList) throws(OutboundError) -> WebResponse {
        _ = try allowed.check(url: request.url).get()
        let easy = try configured(protocols: "http,https")
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_POST, 1)
        // no "Expect: 100-continue" round trip; the body is small
        try easy.set(CURLOPT_HTTPHEADER, list: request.headers.map { "\($0.0): \($0.1)" } + ["Expect:"])
        try easy.setPostBody(request.body)
        let (status, body) = try easy.perform(collectingAtMost: options.keptResponseBytes)
        return WebResponse(status: status, body: body)
    }

    public func send(_ message: MailMessage, via server: SMTPServer, allowed: HostAllowList) throws(OutboundError) {
        guard allowed.allows(host: server.host) else { throw .hostNotAllowed(server.host) }
        let easy = try configured(protocols: "smtp")
        let host = server.host.contains(":") && !server.host.hasPrefix("[") ? "[\(server.host)]" : server.host
        try easy.set(CURLOPT_URL, "smtp://\(host):\(server.port)")
        if server.startTLS { try easy.requireTLS() }
        if let username = server.username { try easy.set(CURLOPT_USERNAME, username) }
        if let password = server.password { try easy.set(CURLOPT_PASSWORD, password) }
        try easy.set(CURLOPT_MAIL_FROM, "<\(server.from)>")
        try easy.set(CURLOPT_MAIL_RCPT, list: message.to.map { "<\($0)>" })
        let bytes = message.rendered(from: server.from, date: Date())
        try easy.set(CURLOPT_INFILESIZE, bytes.count)
        _ = try easy.perform(collectingAtMost: 0, upload: bytes)
    }

    /// A handle with the settings every transfer shares.
    private func configured(protocols: String) throws(OutboundError) -> CurlEasy {
        let easy = try CurlEasy()
        try easy.set(CURLOPT_NOSIGNAL, 1)  // many threads: no SIGALRM for DNS timeouts
        try easy.set(CURLOPT_PROTOCOLS_STR, protocols)
        try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        try easy.set(CURLOPT_MAXREDIRS, 0)
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        try easy.set(CURLOPT_CONNECTTIMEOUT, options.connectTimeoutSeconds)
        try easy.set(CURLOPT_TIMEOUT, options.timeoutSeconds)
        if let path = options.caBundlePath { try easy.set(CURLOPT_CAINFO, path) }
        return easy
    }
}
