import JSON
import WasteDomain

/// The settings reminders add: `outbound_hosts` (the egress allow-list) and `smtp` (the mail
/// relay). The SMTP password is write-only: responses and audit entries say `password_set`.
enum OutboundSettingsJSON {
    static let smtpKeys = ["host", "port", "starttls", "username", "password", "from"]

    static func smtp(_ relay: SMTPRelay?, revealPassword: Bool) -> JSONValue {
        guard let relay else { return .null }
        var members: [(String, JSONValue)] = [
            ("host", .string(relay.host)), ("port", .number(JSONNumber(relay.port))), ("starttls", .bool(relay.startTLS)),
            ("username", relay.username.map(JSONValue.string) ?? .null), ("from", .string(relay.from)),
        ]
        if revealPassword {
            members.append(("password", relay.password.map(JSONValue.string) ?? .null))
        } else {
            members.append(("password_set", .bool(relay.password != nil)))
        }
        return .object(JSONObject(members))
    }

    /// Reads `outbound_hosts` and `smtp` when present; `smtp: null` removes the relay, and an
    /// `smtp` object without `password` keeps the stored one.
    static func read(_ reader: inout JSONFieldReader, into settings: inout DistrictSettings) {
        if let hosts = reader.array("outbound_hosts", maxCount: 100, { element -> String? in
            guard let host = element.string(minLength: 1, maxLength: 253) else { return nil }
            guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }) else {
                element.addError(code: FieldError.Code.invalidValue, message: "must be a host name or an IP address")
                return nil
            }
            return host.lowercased()
        }) {
            settings.outboundHosts = Array(Set(hosts)).sorted()
        }
        if reader.isNull("smtp") {
            settings.smtp = nil
            return
        }
        let current = settings.smtp
        if let relay = reader.object("smtp", allowedKeys: smtpKeys, { inner -> SMTPRelay? in
            let host = inner.string("host", required: current == nil, minLength: 1, maxLength: 253) ?? current?.host
            let from = inner.string("from", required: current == nil, minLength: 3, maxLength: 254) ?? current?.from
            if let from, !from.contains("@") {
                inner.addError("from", code: FieldError.Code.invalidValue, message: "must be an e-mail address")
            }
            let port = inner.int("port", min: 1, max: 65535) ?? current?.port ?? 587
            let startTLS = inner.bool("starttls") ?? current?.startTLS ?? true
            let username = inner.has("username") ? inner.string("username", maxLength: 254) : current?.username
            let password = inner.has("password") ? inner.string("password", maxLength: 254) : current?.password
            guard inner.isValid, let host, let from else { return nil }
            return SMTPRelay(host: host.lowercased(), port: port, startTLS: startTLS, username: username, password: password,
                             from: from)
        }) {
            settings.smtp = relay
        }
    }
}
