import Foundation

/// The bytes and records every peer serves, loaded once at start-up from the fixtures that
/// `Fixtures/capture.py` captured from wastesort, so every server answers with the same payload.
public struct PeerData: Sendable {
    /// `GET /healthz` body, byte for byte what wastesort's OperationalRoutes sends.
    public static let health: [UInt8] = Array(#"{"status":"ok"}"#.utf8)
    public static let jsonContentType = "application/json; charset=utf-8"
    /// `limit` of a ledger page when the query has none, and its bounds (SPEC §3).
    public static let defaultLimit = 50
    public static let limits = 1...500

    /// `GET /v1/rankings` as wastesort answered it (`ranking.json`): served as stored bytes,
    /// the way wastesort serves a remembered ranking.
    public let ranking: [UInt8]
    /// `institution.json`, decoded: encoded again with `JSONEncoder` on every request.
    public let institutions: [Int: Institution]
    /// `ledger-page.json`, decoded, by institution id: sliced and encoded on every request.
    public let ledgerPages: [Int: LedgerEntryPage]

    public static func load(from directory: String) -> PeerData {
        let institution: Institution = decode(directory + "/institution.json")
        let page: LedgerEntryPage = decode(directory + "/ledger-page.json")
        guard let owner = page.items.first?.institutionId else { PeerOptions.fail("ledger-page.json has no items") }
        return PeerData(ranking: readFile(directory + "/ranking.json"), institutions: [institution.id: institution],
                        ledgerPages: [owner: page])
    }

    /// The first `limit` stored entries of the institution with the captured cursor; nil when the
    /// institution is unknown (404).
    public func ledgerPage(institutionID: Int, limit: Int) -> LedgerEntryPage? {
        guard let page = ledgerPages[institutionID] else { return nil }
        return LedgerEntryPage(items: Array(page.items.prefix(limit)), nextCursor: page.nextCursor)
    }

    static func decode<T: Decodable>(_ path: String) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(readFile(path)))
        } catch {
            PeerOptions.fail("cannot decode \(path): \(error)")
        }
    }

    static func readFile(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { PeerOptions.fail("cannot read \(path)") }
        guard !data.isEmpty else { PeerOptions.fail("\(path) is empty") }
        return Array(data)
    }
}
