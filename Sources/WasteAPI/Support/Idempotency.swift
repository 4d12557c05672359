import Foundation
import Hashing
import HTTPCore
import JSON
import Routing
import Storage

/// `Idempotency-Key` for creating POSTs: a retry with the same key and body gets the first
/// response and creates nothing; the same key with another body is a 409.
///
/// Runs inside the write transaction that creates the resource, on the single writer, so two
/// concurrent retries cannot both create: the second sees the first's stored response.
enum Idempotency {
    static let replayHeader = "idempotent-replayed"

    static func run(_ context: APIContext, in db: Connection,
                    create: (Connection) throws -> HTTPResponse) throws -> HTTPResponse {
        guard let key = context.request.headers["idempotency-key"], let principal = context.principal else {
            return try create(db)
        }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
            throw HTTPError.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters", kind: "invalid-header")
        }
        let fingerprint = requestHash(context.request)
        if let stored = try db.queryOne(
            "SELECT request_hash, status, headers, body FROM idempotency_keys WHERE user_id = ? AND key = ?",
            [principal.userID, key]) {
            guard try stored.string("request_hash") == fingerprint else {
                throw HTTPError.conflict("this Idempotency-Key was already used for a different request", field: "Idempotency-Key")
            }
            return try replay(stored)
        }
        let response = try create(db)
        if (200..<300).contains(response.status) {
            try db.execute("""
                INSERT INTO idempotency_keys (user_id, key, request_hash, status, headers, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [principal.userID, key, fingerprint, response.status, storedHeaders(response),
                      response.body, context.now.description])
        }
        return response
    }

    private static func requestHash(_ request: Request) -> String {
        var hasher = SHA256Hasher()
        hasher.update("\(request.method.rawValue) \(request.http.head.path)\n")
        hasher.update(request.body)
        return hasher.finalizeHex()
    }

    private static let keptHeaders = ["content-type", "location", "etag"]

    private static func storedHeaders(_ response: HTTPResponse) -> String {
        let pairs = keptHeaders.compactMap { name in response.headers[name].map { (name, JSONValue.string($0)) } }
        return JSONValue.object(JSONObject(pairs)).serializedString()
    }

    private static func replay(_ row: Row) throws -> HTTPResponse {
        var headers = HTTPHeaders()
        if case .object(let stored)? = try? JSONValue.parse(Array(try row.string("headers").utf8)) {
            for (name, value) in stored {
                if case .string(let text) = value { headers.add(name, text) }
            }
        }
        headers.set(replayHeader, "true")
        return HTTPResponse(status: try row.int("status"), headers: headers, body: try row.blob("body"))
    }
}
