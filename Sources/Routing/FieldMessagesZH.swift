import JSON

/// Chinese `message` of a validation error: one template per ``FieldError/Code`` naming the
/// field, with the limits taken from the English message the validators wrote. A message no
/// template understands keeps its English text after the Chinese lead, so nothing is lost.
enum FieldMessagesZH {
    static func message(_ error: FieldError) -> String {
        let field = error.field.isEmpty ? "请求体" : "字段 \(error.field)"
        let english = error.message
        switch error.code {
        case FieldError.Code.required:
            return english == "must not be null" ? "\(field) 不能为 null" : "\(field) 为必填项"
        case FieldError.Code.unknownField:
            return "\(field) 不是此处可接受的字段"
        case FieldError.Code.type:
            if let match = english.firstMatch(of: /must be (.+) \(got (.+)\)/) {
                return "\(field) 的类型应为\(typeName(String(match.1)))（实际为\(typeName(String(match.2)))）"
            }
            if english == "must be an integer" { return "\(field) 必须是整数" }
            return "\(field) 的类型不正确（\(english)）"
        case FieldError.Code.tooLong:
            if let n = number(english, /at most (\d+) characters/) { return "\(field) 最多 \(n) 个字符" }
            if let n = number(english, /at most (\d+) items/) { return "\(field) 最多 \(n) 项" }
            return "\(field) 过长（\(english)）"
        case FieldError.Code.tooShort:
            if let n = number(english, /at least (\d+) characters/) { return "\(field) 至少 \(n) 个字符" }
            if let n = number(english, /at least (\d+) items/) { return "\(field) 至少 \(n) 项" }
            if english.contains("must not be empty") { return "\(field) 不能为空" }
            return "\(field) 过短（\(english)）"
        case FieldError.Code.outOfRange:
            if let n = number(english, /^must be at least (-?[\d.]+)$/) { return "\(field) 不能小于 \(n)" }
            if let n = number(english, /^must be at most (-?[\d.]+)$/) { return "\(field) 不能大于 \(n)" }
            if let match = english.firstMatch(of: /(?:from|between) (-?[\d.]+) (?:to|and) (-?[\d.]+)/) {
                return "\(field) 必须在 \(match.1) 到 \(match.2) 之间"
            }
            return "\(field) 超出允许范围（\(english)）"
        case FieldError.Code.tooManyDecimals:
            if let n = number(english, /at most (\d+) decimal/) { return "\(field) 最多 \(n) 位小数" }
            return "\(field) 小数位过多（\(english)）"
        case FieldError.Code.invalidFormat:
            if english.contains("YYYY-MM-DD") { return "\(field) 必须是真实存在的日期，格式为 YYYY-MM-DD" }
            return "\(field) 格式不正确（\(english)）"
        case FieldError.Code.invalidValue:
            if let match = english.firstMatch(of: /must be one of:? (.+)/) { return "\(field) 必须是以下之一：\(match.1)" }
            return "\(field) 的值无效（\(english)）"
        case "conflict":
            return "\(field) 与已有数据冲突（\(english)）"
        default:
            return "\(field) 无效（\(english)）"
        }
    }

    private static func number(_ text: String, _ pattern: Regex<(Substring, Substring)>) -> Substring? {
        text.firstMatch(of: pattern)?.1
    }

    private static func typeName(_ english: String) -> String {
        switch english {
        case "a string", "string": "字符串"
        case "a number", "number": "数字"
        case "an integer", "integer": "整数"
        case "an object", "object": "对象"
        case "an array", "array": "数组"
        case "a boolean", "boolean", "true or false": "布尔值"
        case "null": "null"
        default: english
        }
    }
}
