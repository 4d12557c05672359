#ifndef WASTESORT_FAULTVFS_H
#define WASTESORT_FAULTVFS_H
// A fault-injecting SQLite VFS for tests: it wraps the default VFS and, once armed, fails the
// chosen kind of call (write, sync, truncate) on the chosen kind of file (main database, WAL),
// the way SQLite's own test VFSes produce I/O errors and full disks on demand.
// Only fixed-width types here, so this header owns no system header and clashes with no module.

/// Which files a fault applies to (bit set).
enum {
    FAULTVFS_MAIN_DB = 1,   // the database file: written by checkpoints
    FAULTVFS_WAL = 2,       // the write-ahead log: written by COMMIT (and by a statement whose cache spills)
    FAULTVFS_OTHER = 4,     // journals, temporary files
};

/// Which calls fail (bit set).
enum {
    FAULTVFS_WRITE = 1,
    FAULTVFS_SYNC = 2,
    FAULTVFS_TRUNCATE = 4,
};

/// Registers the VFS under the name "faultvfs" (not as the default). Idempotent; SQLITE_OK.
int faultvfs_register(void);

/// After `skip` matching calls have gone through, fails the next `count` (-1: every one until
/// `faultvfs_disarm`) with `code` (SQLITE_FULL, SQLITE_IOERR_WRITE, ...). Replaces any earlier arming.
void faultvfs_arm(int files, int calls, int skip, int count, int code);

/// Lets every call through again.
void faultvfs_disarm(void);

/// Failures injected since the last `faultvfs_arm`.
int faultvfs_injected(void);

/// Matching calls seen (passed or failed) since the last `faultvfs_arm`.
int faultvfs_matched(void);
#endif
