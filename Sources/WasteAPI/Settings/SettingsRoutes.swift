import HTTPCore
import JSON
import Routing
import WasteDomain

/// `GET|PUT /v1/settings` and `GET /v1/categories` (docs/API.md, Conventions).
enum SettingsRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.GET, "/v1/settings", access: .authenticated, summary: "District settings", tag: "settings",
                   response: "Settings") { context in
            let stored = try context.services.database.read { try SettingsStore.load($0) }
            let etag = Conditional.etag(version: stored.version)
            if Conditional.isNotModified(context.request.headers, etag: etag) { return Conditional.notModified(etag: etag) }
            return .json(body(stored), headers: ["etag": etag])
        }
        routes.add(.PUT, "/v1/settings", access: .admin,
                   summary: "Change district settings (fields left out keep their value)", tag: "settings",
                   body: "SettingsInput", response: "Settings") { context in
            try update(context)
        }
        routes.add(.GET, "/v1/categories", access: .authenticated,
                   summary: "Waste categories of GB/T 19095-2019, their names, aliases, colours and whether in force",
                   tag: "settings", response: "CategoryList") { context in
            let settings = try context.services.database.read { try SettingsStore.load($0) }.settings
            return .json(.object(JSONObject([("items", .array(WasteCategory.allCases.map { category(
                $0, inForce: settings.isInForce($0)) }))])))
        }
    }

    private static func update(_ context: APIContext) throws -> HTTPResponse {
        let object = try context.jsonObject()
        let stored = try context.services.database.write { db -> SettingsStore.Stored in
            let current = try SettingsStore.load(db)
            try Conditional.requireMatch(context.request.headers, etag: Conditional.etag(version: current.version))
            var reader = JSONFieldReader(object, allowedKeys: SettingsJSON.keys)
            let updated = SettingsJSON.read(&reader, over: current.settings)
            guard reader.isValid else { throw HTTPError.validation(reader.errors) }
            let version = try SettingsStore.save(db, updated, now: context.now)
            try AuditTrail.record(db, context: context, entity: "settings", id: 1, action: "update",
                                  before: SettingsJSON.json(current.settings), after: SettingsJSON.json(updated))
            return SettingsStore.Stored(settings: updated, version: version, updatedAt: context.now.description)
        }
        return .json(body(stored), headers: ["etag": Conditional.etag(version: stored.version)])
    }

    private static func body(_ stored: SettingsStore.Stored) -> JSONValue {
        guard case .object(var object) = SettingsJSON.json(stored.settings) else { return .null }
        object.set("version", .number(JSONNumber(stored.version)))
        object.set("updated_at", stored.updatedAt.map(JSONValue.string) ?? .null)
        return .object(object)
    }

    private static func category(_ category: WasteCategory, inForce: Bool) -> JSONValue {
        .object(JSONObject([
            ("code", .string(category.rawValue)),
            ("name_zh", .string(category.chineseName)),
            ("name_en", .string(category.englishName)),
            ("colour", .string(category.colour.name)),
            ("colour_hex", .string(category.colour.hex)),
            ("subcategories", .array(category.subcategories.map(JSONValue.string))),
            ("aliases", .array(category.aliases.map(JSONValue.string))),
            ("in_force", .bool(inForce)),
        ]))
    }
}
