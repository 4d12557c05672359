import Foundation
import Glibc
import Hashing

/// Files stored by the SHA-256 of their content, in a directory beside the database:
/// `<root>/ab/abcdef…` (two-hex-digit fan-out), written through `tmp/`.
///
/// Durability (docs/DECISIONS.md, "Evidence files beside the database"): a file is written to a
/// temporary name, fsynced, renamed to its hash, and the directory fsynced, all before the
/// database row that names it commits — so every committed row's file is whole on disk, and a
/// crash leaves at most an unreferenced file (reported by `wastesort check`), never a partial one.
public final class BlobStore: Sendable {
    public let root: String

    /// The store at `root`; its directories are created by the first write.
    public init(root: String) {
        self.root = root
    }

    /// A new file to write into; nothing is visible under a hash until `BlobWriter.store()`.
    public func begin() throws -> BlobWriter {
        do {
            try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        } catch {
            throw BlobStoreError(operation: "create \(root)/tmp", code: errno)
        }
        return try BlobWriter(store: self, temporaryPath: root + "/tmp/" + UUID().uuidString)
    }

    public func path(of hash: String) -> String {
        root + "/" + hash.prefix(2) + "/" + hash
    }

    /// Whether `hash` looks like one of ours (64 lowercase hex digits): paths are built from it.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The size of the stored file, nil when it is missing.
    public func size(of hash: String) -> Int? {
        var info = stat()
        guard stat(path(of: hash), &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// `length` bytes from `offset` of the stored file.
    public func read(_ hash: String, offset: Int = 0, length: Int) throws -> [UInt8] {
        let fd = open(path(of: hash), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BlobStoreError(operation: "open", code: errno) }
        defer { close(fd) }
        return try Self.pread(fd, offset: offset, length: length)
    }

    /// Removes a stored file (after the last row naming it was deleted and committed).
    public func remove(_ hash: String) {
        unlink(path(of: hash))
    }

    /// Every stored hash (file names under the fan-out directories), for checks and backups.
    public func storedHashes() -> [String] {
        let manager = FileManager.default
        guard let fans = try? manager.contentsOfDirectory(atPath: root) else { return [] }
        return fans.filter { $0.utf8.count == 2 }.sorted().flatMap { fan in
            ((try? manager.contentsOfDirectory(atPath: root + "/" + fan)) ?? []).filter(Self.isHash).sorted()
        }
    }

    /// Re-hashes a stored file: true when its content still has its name's hash.
    public func verify(_ hash: String) -> Bool {
        let fd = open(path(of: hash), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var hasher = SHA256Hasher()
        var offset = 0
        while let piece = try? Self.pread(fd, offset: offset, length: 1 << 20), !piece.isEmpty {
            hasher.update(piece)
            offset += piece.count
        }
        return hasher.finalizeHex() == hash
    }

    static func pread(_ fd: Int32, offset: Int, length: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, length))
        var done = 0
        while done < length {
            let count = bytes.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress! + done, length - done, off_t(offset + done)) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw BlobStoreError(operation: "pread", code: errno) }
            if count == 0 { break }
            done += count
        }
        bytes.removeLast(length - done)
        return bytes
    }

    /// fsync of a directory, so a rename into it survives a power cut.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BlobStoreError(operation: "open directory", code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw BlobStoreError(operation: "fsync directory", code: errno) }
    }
}
