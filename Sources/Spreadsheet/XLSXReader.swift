/// Reads the first worksheet of an xlsx workbook as rows of text cells: shared and inline
/// strings, numbers as short exact decimal text, booleans as `true`/`false`, and day numbers
/// in date-formatted cells as `YYYY-MM-DD`. Rows that hold nothing are skipped; rows after
/// the first are padded with empty cells to the first row's width (a spreadsheet omits
/// trailing empty cells). Bounded by ``SpreadsheetLimits``; every refusal names the cell.
public enum XLSXReader {
    /// The package's parts by path (`xl/workbook.xml`); nil when the package has no such part.
    public typealias PartSource = (String) throws(SpreadsheetReadError) -> [UInt8]?

    public static func rows(_ part: PartSource, limits: SpreadsheetLimits = SpreadsheetLimits()) throws(SpreadsheetReadError) -> [SheetRow] {
        let workbookPath = try target(ofType: "officeDocument", in: "_rels/.rels", base: "", part) ?? "xl/workbook.xml"
        guard let workbook = try part(workbookPath) else { throw notAWorkbook }
        let base = directory(of: workbookPath)
        let relationships = relsPath(of: workbookPath)
        let sheetID = try xml("the workbook") { () throws(XMLScanner.Failure) in try firstSheetRelationship(workbook) }
        guard let sheetID, let sheetPath = try target(id: sheetID, in: relationships, base: base, part),
              let sheet = try part(sheetPath) else {
            throw SpreadsheetReadError(message: "the workbook has no worksheet")
        }
        var strings: [String] = []
        if let path = try target(ofType: "sharedStrings", in: relationships, base: base, part), let bytes = try part(path) {
            strings = try xml("the shared strings") { () throws(XMLScanner.Failure) in try sharedStrings(bytes) }
        }
        var styles = XLSXStyles()
        if let path = try target(ofType: "styles", in: relationships, base: base, part), let bytes = try part(path) {
            styles = try xml("the styles") { () throws(XMLScanner.Failure) in try XLSXStyles(bytes) }
        }
        var reader = XLSXSheetReader(strings: strings, styles: styles, limits: limits)
        return try reader.read(sheet)
    }

    static let notAWorkbook = SpreadsheetReadError(message: "the file is not an xlsx workbook (save it as \"Excel Workbook (.xlsx)\")")

    // MARK: Relationships

    /// The `r:id` of the first `<sheet>` in the workbook.
    private static func firstSheetRelationship(_ bytes: [UInt8]) throws(XMLScanner.Failure) -> String? {
        var scanner = XMLScanner(bytes)
        while let event = try scanner.next() {
            if case .start("sheet", let attributes, _) = event { return attributes["id"] }
        }
        return nil
    }

    private static func target(ofType type: String, in relsPath: String, base: String, _ part: PartSource) throws(SpreadsheetReadError) -> String? {
        try relationship(in: relsPath, base: base, part) { attributes in
            attributes["Type"].map { $0.hasSuffix("/" + type) } ?? false
        }
    }

    private static func target(id: String, in relsPath: String, base: String, _ part: PartSource) throws(SpreadsheetReadError) -> String? {
        try relationship(in: relsPath, base: base, part) { $0["Id"] == id }
    }

    private static func relationship(in relsPath: String, base: String, _ part: PartSource,
                                     where matches: ([String: String]) -> Bool) throws(SpreadsheetReadError) -> String? {
        guard let bytes = try part(relsPath) else { return nil }
        return try xml("the relationships") { () throws(XMLScanner.Failure) -> String? in
            var scanner = XMLScanner(bytes)
            while let event = try scanner.next() {
                if case .start("Relationship", let attributes, _) = event, matches(attributes), let target = attributes["Target"] {
                    return resolve(target, base: base)
                }
            }
            return nil
        }
    }

    /// A relationship target as a package path: `/xl/x.xml` is absolute, `x.xml` relative to the source's folder.
    static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var segments = base.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/") {
            if segment == ".." { if !segments.isEmpty { segments.removeLast() } } else if segment != "." { segments.append(String(segment)) }
        }
        return segments.joined(separator: "/")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    private static func relsPath(of path: String) -> String {
        let folder = directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    // MARK: Shared strings

    /// The `<si>` texts: plain `<t>` or rich runs `<r><t>`, without phonetic runs (`<rPh>`).
    private static func sharedStrings(_ bytes: [UInt8]) throws(XMLScanner.Failure) -> [String] {
        var scanner = XMLScanner(bytes)
        var strings: [String] = []
        var current: String?
        var inText = false
        var inPhonetic = false
        while let event = try scanner.next() {
            switch event {
            case .start(let name, _, let selfClosing):
                if name == "si" { current = ""; if selfClosing { strings.append(""); current = nil } }
                if name == "rPh" && !selfClosing { inPhonetic = true }
                if name == "t" && !selfClosing && !inPhonetic { inText = true }
            case .end(let name):
                if name == "t" { inText = false }
                if name == "rPh" { inPhonetic = false }
                if name == "si", let text = current { strings.append(OOXMLEscape.decode(text)); current = nil }
            case .text(let text):
                if inText { current? += text }
            }
        }
        return strings
    }

    private static func xml<T>(_ what: String, _ body: () throws(XMLScanner.Failure) -> T) throws(SpreadsheetReadError) -> T {
        do {
            return try body()
        } catch {
            throw SpreadsheetReadError(message: "\(what) of the workbook cannot be read: \(error.message)")
        }
    }
}
