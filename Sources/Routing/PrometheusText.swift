import Foundation

/// Writes the Prometheus text exposition format (version 0.0.4): HELP and TYPE once per
/// metric family, then its samples. One writer for every metric the server exposes.
public struct PrometheusText: Sendable {
    public private(set) var text = ""

    public init() {}

    /// A counter or gauge family with one unlabelled sample.
    public mutating func single(_ name: String, type: String, help: String, value: some CustomStringConvertible) {
        header(name, type: type, help: help)
        text += "\(name) \(value)\n"
    }

    /// The HELP and TYPE lines of a family whose samples follow.
    public mutating func header(_ name: String, type: String, help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    /// One sample with labels.
    public mutating func sample(_ name: String, labels: [(String, String)], value: some CustomStringConvertible) {
        text += "\(name){\(Self.render(labels))} \(value)\n"
    }

    /// The `_bucket`, `_sum` and `_count` samples of one histogram series; `counts[i]` counts
    /// observations in bucket `i` alone (they are summed here, as the format wants).
    public mutating func histogram(_ name: String, labels: [(String, String)], bounds: [Double], counts: [Int],
                                   count: Int, sum: Double) {
        var cumulative = 0
        for (index, bound) in bounds.enumerated() {
            cumulative += index < counts.count ? counts[index] : 0
            sample("\(name)_bucket", labels: labels + [("le", "\(bound)")], value: cumulative)
        }
        sample("\(name)_bucket", labels: labels + [("le", "+Inf")], value: count)
        sample("\(name)_sum", labels: labels, value: sum)
        sample("\(name)_count", labels: labels, value: count)
    }

    private static func render(_ labels: [(String, String)]) -> String {
        labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
