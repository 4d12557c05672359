import Foundation
import HTTPCore
import Routing

/// Entity tags and conditional requests (RFC 9110 §8.8.3, §13).
///
/// A stored resource's tag is its `version`: it changes on every write, and only then.
enum Conditional {
    static func etag(version: Int64) -> String { "\"v\(version)\"" }

    /// `If-None-Match` on a GET: true when the client's copy is current (answer 304).
    /// Weak comparison, as RFC 9110 §13.1.2 asks.
    static func isNotModified(_ headers: HTTPHeaders, etag: String) -> Bool {
        guard let header = headers["if-none-match"] else { return false }
        let candidates = list(header)
        return candidates.contains("*") || candidates.contains { opaque($0) == opaque(etag) }
    }

    /// `If-Match` on a write: throws 412 when it names another version. Strong comparison.
    static func requireMatch(_ headers: HTTPHeaders, etag: String) throws(HTTPError) {
        guard let header = headers["if-match"] else { return }
        let candidates = list(header)
        guard candidates.contains("*") || candidates.contains(where: { !$0.hasPrefix("W/") && $0 == etag }) else {
            throw HTTPError.preconditionFailed()
        }
    }

    /// The 304 for a GET whose tag matched.
    static func notModified(etag: String) -> HTTPResponse {
        HTTPResponse(status: 304, headers: ["etag": etag])
    }

    private static func list(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
