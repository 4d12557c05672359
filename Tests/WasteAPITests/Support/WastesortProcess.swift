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

    /// Runs a command to its end. Its output goes to files, not pipes: a server another test
    /// starts at the same moment can inherit a pipe's write end, and then EOF never comes.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = try OutputFile(in: directory), errors = try OutputFile(in: directory)
        process.standardOutput = output.handle
        process.standardError = errors.handle
        try process.run()
        // A command that does not end (a second server that should have refused) fails the test
        // after two minutes instead of stalling the whole run.
        guard waitForExit(process, seconds: 120) else {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(process, seconds: 10)
            return Outcome(status: -1, output: output.text(), errors: errors.text() + "\n(killed: still running after 120 s)")
        }
        return Outcome(status: process.terminationStatus, output: output.text(), errors: errors.text())
    }
}

/// A file a child process writes its standard output or error into.
struct OutputFile {
    let url: URL
    let handle: FileHandle

    init(in directory: URL) throws {
        url = directory.appendingPathComponent("out-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    func text() -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}

/// A `wastesort serve` in the background; stopped with SIGTERM when released or by ``stop()``.
final class ServerProcess {
    let process = Process()
    /// The port it serves, once it said "serving"; nil when it exited instead.
    private(set) var port: Int?
    /// What it printed before serving or exiting.
    private(set) var output = ""
    private let outputFile: OutputFile
    /// Standard error, to a file too: a pipe nobody reads fills up with the access log.
    private let errorFile: OutputFile

    static let adminPassword = "secret-pass-1"

    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = Wastesort.binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment
            .merging(["WASTESORT_ADMIN_PASSWORD": Self.adminPassword]) { $1 }.merging(environment) { $1 }
        outputFile = try OutputFile(in: directory)
        errorFile = try OutputFile(in: directory)
        process.standardOutput = outputFile.handle
        process.standardError = errorFile.handle
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            output = outputFile.text()
            if output.contains("serving") || !process.isRunning { break }
            usleep(10_000)
        }
        output = outputFile.text()
        if let line = output.split(separator: "\n").first(where: { $0.contains("serving") }),
           let address = line.split(separator: " ").first(where: { $0.hasPrefix("http") }) {
            port = address.split(separator: ":").last.flatMap { Int($0) }
        }
    }

    deinit { stop() }

    /// What it wrote to standard error so far.
    func errorText() -> String {
        errorFile.text()
    }

    @discardableResult
    func stop() -> Int32 {
        // Signalled whatever `isRunning` says (Foundation has been seen to report a live child as
        // gone under ThreadSanitizer, and `waitUntilExit` then waited for ever). The server exits
        // within 10 s of SIGTERM by design; past 30 s it is killed.
        kill(process.processIdentifier, SIGTERM)
        if !waitForExit(process, seconds: 30) {
            kill(process.processIdentifier, SIGKILL)
            guard waitForExit(process, seconds: 10) else { return -1 }
        }
        return process.terminationStatus
    }
}

/// Polls until `process` has exited (by `waitpid`, not only Foundation's view) or `seconds`
/// pass; true when it exited. Never blocks without a deadline, unlike `waitUntilExit`.
func waitForExit(_ process: Process, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if !process.isRunning { return true }
        usleep(20_000)
    }
    return !process.isRunning
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
