import Foundation

/// One schema migration: a `NNNN_name.sql` script, applied once and never edited after it ships.
public struct Migration: Sendable, Equatable {
    /// The number before the first underscore.
    public let version: Int
    /// The file name, e.g. `0001_create_institutions.sql`.
    public let name: String
    public let sql: String
    /// SHA-256 of the script's UTF-8 bytes, as 64 lowercase hex digits.
    public let checksum: String

    /// Validates `name` and computes the checksum.
    public init(name: String, sql: String) throws {
        guard let version = Self.version(ofFileName: name) else {
            throw MigrationError(.badFileName, migration: name,
                                 "migration file name \(name) is not NNNN_name.sql (four or more digits, an underscore, letters, digits, _ or -)")
        }
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hex(Array(sql.utf8))
    }

    /// The version of a `NNNN_name.sql` file name, or `nil` when the name does not follow it.
    static func version(ofFileName name: String) -> Int? {
        guard name.hasSuffix(".sql"), let underscore = name.firstIndex(of: "_") else { return nil }
        let digits = name[..<underscore]
        let label = name[name.index(after: underscore)..<name.index(name.endIndex, offsetBy: -4)]
        let labelIsValid = !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard digits.count >= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), labelIsValid else { return nil }
        return Int(digits)
    }
}

/// A script given by name and text, for migrations embedded in the executable.
public struct MigrationFile: Sendable {
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// Where migrations come from: a directory of `NNNN_name.sql` files, or scripts embedded in the binary.
public enum MigrationSource: Sendable {
    /// Every `*.sql` file in the directory; other files (README, hidden files) are ignored.
    case directory(URL)
    case embedded([MigrationFile])

    /// The migrations sorted by version; throws on a bad name, a repeated version or an unreadable file.
    public func load() throws -> [Migration] {
        let migrations: [Migration]
        switch self {
        case .directory(let url): migrations = try Self.load(directory: url)
        case .embedded(let files): migrations = try files.map { try Migration(name: $0.name, sql: $0.sql) }
        }
        let sorted = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.version == later.version {
            throw MigrationError(.duplicateVersion, migration: later.name,
                                 "migrations \(earlier.name) and \(later.name) share version \(later.version)")
        }
        return sorted
    }

    /// Where the migrations were read from, for messages.
    public var location: String {
        switch self {
        case .directory(let url): url.path
        case .embedded: "the migrations built into this program"
        }
    }

    private static func load(directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError(.unreadable, migration: nil,
                                 "cannot read the migrations directory \(directory.path): \(error.localizedDescription)")
        }
        return try names
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".sql") }
            .map { name in
                let file = directory.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: file.path),
                      let sql = String(data: data, encoding: .utf8) else {
                    throw MigrationError(.unreadable, migration: name,
                                         "cannot read migration \(file.path) as UTF-8 text")
                }
                return try Migration(name: name, sql: sql)
            }
    }
}

/// Why migrations cannot run; the message names the file and says what to do.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case badFileName, duplicateVersion, unreadable
        /// An applied migration's file was edited.
        case checksumMismatch
        /// An applied migration's file is gone (or was renamed).
        case missingFile
        /// A new migration is numbered below one already applied.
        case outOfOrder
        /// The script failed; its transaction was rolled back.
        case failed
        /// The script leaves rows that violate foreign keys; rolled back.
        case foreignKeyViolation
    }

    public let reason: Reason
    /// The file concerned, when there is one.
    public let migration: String?
    public let message: String

    init(_ reason: Reason, migration: String?, _ message: String) {
        self.reason = reason
        self.migration = migration
        self.message = message
    }

    public var description: String { message }
}
