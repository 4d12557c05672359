import HTTPCore
import JSON

/// A message in the two languages the district's clerks and operators read.
///
/// Kept apart so the `Accept-Language` mechanism can pick one later; until then a problem carries
/// both: `detail` in English and `detail_zh` in Chinese (`title_zh` likewise).
public struct BilingualText: Sendable {
    public let english: String
    public let chinese: String

    public init(english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }
}

extension HTTPError {
    /// 507: the server cannot store the change (its disk is full). Nothing of the request was
    /// written; the same request may be sent again once space is freed.
    public static func insufficientStorage(_ detail: BilingualText, retryAfter: Int = 30) -> HTTPError {
        storage(status: 507, kind: "insufficient-storage",
                title: BilingualText(english: "Insufficient storage", chinese: "存储空间不足"),
                detail: detail, retryAfter: retryAfter)
    }

    /// 503: the server's storage cannot take writes now (I/O errors, read-only, database file
    /// moved). Nothing of the request was written.
    public static func storageUnavailable(_ detail: BilingualText, retryAfter: Int = 30) -> HTTPError {
        storage(status: 503, kind: "storage-unavailable",
                title: BilingualText(english: "Storage unavailable", chinese: "存储不可用"),
                detail: detail, retryAfter: retryAfter)
    }

    private static func storage(status: Int, kind: String, title: BilingualText, detail: BilingualText,
                                retryAfter: Int) -> HTTPError {
        HTTPError(status: status, kind: kind, title: title.english, detail: detail.english,
                  members: [("title_zh", .string(title.chinese)), ("detail_zh", .string(detail.chinese))],
                  headers: ["retry-after": String(retryAfter)])
    }
}
