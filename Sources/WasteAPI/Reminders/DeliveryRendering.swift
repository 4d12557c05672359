import Foundation
import Hashing
import JSON
import Outbound
import WasteDomain

/// What a delivery sends on its channel: our signed webhook, a WeCom or DingTalk robot
/// message (their documented markdown formats), or an e-mail. Pure: the time is passed in.
enum DeliveryRendering {
    enum Message: Sendable {
        /// `robot`: the answer is `{"errcode":0,…}` with status 200 when it was accepted.
        case web(WebRequest, robot: Bool)
        case mail(MailMessage, SMTPRelay)
    }

    static func render(_ delivery: DueDelivery, settings: DistrictSettings, now: Timestamp) -> Result<Message, OutboundError> {
        switch delivery.channel {
        case .webhook:
            guard let url = delivery.url, let secret = delivery.secret else { return .failure(.invalidURL("no url or secret")) }
            return .success(.web(webhook(url: url, secret: secret, event: delivery.event, deliveryID: delivery.deliveryID,
                                         payload: delivery.payload, now: now), robot: false))
        case .wecom:
            guard let url = delivery.url else { return .failure(.invalidURL("no url")) }
            return .success(.web(wecom(url: url, message: delivery.message, deliveryID: delivery.deliveryID), robot: true))
        case .dingtalk:
            guard let url = delivery.url, let secret = delivery.secret else { return .failure(.invalidURL("no url or secret")) }
            return .success(.web(dingtalk(url: url, secret: secret, message: delivery.message, deliveryID: delivery.deliveryID,
                                          now: now), robot: true))
        case .email:
            guard let relay = settings.smtp else { return .failure(.transfer("no smtp relay in settings")) }
            return .success(.mail(email(to: delivery.addresses, message: delivery.message, deliveryID: delivery.deliveryID,
                                        office: settings.issuingOffice), relay))
        }
    }

    // MARK: Webhook

    /// The event document with its `delivery_id`, signed: `X-Wastesort-Signature: t=<unix>,v1=<hex>`
    /// where the hex is HMAC-SHA256(secret, "<t>.<body>") (README, "Verifying a webhook").
    static func webhook(url: String, secret: String, event: String, deliveryID: String, payload: String, now: Timestamp) -> WebRequest {
        var document = (try? JSONValue.parse(Array(payload.utf8))).flatMap { value -> JSONObject? in
            if case .object(let object) = value { return object }
            return nil
        } ?? JSONObject()
        document.set("delivery_id", .string(deliveryID))
        let body = JSONValue.object(document).serialized()
        return WebRequest(url: url, headers: [
            ("Content-Type", "application/json; charset=utf-8"),
            ("User-Agent", "wastesort-reminders/1"),
            ("X-Wastesort-Event", event),
            ("X-Wastesort-Delivery", deliveryID),
            ("X-Wastesort-Signature", signature(secret: secret, timestamp: now.secondsSinceEpoch, body: body)),
        ], body: body)
    }

    static func signature(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        let code = HMACSHA256.authenticationCode(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body)
        return "t=\(timestamp),v1=\(Hex.encode(code))"
    }

    // MARK: Robots

    /// 企业微信群机器人 markdown: `{"msgtype":"markdown","markdown":{"content":…}}`, content at
    /// most 4096 bytes (the robot's documented limit).
    static func wecom(url: String, message: String, deliveryID: String) -> WebRequest {
        let content = clipped("**\(ReminderMessages.title(of: message))**\n\(message)\n<font color=\"comment\">\(deliveryID)</font>",
                              bytes: 4096)
        let body: JSONValue = .object(JSONObject([
            ("msgtype", "markdown"),
            ("markdown", .object(JSONObject([("content", .string(content))]))),
        ]))
        return WebRequest(url: url, headers: [("Content-Type", "application/json; charset=utf-8")], body: body.serialized())
    }

    /// 钉钉自定义机器人 markdown, `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`, to the
    /// robot URL with `&timestamp=<ms>&sign=<…>` appended (the robot's "加签" security setting).
    static func dingtalk(url: String, secret: String, message: String, deliveryID: String, now: Timestamp) -> WebRequest {
        let title = ReminderMessages.title(of: message)
        let body: JSONValue = .object(JSONObject([
            ("msgtype", "markdown"),
            ("markdown", .object(JSONObject([
                ("title", .string(title)),
                ("text", .string(clipped("#### \(title)\n\n\(message)\n\n> \(deliveryID)", bytes: 4096))),
            ]))),
        ]))
        let milliseconds = now.secondsSinceEpoch * 1000
        let separator = url.contains("?") ? "&" : "?"
        let signed = "\(url)\(separator)timestamp=\(milliseconds)&sign=\(dingtalkSign(secret: secret, timestampMilliseconds: milliseconds))"
        return WebRequest(url: signed, headers: [("Content-Type", "application/json; charset=utf-8")], body: body.serialized())
    }

    /// urlencode(base64(HMAC-SHA256(key: secret, message: "<timestamp>\n<secret>"))), as DingTalk documents.
    static func dingtalkSign(secret: String, timestampMilliseconds: Int64) -> String {
        let code = HMACSHA256.authenticationCode(key: secret, message: "\(timestampMilliseconds)\n\(secret)")
        return percentEncoded(Base64.encode(code))
    }

    /// Every byte but unreserved ones (RFC 3986 §2.3) as `%XX`: base64's `+`, `/`, `=` included.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A robot answers 200 with `errcode` 0 when it accepted the message; anything else failed.
    static func robotRefusal(_ response: WebResponse) -> String? {
        guard response.isSuccess else { return nil }
        guard case .object(let object)? = try? JSONValue.parse(response.body), let code = object["errcode"] else { return nil }
        if case .number(let number) = code, number.description == "0" { return nil }
        let text = object["errmsg"]?.stringValue ?? ""
        return "the robot refused the message: errcode \(code.serializedString()) \(text)"
    }

    // MARK: E-mail

    static func email(to addresses: [String], message: String, deliveryID: String, office: String) -> MailMessage {
        MailMessage(to: addresses, subject: ReminderMessages.title(of: message),
                    text: "\(message)\n\n——\n\(office)\n（本邮件由系统自动发送，请勿直接回复。编号：\(deliveryID)）\n",
                    messageID: deliveryID)
    }

    /// At most `bytes` UTF-8 bytes, cut on a character boundary.
    private static func clipped(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var out = ""
        for character in text {
            if out.utf8.count + character.utf8.count > bytes - 3 { break }
            out.append(character)
        }
        return out + "…"
    }
}
