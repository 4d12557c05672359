import Foundation
import HTTPCore
import JSON

/// An error that knows its HTTP status; the router renders it as RFC 9457 problem+json.
///
/// `detail` is written for the person reading the response; no internal error text
/// (SQL, stack traces, file paths) ever goes into it.
public struct HTTPError: Error, Sendable {
    public var status: Int
    /// A short slug naming the kind of problem; rendered as the problem `type` URI.
    public var kind: String
    public var title: String
    public var detail: String
    /// Every bad field at once, for validation errors.
    public var errors: [FieldError]
    /// Extra members of the problem object (e.g. `field` for a conflict).
    public var members: [(String, JSONValue)]
    public var headers: HTTPHeaders
    /// The detail in Chinese, when the code that raised the error wrote one (the common errors
    /// below do); otherwise a Chinese reader gets the kind's description and the English detail.
    public var detailZH: String?

    public init(status: Int, kind: String, title: String, detail: String, errors: [FieldError] = [],
                members: [(String, JSONValue)] = [], headers: HTTPHeaders = HTTPHeaders(), detailZH: String? = nil) {
        self.detailZH = detailZH
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.errors = errors
        self.members = members
        self.headers = headers
    }
}

/// Errors of other layers that know which HTTP error they are (e.g. a busy database → 503).
public protocol HTTPErrorConvertible: Error {
    var httpError: HTTPError { get }
}

extension HTTPError {
    public static func badRequest(_ detail: String, kind: String = "bad-request") -> HTTPError {
        HTTPError(status: 400, kind: kind, title: "Bad request", detail: detail)
    }

    /// A 400 listing every invalid field of the body.
    public static func validation(_ errors: [FieldError], detail: String? = nil) -> HTTPError {
        let fields = errors.map(\.field).joined(separator: ", ")
        return HTTPError(status: 400, kind: "validation", title: "Invalid request body",
                         detail: detail ?? "\(errors.count) field(s) are invalid: \(fields)", errors: errors,
                         detailZH: detail == nil ? "\(errors.count) 个字段无效：\(fields)" : nil)
    }

    /// A 400 naming a bad query parameter.
    public static func invalidQuery(_ name: String, _ message: String, code: String = "invalid_value") -> HTTPError {
        HTTPError(status: 400, kind: "invalid-query", title: "Invalid query parameter",
                  detail: "query parameter \(name) \(message)",
                  errors: [FieldError(field: name, code: code, message: message)],
                  detailZH: "查询参数" + FieldMessagesZH.message(FieldError(field: name, code: code, message: message))
                      .replacingOccurrences(of: "字段 ", with: " "))
    }

    public static func unauthorized(_ detail: String = "a valid bearer token is required") -> HTTPError {
        HTTPError(status: 401, kind: "unauthorized", title: "Unauthorized", detail: detail,
                  headers: ["www-authenticate": "Bearer realm=\"wastesort\""],
                  detailZH: detail == "a valid bearer token is required" ? "需要有效的持有者令牌（Authorization: Bearer）" : nil)
    }

    public static func forbidden(_ detail: String = "your role may not do this") -> HTTPError {
        HTTPError(status: 403, kind: "forbidden", title: "Forbidden", detail: detail,
                  detailZH: detail == "your role may not do this" ? "你的角色无权执行此操作" : nil)
    }

    public static func notFound(_ detail: String = "no such resource") -> HTTPError {
        HTTPError(status: 404, kind: "not-found", title: "Not found", detail: detail,
                  detailZH: detail == "no such resource" ? "资源不存在" : nil)
    }

    public static func methodNotAllowed(allow: [String]) -> HTTPError {
        HTTPError(status: 405, kind: "method-not-allowed", title: "Method not allowed",
                  detail: "this resource allows \(allow.joined(separator: ", "))",
                  headers: ["allow": allow.joined(separator: ", ")], detailZH: "此资源只允许 \(allow.joined(separator: ", "))")
    }

    public static func notAcceptable(_ available: [String]) -> HTTPError {
        HTTPError(status: 406, kind: "not-acceptable", title: "Not acceptable",
                  detail: "this resource is available as \(available.joined(separator: ", "))",
                  detailZH: "此资源可提供的格式：\(available.joined(separator: ", "))")
    }

    /// A 409; `field` names the conflicting field when there is one.
    public static func conflict(_ detail: String, field: String? = nil) -> HTTPError {
        var error = HTTPError(status: 409, kind: "conflict", title: "Conflict", detail: detail)
        if let field {
            error.members.append(("field", .string(field)))
            error.errors = [FieldError(field: field, code: "conflict", message: detail)]
        }
        return error
    }

    public static func preconditionFailed(_ detail: String = "the resource has changed (If-Match does not match its ETag)") -> HTTPError {
        HTTPError(status: 412, kind: "precondition-failed", title: "Precondition failed", detail: detail,
                  detailZH: detail.hasPrefix("the resource has changed") ? "资源已被修改（If-Match 与其 ETag 不符）" : nil)
    }

    public static func payloadTooLarge(_ detail: String) -> HTTPError {
        HTTPError(status: 413, kind: "payload-too-large", title: "Content too large", detail: detail)
    }

    public static func unsupportedMediaType(_ detail: String) -> HTTPError {
        HTTPError(status: 415, kind: "unsupported-media-type", title: "Unsupported media type", detail: detail)
    }

    public static func tooManyRequests(_ detail: String, retryAfter: Int) -> HTTPError {
        HTTPError(status: 429, kind: "too-many-requests", title: "Too many requests", detail: detail,
                  headers: ["retry-after": String(retryAfter)])
    }

    public static func serviceUnavailable(_ detail: String, retryAfter: Int = 1) -> HTTPError {
        HTTPError(status: 503, kind: "unavailable", title: "Service unavailable", detail: detail,
                  headers: ["retry-after": String(retryAfter)])
    }

    public static func internalError(requestID: String) -> HTTPError {
        HTTPError(status: 500, kind: "internal", title: "Internal server error",
                  detail: "an unexpected error occurred; quote request id \(requestID) when reporting it",
                  detailZH: "发生意外错误；报告时请提供请求编号 \(requestID)")
    }
}
