/// What makes a proposed rubric well formed, checked before it is stored.
public enum RubricRules {
    /// A problem with a proposed rubric. `index` is the position in `sections` or `items`.
    public enum Problem: Sendable, Equatable {
        case duplicateSection(index: Int, code: String)
        case duplicateItem(index: Int, code: String)
        case unknownSection(index: Int, section: String)
        case emptySection(index: Int, code: String)
        case wrongTotal(Points)
    }

    /// Section and item codes: 1 to 16 ASCII letters, digits, `.`, `-` or `_`, starting with a letter or digit.
    public static func isValidCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...16).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Every problem at once: repeated codes, items in unknown sections, sections without items,
    /// and a total other than 100 points.
    public static func problems(sections: [RubricSection], items: [RubricItem]) -> [Problem] {
        var problems: [Problem] = []
        var sectionCodes = Set<String>()
        for (index, section) in sections.enumerated() where !sectionCodes.insert(section.code).inserted {
            problems.append(.duplicateSection(index: index, code: section.code))
        }
        var itemCodes = Set<String>()
        for (index, item) in items.enumerated() {
            if !itemCodes.insert(item.code).inserted { problems.append(.duplicateItem(index: index, code: item.code)) }
            if !sectionCodes.contains(item.section) { problems.append(.unknownSection(index: index, section: item.section)) }
        }
        let used = Set(items.map(\.section))
        for (index, section) in sections.enumerated() where !used.contains(section.code) {
            problems.append(.emptySection(index: index, code: section.code))
        }
        let total = items.reduce(Points.zero) { $0 + $1.maxPoints }
        if total != Rubric.totalPoints { problems.append(.wrongTotal(total)) }
        return problems
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
