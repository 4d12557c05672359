import ZipArchive

/// An `.xlsx` file: the parts of ``XLSXWriter`` in a ZIP package (deflated), and the package
/// opened again for ``XLSXReader`` with the ZIP reader's bounds.
public enum XLSXFile {
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func write(_ sheet: Sheet, headers language: HeaderLanguage = .english) throws -> [UInt8] {
        var zip = ZipWriter()
        for part in XLSXWriter.parts(sheet, headers: language) {
            try zip.add(part.path, part.bytes)
        }
        return try zip.finish()
    }

    /// The rows of the first worksheet.
    public static func rows(_ bytes: [UInt8], limits: SpreadsheetLimits = SpreadsheetLimits()) throws(SpreadsheetReadError) -> [SheetRow] {
        guard looksLikeZip(bytes) else { throw XLSXReader.notAWorkbook }
        let archive: ZipReader
        do {
            archive = try ZipReader(bytes, limits: ZipReadLimits(maxEntries: 1000, maxEntrySize: limits.maxPartBytes,
                                                                 maxTotalSize: limits.maxPartBytes * 4))
        } catch {
            throw SpreadsheetReadError(kind(of: error), message: "the file is not a readable xlsx workbook (\(error))")
        }
        return try XLSXReader.rows({ (path: String) throws(SpreadsheetReadError) -> [UInt8]? in
            guard archive.contains(path) else { return nil }
            do {
                return try archive.read(path)
            } catch {
                throw SpreadsheetReadError(kind(of: error), message: "the part \(path) of the workbook cannot be read (\(error))")
            }
        }, limits: limits)
    }

    /// Whether the bytes start like a ZIP package (`PK\u{3}\u{4}`), as every xlsx file does.
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    private static func kind(of error: any Error) -> SpreadsheetReadError.Kind {
        if case .limitExceeded = error as? ZipError { return .tooLarge }
        return .invalid
    }
}
