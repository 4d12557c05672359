/// Where a subscription's reminders go.
enum SubscriptionChannel: String, Sendable, CaseIterable {
    /// Our signed JSON POST (`X-Wastesort-Signature`).
    case webhook
    /// 企业微信群机器人: a markdown message to the group's webhook URL.
    case wecom
    /// 钉钉自定义机器人: a markdown message to the robot URL, signed with its secret.
    case dingtalk
    /// E-mail through the relay in settings `smtp`.
    case email

    var usesURL: Bool { self != .email }
    /// Webhooks are signed with the secret; DingTalk robots with "加签" require theirs.
    var requiresSecret: Bool { self == .webhook || self == .dingtalk }
    var acceptsSecret: Bool { requiresSecret }
}
