import Foundation
import Hashing
import Testing

/// `wastesort backup` copies the evidence files, `wastesort check` re-hashes them and reports
/// missing, altered and orphaned files: the real binary against a server's database.
@Suite struct AttachmentBackupTests {
    private func run(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    @Test func backupCarriesTheFilesAndCheckFindsEveryProblem() throws {
        let world = try InspectionWorld()
        let photo = ExifJPEGBuilder(scanBytes: 200_000).jpeg()
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        for (bytes, kind) in [(photo, "plan"), (pdf, "commitment")] {
            #expect(try world.app.client.uploadRaw("/v1/institutions/1/attachments?kind=\(kind)", bytes, token: world.admin).status == 201)
        }
        let directory = world.app.directory
        let (backupStatus, backupText) = try run(["backup", "--db", "test.db", "--to", "copy.db"], in: directory)
        #expect(backupStatus == 0, "\(backupText)")
        #expect(backupText.contains("with 2 attachment files"))
        let copied = directory.appendingPathComponent("copy.db.attachments/\(SHA256Digest.hex(photo).prefix(2))/\(SHA256Digest.hex(photo))")
        #expect(try Data(contentsOf: copied) == Data(photo))
        let (checkStatus, checkText) = try run(["check", "--db", "copy.db"], in: directory)
        #expect(checkStatus == 0, "\(checkText)")
        #expect(checkText.contains("2 attachment files verified, 0 orphans"))

        // damage the original: alter one file, add an orphan, then remove the other file
        let store = directory.appendingPathComponent("test.db.attachments")
        let photoPath = store.appendingPathComponent("\(SHA256Digest.hex(photo).prefix(2))/\(SHA256Digest.hex(photo))")
        try Data("not the photo".utf8).write(to: photoPath)
        let orphan = Array("orphan bytes".utf8)
        let orphanDirectory = store.appendingPathComponent(String(SHA256Digest.hex(orphan).prefix(2)))
        try FileManager.default.createDirectory(at: orphanDirectory, withIntermediateDirectories: true)
        try Data(orphan).write(to: orphanDirectory.appendingPathComponent(SHA256Digest.hex(orphan)))
        try FileManager.default.removeItem(at: store.appendingPathComponent("\(SHA256Digest.hex(pdf).prefix(2))/\(SHA256Digest.hex(pdf))"))
        let (damagedStatus, damagedText) = try run(["check", "--db", "test.db"], in: directory)
        #expect(damagedStatus != 0)
        #expect(damagedText.contains("corrupt: attachment file \(SHA256Digest.hex(photo))"))
        #expect(damagedText.contains("missing: attachment file \(SHA256Digest.hex(pdf))"))
        #expect(damagedText.contains("orphan: ") && damagedText.contains(SHA256Digest.hex(orphan)))
    }
}
