import Foundation
import Hashing
import Testing
@testable import BlobStore

/// The content-addressed store on a real temporary directory.
@Suite struct BlobStoreTests {
    static func makeStore() throws -> BlobStore {
        BlobStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)").path)
    }

    @Test func storedUnderItsHashAndReadBackByRange() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let writer = try store.begin()
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 13) }
        for start in stride(from: 0, to: bytes.count, by: 65536) {
            try writer.write(Array(bytes[start..<min(start + 65536, bytes.count)]))
        }
        #expect(writer.head == Array(bytes.prefix(16)))
        #expect(try writer.prefix(100) == Array(bytes.prefix(100)))
        let hash = try writer.store()
        #expect(hash == SHA256Digest.hex(bytes))
        #expect(store.size(of: hash) == bytes.count)
        #expect(try store.read(hash, offset: 1000, length: 10) == Array(bytes[1000..<1010]))
        #expect(try store.read(hash, offset: bytes.count - 5, length: 100) == Array(bytes.suffix(5)))
        #expect(store.verify(hash))
        #expect(store.storedHashes() == [hash])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp").isEmpty)
    }

    @Test func theSameContentTwiceIsOneFile() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        for _ in 0..<2 {
            let writer = try store.begin()
            try writer.write(Array("same".utf8))
            _ = try writer.store()
        }
        #expect(store.storedHashes().count == 1)
    }

    @Test func aDiscardedWriteLeavesNothing() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let writer = try store.begin()
        try writer.write(Array("partial".utf8))
        writer.discard()
        #expect(store.storedHashes().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.root + "/tmp").isEmpty)
    }

    @Test func aDamagedFileFailsVerification() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let writer = try store.begin()
        try writer.write(Array("original".utf8))
        let hash = try writer.store()
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: store.path(of: hash)))
        #expect(!store.verify(hash))
        #expect(!store.verify(String(repeating: "0", count: 64)))
    }
}
