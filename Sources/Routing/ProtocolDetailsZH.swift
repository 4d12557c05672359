/// Chinese details of the HTTP layer's refusals (its reasons are English, from HTTPCore's
/// parser): the ones a person meets, e.g. a tool that sends `?q=人民` without percent-encoding.
enum ProtocolDetailsZH {
    static func detail(status: Int, english: String) -> String? {
        if english.contains("non-ASCII") { return "请求目标含有未编码的非 ASCII 字节；请按 UTF-8 百分号编码（人民 写作 %E4%BA%BA%E6%B0%91）" }
        if english.hasPrefix("transfer coding") { return "不支持此传输编码（只支持 chunked）：\(english)" }
        switch status {
        case 408: return "请求头未在时限内发送完毕"
        case 413: return "请求体过大"
        case 414: return "请求行过长"
        case 431: return "请求头过大"
        case 505: return "不支持此 HTTP 版本"
        case 501 where english.contains("method"): return "不支持此请求方法"
        default: return nil
        }
    }
}
