import Foundation
import Hashing
@testable import Outbound
import Testing

/// E-mail through libcurl against a sink in the test: STARTTLS with a test certificate, and
/// the refusals that keep a password off the wire.
@Suite struct SMTPTests {
    static let message = MailMessage(to: ["clerk@jianshan.gov.cn", "office@jianshan.gov.cn"], subject: "【催报】尖山区统计局",
                                     text: "【催报】尖山区统计局：2026年11月台账应于2026年12月5日前报送，目前尚未报送。请登录系统报送。",
                                     messageID: "dlv_0123456789abcdef01234567")

    static func relay(_ sink: SMTPSink, startTLS: Bool = true) -> SMTPServer {
        SMTPServer(host: "127.0.0.1", port: sink.port, startTLS: startTLS, username: "relay-user", password: "relay-pass",
                   from: "noreply@jianshan.gov.cn")
    }

    @Test func mailGoesOverSTARTTLSWithTheTestCertificate() throws {
        let files = try TestCertificate.shared()
        let sink = try SMTPSink(certificate: (files.certificate, files.key))
        sink.serveOne()
        var options = CurlTransport.Options()
        options.caBundlePath = files.certificate
        try CurlTransport(options: options).send(Self.message, via: Self.relay(sink), allowed: HostAllowList(["127.0.0.1"]))
        let session = try #require(sink.finished())
        #expect(session.commands.contains("STARTTLS"))
        #expect(session.mailOverTLS, "MAIL FROM only after the upgrade")
        #expect(session.commands.contains("MAIL FROM:<noreply@jianshan.gov.cn>"))
        #expect(session.commands.filter { $0.hasPrefix("RCPT TO:") } == ["RCPT TO:<clerk@jianshan.gov.cn>", "RCPT TO:<office@jianshan.gov.cn>"])
        let credentials = try #require(session.authorization.flatMap { Base64.decode($0) })
        #expect(credentials == Array("\0relay-user\0relay-pass".utf8))
        #expect(session.data.contains("Subject: =?UTF-8?B?\(Data("【催报】尖山区统计局".utf8).base64EncodedString())?="))
        #expect(session.data.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(session.data.contains("Message-ID: <dlv_0123456789abcdef01234567@jianshan.gov.cn>"))
        let body = session.data.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(of: "\n", with: "")
        #expect(Data(base64Encoded: body).map { String(decoding: $0, as: UTF8.self) } == Self.message.text)
    }

    @Test func aRelayWithoutSTARTTLSIsRefusedBeforeAnyCredentialIsSent() throws {
        let sink = try SMTPSink(certificate: nil)
        sink.serveOne()
        #expect(throws: OutboundError.self) {
            try CurlTransport().send(Self.message, via: Self.relay(sink), allowed: HostAllowList(["127.0.0.1"]))
        }
        let session = try #require(sink.finished())
        #expect(session.authorization == nil && !session.commands.contains { $0.hasPrefix("MAIL") })
    }

    @Test func anUntrustedCertificateFailsTheHandshake() throws {
        let files = try TestCertificate.shared()
        let sink = try SMTPSink(certificate: (files.certificate, files.key))
        sink.serveOne()
        // the system's trust store does not know the test certificate: verification is on
        #expect(throws: OutboundError.self) {
            try CurlTransport().send(Self.message, via: Self.relay(sink), allowed: HostAllowList(["127.0.0.1"]))
        }
        let session = try #require(sink.finished())
        #expect(!session.commands.contains { $0.hasPrefix("MAIL") })
    }

    @Test func aRelayOutsideTheAllowListIsNotContacted() throws {
        let sink = try SMTPSink(certificate: nil)
        #expect(throws: OutboundError.hostNotAllowed("127.0.0.1")) {
            try CurlTransport().send(Self.message, via: Self.relay(sink), allowed: HostAllowList(["smtp.jianshan.gov.cn"]))
        }
    }
}

/// A self-signed certificate for 127.0.0.1 and localhost, made once with the `openssl` tool
/// (as the TLS tests of HTTPCore do).
struct TestCertificate: Sendable {
    let certificate: String
    let key: String

    private static let made: Result<TestCertificate, TestCertificateFailure> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-smtp-\(UUID())").path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return .failure(TestCertificateFailure(message: "cannot create \(directory)"))
        }
        let files = TestCertificate(certificate: "\(directory)/cert.pem", key: "\(directory)/key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files.key, "-out", files.certificate,
                             "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(TestCertificateFailure(message: "cannot run openssl: \(error)"))
        }
        guard process.terminationStatus == 0 else { return .failure(TestCertificateFailure(message: "openssl req failed")) }
        return .success(files)
    }()

    static func shared() throws -> TestCertificate { try made.get() }
}

struct TestCertificateFailure: Error { let message: String }
