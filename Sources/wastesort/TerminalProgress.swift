import Foundation
import Glibc
import Locking

/// A progress line on standard error for long commands (generate, import, backup), redrawn in
/// place twice a second, and only when standard error is a terminal: cron mails and log files
/// get the final one-line summary alone.
final class TerminalProgress: Sendable {
    private struct State {
        var fraction: Double?
        var finished = false
    }

    private let label: String
    private let state = Locked(State())
    private let done = DispatchSemaphore(value: 0)
    private let active: Bool

    /// Starts drawing `label… 12 s` (with a percentage once ``update(_:)`` gives one).
    init(_ label: String) {
        self.label = label
        active = isatty(2) == 1 && Environment.value("TERM") != "dumb"
        guard active else { return }
        let started = Date()
        let thread = Thread { [self] in
            while !state.withLock({ $0.finished }) {
                let fraction = state.withLock { $0.fraction }
                let seconds = Int(Date().timeIntervalSince(started))
                let percent = fraction.map { String(format: " %3.0f %%", $0 * 100) } ?? ""
                Self.write("\r\u{1B}[K\(label)…\(percent) \(seconds) s")
                usleep(500_000)
            }
            Self.write("\r\u{1B}[K")
            done.signal()
        }
        thread.start()
    }

    /// The share done, from 0 to 1, when the command knows it.
    func update(_ fraction: Double) {
        state.withLock { $0.fraction = min(1, max(0, fraction)) }
    }

    /// Clears the line; the command then prints its summary. Idempotent.
    func finish() {
        guard active else { return }
        let first = state.withLock { state in
            defer { state.finished = true }
            return !state.finished
        }
        if first { done.wait() }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
