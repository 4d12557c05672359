import FlyingFox
import Foundation
import PeerSupport

// FlyingFox peer: HTTPServer with closure handlers on its own (non-NIO) socket layer, bound to
// loopback; JSONDecoder/JSONEncoder for every Codable, as a FlyingFox user writes it.
let options = PeerOptions.parse()
let data = PeerData.load(from: options.fixturesDirectory)
let ranking = Data(data.ranking)
let health = Data(PeerData.health)
let jsonHeaders: [HTTPHeader: String] = [.contentType: PeerData.jsonContentType]

let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(options.port)), logger: .disabled)

func json(_ value: some Encodable, status: HTTPStatusCode = .ok, headers: [HTTPHeader: String] = jsonHeaders) throws -> HTTPResponse {
    HTTPResponse(statusCode: status, headers: headers, body: try JSONEncoder().encode(value))
}

await server.appendRoute("GET /healthz") { _ in
    HTTPResponse(statusCode: .ok,
                 headers: [.contentType: PeerData.jsonContentType, HTTPHeader("Cache-Control"): "no-store"],
                 body: health)
}
await server.appendRoute("GET /v1/rankings") { _ in
    HTTPResponse(statusCode: .ok, headers: jsonHeaders, body: ranking)
}
await server.appendRoute("GET /v1/institutions/:id") { request in
    guard let id = request.routeParameters["id", of: Int.self], let institution = data.institutions[id] else {
        return HTTPResponse(statusCode: .notFound)
    }
    return try json(institution)
}
await server.appendRoute("GET /v1/institutions/:id/ledger-entries") { request in
    let limit = request.query["limit"].map { Int($0) } ?? PeerData.defaultLimit
    guard let limit, PeerData.limits.contains(limit) else { return HTTPResponse(statusCode: .badRequest) }
    guard let id = request.routeParameters["id", of: Int.self], let page = data.ledgerPage(institutionID: id, limit: limit) else {
        return HTTPResponse(statusCode: .notFound)
    }
    return try json(page)
}
await server.appendRoute("POST /v1/institutions/:id/ledger-entries") { request in
    let body = try await request.bodyData
    guard let id = request.routeParameters["id", of: Int.self],
          let input = try? JSONDecoder().decode(LedgerEntryInput.self, from: body), input.isValid else {
        return HTTPResponse(statusCode: .badRequest)
    }
    let entry = LedgerEntry(id: EntryIDs.next(), institutionId: id, input: input, now: EntryIDs.now())
    var headers = jsonHeaders
    headers[.location] = "/v1/ledger-entries/\(entry.id)"
    return try json(entry, status: .created, headers: headers)
}

try await server.run()
