import Foundation
import Storage

/// Finds the `Migrations/` directory for an installed binary, `swift run`, or Docker.
enum MigrationLocator {
    /// Candidates in order: the explicit flag, `<bin>/../share/wastesort/Migrations`,
    /// `<bin>/Migrations`, a `Migrations/` beside a `Package.swift` above the binary
    /// (`swift run` builds into `.build/…`), and `./Migrations`.
    static func source(explicit: String?) throws -> MigrationSource {
        if let explicit {
            guard isDirectory(explicit) else { throw CommandFailure("migrations directory \(explicit) does not exist") }
            return .directory(URL(fileURLWithPath: explicit))
        }
        for candidate in candidates() where isDirectory(candidate.path) {
            return .directory(candidate)
        }
        throw CommandFailure("cannot find the Migrations directory; pass --migrations DIR or set WASTESORT_MIGRATIONS")
    }

    private static func candidates() -> [URL] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var list = [binary.appendingPathComponent("../share/wastesort/Migrations").standardizedFileURL,
                    binary.appendingPathComponent("Migrations")]
        var directory = binary
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                list.append(directory.appendingPathComponent("Migrations"))
                break
            }
            directory = directory.deletingLastPathComponent()
        }
        list.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Migrations"))
        return list
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
