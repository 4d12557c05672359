import CSQLite

/// A write (or read) that failed because of the storage under the database, not because of the
/// change itself: the disk is full, the device reports I/O errors, the file became read-only, or
/// the file at the database's path is no longer the one the server opened.
///
/// The pool turns such SQLite errors into this type before handing them to callers, so the layer
/// above can answer "full disk" or "storage unavailable" instead of a bug (docs/RELIABILITY.md,
/// the fault table). Storage knows nothing of HTTP: which status each kind gets is decided above.
public struct StorageFault: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// SQLITE_FULL: no space left on the device (or the file reached its size limit).
        case full = "disk_full"
        /// SQLITE_IOERR_*: the device failed a read, write, sync or truncate.
        case ioError = "io_error"
        /// SQLITE_READONLY_*: the file or its directory can no longer be written.
        case readOnly = "read_only"
        /// The file at the database's path is not the file the server opened (moved or deleted).
        case moved = "database_moved"
    }

    public let kind: Kind
    /// SQLite's extended result code (0 for a fault this package detected itself, such as `moved`).
    public let extendedCode: Int32
    /// SQLite's message, or ours: for logs, never for clients.
    public let message: String

    public init(kind: Kind, extendedCode: Int32, message: String) {
        self.kind = kind
        self.extendedCode = extendedCode
        self.message = message
    }

    public var description: String {
        "storage fault \(kind.rawValue)" + (extendedCode == 0 ? "" : " (SQLite \(extendedCode))") + ": \(message)"
    }
}

extension StorageFault {
    /// SQLITE_READONLY_DBMOVED: SQLite noticed itself that the file was renamed or unlinked.
    static let readOnlyDatabaseMoved: Int32 = 1032  // SQLITE_READONLY | (4 << 8)

    /// The fault behind `error`, or nil when it is an ordinary failure (a constraint, a bug).
    /// `writing`: the error came from the writer. A reader's SQLITE_READONLY means a write was
    /// attempted on a read-only connection, a programming error, so only the writer's counts.
    static func classify(_ error: Error, writing: Bool) -> StorageFault? {
        if let fault = error as? StorageFault { return fault }
        guard let error = error as? DatabaseError else { return nil }
        let kind: Kind
        switch error.resultCode {
        case SQLITE_FULL: kind = .full
        case SQLITE_IOERR: kind = .ioError
        case SQLITE_CANTOPEN where writing: kind = .ioError  // the WAL cannot be (re)opened
        case SQLITE_READONLY where writing:
            kind = error.extendedCode == readOnlyDatabaseMoved ? .moved : .readOnly
        default: return nil
        }
        return StorageFault(kind: kind, extendedCode: error.extendedCode, message: error.message)
    }

    /// `error` as callers should see it: the fault when it is one, otherwise unchanged.
    static func surfaced(_ error: Error, writing: Bool) -> Error {
        classify(error, writing: writing) ?? error
    }
}
