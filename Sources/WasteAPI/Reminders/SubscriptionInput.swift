import JSON
import Outbound
import Routing
import WasteDomain

/// The body of `POST /v1/subscriptions`, validated against the settings: a URL's host must be
/// in `outbound_hosts` (400 naming `url`), e-mail needs the `smtp` relay.
struct SubscriptionInput {
    static let keys = ["channel", "events", "institution_id", "url", "secret", "addresses"]

    let channel: SubscriptionChannel
    let events: [ReminderEvent]
    var institutionID: Int64?
    let url: String?
    let secret: String?
    let addresses: [String]

    static func read(_ object: JSONObject, settings: DistrictSettings) throws -> SubscriptionInput {
        var reader = JSONFieldReader(object, allowedKeys: keys)
        let channel = reader.enumValue("channel", as: SubscriptionChannel.self, required: true)
        let events = reader.array("events", required: true, minCount: 1, maxCount: ReminderEvent.allCases.count) {
            $0.enumValue(mapping: Dictionary(uniqueKeysWithValues: ReminderEvent.allCases.map { ($0.rawValue, $0) }),
                         listed: ReminderEvent.allCases.map(\.rawValue))
        }
        if let events, Set(events).count != events.count {
            reader.addError("events", code: FieldError.Code.invalidValue, message: "lists an event twice")
        }
        let institutionID = reader.int("institution_id", min: 1).map(Int64.init)
        let url = reader.string("url", maxLength: 2000)
        let secret = reader.string("secret", minLength: 8, maxLength: 200)
        let addresses = reader.array("addresses", minCount: 1, maxCount: 20) { element -> String? in
            guard let address = element.string(minLength: 3, maxLength: 254) else { return nil }
            guard isPlausibleAddress(address) else {
                element.addError(code: FieldError.Code.invalidValue, message: "must be an e-mail address like name@example.gov.cn")
                return nil
            }
            return address
        }
        if let channel {
            checkChannelFields(channel, url: url, secret: secret, addresses: addresses, settings: settings, &reader)
        }
        guard reader.isValid, let channel, let events else { throw HTTPError.validation(reader.errors) }
        return SubscriptionInput(channel: channel, events: events, institutionID: institutionID, url: url, secret: secret,
                                 addresses: addresses ?? [])
    }

    /// Which of `url`, `secret`, `addresses` the channel needs, refuses, and checks.
    private static func checkChannelFields(_ channel: SubscriptionChannel, url: String?, secret: String?, addresses: [String]?,
                                           settings: DistrictSettings, _ reader: inout JSONFieldReader) {
        if channel.usesURL {
            if let url {
                if case .failure(let problem) = HostAllowList(settings.outboundHosts).check(url: url) {
                    reader.addError("url", code: FieldError.Code.invalidValue, message: urlMessage(problem, settings))
                }
            } else if !reader.has("url") {
                reader.addError("url", code: FieldError.Code.required, message: "is required for a \(channel.rawValue) subscription")
            }
        } else if reader.has("url") {
            reader.addError("url", code: FieldError.Code.invalidValue, message: "is not used by e-mail subscriptions")
        }
        if channel.requiresSecret, secret == nil, !reader.has("secret") {
            reader.addError("secret", code: FieldError.Code.required, message: "is required for a \(channel.rawValue) subscription")
        } else if !channel.acceptsSecret, reader.has("secret") {
            reader.addError("secret", code: FieldError.Code.invalidValue, message: "is not used by \(channel.rawValue) subscriptions")
        }
        if channel == .email {
            if addresses == nil, !reader.has("addresses") {
                reader.addError("addresses", code: FieldError.Code.required, message: "is required for an e-mail subscription")
            }
            if settings.smtp == nil {
                reader.addError("channel", code: FieldError.Code.invalidValue,
                                message: "e-mail needs the smtp relay in settings (PUT /v1/settings)")
            }
        } else if reader.has("addresses") {
            reader.addError("addresses", code: FieldError.Code.invalidValue, message: "is only used by e-mail subscriptions")
        }
    }

    private static func urlMessage(_ problem: OutboundError, _ settings: DistrictSettings) -> String {
        switch problem {
        case .hostNotAllowed(let host):
            let listed = settings.outboundHosts.isEmpty ? "none is listed" : "listed: \(settings.outboundHosts.joined(separator: ", "))"
            return "host \(host) is not in the settings' outbound_hosts (\(listed))"
        case .invalidURL(let detail):
            return "must be an http or https URL (\(detail))"
        case .transfer(let detail):
            return detail
        }
    }

    /// One `@`, something on each side, no spaces, angle brackets or line breaks (which would
    /// let an address inject SMTP commands or headers).
    static func isPlausibleAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || "<>,;\"\\".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true })
    }
}
