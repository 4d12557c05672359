import Foundation
import Glibc
import Hashing

/// One file being written into a `BlobStore`: bytes go straight to a temporary file while they
/// are hashed, so nothing but the piece being written is in memory.
public final class BlobWriter {
    private let blobs: BlobStore
    private let temporaryPath: String
    private var fd: Int32
    private var hasher = SHA256Hasher()
    public private(set) var byteCount = 0
    /// The first bytes written (for telling the file's kind).
    public private(set) var head: [UInt8] = []
    private static let headLength = 16

    init(store: BlobStore, temporaryPath: String) throws {
        self.blobs = store
        self.temporaryPath = temporaryPath
        fd = open(temporaryPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BlobStoreError(operation: "open temporary file", code: errno) }
    }

    deinit { discard() }

    public func write(_ bytes: [UInt8]) throws {
        guard fd >= 0 else { throw BlobStoreError(operation: "write after close", code: EBADF) }
        if head.count < Self.headLength { head += bytes.prefix(Self.headLength - head.count) }
        hasher.update(bytes)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw BlobStoreError(operation: "write", code: errno) }
            done += count
        }
        byteCount += bytes.count
    }

    /// The first `length` bytes written so far, read back from the file (EXIF lives there).
    public func prefix(_ length: Int) throws -> [UInt8] {
        try BlobStore.pread(fd, offset: 0, length: min(length, byteCount))
    }

    /// Makes the file durable under its hash: fsync, rename, fsync of the directory. Returns the
    /// hash. A file with the same content already stored is kept (same bytes) and this one dropped.
    public func store() throws -> String {
        let hash = hasher.finalizeHex()
        guard fsync(fd) == 0 else { throw BlobStoreError(operation: "fsync", code: errno) }
        close(fd)
        fd = -1
        let directory = blobs.root + "/" + hash.prefix(2)
        if blobs.size(of: hash) == byteCount {
            unlink(temporaryPath)
            return hash
        }
        if mkdir(directory, 0o700) == 0 { try BlobStore.syncDirectory(blobs.root) }
        guard rename(temporaryPath, blobs.path(of: hash)) == 0 else { throw BlobStoreError(operation: "rename", code: errno) }
        try BlobStore.syncDirectory(directory)
        return hash
    }

    /// Drops the temporary file (an upload refused or broken off).
    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
            unlink(temporaryPath)
        }
    }
}
