/// Text made safe for Markdown and plain text: control characters become spaces (a line break in
/// a name must not start a new block), and in Markdown every character that could start markup —
/// raw HTML (`<script>`), entities, emphasis, links, table pipes — is backslash-escaped, so an
/// institution's name always reads as the letters it is (issue 13, F5).
enum MarkdownText {
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "!", "&", "#", "~"]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in singleLine(text) {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Control characters (C0, DEL, C1, line and paragraph separators) as spaces.
    /// A block's own number (`1.`, `（1）`) so that Markdown prints it rather than starting a list.
    static func number(_ number: String) -> String {
        number.hasSuffix(".") ? escape(String(number.dropLast())) + "\\." : escape(number)
    }

    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let v = scalar.value
            return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 ? " " : scalar
        }))
    }
}
