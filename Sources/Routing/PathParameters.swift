/// Values captured from `{name}` segments of the matched route.
public struct PathParameters: Sendable {
    private var values: [(name: String, value: String)] = []

    public init() {}

    mutating func append(_ name: String, _ value: String) { values.append((name, value)) }

    public subscript(name: String) -> String? { values.first { $0.name == name }?.value }

    /// The parameter as a positive integer id, or a 404: a malformed id names no resource.
    public func id(_ name: String = "id") throws(HTTPError) -> Int64 {
        guard let text = self[name], let value = Int64(text), value > 0, text.first != "+" else {
            throw HTTPError.notFound()
        }
        return value
    }

    /// The parameter as text, or a 404 when the route has no such parameter.
    public func require(_ name: String) throws(HTTPError) -> String {
        guard let value = self[name] else { throw HTTPError.notFound() }
        return value
    }
}
