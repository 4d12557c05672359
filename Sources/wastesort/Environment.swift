import ArgumentParser
import Foundation

/// Flag → environment variable → default, with the same validation for both sources.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    static func string(_ flag: String?, _ name: String, default fallback: String) -> String {
        flag ?? value(name) ?? fallback
    }

    static func optionalString(_ flag: String?, _ name: String) -> String? {
        flag ?? value(name)
    }

    static func int(_ flag: Int?, _ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        try number(flag, name, default: fallback, range: range, kind: "an integer")
    }

    static func double(_ flag: Double?, _ name: String, default fallback: Double, range: ClosedRange<Double>) throws -> Double {
        try number(flag, name, default: fallback, range: range, kind: "a number")
    }

    /// The flag, else the environment variable parsed like the flag, else the default; in range.
    private static func number<T: Comparable & LosslessStringConvertible>(_ flag: T?, _ name: String, default fallback: T,
                                                                          range: ClosedRange<T>, kind: String) throws -> T {
        let chosen: T
        if let flag {
            chosen = flag
        } else if let text = value(name) {
            guard let parsed = T(text) else { throw ValidationError("\(source(name)): \(name)=\(text) is not \(kind)") }
            chosen = parsed
        } else {
            chosen = fallback
        }
        guard range.contains(chosen) else {
            throw ValidationError("\(source(name)) must be from \(range.lowerBound) to \(range.upperBound), not \(chosen)")
        }
        return chosen
    }

    /// `--port / WASTESORT_PORT`: the flag and the variable an error is about, so the operator
    /// finds it wherever it was set (the flag is the variable without its prefix, in kebab case).
    static func source(_ name: String) -> String {
        let flag = name.hasPrefix("WASTESORT_") ? String(name.dropFirst("WASTESORT_".count)) : name
        return "--" + flag.lowercased().replacingOccurrences(of: "_", with: "-") + " / " + name
    }

    static func bool(_ flag: Bool, _ name: String) throws -> Bool {
        if flag { return true }
        guard let text = value(name)?.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ValidationError("\(source(name)): \(name)=\(text) is not a boolean (use true or false)")
        }
    }
}
