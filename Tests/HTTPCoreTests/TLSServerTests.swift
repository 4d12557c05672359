import Foundation
import HTTPCore
import Testing

/// The whole server over HTTPS, driven by curl: a third-party TLS client.
@Suite struct TLSServerTests {
    @Test func curlGetsResponsesOverTLSOnOneKeptAliveConnection() throws {
        let context = try TLSCredentials.context()
        try withServer({ $0.tls = context }) { _, port in
            let url = "https://localhost:\(port)"
            let result = try curl(["--http1.1", "-k", "-v", "\(url)/hello", "\(url)/echo", "-d", "payload"], port: port)
            #expect(result.status == 0)
            #expect(result.output == "hellopayload")
            #expect(result.errors.contains("Re-using existing connection") || result.errors.contains("Reusing existing connection"))
            #expect(result.errors.contains("TLSv1.3") || result.errors.contains("TLSv1.2"))
        }
    }

    @Test func tls11ClientsAreRefused() throws {
        let context = try TLSCredentials.context()
        try withServer({ $0.tls = context }) { _, port in
            let result = try curl(["--http1.1", "-k", "--tlsv1.1", "--tls-max", "1.1", "https://localhost:\(port)/hello"], port: port)
            #expect(result.status != 0)
            #expect(result.output.isEmpty)
        }
    }

    @Test func limitsApplyOverTLSToo() throws {
        let context = try TLSCredentials.context()
        try withServer({ $0.tls = context; $0.limits.maxBodyBytes = 100 }) { _, port in
            let result = try curl(["--http1.1", "-k", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                                   "https://localhost:\(port)/echo", "-d", String(repeating: "x", count: 500)], port: port)
            #expect(result.output == "413")
        }
    }

    private func curl(_ arguments: [String], port: Int) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--max-time", "10"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
