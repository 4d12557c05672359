import FlyingFox
import Foundation
import PeerSupport

// FlyingFox peer: HTTPServer with closure handlers on its own (non-NIO) socket layer,
// bound to loopback; JSONDecoder/JSONEncoder for the POST.
let options = PeerOptions.parse()
let ranking = Data(Fixtures.ranking(in: options.fixturesDirectory))
let health = Data(Fixtures.health)

let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(options.port)), logger: .disabled)

await server.appendRoute("GET /healthz") { _ in
    HTTPResponse(statusCode: .ok,
                 headers: [.contentType: Fixtures.jsonContentType, HTTPHeader("Cache-Control"): "no-store"],
                 body: health)
}
await server.appendRoute("GET /ranking") { _ in
    HTTPResponse(statusCode: .ok, headers: [.contentType: Fixtures.jsonContentType], body: ranking)
}
await server.appendRoute("POST /entries") { request in
    let body = try await request.bodyData
    guard let entry = try? JSONDecoder().decode(LedgerEntryInput.self, from: body), entry.isValid else {
        return HTTPResponse(statusCode: .badRequest)
    }
    let created = try JSONEncoder().encode(CreatedEntry(id: EntryIDs.next(), entry: entry))
    return HTTPResponse(statusCode: .created, headers: [.contentType: Fixtures.jsonContentType], body: created)
}

try await server.run()
