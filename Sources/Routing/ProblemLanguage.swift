import Foundation

/// The language of problem texts (`title`, `detail`, each error's `message`). Codes, field
/// names and problem types never change with it (docs/DECISIONS.md, "Problem texts in Chinese").
public enum ProblemLanguage: String, Sendable, CaseIterable {
    case zh, en

    /// `zh-CN`, `zh`, `zh-Hans` → zh; `en`, `en-US` → en; anything else nil.
    public init?(tag: some StringProtocol) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch primary {
        case "zh": self = .zh
        case "en": self = .en
        default: return nil
        }
    }

    /// The language an `Accept-Language` value (RFC 9110 §12.5.4) prefers among ours: the
    /// highest-weighted range that is zh or en; `*`, an absent header or no match → `fallback`.
    public static func negotiate(_ header: String?, fallback: ProblemLanguage) -> ProblemLanguage {
        guard let header, !header.isEmpty else { return fallback }
        var best: (weight: Double, language: ProblemLanguage)?
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let range = parts.first?.trimmingCharacters(in: .whitespaces), !range.isEmpty else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces)
                if pair.lowercased().hasPrefix("q="), let q = Double(pair.dropFirst(2)) { weight = q }
            }
            guard weight > 0 else { continue }
            let language = range == "*" ? fallback : ProblemLanguage(tag: range)
            guard let language else { continue }
            if best == nil || weight > best!.weight { best = (weight, language) }
        }
        return best?.language ?? fallback
    }
}
