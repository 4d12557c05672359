#!/usr/bin/env python3
"""Evidence storage, measured both ways (docs/DECISIONS.md, "Evidence files beside the database").

(a) blobs in SQLite: a row with zeroblob(size), then incremental blob I/O in 64 KiB pieces
    (so a file is never in memory whole), one transaction per file, WAL, synchronous=FULL,
    then a checkpoint (the WAL writes every page a second time into the database file);
(b) files beside the database: 64 KiB pieces to a temporary file, fsync, rename to the hash,
    fsync of the directory, then the row committed (WAL, synchronous=FULL).

    scripts/evidence-storage-bench.py [--files 20] [--mib 5]

Prints MB/s for writing and for reading every file back, and the bytes each way put on disk.
Python 3.11 standard library only; runs in a temporary directory it removes.
"""
import argparse, hashlib, os, shutil, sqlite3, tempfile, time

PIECE = 64 * 1024


def payloads(count, size):
    for n in range(count):
        yield os.urandom(size)


def connect(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE IF NOT EXISTS attachments (id INTEGER PRIMARY KEY, sha256 TEXT, size INTEGER, data BLOB)")
    return db


def in_sqlite(directory, files, size):
    db = connect(os.path.join(directory, "blobs.db"))
    started = time.perf_counter()
    for data in payloads(files, size):
        digest = hashlib.sha256(data).hexdigest()
        db.execute("BEGIN IMMEDIATE")
        cursor = db.execute("INSERT INTO attachments (sha256, size, data) VALUES (?, ?, zeroblob(?))", (digest, size, size))
        with db.blobopen("attachments", "data", cursor.lastrowid) as blob:
            for offset in range(0, size, PIECE):
                blob.write(data[offset:offset + PIECE])
        db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    written = time.perf_counter() - started
    started = time.perf_counter()
    for (rowid,) in db.execute("SELECT id FROM attachments").fetchall():
        with db.blobopen("attachments", "data", rowid, readonly=True) as blob:
            while blob.read(PIECE):
                pass
    read = time.perf_counter() - started
    db.close()
    return written, read, os.path.getsize(os.path.join(directory, "blobs.db"))


def beside(directory, files, size):
    root = os.path.join(directory, "files")
    os.makedirs(os.path.join(root, "tmp"))
    db = connect(os.path.join(directory, "rows.db"))
    started = time.perf_counter()
    for n, data in enumerate(payloads(files, size)):
        digest = hashlib.sha256(data).hexdigest()
        temporary = os.path.join(root, "tmp", str(n))
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        for offset in range(0, size, PIECE):
            os.write(fd, data[offset:offset + PIECE])
        os.fsync(fd)
        os.close(fd)
        fan = os.path.join(root, digest[:2])
        os.makedirs(fan, exist_ok=True)
        os.rename(temporary, os.path.join(fan, digest))
        dfd = os.open(fan, os.O_RDONLY | os.O_DIRECTORY)
        os.fsync(dfd)
        os.close(dfd)
        db.execute("INSERT INTO attachments (sha256, size) VALUES (?, ?)", (digest, size))
    written = time.perf_counter() - started
    started = time.perf_counter()
    for (digest,) in db.execute("SELECT sha256 FROM attachments").fetchall():
        with open(os.path.join(root, digest[:2], digest), "rb") as handle:
            while handle.read(PIECE):
                pass
    read = time.perf_counter() - started
    db.close()
    used = sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(root) for f in names)
    return written, read, used + os.path.getsize(os.path.join(directory, "rows.db"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--mib", type=int, default=5)
    args = parser.parse_args()
    size = args.mib << 20
    total = args.files * size / 1e6
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    for name, way in [("blobs in SQLite (incremental blob I/O)", in_sqlite), ("files beside the database", beside)]:
        directory = tempfile.mkdtemp(prefix="evidence-storage-")
        try:
            written, read, used = way(directory, args.files, size)
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        print(f"{name}: write {total / written:.0f} MB/s, read {total / read:.0f} MB/s, "
              f"{used / 1e6:.0f} MB on disk for {total:.0f} MB")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
