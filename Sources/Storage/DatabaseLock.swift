import Foundation
import Glibc

/// An exclusive advisory lock on `<database>.lock`, held for as long as a server uses the
/// database: a second server on the same file is refused at start instead of the two serving
/// different answers from different caches (see docs/DECISIONS.md, "One server per database").
///
/// `flock` is released by the kernel when the process ends, however it ends, so a crashed
/// server never leaves a stale lock behind; the pid written into the file is only for the message.
public final class DatabaseLock: Sendable {
    /// Why the lock could not be taken.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// Another process holds it; `holder` is the pid it wrote, when readable.
        case held(lockPath: String, holder: Int32?)
        case unusable(lockPath: String, reason: String)

        public var description: String {
            switch self {
            case .held(let path, let holder):
                let who = holder.map { "process \($0)" } ?? "another process"
                return "another wastesort server (\(who)) is using this database (it holds \(path)); stop it or choose another --db"
            case .unusable(let path, let reason):
                return "cannot create the lock file \(path): \(reason)"
            }
        }
    }

    public let lockPath: String
    private let fd: Int32

    /// Takes the lock beside `databasePath` without waiting.
    public init(beside databasePath: String) throws(Failure) {
        let lockPath = databasePath + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusable(lockPath: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.readPID(fd)
            close(fd)
            if code == EWOULDBLOCK { throw .held(lockPath: lockPath, holder: holder) }
            throw .unusable(lockPath: lockPath, reason: String(cString: strerror(code)))
        }
        self.lockPath = lockPath
        self.fd = fd
        Self.writePID(fd)
    }

    deinit {
        close(fd)  // closing the only descriptor releases the flock
    }

    private static func writePID(_ fd: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
