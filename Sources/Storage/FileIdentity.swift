import Glibc

/// A file's device and inode: what stays the same for as long as a path names the same file.
///
/// SQLite keeps writing to the file it opened even after that file is renamed or unlinked;
/// the writes then vanish at the next start (SQLite's "How To Corrupt" list names this). The
/// writer compares the identity it opened with the path's before and after each transaction.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` now; nil when there is none (or `path` is not a file
    /// path: an in-memory database has no identity to lose).
    init?(path: String) {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// The database file the writer opened, checked against its path.
struct DatabaseFileWatch {
    let path: String
    let opened: FileIdentity?

    init(path: String) {
        self.path = path
        opened = FileIdentity(path: path)
    }

    /// Bytes an unprivileged process may still write on the file system holding the database.
    func availableBytes() -> Int64? {
        var info = statvfs()
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard statvfs(directory.isEmpty ? "/" : directory, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// The fault when the path no longer names the opened file; nil when it does (one `stat`).
    func movedFault() -> StorageFault? {
        guard let opened else { return nil }
        let now = FileIdentity(path: path)
        guard now != opened else { return nil }
        let what = now == nil ? "no longer exists" : "is now a different file"
        return StorageFault(kind: .moved, extendedCode: 0,
                            message: "the database file \(path) \(what) (moved or deleted while open); writes are refused")
    }
}
