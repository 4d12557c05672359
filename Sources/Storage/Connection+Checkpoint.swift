import CSQLite

extension Connection {
    /// Frames in the WAL after a passive checkpoint (which never waits), or nil when not in WAL mode.
    func walFramesAfterPassiveCheckpoint() -> Int? {
        guard let handle else { return nil }
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let result = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &checkpointed)
        return result == SQLITE_OK && logFrames >= 0 ? Int(logFrames) : nil
    }

    /// Copies the WAL into the database and truncates it, waiting at most `waitMilliseconds` for
    /// readers to move to the newest snapshot; true when it did.
    ///
    /// SQLite only restarts the WAL from its beginning when no reader holds an older snapshot;
    /// under a steady stream of reads that moment never comes and the file grows with every
    /// commit (checkpoint starvation). A short, bounded wait breaks the stream without holding
    /// writers up for long; if readers are still busy, the next attempt tries again.
    func truncateWAL(waitMilliseconds: Int32) -> Bool {
        guard let handle else { return false }
        sqlite3_busy_timeout(handle, waitMilliseconds)
        defer { sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds) }
        return sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil) == SQLITE_OK
    }
}
