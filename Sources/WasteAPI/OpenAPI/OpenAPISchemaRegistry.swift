import JSON

/// The component schemas of the document, merged from every `<Name>Schemas.all`.
///
/// Resources add their schemas independently, so the registry must cope with gaps and clashes
/// without producing a broken document: a name referenced but defined nowhere gets a permissive
/// placeholder (marked `x-missing-schema`), a name defined twice keeps its first definition.
/// Both are reported, so the OpenAPI tests can fail naming them.
struct OpenAPISchemaRegistry {
    static let prefix = "#/components/schemas/"
    /// Marks a placeholder schema standing in for a missing definition.
    static let placeholderMarker = "x-missing-schema"

    private(set) var names: [String] = []
    private var byName: [String: JSONValue] = [:]
    /// Names that more than one list defines (the first definition wins).
    private(set) var duplicates: [String] = []

    init(_ lists: [[(String, JSONValue)]]) {
        for list in lists {
            for (name, schema) in list { add(name, schema) }
        }
    }

    private mutating func add(_ name: String, _ schema: JSONValue) {
        guard byName[name] == nil else {
            if !duplicates.contains(name) { duplicates.append(name) }
            return
        }
        names.append(name)
        byName[name] = schema
    }

    /// `components.schemas` for a document whose operations are `paths`, and the names that had
    /// to be filled with placeholders because nothing defines them.
    func components(referencedFrom paths: JSONValue) -> (schemas: JSONValue, missing: [String]) {
        var referenced = Self.schemaReferences(in: paths)
        for name in names { referenced.formUnion(Self.schemaReferences(in: byName[name] ?? .null)) }
        let missing = referenced.subtracting(names).sorted()
        var schemas = JSONObject()
        for name in names { schemas.set(name, byName[name] ?? .null) }
        for name in missing { schemas.set(name, Self.placeholder(for: name)) }
        return (.object(schemas), missing)
    }

    /// A schema that accepts any object, so references still resolve while the gap is reported.
    static func placeholder(for name: String) -> JSONValue {
        [
            "type": "object",
            "description": .string("Placeholder: no component schema named \(name) is defined yet."),
            placeholderMarker: true,
        ]
    }

    /// Names of component schemas referenced anywhere inside `value`.
    static func schemaReferences(in value: JSONValue) -> Set<String> {
        var found = Set<String>()
        collect(value, into: &found)
        return found
    }

    private static func collect(_ value: JSONValue, into found: inout Set<String>) {
        switch value {
        case .object(let object):
            for (key, member) in object {
                if key == "$ref", let target = member.stringValue, target.hasPrefix(prefix) {
                    found.insert(String(target.dropFirst(prefix.count)))
                } else {
                    collect(member, into: &found)
                }
            }
        case .array(let elements):
            for element in elements { collect(element, into: &found) }
        case .null, .bool, .number, .string:
            break
        }
    }
}
