import CSQLite

/// The SQLite library linked at run time (the system's libsqlite3), for `--version` and `/metrics`.
public enum SQLiteLibrary {
    public static var version: String { String(cString: sqlite3_libversion()) }
}
