import Hashing
import HTTPCore
import JSON
import Routing

/// `?limit=` (default 50, max 500) and an opaque `?cursor=` over ascending ids.
struct Page {
    let limit: Int
    /// Items have ids greater than this.
    let afterID: Int64

    static let defaultLimit = 50
    static let maxLimit = 500

    init(_ query: QueryParameters) throws(HTTPError) {
        limit = try query.int("limit", default: Self.defaultLimit, range: 1...Self.maxLimit) ?? Self.defaultLimit
        guard let cursor = query["cursor"], !cursor.isEmpty else {
            afterID = 0
            return
        }
        guard let bytes = Base64.decode(cursor, alphabet: .url),
              let text = String(validating: bytes, as: UTF8.self), text.hasPrefix("id:"),
              let id = Int64(text.dropFirst(3)), id >= 0 else {
            throw HTTPError.invalidQuery("cursor", "is not a cursor this server issued")
        }
        afterID = id
    }

    static func cursor(after id: Int64) -> String {
        Base64.encode(Array("id:\(id)".utf8), alphabet: .url)
    }

    /// Given up to `limit + 1` rows fetched, the page's items and the next cursor.
    func split<T>(_ rows: [T], id: (T) -> Int64) -> (items: ArraySlice<T>, next: String?) {
        guard rows.count > limit else { return (rows[...], nil) }
        let items = rows.prefix(limit)
        return (items, items.last.map { Self.cursor(after: id($0)) })
    }

    /// `{"items": [...], "next_cursor": ...}`.
    static func body(items: [JSONValue], next: String?) -> JSONValue {
        .object(JSONObject([("items", .array(items)), ("next_cursor", next.map(JSONValue.string) ?? .null)]))
    }

    /// The same page written straight to bytes from items that encode themselves: for the
    /// busiest lists, where a value tree per item cost more than reading it from SQLite.
    static func response(items: some Collection<some JSONEncodable>, next: String?, bytesPerItem: Int) -> HTTPResponse {
        .json(capacity: bytesPerItem * items.count + 64) { writer in
            writer.object { page in
                page.array("items") { list in
                    for item in items { list.element(item) }
                }
                page.field("next_cursor", next)
            }
        }
    }
}
