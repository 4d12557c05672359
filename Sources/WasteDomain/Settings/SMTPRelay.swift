/// The district's mail relay for e-mail reminders (settings `smtp`).
public struct SMTPRelay: Sendable, Equatable {
    public var host: String
    public var port = 587
    /// STARTTLS is required unless switched off for a relay that cannot do it.
    public var startTLS = true
    public var username: String?
    /// Write-only: stored, never shown by `GET /v1/settings`.
    public var password: String?
    public var from: String

    public init(host: String, port: Int = 587, startTLS: Bool = true, username: String? = nil, password: String? = nil,
                from: String) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.from = from
    }
}
