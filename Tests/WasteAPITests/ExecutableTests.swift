import Foundation
import Glibc
import Testing

/// The real `wastesort` binary, as an operator runs it.
@Suite struct ExecutableTests {
    /// The binary SwiftPM built next to the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wastesort")
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-exe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func serveCreatesTheDatabaseServesHealthAndStopsOnSIGTERM() throws {
        let directory = try temporaryDirectory()
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--quiet"]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["WASTESORT_ADMIN_PASSWORD": "secret-pass"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        let reader = output.fileHandleForReading
        while !text.contains("serving") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(text.contains("created user admin"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("wastesort.db").path))
        let client = HTTPTestClient(port: port)
        #expect(try client.get("/healthz").status == 200)
        #expect(try client.get("/readyz").status == 200)
        #expect(try client.post("/v1/sessions", json: ["username": "admin", "password": "secret-pass"]).status == 201)
        let started = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func badFlagsAndUnusableDatabasePathsEndWithOneLineAndNonZeroExit() throws {
        let directory = try temporaryDirectory()
        let (status, _, errors) = try run(["serve", "--port", "70000"], in: directory)
        #expect(status != 0)
        #expect(errors.contains("port"))
        let (dbStatus, _, dbErrors) = try run(["migrate", "--db", "/nonexistent/dir/x.db"], in: directory)
        #expect(dbStatus != 0)
        #expect(dbErrors.split(separator: "\n").count == 1)
        #expect(!dbErrors.contains("Fatal error"))
        let (envStatus, _, envErrors) = try run(["serve"], in: directory, environment: ["WASTESORT_PORT": "abc"])
        #expect(envStatus != 0)
        #expect(envErrors.contains("WASTESORT_PORT"))
    }

    @Test func migrateCheckAndBackupWorkOnAFile() throws {
        let directory = try temporaryDirectory()
        let (migrated, migrateOutput, _) = try run(["migrate", "--db", "w.db"], in: directory)
        #expect(migrated == 0)
        #expect(migrateOutput.contains("0001_core"))
        let (checked, checkOutput, _) = try run(["check", "--db", "w.db"], in: directory)
        #expect(checked == 0)
        #expect(checkOutput.hasPrefix("ok"))
        let (backedUp, _, _) = try run(["backup", "--db", "w.db", "--to", "copy.db"], in: directory)
        #expect(backedUp == 0)
        let (copyChecked, _, _) = try run(["check", "--db", "copy.db"], in: directory)
        #expect(copyChecked == 0)
        let (again, _, againErrors) = try run(["backup", "--db", "w.db", "--to", "copy.db"], in: directory)
        #expect(again != 0)
        #expect(againErrors.contains("already exists"))
    }

    @Test func checkReportsADamagedFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bad.db").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let (status, _, errors) = try run(["check", "--db", path], in: directory)
        #expect(status != 0)
        #expect(!errors.isEmpty)
    }
}
