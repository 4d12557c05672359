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
    private var sealedHash: String?
    private var published = false
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

    /// Makes the written bytes durable (fsync) and returns their hash; the file is still
    /// under its temporary name until `publish`.
    public func seal() throws -> String {
        let hash = hasher.finalizeHex()
        guard fd >= 0 else { throw BlobStoreError(operation: "seal after close", code: EBADF) }
        guard fsync(fd) == 0 else { throw BlobStoreError(operation: "fsync", code: errno) }
        close(fd)
        fd = -1
        sealedHash = hash
        return hash
    }

    /// Renames the sealed file to its hash and fsyncs the directory. Run it on the database's
    /// writer, in the write that commits the row naming the file: a deletion that removes the
    /// last row of the same content runs there too, so the two are never interleaved. The same
    /// content stored before is simply replaced by identical bytes.
    public func publish() throws {
        guard let hash = sealedHash else { throw BlobStoreError(operation: "publish before seal", code: EBADF) }
        let directory = blobs.root + "/" + hash.prefix(2)
        if mkdir(directory, 0o700) == 0 { try BlobStore.syncDirectory(blobs.root) }
        guard rename(temporaryPath, blobs.path(of: hash)) == 0 else { throw BlobStoreError(operation: "rename", code: errno) }
        published = true
        try BlobStore.syncDirectory(directory)
    }

    /// `seal` then `publish`, for callers without a database write around them.
    public func store() throws -> String {
        let hash = try seal()
        try publish()
        return hash
    }

    /// Drops the temporary file (an upload refused or broken off).
    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if !published { unlink(temporaryPath) }
        published = true
    }
}
