import JSON
import WasteDomain

/// OpenAPI component schemas of subscriptions, deliveries and scheduler runs, and the two
/// settings reminders add.
enum ReminderSchemas {
    private static let eventName: JSONValue = .object(JSONObject([
        ("type", "string"), ("enum", .array(ReminderEvent.allCases.map { .string($0.rawValue) })),
    ]))
    private static let channel: JSONValue = .object(JSONObject([
        ("type", "string"), ("enum", .array(SubscriptionChannel.allCases.map { .string($0.rawValue) })),
    ]))

    static let outboundHosts: JSONValue = [
        "type": "array", "maxItems": 100, "items": ["type": "string", "minLength": 1, "maxLength": 253],
        "description": "The only hosts reminders are sent to (webhooks, robots, the SMTP relay); a subscription to another host is a 400 naming url.",
    ]

    static let smtp: JSONValue = [
        "type": ["object", "null"],
        "description": "The relay for e-mail reminders; null: none. Input: fields left out keep their value; the password is write-only (responses say password_set).",
        "properties": [
            "host": ["type": "string"], "port": ["type": "integer", "minimum": 1, "maximum": 65535],
            "starttls": ["type": "boolean", "description": "Require STARTTLS (default true)."],
            "username": ["type": ["string", "null"]], "password": ["type": ["string", "null"], "writeOnly": true],
            "password_set": ["type": "boolean", "readOnly": true], "from": ["type": "string"],
        ],
    ]

    static let all: [(String, JSONValue)] = [
        ("SubscriptionCreate", .object(JSONObject([
            ("type", "object"), ("additionalProperties", false), ("required", ["channel", "events"]),
            ("description", "webhook: url and secret; wecom: url; dingtalk: url and secret; email: addresses. A clerk's subscription is always for its own institution."),
            ("properties", .object(JSONObject([
                ("channel", channel),
                ("events", .object(JSONObject([("type", "array"), ("minItems", 1), ("uniqueItems", true), ("items", eventName)]))),
                ("institution_id", ["type": "integer", "minimum": 1, "description": "Only this institution's events (and district-wide ones)."]),
                ("url", ["type": "string", "maxLength": 2000, "description": "http or https; its host must be in settings outbound_hosts."]),
                ("secret", ["type": "string", "minLength": 8, "maxLength": 200, "writeOnly": true]),
                ("addresses", ["type": "array", "minItems": 1, "maxItems": 20, "items": ["type": "string"]]),
            ]))),
        ]))),
        ("Subscription", .object(JSONObject([
            ("type", "object"),
            ("required", ["id", "channel", "events", "institution_id", "url", "secret_set", "addresses", "created_at"]),
            ("properties", .object(JSONObject([
                ("id", ["type": "integer"]), ("channel", channel),
                ("events", .object(JSONObject([("type", "array"), ("items", eventName)]))),
                ("institution_id", ["type": ["integer", "null"]]),
                ("url", ["type": ["string", "null"], "description": "Robot URLs are shown with their query values masked."]),
                ("secret_set", ["type": "boolean"]),
                ("addresses", ["type": "array", "items": ["type": "string"]]),
                ("created_at", ["type": "string", "format": "date-time"]),
            ]))),
        ]))),
        ("SubscriptionList", CommonSchemas.page(of: "Subscription")),
        ("Delivery", .object(JSONObject([
            ("type", "object"),
            ("required", ["id", "delivery_id", "event_id", "event", "subscription_id", "channel", "status", "attempts",
                          "next_attempt_at", "last_attempt_at", "last_status", "last_error", "delivered_at", "created_at", "message"]),
            ("properties", .object(JSONObject([
                ("id", ["type": "integer"]),
                ("delivery_id", ["type": "string", "description": "The X-Wastesort-Delivery header: the same on every retry."]),
                ("event_id", ["type": "integer"]), ("event", eventName), ("subscription_id", ["type": "integer"]), ("channel", channel),
                ("status", ["type": "string", "enum": ["pending", "delivered", "failed"]]),
                ("attempts", ["type": "integer", "minimum": 0]),
                ("next_attempt_at", ["type": ["string", "null"], "format": "date-time"]),
                ("last_attempt_at", ["type": ["string", "null"], "format": "date-time"]),
                ("last_status", ["type": ["integer", "null"]]),
                ("last_error", ["type": ["string", "null"]]),
                ("delivered_at", ["type": ["string", "null"], "format": "date-time"]),
                ("created_at", ["type": "string", "format": "date-time"]),
                ("message", ["type": "string"]),
            ]))),
        ]))),
        ("DeliveryList", CommonSchemas.page(of: "Delivery")),
        ("ReminderRun", .object(JSONObject([
            ("type", "object"), ("required", ["day", "count", "deliveries", "items"]),
            ("properties", .object(JSONObject([
                ("day", ["type": "string", "format": "date"]),
                ("count", ["type": "integer"]), ("deliveries", ["type": "integer"]),
                ("items", .object(JSONObject([("type", "array"), ("items", .object(JSONObject([
                    ("type", "object"), ("required", ["event", "subject", "day", "institution_id", "message", "deliveries"]),
                    ("properties", .object(JSONObject([
                        ("event", eventName), ("subject", ["type": "string"]), ("day", ["type": "string", "format": "date"]),
                        ("institution_id", ["type": ["integer", "null"]]), ("message", ["type": "string"]),
                        ("deliveries", ["type": "integer"]),
                    ]))),
                ])))]))),
            ]))),
        ]))),
    ]
}
