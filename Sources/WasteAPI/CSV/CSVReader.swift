/// Parses RFC 4180 CSV into rows, remembering each row's line number for error reports.
///
/// Accepts a UTF-8 BOM, CRLF or LF line ends, quoted fields with doubled quotes and
/// embedded line breaks. Refuses invalid UTF-8, a quote inside an unquoted field, text
/// after a closing quote and an unterminated quote, naming the line.
struct CSVReader {
    struct Row {
        /// 1-based line of the file where the row starts.
        let line: Int
        let fields: [String]
    }

    struct Failure: Error {
        let line: Int
        let message: String
    }

    static let maxFields = 200

    static func parse(_ bytes: [UInt8]) throws(Failure) -> [Row] {
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        guard let text = String(validating: input, as: UTF8.self) else {
            throw Failure(line: 1, message: "the file is not UTF-8 text (save it as \"CSV UTF-8\")")
        }
        var parser = Parser(scalars: Array(text.unicodeScalars))
        return try parser.rows()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func rows() throws(Failure) -> [Row] {
            var rows: [Row] = []
            while index < scalars.count {
                let start = line
                let fields = try row()
                if !(fields.count == 1 && fields[0].isEmpty) {  // blank lines are skipped
                    rows.append(Row(line: start, fields: fields))
                }
            }
            return rows
        }

        private mutating func row() throws(Failure) -> [String] {
            var fields: [String] = []
            while true {
                fields.append(try field())
                guard fields.count <= CSVReader.maxFields else {
                    throw Failure(line: line, message: "more than \(CSVReader.maxFields) columns")
                }
                if index >= scalars.count { return fields }
                let scalar = scalars[index]
                index += 1
                if scalar == "," { continue }
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                line += 1
                return fields
            }
        }

        private mutating func field() throws(Failure) -> String {
            guard index < scalars.count, scalars[index] == "\"" else { return try unquoted() }
            let opened = line
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        text.append("\"")
                        index += 1
                        continue
                    }
                    guard index >= scalars.count || [",", "\r", "\n"].contains(scalars[index]) else {
                        throw Failure(line: line, message: "text after a closing quote")
                    }
                    return String(text)
                }
                if scalar == "\n" { line += 1 }
                text.append(scalar)
            }
            throw Failure(line: opened, message: "a quoted field is never closed")
        }

        private mutating func unquoted() throws(Failure) -> String {
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "," || scalar == "\r" || scalar == "\n" { break }
                if scalar == "\"" {
                    throw Failure(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                text.append(scalar)
                index += 1
            }
            return String(text)
        }
    }
}
