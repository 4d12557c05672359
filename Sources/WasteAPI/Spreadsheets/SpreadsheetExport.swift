import HTTPCore
import JSON
import Routing
import Spreadsheet

/// CSV and xlsx for a route that answers JSON (rankings, findings, ledger reports, facility
/// compliance, statistics): the route's own JSON, taken apart into one row per item by a
/// column table, so the spreadsheet always says what the JSON says.
///
/// The route negotiates like every list (``ListFormat``). A paginated route is walked page by
/// page (500 at a time or the caller's `limit`, its own filters kept) so the file holds every match, up to
/// ``maxRows`` rows (more is a 413 asking for a narrower filter).
struct SpreadsheetExport: Sendable {
    /// The worksheet's name in English and Chinese; the file is `filename.csv|xlsx`.
    let name: String
    let chineseName: String
    let filename: String
    /// Where the rows are: one or more arrays of objects in the JSON answer (`["items"]`);
    /// none: the answer itself is the one row (district figures).
    let itemArrays: [[String]]
    let columns: [JSONColumn]
    /// Follows `next_cursor` until the last page.
    var paginated = false

    static let maxRows = 100_000
    private static let pageSize = "500"

    /// The handler's answer, as the negotiated format.
    func answer(_ context: APIContext, _ handler: (APIContext) throws -> HTTPResponse) throws -> HTTPResponse {
        let query = try context.query()
        let format = try ListFormat.negotiate(query, context.request.headers)
        guard format != .json else { return try handler(context) }
        let language = try ListFormat.headerLanguage(query)
        // the JSON's ETag names the JSON: a spreadsheet is always sent whole, never a 304
        let context = context.page(after: nil, limit: nil)
        // pages of the caller's `limit`, or of 500: the file holds every match either way
        let pageSize = query["limit"].flatMap { Int($0) }.map(String.init) ?? Self.pageSize
        var items: [JSONValue] = []
        var cursor: String?
        repeat {
            let response = try handler(paginated || cursor != nil ? context.page(after: cursor, limit: pageSize) : context)
            guard response.status == 200 else { return response }
            let json = try JSONValue.parse(response.body, limits: JSONParseLimits(maxElements: 50_000_000))
            if itemArrays.isEmpty { items.append(json) }
            for path in itemArrays { items += json[path]?.arrayValue ?? [] }
            guard items.count <= Self.maxRows else {
                throw HTTPError.payloadTooLarge("more than \(Self.maxRows) rows; narrow the query to export it as a spreadsheet")
            }
            cursor = json["next_cursor"]?.stringValue
        } while cursor != nil
        return try format.response(sheet(items, language), headers: language, filename: filename)
    }

    /// The rows; columns marked ``JSONColumn/omitWhenEmpty`` that no row fills are left out
    /// (the grouping a statistics query did not use).
    func sheet(_ items: [JSONValue], _ language: HeaderLanguage) -> Sheet {
        let used = columns.filter { column in
            !column.omitWhenEmpty || items.contains { column.cell($0, language) != .empty }
        }
        return Sheet(name: language == .chinese ? chineseName : name, columns: used.map(\.column),
                     rows: items.map { item in used.map { $0.cell(item, language) } })
    }
}

/// One column of a ``SpreadsheetExport``: its headers, where its value is in an item, and how
/// the value is written.
struct JSONColumn: Sendable {
    enum Kind: Sendable {
        case text
        case number
        case date
        /// A code with Chinese labels.
        case label(ChineseLabels.Table)
        /// An array of objects: their `member` texts joined into one cell (by `separator`, or
        /// by `; ` / `；` in the header language).
        case joined(member: String, separator: String? = nil)
    }

    let column: SheetColumn
    let path: [String]
    let kind: Kind
    var omitWhenEmpty = false

    /// `path` defaults to the key itself; `a.b` reads a nested member.
    init(_ key: String, _ chinese: String, _ path: String? = nil, _ kind: Kind = .text, omitWhenEmpty: Bool = false) {
        column = SheetColumn(key, chinese)
        self.path = (path ?? key).split(separator: ".").map(String.init)
        self.kind = kind
        self.omitWhenEmpty = omitWhenEmpty
    }

    func cell(_ item: JSONValue, _ language: HeaderLanguage) -> Cell {
        guard let value = item[path] else { return .empty }
        switch value {
        case .null: return .empty
        case .bool(let flag): return language == .chinese ? .text(ChineseLabels.yesNo(flag)) : .bool(flag)
        case .number(let number): return .number(number.text)
        case .string(let text):
            switch kind {
            case .date: return SheetDate(text: text).map(Cell.date) ?? .text(text)
            case .label(let table): return .text(language == .chinese ? table.label(text) : text)
            case .text, .number, .joined: return .text(text)
            }
        case .array(let elements):
            if case .joined(let member, let separator) = kind {
                let texts = elements.compactMap { $0[member]?.stringValue }
                return .text(texts.joined(separator: separator ?? (language == .chinese ? "；" : "; ")))
            }
            return .text(value.serializedString())
        case .object: return .text(value.serializedString())
        }
    }
}

extension JSONValue {
    /// The member at a path of object keys, or nil.
    subscript(path: [String]) -> JSONValue? {
        var value: JSONValue? = self
        for key in path { value = value?[key] }
        return value
    }
}

extension APIContext {
    /// The same request for one page: `limit` set (nil: the caller's kept), `cursor` set or
    /// removed, the format parameters and conditional headers dropped (the handler answers JSON).
    func page(after cursor: String?, limit: String?) -> APIContext {
        let dropped: Set<Substring> = limit == nil ? ["cursor", "format", "headers"] : ["limit", "cursor", "format", "headers"]
        var pairs = (request.http.head.query ?? "").split(separator: "&").filter { pair in
            !dropped.contains(pair.split(separator: "=", maxSplits: 1).first ?? "")
        }.map(String.init)
        if let limit { pairs.append("limit=\(limit)") }
        if let cursor { pairs.append("cursor=\(Self.percentEncoded(cursor))") }
        var http = request.http
        http.head.query = pairs.joined(separator: "&")
        http.head.headers.remove("if-none-match")
        let routed = Request(http: http, connection: request.connection, route: request.route,
                             parameters: request.parameters, id: request.id)
        return APIContext(request: routed, principal: principal, services: services)
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isAlphabetic && byte < 128 || ("0"..."9").contains(scalar) || "-_.~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
