/// Keeps a spreadsheet from running a cell as a formula (CSV injection, OWASP "CSV
/// Injection"): text starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, which
/// Excel, WPS and LibreOffice show as text. Numbers (`-3.5`) stay numbers.
///
/// The prefix is reversible: text that already starts with one or more `'` before such a
/// character gets one more, and ``restore(_:)`` removes exactly one, so an exported file
/// imports back to the same values.
public enum FormulaGuard {
    /// The first characters a spreadsheet may treat as the start of a formula.
    public static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The CSV form of a text cell.
    public static func neutralise(_ text: String) -> String {
        needsPrefix(text) ? "'" + text : text
    }

    /// Undoes ``neutralise(_:)`` on a cell read from a file.
    public static func restore(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'", needsPrefix(String(cell.unicodeScalars.dropFirst())) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }

    /// Whether the text would start a formula, or is quotes before such a start.
    static func needsPrefix(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }), triggers.contains(first) else { return false }
        if text.unicodeScalars.first != "'" && DecimalText.isDecimal(text) { return false }
        return true
    }

    /// Whether a text cell in an xlsx file should carry `quotePrefix` (shown and re-entered as text).
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return triggers.contains(first)
    }
}
