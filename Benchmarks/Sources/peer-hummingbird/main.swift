import Hummingbird
import Logging
import PeerSupport

// Hummingbird 2 peer: a Router with the three benchmark routes, idiomatic request decoding
// (the context's JSONDecoder) and the default HTTP/1.1 server, in release mode.
let options = PeerOptions.parse()
let ranking = ByteBuffer(bytes: Fixtures.ranking(in: options.fixturesDirectory))
let health = ByteBuffer(bytes: Fixtures.health)
let jsonHeaders: HTTPFields = [.contentType: Fixtures.jsonContentType, .cacheControl: "no-store"]

/// Encoded by the request context's JSONEncoder, the way a Hummingbird user returns a Codable.
extension CreatedEntry: ResponseEncodable {}

let router = Router()
router.get("/healthz") { _, _ in
    Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: health))
}
router.get("/ranking") { _, _ in
    Response(status: .ok, headers: [.contentType: Fixtures.jsonContentType], body: .init(byteBuffer: ranking))
}
router.post("/entries") { request, context -> EditedResponse<CreatedEntry> in
    let entry = try await request.decode(as: LedgerEntryInput.self, context: context)
    guard entry.isValid else { throw HTTPError(.badRequest) }
    return EditedResponse(status: .created, response: CreatedEntry(id: EntryIDs.next(), entry: entry))
}

var logger = Logger(label: "peer-hummingbird")
logger.logLevel = .warning
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: options.port)),
    logger: logger
)
try await app.runService()
