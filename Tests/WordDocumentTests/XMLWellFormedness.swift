import Foundation
/// A small well-formedness check for the parts we write: every start tag closed in order, every
/// attribute quoted, no raw `&` or `<` in text. (Foundation's XMLParser needs libxml2 on Linux.)
enum XMLWellFormedness {
    /// nil when well formed; otherwise what is wrong.
    static func problem(_ xml: String) -> String? {
        var stack: [Substring] = []
        var rest = Substring(xml)
        if rest.hasPrefix("<?xml") {
            guard let end = rest.range(of: "?>") else { return "unterminated declaration" }
            rest = rest[end.upperBound...]
        }
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[open] == "&" {
                let entity = rest[open...].prefix(7)
                guard ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(where: { entity.hasPrefix($0) }) else {
                    return "raw & at \(rest[open...].prefix(20))"
                }
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[rest.index(after: open)..<close]
            if tag.contains("<") { return "< inside a tag: \(tag.prefix(40))" }
            if tag.hasPrefix("/") {
                guard stack.popLast() == tag.dropFirst() else { return "mismatched </\(tag.dropFirst())>" }
            } else if !tag.hasSuffix("/") {
                stack.append(tag.prefix { $0 != " " })
            }
            if tag.filter({ $0 == "\"" }).count % 2 != 0 { return "unbalanced quotes in \(tag.prefix(60))" }
            rest = rest[rest.index(after: close)...]
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.last ?? "")>"
    }
}
