// See include/faultvfs.h. Every file the wrapped VFS opens is wrapped in a `FaultFile` that
// records its kind and forwards each method to the real file, except that xWrite, xSync and
// xTruncate first ask `should_fail`. The real file's methods are called through its own
// pMethods, so shared memory (WAL index) and locking are the default VFS's, untouched.
#include "faultvfs.h"
#include <sqlite3.h>
#include <pthread.h>
#include <string.h>

typedef struct FaultFile {
    sqlite3_file base;      // must be first: SQLite sees a FaultFile as a sqlite3_file
    int kind;               // FAULTVFS_MAIN_DB, FAULTVFS_WAL or FAULTVFS_OTHER
    sqlite3_file *real;     // the default VFS's file, allocated right after this struct
} FaultFile;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { int files, calls, skip, count, code, injected, matched; } arming;
static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;

void faultvfs_arm(int files, int calls, int skip, int count, int code) {
    pthread_mutex_lock(&lock);
    arming.files = files; arming.calls = calls; arming.skip = skip; arming.count = count;
    arming.code = code; arming.injected = 0; arming.matched = 0;
    pthread_mutex_unlock(&lock);
}

void faultvfs_disarm(void) {
    pthread_mutex_lock(&lock);
    arming.files = 0; arming.calls = 0;
    pthread_mutex_unlock(&lock);
}

int faultvfs_injected(void) {
    pthread_mutex_lock(&lock);
    int value = arming.injected;
    pthread_mutex_unlock(&lock);
    return value;
}

int faultvfs_matched(void) {
    pthread_mutex_lock(&lock);
    int value = arming.matched;
    pthread_mutex_unlock(&lock);
    return value;
}

/// The error to return for this call, or SQLITE_OK to let it through.
static int should_fail(int kind, int call) {
    int code = SQLITE_OK;
    pthread_mutex_lock(&lock);
    if ((arming.files & kind) && (arming.calls & call)) {
        arming.matched++;
        if (arming.skip > 0) {
            arming.skip--;
        } else if (arming.count != 0) {
            if (arming.count > 0) arming.count--;
            arming.injected++;
            code = arming.code;
        }
    }
    pthread_mutex_unlock(&lock);
    return code;
}

static sqlite3_file *real(sqlite3_file *file) { return ((FaultFile *)file)->real; }

static int fault_close(sqlite3_file *file) {
    sqlite3_file *r = real(file);
    return r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
}
static int fault_read(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
}
static int fault_write(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset) {
    int code = should_fail(((FaultFile *)file)->kind, FAULTVFS_WRITE);
    return code != SQLITE_OK ? code : real(file)->pMethods->xWrite(real(file), buffer, amount, offset);
}
static int fault_truncate(sqlite3_file *file, sqlite3_int64 size) {
    int code = should_fail(((FaultFile *)file)->kind, FAULTVFS_TRUNCATE);
    return code != SQLITE_OK ? code : real(file)->pMethods->xTruncate(real(file), size);
}
static int fault_sync(sqlite3_file *file, int flags) {
    int code = should_fail(((FaultFile *)file)->kind, FAULTVFS_SYNC);
    return code != SQLITE_OK ? code : real(file)->pMethods->xSync(real(file), flags);
}
static int fault_file_size(sqlite3_file *file, sqlite3_int64 *size) {
    return real(file)->pMethods->xFileSize(real(file), size);
}
static int fault_lock(sqlite3_file *file, int level) { return real(file)->pMethods->xLock(real(file), level); }
static int fault_unlock(sqlite3_file *file, int level) { return real(file)->pMethods->xUnlock(real(file), level); }
static int fault_check_reserved(sqlite3_file *file, int *out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
static int fault_file_control(sqlite3_file *file, int op, void *arg) {
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}
static int fault_sector_size(sqlite3_file *file) { return real(file)->pMethods->xSectorSize(real(file)); }
static int fault_device_characteristics(sqlite3_file *file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}
static int fault_shm_map(sqlite3_file *file, int page, int size, int extend, void volatile **out) {
    return real(file)->pMethods->xShmMap(real(file), page, size, extend, out);
}
static int fault_shm_lock(sqlite3_file *file, int offset, int n, int flags) {
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}
static void fault_shm_barrier(sqlite3_file *file) { real(file)->pMethods->xShmBarrier(real(file)); }
static int fault_shm_unmap(sqlite3_file *file, int delete_flag) {
    return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
}
static int fault_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out) {
    return real(file)->pMethods->xFetch(real(file), offset, amount, out);
}
static int fault_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page) {
    return real(file)->pMethods->xUnfetch(real(file), offset, page);
}

// Version 3 methods (shared memory and memory maps), as the unix VFS provides; the real
// file's version decides which of them SQLite may call, see fault_open.
static const sqlite3_io_methods fault_methods = {
    3, fault_close, fault_read, fault_write, fault_truncate, fault_sync, fault_file_size,
    fault_lock, fault_unlock, fault_check_reserved, fault_file_control, fault_sector_size,
    fault_device_characteristics, fault_shm_map, fault_shm_lock, fault_shm_barrier, fault_shm_unmap,
    fault_fetch, fault_unfetch,
};

static int fault_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    FaultFile *wrapper = (FaultFile *)file;
    memset(wrapper, 0, sizeof *wrapper);
    wrapper->real = (sqlite3_file *)(wrapper + 1);
    wrapper->kind = (flags & SQLITE_OPEN_MAIN_DB) ? FAULTVFS_MAIN_DB
                  : (flags & SQLITE_OPEN_WAL) ? FAULTVFS_WAL : FAULTVFS_OTHER;
    int code = real_vfs->xOpen(real_vfs, name, wrapper->real, flags, out_flags);
    // On failure SQLite does not call xClose, but it may look at pMethods: leave it NULL then.
    if (code == SQLITE_OK && wrapper->real->pMethods) wrapper->base.pMethods = &fault_methods;
    return code;
}

static int fault_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs;
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
static int fault_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void)vfs;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int fault_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    return real_vfs->xFullPathname(real_vfs, name, size, out);
}
static void *fault_dl_open(sqlite3_vfs *vfs, const char *name) { (void)vfs; return real_vfs->xDlOpen(real_vfs, name); }
static void fault_dl_error(sqlite3_vfs *vfs, int size, char *out) { (void)vfs; real_vfs->xDlError(real_vfs, size, out); }
static void (*fault_dl_sym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void) {
    (void)vfs;
    return real_vfs->xDlSym(real_vfs, handle, symbol);
}
static void fault_dl_close(sqlite3_vfs *vfs, void *handle) { (void)vfs; real_vfs->xDlClose(real_vfs, handle); }
static int fault_randomness(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return real_vfs->xRandomness(real_vfs, size, out);
}
static int fault_sleep(sqlite3_vfs *vfs, int microseconds) { (void)vfs; return real_vfs->xSleep(real_vfs, microseconds); }
static int fault_current_time(sqlite3_vfs *vfs, double *out) { (void)vfs; return real_vfs->xCurrentTime(real_vfs, out); }
static int fault_get_last_error(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, size, out) : 0;
}
static int fault_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    (void)vfs;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

int faultvfs_register(void) {
    pthread_mutex_lock(&lock);
    int code = SQLITE_OK;
    if (!real_vfs) {
        sqlite3_vfs *base = sqlite3_vfs_find(NULL);
        if (!base) {
            code = SQLITE_ERROR;
        } else {
            real_vfs = base;
            fault_vfs = (sqlite3_vfs){
                .iVersion = 2,
                .szOsFile = (int)sizeof(FaultFile) + base->szOsFile,
                .mxPathname = base->mxPathname,
                .zName = "faultvfs",
                .xOpen = fault_open, .xDelete = fault_delete, .xAccess = fault_access,
                .xFullPathname = fault_full_pathname, .xDlOpen = fault_dl_open, .xDlError = fault_dl_error,
                .xDlSym = fault_dl_sym, .xDlClose = fault_dl_close, .xRandomness = fault_randomness,
                .xSleep = fault_sleep, .xCurrentTime = fault_current_time, .xGetLastError = fault_get_last_error,
                .xCurrentTimeInt64 = fault_current_time_int64,
            };
            code = sqlite3_vfs_register(&fault_vfs, 0);
            if (code != SQLITE_OK) real_vfs = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    return code;
}
