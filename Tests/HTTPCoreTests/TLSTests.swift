import COpenSSL
import Foundation
import Testing
@testable import HTTPCore

/// Drives a real `TLSSession` on a non-blocking socket against an in-process OpenSSL client
/// running on its own thread, over a Unix socket pair.
@Suite("TLS sessions", .serialized,
       .enabled(if: OpenSSLTool.path != nil,
                "skipped: the `openssl` command line tool is not on PATH; it makes the test certificate"))
struct TLSSessionTests {
    @Test("A default client negotiates TLS 1.3 and gets its bytes echoed")
    func tls13Echo() throws {
        let (server, client) = try exchange(payload: Array("hello over tls".utf8))
        #expect(client.error == nil)
        #expect(client.version == "TLSv1.3")
        #expect(server.version == "TLSv1.3")
        #expect(client.echoed == Array("hello over tls".utf8))
        #expect(server.end == .closed)
    }

    @Test("A TLS 1.2-only client negotiates TLS 1.2 with an ECDHE AEAD cipher")
    func tls12Echo() throws {
        let config = ClientConfig(minVersion: TLS1_2_VERSION, maxVersion: TLS1_2_VERSION)
        let (server, client) = try exchange(config, payload: Array("twelve".utf8))
        #expect(client.error == nil)
        #expect(client.version == "TLSv1.2")
        #expect(server.version == "TLSv1.2")
        #expect(client.cipher?.hasPrefix("ECDHE-RSA-") == true)
        #expect(client.echoed == Array("twelve".utf8))
    }

    @Test("A TLS 1.1-only client is refused by the server")
    func tls11Refused() throws {
        // Security level 0 lets this client really offer TLS 1.1, so the refusal is the server's.
        let config = ClientConfig(minVersion: TLS1_VERSION, maxVersion: TLS1_1_VERSION,
                                  ciphers: "DEFAULT:@SECLEVEL=0")
        let (server, client) = try exchange(config, payload: [1])
        #expect(client.error != nil)
        guard case .failed(let message) = server.handshake else {
            Issue.record("server handshake should fail, got \(server.handshake)")
            return
        }
        #expect(message.contains("unsupported protocol"))
    }

    @Test("A megabyte round-trips through partial writes")
    func largeEcho() throws {
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let (server, client) = try exchange(payload: payload)
        #expect(client.error == nil)
        #expect(client.echoed == payload)
        #expect(server.writeCalls > 1)
    }

    @Test("Plain HTTP sent to the TLS port fails the handshake")
    func plaintextFails() throws {
        let pair = try SocketPair()
        defer { pair.close() }
        let session = try TLSCredentials.context().makeSession(fd: pair.server)
        _ = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8).withUnsafeBytes { Glibc.write(pair.client, $0.baseAddress, $0.count) }
        let result = drive(pair.server) { session.handshake() }
        guard case .failed = result else {
            Issue.record("expected a failed handshake, got \(result)")
            return
        }
        #expect(!session.isHandshakeComplete)
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(buffer.withUnsafeMutableBytes { session.read(into: $0) } == result, "a failed session stays failed")
    }

    @Test("A peer that hangs up mid-handshake is reported as closed, not failed")
    func hangUpIsClosed() throws {
        let pair = try SocketPair()
        defer { pair.close() }
        let session = try TLSCredentials.context().makeSession(fd: pair.server)
        #expect(session.handshake() == .wantRead)
        Glibc.shutdown(pair.client, Int32(SHUT_WR))
        #expect(drive(pair.server) { session.handshake() } == .closed)
        #expect(session.handshake() == .closed)
        session.shutdown()
    }

    @Test("A certificate with someone else's key is rejected at load time")
    func mismatchedKey() throws {
        let files = try TLSCredentials.shared.get()
        #expect {
            try TLSContext(certificateChainPath: files.certificate, privateKeyPath: files.otherKey)
        } throws: { error in
            "\(error)".contains("does not match certificate") && "\(error)".contains(files.otherKey)
        }
    }
}

@Suite("TLS configuration files")
struct TLSFileTests {
    @Test("A missing certificate file is reported with its path")
    func missingCertificate() {
        let path = "/nonexistent/wastesort/cert.pem"
        #expect {
            try TLSContext(certificateChainPath: path, privateKeyPath: path)
        } throws: { error in
            "\(error)" == "certificate chain file not found: \(path)"
        }
    }

    @Test("A missing key file is reported with its path")
    func missingKey() throws {
        let certificate = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-\(UUID()).pem").path
        try Data().write(to: URL(fileURLWithPath: certificate))
        defer { try? FileManager.default.removeItem(atPath: certificate) }
        let key = "/nonexistent/wastesort/key.pem"
        #expect {
            try TLSContext(certificateChainPath: certificate, privateKeyPath: key)
        } throws: { error in
            "\(error)" == "private key file not found: \(key)"
        }
    }

    @Test("A file that is not PEM is rejected with its path")
    func garbageCertificate() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-\(UUID()).pem").path
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try TLSContext(certificateChainPath: path, privateKeyPath: path)
        } throws: { error in
            "\(error)".hasPrefix("cannot load certificate chain from \(path)")
        }
    }
}

// MARK: - Server side

struct ServerOutcome {
    var handshake: TLSIOResult = .wantRead
    var version: String?
    var received: [UInt8] = []
    var writeCalls = 0
    var end: TLSIOResult?
}

/// Runs one connection: handshake, read `expected` bytes, echo them, then wait for the close.
func exchange(_ config: ClientConfig = ClientConfig(), payload: [UInt8]) throws -> (ServerOutcome, ClientOutcome) {
    let pair = try SocketPair()
    defer { pair.close() }
    let session = try TLSCredentials.context().makeSession(fd: pair.server)
    let client = try ClientThread(fd: pair.client, config: config, payload: payload,
                                  certificate: TLSCredentials.shared.get().certificate)
    var outcome = ServerOutcome()
    serve(session, fd: pair.server, expected: payload.count, into: &outcome)
    session.shutdown()
    return (outcome, client.join())
}

func serve(_ session: TLSSession, fd: Int32, expected: Int, into outcome: inout ServerOutcome) {
    outcome.handshake = drive(fd) { session.handshake() }
    outcome.version = session.protocolVersion
    guard outcome.handshake == .bytes(0) else { return }
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while outcome.received.count < expected {
        let result = drive(fd) { buffer.withUnsafeMutableBytes { session.read(into: $0) } }
        guard case .bytes(let count) = result else { return outcome.end = result }
        outcome.received += buffer[..<count]
    }
    var sent = 0
    while sent < outcome.received.count {
        outcome.writeCalls += 1
        let result = drive(fd) { outcome.received[sent...].withUnsafeBytes { session.write($0) } }
        guard case .bytes(let count) = result else { return outcome.end = result }
        sent += count
    }
    outcome.end = drive(fd) { buffer.withUnsafeMutableBytes { session.read(into: $0) } }
}

/// Repeats `operation` while it wants I/O, polling the socket as an event loop would.
func drive(_ fd: Int32, _ operation: () -> TLSIOResult) -> TLSIOResult {
    for _ in 0..<10_000 {
        let result = operation()
        let events: Int32
        switch result {
        case .wantRead: events = Int32(POLLIN)
        case .wantWrite: events = Int32(POLLOUT)
        default: return result
        }
        var descriptor = pollfd(fd: fd, events: Int16(events), revents: 0)
        guard poll(&descriptor, 1, 10_000) > 0 else { return .failed("test: socket never became ready") }
    }
    return .failed("test: too many retries")
}

// MARK: - Client side

struct ClientConfig: Sendable {
    var minVersion: Int32 = 0
    var maxVersion: Int32 = 0
    var ciphers: String?
}

struct ClientOutcome: Sendable {
    var version: String?
    var cipher: String?
    var echoed: [UInt8] = []
    var error: String?
}

/// A blocking OpenSSL client on its own thread that verifies the server certificate,
/// sends `payload`, reads it back and closes with close_notify.
final class ClientThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome = ClientOutcome()   // written by the thread before `done` is signalled

    init(fd: Int32, config: ClientConfig, payload: [UInt8], certificate: String) {
        let thread = Thread { [self] in
            outcome = Self.run(fd: fd, config: config, payload: payload, certificate: certificate)
            done.signal()
        }
        thread.start()
    }

    func join() -> ClientOutcome {
        done.wait()
        return outcome
    }

    private static func run(fd: Int32, config: ClientConfig, payload: [UInt8], certificate: String) -> ClientOutcome {
        var outcome = ClientOutcome()
        guard let context = SSL_CTX_new(TLS_client_method()) else { return ClientOutcome(error: "SSL_CTX_new") }
        defer { SSL_CTX_free(context) }
        _ = copenssl_ctx_set_proto_range(context, config.minVersion, config.maxVersion)
        if let ciphers = config.ciphers { _ = SSL_CTX_set_cipher_list(context, ciphers) }
        _ = SSL_CTX_load_verify_locations(context, certificate, nil)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard let ssl = SSL_new(context) else { return ClientOutcome(error: "SSL_new") }
        defer { SSL_free(ssl) }
        _ = SSL_set_fd(ssl, fd)
        _ = SSL_set1_host(ssl, "localhost")
        guard SSL_connect(ssl) == 1 else { return ClientOutcome(error: "connect: \(TLSErrorQueue.drain())") }
        outcome.version = SSL_get_version(ssl).map { String(cString: $0) }
        outcome.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)).map { String(cString: $0) }
        var written = 0
        guard payload.withUnsafeBytes({ SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) }) == 1 else {
            return ClientOutcome(error: "write: \(TLSErrorQueue.drain())")
        }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while outcome.echoed.count < payload.count {
            var count = 0
            guard SSL_read_ex(ssl, &buffer, buffer.count, &count) == 1 else {
                outcome.error = "read: \(TLSErrorQueue.drain())"
                return outcome
            }
            outcome.echoed += buffer[..<count]
        }
        _ = SSL_shutdown(ssl)
        return outcome
    }
}

// MARK: - Fixtures

/// A connected Unix stream socket pair: a non-blocking server end, a blocking client end
/// with timeouts so a broken test fails instead of hanging.
struct SocketPair {
    let server: Int32
    let client: Int32

    init() throws {
        signal(SIGPIPE, SIG_IGN)   // as the server process does
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else {
            throw TLSError("socketpair: \(String(cString: strerror(errno)))")
        }
        server = fds[0]
        client = fds[1]
        _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        _ = setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() {
        _ = Glibc.close(server)
        _ = Glibc.close(client)
    }
}

enum OpenSSLTool {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":")
        .map { "\($0)/openssl" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A self-signed certificate for "localhost", its key, and an unrelated key, made once.
struct TLSCredentials: Sendable {
    let certificate: String
    let key: String
    let otherKey: String

    static let shared = Result { try TLSCredentials.generate() }

    static func context() throws -> TLSContext {
        let files = try shared.get()
        return try TLSContext(certificateChainPath: files.certificate, privateKeyPath: files.key)
    }

    private static func generate() throws -> TLSCredentials {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-tls-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = TLSCredentials(certificate: "\(directory)/c.pem", key: "\(directory)/k.pem",
                                   otherKey: "\(directory)/other.pem")
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files.key,
                     "-out", files.certificate, "-days", "1", "-subj", "/CN=localhost",
                     "-addext", "subjectAltName=DNS:localhost"])
        try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", files.otherKey])
        return files
    }

    private static func openssl(_ arguments: [String]) throws {
        guard let path = OpenSSLTool.path else { throw TLSError("openssl not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TLSError("openssl \(arguments[0]) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
