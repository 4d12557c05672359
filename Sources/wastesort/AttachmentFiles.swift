import BlobStore
import Foundation
import Storage

/// The evidence files a database names, for `backup` and `check`.
enum AttachmentFiles {
    /// Every distinct SHA-256 the `attachments` table names (none before migration 0011).
    static func referencedHashes(_ pool: DatabasePool) throws -> [String] {
        try pool.read { db in
            guard try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'attachments'", as: Int64.self) == 1
            else { return [] }
            return try db.query("SELECT DISTINCT sha256 FROM attachments ORDER BY sha256").map { try $0.string("sha256") }
        }
    }

    struct Report {
        var verified = 0
        var missing: [String] = []
        var corrupt: [String] = []
        var orphans: [String] = []
        var temporaries = 0
    }

    /// Re-hashes every referenced file; lists missing and damaged ones, and stored files no row names.
    static func check(_ hashes: [String], store: BlobStore) -> Report {
        var report = Report()
        for hash in hashes where BlobStore.isHash(hash) {
            if store.size(of: hash) == nil {
                report.missing.append(hash)
            } else if store.verify(hash) {
                report.verified += 1
            } else {
                report.corrupt.append(hash)
            }
        }
        let referenced = Set(hashes)
        report.orphans = store.storedHashes().filter { !referenced.contains($0) }
        report.temporaries = ((try? FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp")) ?? []).count
        return report
    }

    /// Copies the named files into a new store at `destination`, each written and fsynced like an upload.
    static func copy(_ hashes: [String], from store: BlobStore, to destination: String) throws -> (copied: Int, missing: [String]) {
        let target = BlobStore(root: destination)
        var copied = 0
        var missing: [String] = []
        for hash in hashes where BlobStore.isHash(hash) {
            guard let size = store.size(of: hash) else {
                missing.append(hash)
                continue
            }
            let writer = try target.begin()
            var offset = 0
            while offset < size {
                let piece = try store.read(hash, offset: offset, length: min(1 << 20, size - offset))
                if piece.isEmpty { break }
                try writer.write(piece)
                offset += piece.count
            }
            let stored = try writer.store()
            guard stored == hash else { throw CommandFailure("attachment file \(hash) does not match its hash; run wastesort check") }
            copied += 1
        }
        try? FileManager.default.removeItem(atPath: destination + "/tmp")
        return (copied, missing)
    }
}
