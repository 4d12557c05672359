#if canImport(Glibc)
import Glibc
#endif

/// The command line every peer takes: `--port N` (default 8080) and `--fixtures DIR`
/// (default: `Benchmarks/Fixtures` next to this source file, so a fresh clone needs no flag).
public struct PeerOptions: Sendable {
    public var port: Int = 8080
    public var fixturesDirectory: String = PeerOptions.defaultFixturesDirectory

    /// Reads `CommandLine.arguments`; an unknown flag or a bad port stops the process with a message,
    /// because a benchmark that silently listens on the wrong port measures nothing.
    public static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> PeerOptions {
        var options = PeerOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--port":
                guard let port = Int(value), (1...65535).contains(port) else { fail("bad port \(value)") }
                options.port = port
            case "--fixtures":
                options.fixturesDirectory = value
            default:
                fail("unknown option \(flag) (use --port N [--fixtures DIR])")
            }
        }
        return options
    }

    static var defaultFixturesDirectory: String {
        // #filePath = …/Benchmarks/Sources/PeerSupport/PeerOptions.swift
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures"
    }

    static func fail(_ message: String) -> Never {
        FileHandleWriter.standardError("peer: \(message)\n")
        exit(64)
    }
}

/// Writes to stderr without Foundation's FileHandle (keeps this target dependency-free).
enum FileHandleWriter {
    static func standardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
