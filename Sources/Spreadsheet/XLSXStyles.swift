/// Which cell formats of a workbook's `styles.xml` show a date, so a day number in such a
/// cell reads as `YYYY-MM-DD` (ECMA-376 Part 1 §18.8.30 numFmt lists the built-in ids).
struct XLSXStyles {
    /// By `s` index: whether the format is a date.
    private(set) var dateStyles: [Bool] = []

    init() {}

    init(_ bytes: [UInt8]) throws(XMLScanner.Failure) {
        var scanner = XMLScanner(bytes)
        var customFormats: [Int: String] = [:]
        var inCellXfs = false
        var formats: [Int] = []
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if name == "numFmt", let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                    customFormats[id] = attributes["formatCode"] ?? ""
                } else if name == "cellXfs" {
                    inCellXfs = !selfClosing
                } else if name == "xf" && inCellXfs {
                    formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                }
            case .end(let name):
                if name == "cellXfs" { inCellXfs = false }
            case .text:
                break
            }
        }
        dateStyles = formats.map { id in
            customFormats[id].map(Self.isDateCode) ?? Self.builtInDates.contains(id)
        }
    }

    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    /// Built-in date formats: 14–17 and 22 everywhere; 27–36 and 50–58 are the CJK ones
    /// (`yyyy"年"m"月"d"日"`, …) Chinese Excel and WPS use.
    private static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// A format code that shows a year or a day (quoted text, `[...]` sections and escaped
    /// characters aside): `yyyy\-mm\-dd`, `yyyy"年"m"月"d"日"`, `d/m/yy`.
    static func isDateCode(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "y", "d":
                if !inQuote && !inBracket { return true }
            default: continue
            }
        }
        return false
    }
}
