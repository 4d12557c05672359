import PeerSupport
import Vapor

// Vapor 4 peer: wastesort's routes registered on the Application, Content (Vapor's JSONDecoder and
// JSONEncoder) for every Codable, production environment, logging at warning so no per-request
// log line is written.
let options = PeerOptions.parse()
let data = PeerData.load(from: options.fixturesDirectory)

// Encoded per request by Vapor's default JSON encoder, the way a Vapor user returns a Content.
extension Institution: Content {}
extension LedgerEntryPage: Content {}
extension LedgerEntry: Content {}
extension LedgerEntryInput: Content {}

var environment = Environment(name: "production", arguments: ["peer-vapor"])
let app = try await Application.make(environment)
app.logger.logLevel = .warning
app.http.server.configuration.hostname = "127.0.0.1"
app.http.server.configuration.port = options.port

app.get("healthz") { _ -> Response in
    Response(status: .ok,
             headers: ["Content-Type": PeerData.jsonContentType, "Cache-Control": "no-store"],
             body: .init(buffer: ByteBuffer(bytes: PeerData.health)))
}
app.get("v1", "rankings") { _ -> Response in
    Response(status: .ok, headers: ["Content-Type": PeerData.jsonContentType],
             body: .init(buffer: ByteBuffer(bytes: data.ranking)))
}
app.get("v1", "institutions", ":id") { req -> Institution in
    guard let id = req.parameters.get("id", as: Int.self), let institution = data.institutions[id] else {
        throw Abort(.notFound)
    }
    return institution
}
app.get("v1", "institutions", ":id", "ledger-entries") { req -> LedgerEntryPage in
    guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
    let limit = req.query[Int.self, at: "limit"] ?? PeerData.defaultLimit
    guard PeerData.limits.contains(limit) else { throw Abort(.badRequest) }
    guard let page = data.ledgerPage(institutionID: id, limit: limit) else { throw Abort(.notFound) }
    return page
}
app.post("v1", "institutions", ":id", "ledger-entries") { req async throws -> Response in
    guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
    let input = try req.content.decode(LedgerEntryInput.self)
    guard input.isValid else { throw Abort(.badRequest) }
    let entry = LedgerEntry(id: EntryIDs.next(), institutionId: id, input: input, now: EntryIDs.now())
    let response = Response(status: .created, headers: ["Location": "/v1/ledger-entries/\(entry.id)"])
    try response.content.encode(entry, as: .json)
    return response
}

do {
    try await app.execute()
} catch {
    app.logger.report(error: error)
}
try await app.asyncShutdown()
