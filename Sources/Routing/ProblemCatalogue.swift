/// The texts of every problem type in Chinese and English: the title, a description for the
/// problem's page (`/problems/{type}`), and the Chinese detail used when an error carries only
/// an English one. Keyed by the problem type (``HTTPError/kind``), which never changes.
public enum ProblemCatalogue {
    public struct Entry: Sendable {
        public let status: Int
        public let titleZH: String
        public let titleEN: String
        public let aboutZH: String
        public let aboutEN: String
    }

    public static let entries: [String: Entry] = [
        "bad-request": Entry(status: 400, titleZH: "请求有误", titleEN: "Bad request",
                             aboutZH: "请求无法按原样处理。", aboutEN: "The request cannot be processed as sent."),
        "validation": Entry(status: 400, titleZH: "请求内容无效", titleEN: "Invalid request body",
                            aboutZH: "请求体中有字段无效；errors 列出每个字段及原因。",
                            aboutEN: "Fields of the request body are invalid; errors lists each field and why."),
        "invalid-query": Entry(status: 400, titleZH: "查询参数无效", titleEN: "Invalid query parameter",
                               aboutZH: "查询参数缺失、未知或取值无效。",
                               aboutEN: "A query parameter is missing, unknown or has an invalid value."),
        "invalid-json": Entry(status: 400, titleZH: "JSON 无效", titleEN: "Invalid JSON",
                              aboutZH: "请求体不是所要求形状的 JSON。", aboutEN: "The request body is not JSON of the required shape."),
        "invalid-header": Entry(status: 400, titleZH: "请求头无效", titleEN: "Invalid header",
                                aboutZH: "某个请求头的取值无效。", aboutEN: "A request header has an invalid value."),
        "unauthorized": Entry(status: 401, titleZH: "未认证", titleEN: "Unauthorized",
                              aboutZH: "需要有效的令牌：先登录（POST /v1/sessions），再以 Authorization: Bearer 发送令牌。",
                              aboutEN: "A valid token is required: log in (POST /v1/sessions) and send it as Authorization: Bearer."),
        "forbidden": Entry(status: 403, titleZH: "无权操作", titleEN: "Forbidden",
                           aboutZH: "你的角色或所属单位不允许此操作。", aboutEN: "Your role or institution may not do this."),
        "not-found": Entry(status: 404, titleZH: "未找到", titleEN: "Not found",
                           aboutZH: "请求的资源不存在，或你无权看到它。", aboutEN: "The resource does not exist, or you may not see it."),
        "method-not-allowed": Entry(status: 405, titleZH: "方法不允许", titleEN: "Method not allowed",
                                    aboutZH: "此资源不支持该 HTTP 方法；Allow 头列出可用方法。",
                                    aboutEN: "The resource does not support this method; the Allow header lists those it does."),
        "not-acceptable": Entry(status: 406, titleZH: "无法提供所要求的格式", titleEN: "Not acceptable",
                                aboutZH: "Accept 头要求的格式此资源都不提供。",
                                aboutEN: "The resource offers none of the formats the Accept header asks for."),
        "conflict": Entry(status: 409, titleZH: "冲突", titleEN: "Conflict",
                          aboutZH: "请求与现有数据冲突（如编码重复，或状态不允许此变更）。",
                          aboutEN: "The request conflicts with existing data (a duplicate code, or a state that forbids the change)."),
        "precondition-failed": Entry(status: 412, titleZH: "前提条件不满足", titleEN: "Precondition failed",
                                     aboutZH: "资源已被他人修改（If-Match 与当前 ETag 不符）；请重新读取后再改。",
                                     aboutEN: "Someone changed the resource (If-Match does not match its ETag); read it again, then change it."),
        "payload-too-large": Entry(status: 413, titleZH: "内容过大", titleEN: "Content too large",
                                   aboutZH: "请求体或其中的行数超过上限。", aboutEN: "The body, or its number of rows, is over the limit."),
        "unsupported-media-type": Entry(status: 415, titleZH: "不支持的媒体类型", titleEN: "Unsupported media type",
                                        aboutZH: "Content-Type 不是此资源接受的类型。",
                                        aboutEN: "The Content-Type is not one this resource accepts."),
        "too-many-requests": Entry(status: 429, titleZH: "请求过多", titleEN: "Too many requests",
                                   aboutZH: "请求过于频繁；请在 Retry-After 所示秒数后重试。",
                                   aboutEN: "Too many requests; retry after the seconds Retry-After gives."),
        "internal": Entry(status: 500, titleZH: "服务器内部错误", titleEN: "Internal server error",
                          aboutZH: "发生了意外错误；报告时请提供请求编号（X-Request-Id）。",
                          aboutEN: "An unexpected error occurred; quote the request id (X-Request-Id) when reporting it."),
        "unavailable": Entry(status: 503, titleZH: "服务暂不可用", titleEN: "Service unavailable",
                             aboutZH: "服务器暂时繁忙或数据库不可用；请在 Retry-After 所示秒数后重试。",
                             aboutEN: "The server is busy or its database unavailable for now; retry after Retry-After seconds."),
        "protocol": Entry(status: 400, titleZH: "请求被拒绝", titleEN: "Request rejected",
                          aboutZH: "HTTP 请求本身不合规（如报文格式、请求头或传输编码有误），连接随后关闭。",
                          aboutEN: "The HTTP message itself is not acceptable (framing, headers, transfer coding); the connection closes."),
    ]

    /// The title of `kind` in `language`; for a kind not listed, `fallback` (English) or a
    /// Chinese title by status.
    static func title(_ kind: String, status: Int, language: ProblemLanguage, fallback: String) -> String {
        guard language == .zh else { return fallback }
        if let entry = entries[kind] { return entry.titleZH }
        return entries.values.first { $0.status == status }?.titleZH ?? "请求失败"
    }
}
