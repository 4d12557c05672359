import CSQLite

/// The WAL's size in frames after the latest commit on one connection, as SQLite's WAL hook
/// reports it. Only the connection's own thread touches it.
final class WALFrameCounter {
    var frames = 0
}

extension Connection {
    /// Replaces SQLite's automatic checkpoint, which runs inside COMMIT (so the committing
    /// caller waits for it), with a counter the owner reads to checkpoint when it chooses.
    func takeOverCheckpoints() -> WALFrameCounter {
        let counter = walFrameCounter ?? WALFrameCounter()
        walFrameCounter = counter
        guard let handle else { return counter }
        // Setting a WAL hook replaces the auto-checkpoint hook (they are the same slot).
        sqlite3_wal_hook(handle, { context, _, _, frames in
            if let context { Unmanaged<WALFrameCounter>.fromOpaque(context).takeUnretainedValue().frames = Int(frames) }
            return SQLITE_OK
        }, Unmanaged.passUnretained(counter).toOpaque())
        return counter
    }

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
