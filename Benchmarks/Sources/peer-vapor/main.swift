import PeerSupport
import Vapor

// Vapor 4 peer: routes registered on the Application, `req.content.decode` (Vapor's JSONDecoder)
// for the POST, production environment, logging at warning so no per-request log line is written.
let options = PeerOptions.parse()
let rankingBytes = Fixtures.ranking(in: options.fixturesDirectory)

var environment = Environment(name: "production", arguments: ["peer-vapor"])
let app = try await Application.make(environment)
app.logger.logLevel = .warning
app.http.server.configuration.hostname = "127.0.0.1"
app.http.server.configuration.port = options.port

app.get("healthz") { _ -> Response in
    Response(status: .ok,
             headers: ["Content-Type": Fixtures.jsonContentType, "Cache-Control": "no-store"],
             body: .init(buffer: ByteBuffer(bytes: Fixtures.health)))
}
app.get("ranking") { _ -> Response in
    Response(status: .ok, headers: ["Content-Type": Fixtures.jsonContentType],
             body: .init(buffer: ByteBuffer(bytes: rankingBytes)))
}
app.post("entries") { req async throws -> Response in
    let entry = try req.content.decode(LedgerEntryInput.self)
    guard entry.isValid else { throw Abort(.badRequest) }
    let created = CreatedEntry(id: EntryIDs.next(), entry: entry)
    let response = Response(status: .created)
    try response.content.encode(created, as: .json)
    return response
}

do {
    try await app.execute()
} catch {
    app.logger.report(error: error)
}
try await app.asyncShutdown()
