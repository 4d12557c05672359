import Hummingbird
import Logging
import PeerSupport

// Hummingbird 2 peer: a Router with wastesort's routes, idiomatic Codable handling (the request
// context's JSONDecoder and JSONEncoder) and the default HTTP/1.1 server, in release mode.
let options = PeerOptions.parse()
let data = PeerData.load(from: options.fixturesDirectory)
let ranking = ByteBuffer(bytes: data.ranking)
let health = ByteBuffer(bytes: PeerData.health)
let jsonHeaders: HTTPFields = [.contentType: PeerData.jsonContentType, .cacheControl: "no-store"]

// Encoded per request by the context's JSONEncoder, the way a Hummingbird user returns a Codable.
extension Institution: ResponseEncodable {}
extension LedgerEntryPage: ResponseEncodable {}
extension LedgerEntry: ResponseEncodable {}

let router = Router()
router.get("/healthz") { _, _ in
    Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: health))
}
router.get("/v1/rankings") { _, _ in
    Response(status: .ok, headers: [.contentType: PeerData.jsonContentType], body: .init(byteBuffer: ranking))
}
router.get("/v1/institutions/:id") { _, context -> Institution in
    let id = try context.parameters.require("id", as: Int.self)
    guard let institution = data.institutions[id] else { throw HTTPError(.notFound) }
    return institution
}
router.get("/v1/institutions/:id/ledger-entries") { request, context -> LedgerEntryPage in
    let id = try context.parameters.require("id", as: Int.self)
    let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? PeerData.defaultLimit
    guard PeerData.limits.contains(limit) else { throw HTTPError(.badRequest) }
    guard let page = data.ledgerPage(institutionID: id, limit: limit) else { throw HTTPError(.notFound) }
    return page
}
router.post("/v1/institutions/:id/ledger-entries") { request, context -> EditedResponse<LedgerEntry> in
    let id = try context.parameters.require("id", as: Int.self)
    let input = try await request.decode(as: LedgerEntryInput.self, context: context)
    guard input.isValid else { throw HTTPError(.badRequest) }
    let entry = LedgerEntry(id: EntryIDs.next(), institutionId: id, input: input, now: EntryIDs.now())
    return EditedResponse(status: .created, headers: [.location: "/v1/ledger-entries/\(entry.id)"], response: entry)
}

var logger = Logger(label: "peer-hummingbird")
logger.logLevel = .warning
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: options.port)),
    logger: logger
)
try await app.runService()
