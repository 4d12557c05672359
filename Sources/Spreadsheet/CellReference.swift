/// A1-style cell references (`B7`): column letters and a 1-based row number.
public enum CellReference {
    /// `A` for 0, `Z` for 25, `AA` for 26.
    public static func column(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    public static func text(column: Int, row: Int) -> String {
        self.column(column) + String(row)
    }

    /// The 0-based column and 1-based row of `B7`; nil for anything else.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for scalar in reference.unicodeScalars {
            if digits == 0, ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) {
                let upper = ("a"..."z").contains(scalar) ? scalar.value - 32 : scalar.value
                column = column * 26 + Int(upper - 64)
                letters += 1
                guard letters <= 3 else { return nil }
            } else if ("0"..."9").contains(scalar), letters > 0 {
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
                guard digits <= 7 else { return nil }
            } else if scalar == "$" {
                continue
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (column - 1, row)
    }
}
