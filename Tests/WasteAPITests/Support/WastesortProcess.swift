import Foundation
import Glibc

/// The real `wastesort` binary (the one SwiftPM built next to the test bundle), run as an
/// operator runs it: one-shot commands, and servers started in the background and stopped.
enum Wastesort {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wastesort")
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-op-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs a command to its end.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
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
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       errors: String(decoding: err, as: UTF8.self))
    }
}

/// A `wastesort serve` in the background; stopped with SIGTERM when released or by ``stop()``.
final class ServerProcess {
    let process = Process()
    /// The port it serves, once it said "serving"; nil when it exited instead.
    private(set) var port: Int?
    /// What it printed before serving or exiting.
    private(set) var output = ""
    /// Standard error goes to a file: a pipe nobody reads would fill up with the access log
    /// and block the server.
    private let errorFile: URL

    static let adminPassword = "secret-pass-1"

    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = Wastesort.binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment
            .merging(["WASTESORT_ADMIN_PASSWORD": Self.adminPassword]) { $1 }.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        errorFile = directory.appendingPathComponent("serve-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let reader = pipe.fileHandleForReading
        while !output.contains("serving") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // exited before serving
            output += String(decoding: chunk, as: UTF8.self)
        }
        if let line = output.split(separator: "\n").first(where: { $0.contains("serving") }),
           let address = line.split(separator: " ").first(where: { $0.hasPrefix("http") }) {
            port = address.split(separator: ":").last.flatMap { Int($0) }
        }
    }

    deinit { stop() }

    /// What it wrote to standard error so far.
    func errorText() -> String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }

    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Asks until `condition` holds or `seconds` pass; true when it held.
func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(5000)
    }
    return try condition()
}
