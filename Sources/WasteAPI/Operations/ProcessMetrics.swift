import Foundation
import Glibc
import Routing

/// The process figures Prometheus' client libraries call `process_*`, read from /proc/self on
/// each scrape (a few small file reads; scrapes come every few seconds, not per request).
struct ProcessMetrics {
    var residentBytes: Int?
    var openFDs: Int?
    var threads: Int?
    var cpuSeconds: Double?
    var startTimeSeconds: Double?

    static func current() -> ProcessMetrics {
        var metrics = ProcessMetrics()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { metrics.residentBytes = Self.number(line).map { $0 * 1024 } }
            if line.hasPrefix("Threads:") { metrics.threads = Self.number(line) }
        }
        metrics.openFDs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map { $0.count }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8), ticks > 0,
           let end = stat.lastIndex(of: ")") {
            // Fields after the command name: state is field 3, utime 14, stime 15, starttime 22.
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            if fields.count > 19, let user = Double(fields[11]), let system = Double(fields[12]), let start = Double(fields[19]) {
                metrics.cpuSeconds = (user + system) / ticks
                metrics.startTimeSeconds = Self.bootTime().map { $0 + start / ticks }
            }
        }
        return metrics
    }

    func render(into out: inout PrometheusText) {
        if let residentBytes {
            out.single("process_resident_memory_bytes", type: "gauge", help: "Resident memory size in bytes.", value: residentBytes)
        }
        if let openFDs {
            out.single("process_open_fds", type: "gauge", help: "Open file descriptors (client connections among them).", value: openFDs)
        }
        if let threads {
            out.single("process_threads", type: "gauge", help: "Operating-system threads of the process.", value: threads)
        }
        if let cpuSeconds {
            out.single("process_cpu_seconds_total", type: "counter", help: "User and system CPU time spent, in seconds.", value: cpuSeconds)
        }
        if let startTimeSeconds {
            out.single("process_start_time_seconds", type: "gauge", help: "Start time of the process since the Unix epoch, in seconds.",
                       value: startTimeSeconds)
        }
    }

    private static func number(_ line: Substring) -> Int? {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
    }

    private static func bootTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }) else { return nil }
        return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }
}
