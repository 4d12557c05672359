import HTTPCore

/// The decoded query string: `?period=2026-H1&kind=…`. Repeated names keep every value.
public struct QueryParameters: Sendable {
    private var pairs: [(name: String, value: String)] = []

    public init() {}

    /// Decodes a raw query; a malformed escape is a 400 naming the parameter.
    public init(raw: String?) throws(HTTPError) {
        guard let raw, !raw.isEmpty else { return }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(pieces[0], plusAsSpace: true) else {
                throw HTTPError.badRequest("the query string has an invalid percent-escape")
            }
            let rawValue = pieces.count > 1 ? pieces[1] : ""
            guard let value = PercentDecoding.decode(rawValue, plusAsSpace: true) else {
                throw HTTPError.invalidQuery(name, "has an invalid percent-escape")
            }
            pairs.append((name, value))
        }
    }

    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    public func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    public var names: [String] { pairs.map(\.name) }

    /// An optional integer parameter within bounds, or a 400 naming it.
    public func int(_ name: String, default fallback: Int? = nil, range: ClosedRange<Int>) throws(HTTPError) -> Int? {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError.invalidQuery(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// An optional parameter that must be one of `allowed`, or a 400 naming it.
    public func oneOf(_ name: String, _ allowed: [String]) throws(HTTPError) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        guard allowed.contains(value) else {
            throw HTTPError.invalidQuery(name, "must be one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// Refuses parameters the endpoint does not know (a typo must not silently widen a query).
    public func allowOnly(_ known: Set<String>) throws(HTTPError) {
        if let unknown = pairs.first(where: { !known.contains($0.name) }) {
            throw HTTPError.invalidQuery(unknown.name, "is not a parameter of this endpoint", code: "unknown_parameter")
        }
    }
}
