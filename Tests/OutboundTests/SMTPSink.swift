import COpenSSL
import Foundation
import Glibc

/// A tiny SMTP server on 127.0.0.1 for one test: it offers STARTTLS (when given a certificate),
/// takes AUTH PLAIN, and records the conversation and the message. One connection at a time.
final class SMTPSink: @unchecked Sendable {
    struct Session: Sendable {
        var commands: [String] = []
        /// Whether TLS was on when `MAIL FROM` arrived.
        var mailOverTLS = false
        var authorization: String?
        var data = ""
    }

    let port: Int
    private let listener: Int32
    private let context: OpaquePointer?
    private let lock = NSLock()
    private var sessions: [Session] = []
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter certificate: PEM certificate and key files; nil: no STARTTLS offered.
    init(certificate: (chain: String, key: String)?) throws {
        if let certificate {
            guard let context = SSL_CTX_new(TLS_server_method()),
                  SSL_CTX_use_certificate_chain_file(context, certificate.chain) == 1,
                  SSL_CTX_use_PrivateKey_file(context, certificate.key, SSL_FILETYPE_PEM) == 1 else {
                throw SinkFailure(message: "cannot load the test certificate")
            }
            self.context = context
        } else {
            context = nil
        }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(listener, 8) == 0 else { throw SinkFailure(message: "cannot listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(listener)
        if let context { SSL_CTX_free(context) }
    }

    struct SinkFailure: Error { let message: String }

    /// Serves the next connection on a thread of its own.
    func serveOne() {
        Thread { [self] in
            let client = accept(listener, nil, nil)
            if client >= 0 {
                let session = converse(client)
                lock.lock()
                sessions.append(session)
                lock.unlock()
                close(client)
            }
            done.signal()
        }.start()
    }

    /// The session of the connection `serveOne` took, once it ended (nil after `seconds`).
    func finished(seconds: Double = 20) -> Session? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return sessions.last
    }

    private func converse(_ fd: Int32) -> Session {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var line = LineChannel(fd: fd)
        var session = Session()
        line.write("220 sink.test ESMTP\r\n")
        var inData = false
        while let text = line.readLine() {
            if inData {
                if text == "." {
                    inData = false
                    line.write("250 2.0.0 queued\r\n")
                } else {
                    session.data += text + "\n"
                }
                continue
            }
            session.commands.append(text)
            let verb = text.split(separator: " ").first.map { $0.uppercased() } ?? ""
            switch verb {
            case "EHLO":
                var offers = ["250-sink.test"]
                if context != nil, !line.isTLS { offers.append("250-STARTTLS") }
                if line.isTLS || context == nil { offers.append("250-AUTH PLAIN") }
                offers.append("250 8BITMIME")
                line.write(offers.joined(separator: "\r\n") + "\r\n")
            case "STARTTLS":
                line.write("220 2.0.0 go ahead\r\n")
                guard let context, line.startTLS(context) else { return session }
            case "AUTH":
                // "AUTH PLAIN <credentials>", or "AUTH PLAIN" then the credentials after a 334
                if let initial = text.split(separator: " ").dropFirst(2).first {
                    session.authorization = String(initial)
                } else {
                    line.write("334 \r\n")
                    session.authorization = line.readLine()
                }
                line.write("235 2.7.0 authenticated\r\n")
            case "MAIL":
                session.mailOverTLS = line.isTLS
                line.write("250 2.1.0 ok\r\n")
            case "RCPT":
                line.write("250 2.1.5 ok\r\n")
            case "DATA":
                inData = true
                line.write("354 end with .\r\n")
            case "QUIT":
                line.write("221 2.0.0 bye\r\n")
                line.shutdown()
                return session
            default:
                line.write("502 5.5.2 what\r\n")
            }
        }
        return session
    }
}

/// CRLF lines over a socket, in clear or (after STARTTLS) through OpenSSL.
private struct LineChannel {
    let fd: Int32
    private var ssl: OpaquePointer?
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    var isTLS: Bool { ssl != nil }

    mutating func startTLS(_ context: OpaquePointer) -> Bool {
        guard let session = SSL_new(context) else { return false }
        SSL_set_fd(session, fd)
        guard SSL_accept(session) == 1 else { SSL_free(session); return false }
        ssl = session
        buffer.removeAll()
        return true
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            if let ssl {
                _ = SSL_write(ssl, raw.baseAddress, Int32(bytes.count))
            } else {
                _ = send(fd, raw.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            }
        }
    }

    mutating func readLine() -> String? {
        while true {
            if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = ssl.map { SSL_read($0, &chunk, Int32(chunk.count)) } ?? Int32(recv(fd, &chunk, chunk.count, 0))
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<Int(count)])
        }
    }

    func shutdown() {
        if let ssl {
            SSL_shutdown(ssl)
            SSL_free(ssl)
        }
    }
}
