import Foundation
import HTTPCore
import JSON
import Testing
@testable import WasteAPI

/// `/openapi.json` must describe exactly the routes the server has (SPEC §5: "kept true by a test").
@Suite struct OpenAPITests {
    /// The served document, parsed.
    private func document(_ app: TestApp) throws -> JSONValue {
        let response = try app.client.get("/openapi.json")
        #expect(response.status == 200)
        #expect(response.header("content-type")?.hasPrefix("application/json") == true)
        return try JSONValue.parse(response.body)
    }

    /// (method, path) of every operation in `paths`, as "GET /v1/me".
    private func operations(_ document: JSONValue) -> [(key: String, operation: JSONValue)] {
        var found: [(String, JSONValue)] = []
        for (path, item) in document["paths"]?.objectValue ?? JSONObject() {
            for (method, operation) in item.objectValue ?? JSONObject() where Self.methods.contains(method) {
                found.append(("\(method.uppercased()) \(path)", operation))
            }
        }
        return found
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    @Test func documentIsOpenAPI31DescribingTheDistrictAPI() throws {
        let app = try TestApp()
        let document = try document(app)
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.1.") == true)
        #expect(document["info"]?["title"]?.stringValue == "wastesort")
        #expect(document["info"]?["version"]?.stringValue?.isEmpty == false)
        #expect(document["info"]?["description"]?.stringValue?.contains("district") == true)
        #expect(document["servers"]?[0]?["url"]?.stringValue == "/")
        #expect(document["components"]?["securitySchemes"]?["bearer"]?["scheme"]?.stringValue == "bearer")
        #expect(document["components"]?["schemas"]?["Problem"] != nil)
    }

    @Test func pathsListExactlyTheRoutesTheRouterServes() throws {
        let app = try TestApp()
        let documented = Set(operations(try document(app)).map(\.key))
        let routed = Set(app.app.router.routes.filter { $0.method != .HEAD && $0.method != .OPTIONS }
            .map { "\($0.method.rawValue) \($0.pattern.text)" })
        let undocumented = routed.subtracting(documented).sorted()
        let phantom = documented.subtracting(routed).sorted()
        #expect(undocumented.isEmpty, "routes missing from /openapi.json: \(undocumented)")
        #expect(phantom.isEmpty, "operations in /openapi.json that no route serves: \(phantom)")
        #expect(app.app.docs.count == app.app.router.routes.count, "every route is registered with its RouteDoc")
    }

    @Test func everyOperationHasASummaryTagsAndResponses() throws {
        let app = try TestApp()
        for (key, operation) in operations(try document(app)) {
            #expect(operation["summary"]?.stringValue?.isEmpty == false, "\(key) has no summary")
            #expect(operation["tags"]?.arrayValue?.isEmpty == false, "\(key) has no tags")
            #expect(operation["description"]?.stringValue?.hasPrefix("Access:") == true, "\(key) does not say who may call it")
            #expect(operation["responses"]?.objectValue?.isEmpty == false, "\(key) has no responses")
        }
    }

    @Test func everyPathParameterIsDeclaredAndRequired() throws {
        let app = try TestApp()
        let document = try document(app)
        for doc in app.app.docs {
            let operation = document["paths"]?[doc.path]?[doc.method.rawValue.lowercased()]
            let parameters = operation?["parameters"]?.arrayValue ?? []
            let inPath = parameters.filter { $0["in"]?.stringValue == "path" }
            #expect(inPath.compactMap { $0["name"]?.stringValue } == OpenAPIParameters.pathNames(doc.path),
                    "\(doc.method) \(doc.path) declares its path parameters")
            #expect(inPath.allSatisfy { $0["required"] == .bool(true) })
            let inQuery = parameters.filter { $0["in"]?.stringValue == "query" }.compactMap { $0["name"]?.stringValue }
            #expect(inQuery == doc.query, "\(doc.method) \(doc.path) declares the query parameters it accepts")
        }
    }

    @Test func accessRulesShowInSecurityAndErrorResponses() throws {
        let app = try TestApp()
        let document = try document(app)
        for doc in app.app.docs {
            let key = "\(doc.method) \(doc.path)"
            guard let operation = document["paths"]?[doc.path]?[doc.method.rawValue.lowercased()] else { continue }
            let security = operation["security"]?.arrayValue ?? []
            let allowsNoToken = security.contains { $0.objectValue?.isEmpty == true }
            let acceptsToken = security.contains { $0["bearer"] != nil }
            #expect(acceptsToken, "\(key) accepts a bearer token")
            #expect(allowsNoToken == doc.access.allowsAnonymous(publicReadEnabled: true), "\(key) security matches its access")
            let responses = operation["responses"]?.objectValue
            #expect((responses?["401"] != nil) == (doc.access != .anyone), "\(key) documents 401 exactly when a token is needed")
            #expect((responses?["403"] != nil) == doc.access.isRoleRestricted, "\(key) documents 403 exactly when roles are refused")
            for role in doc.access.roles where doc.access != .anyone {
                #expect(operation["description"]?.stringValue?.contains(role.rawValue) == true, "\(key) names \(role)")
            }
        }
    }

    @Test func everyReferenceResolves() throws {
        let app = try TestApp()
        let document = try document(app)
        var unresolved: [String] = []
        for reference in Self.references(in: document) where Self.resolve(reference, in: document) == nil {
            unresolved.append(reference)
        }
        #expect(unresolved.isEmpty, "unresolved $refs: \(unresolved.sorted())")
    }

    /// A gap in some `<Name>Schemas` keeps the document valid (placeholder) but must be fixed.
    @Test func everyReferencedSchemaIsDefined() throws {
        let app = try TestApp()
        let schemas = try document(app)["components"]?["schemas"]?.objectValue ?? JSONObject()
        let placeholders = schemas.filter { $0.value[OpenAPISchemaRegistry.placeholderMarker] != nil }.map(\.key)
        #expect(placeholders.isEmpty,
                "schemas referenced by routes or other schemas but defined by no <Name>Schemas.all: \(placeholders.sorted())")
    }

    @Test func noSchemaIsDefinedTwice() {
        let document = OpenAPIDocument(routes: [], schemas: OpenAPIRoutes.schemas)
        #expect(document.duplicateSchemas.isEmpty, "schemas defined in more than one <Name>Schemas: \(document.duplicateSchemas)")
    }

    @Test func operationIDsAreUnique() throws {
        let app = try TestApp()
        let ids = operations(try document(app)).compactMap { $0.operation["operationId"]?.stringValue }
        #expect(ids.count == app.app.docs.count, "every operation has an operationId")
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "operationIds used twice: \(repeated)")
    }

    @Test func documentCarriesAnETagAndAnswers304WhenUnchanged() throws {
        let app = try TestApp()
        let first = try app.client.get("/openapi.json")
        let etag = try #require(first.header("etag"))
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
        let again = try app.client.get("/openapi.json")
        #expect(again.header("etag") == etag)
        #expect(again.body == first.body)
        let revalidated = try app.client.get("/openapi.json", headers: [("If-None-Match", etag)])
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.header("etag") == etag)
        let stale = try app.client.get("/openapi.json", headers: [("If-None-Match", "\"something-else\"")])
        #expect(stale.status == 200)
    }

    @Test func aMissingSchemaBecomesAPlaceholderAndIsReported() throws {
        let routes = [
            RouteDoc(method: .POST, path: "/v1/things/{id}/parts", access: .staff, summary: "Add a part", tag: "things",
                     query: [], body: "PartInput", bodyMediaType: nil, success: 201, response: "Part"),
            RouteDoc(method: .GET, path: "/v1/things", access: .aggregates, summary: "List things", tag: "things",
                     query: ["limit", "cursor", "period"], body: nil, bodyMediaType: nil, success: 200, response: "ThingPage"),
        ]
        let schemas: [[(String, JSONValue)]] = [CommonSchemas.all, [("Part", ["type": "object"]),
                                                                   ("ThingPage", CommonSchemas.page(of: "Thing"))]]
        let document = OpenAPIDocument(routes: routes, schemas: schemas)
        #expect(document.missingSchemas == ["PartInput", "Thing"])
        let defined = document.json["components"]?["schemas"]
        #expect(defined?["PartInput"]?["type"]?.stringValue == "object")
        #expect(defined?["Thing"]?[OpenAPISchemaRegistry.placeholderMarker] == .bool(true))
        #expect(defined?["Part"]?[OpenAPISchemaRegistry.placeholderMarker] == nil)
        for reference in Self.references(in: document.json) {
            #expect(Self.resolve(reference, in: document.json) != nil, "\(reference) resolves")
        }
        let list = document.json["paths"]?["/v1/things"]?["get"]
        let limit = list?["parameters"]?.arrayValue?.first { $0["name"]?.stringValue == "limit" }
        #expect(limit?["schema"]?["type"]?.stringValue == "integer")
        #expect(limit?["schema"]?["maximum"] == .number(JSONNumber(500)))
        #expect(list?["security"]?.arrayValue?.count == 2)
        let add = document.json["paths"]?["/v1/things/{id}/parts"]?["post"]
        #expect(add?["parameters"]?[0]?["schema"]?["type"]?.stringValue == "integer")
        #expect(Set(add?["responses"]?.objectValue?.keys ?? []) == ["201", "400", "401", "403", "404", "409", "415", "503", "507"])
    }

    /// Every `$ref` string in the document.
    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            return object.flatMap { key, member -> [String] in
                if key == "$ref", let target = member.stringValue { return [target] }
                return references(in: member)
            }
        case .array(let elements):
            return elements.flatMap(references)
        case .null, .bool, .number, .string:
            return []
        }
    }

    /// Follows a local JSON pointer (`#/components/schemas/Problem`); nil when it leads nowhere.
    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            current = current?[key]
        }
        return current
    }
}
