import Foundation
import Glibc
import Testing

/// The real binary out of file descriptors: its limit is lowered to 128 under it (`prlimit`),
/// and 300 connections arrive. It must refuse what does not fit, count it, and go on serving
/// (scripts/fd-exhaustion measures the CPU this costs: docs/RELIABILITY.md, the fault table).
@Suite struct DescriptorExhaustionTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit")))
    func aServerOutOfDescriptorsRefusesConnectionsAndKeepsServing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-fd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = Process()
        server.executableURL = ExecutableTests.binary
        server.arguments = ["serve", "--port", "0", "--quiet", "--db", directory.appendingPathComponent("fd.db").path]
        server.environment = ProcessInfo.processInfo.environment.merging(["WASTESORT_ADMIN_PASSWORD": "secret-pass"]) { $1 }
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var text = ""
        while !text.contains("serving") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })

        let limit = Process()
        limit.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        limit.arguments = ["--pid", String(server.processIdentifier), "--nofile=128:128"]
        try limit.run()
        limit.waitUntilExit()
        #expect(limit.terminationStatus == 0)

        let flood = (0..<300).compactMap { _ in Self.connect(port) }
        #expect(flood.count == 300)
        // Wait until the server has dealt with every one: refused (closed) or held open.
        let deadline = Date().addingTimeInterval(20)
        var refused = 0
        while Date() < deadline {
            refused = flood.filter(Self.isClosedByPeer).count
            if refused > 0 && server.isRunning { break }
            usleep(50_000)
        }
        #expect(refused > 0, "no connection refused while out of descriptors")
        flood.forEach { close($0) }

        let client = HTTPTestClient(port: port)
        var health = try? client.get("/healthz")
        while health?.status != 200 && Date() < deadline {
            usleep(100_000)
            health = try? HTTPTestClient(port: port).get("/healthz")
        }
        #expect(health?.status == 200)
        let metrics = try HTTPTestClient(port: port).get("/metrics").text
        let counted = metrics.split(separator: "\n").first { $0.hasPrefix("wastesort_refused_connections_total ") }
            .flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        // Refused at accept (not merely timed out later): without the reserve descriptor the
        // waiting connections stay in the backlog and nothing is counted.
        #expect(counted > 0)
        #expect(counted >= refused)
        #expect(server.isRunning)
    }

    /// A non-blocking connection to 127.0.0.1:port (nil when the socket cannot be made).
    private static func connect(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    /// The server closed this connection (EOF or reset); false while it is open or connecting.
    private static func isClosedByPeer(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINPROGRESS)
    }
}
