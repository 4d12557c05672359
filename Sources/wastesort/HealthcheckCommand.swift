import ArgumentParser
import Foundation
import Glibc

/// `wastesort healthcheck [--url URL]`: exit 0 when `/healthz` answers 200 within the timeout,
/// 1 otherwise. The Dockerfile's HEALTHCHECK runs it: the slim image has no curl, and `/dev/tcp`
/// is a bash feature that the image's /bin/sh (dash) lacks.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the server's /healthz answers 200 (for Docker's HEALTHCHECK), 1 otherwise.")

    @Option(help: "The URL to ask (plain http; default http://127.0.0.1:$WASTESORT_PORT/healthz, port 8080).")
    var url: String?
    @Option(help: "Seconds to wait for the answer.") var timeout: Double = 3

    func validate() throws {
        guard timeout > 0, timeout <= 60 else { throw ValidationError("--timeout must be from 0 to 60 seconds, not \(timeout)") }
        if let url, HealthTarget(url) == nil {
            throw ValidationError("--url must look like http://HOST:PORT/PATH, not \(url)")
        }
    }

    func run() throws {
        let port = Environment.value("WASTESORT_PORT") ?? "8080"
        let text = url ?? "http://127.0.0.1:\(port)/healthz"
        guard let target = HealthTarget(text) else { throw CommandFailure("cannot ask \(text): not an http://HOST:PORT/PATH URL") }
        let status: Int
        do {
            status = try target.status(timeout: timeout)
        } catch {
            throw CommandFailure("unhealthy: \(text): \(error)")
        }
        guard status == 200 else { throw CommandFailure("unhealthy: \(text) answered \(status)") }
        printLine("healthy: \(text) answered 200")
    }
}

/// One `GET` over a plain TCP socket, with a deadline: all a health check needs.
struct HealthTarget {
    let host: String
    let port: Int
    let path: String

    init?(_ text: String) {
        guard text.hasPrefix("http://") else { return nil }
        let rest = text.dropFirst(7)
        let authority = rest.prefix { $0 != "/" }
        path = rest.count > authority.count ? String(rest.dropFirst(authority.count)) : "/healthz"
        var hostPart = Substring(authority), portPart: Substring = "80"
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {  // [::1]:8080
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty, let port = Int(portPart), (1...65535).contains(port),
              !path.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else { return nil }
        host = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        self.port = port
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func status(timeout: Double) throws -> Int {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            throw Failure(description: "cannot connect: \(String(cString: strerror(errno)))")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: wastesort-healthcheck\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            throw Failure(description: "cannot send: \(String(cString: strerror(errno)))")
        }
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !head.contains(UInt8(ascii: "\n")) && head.count < 8192 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            head += buffer[..<count]
        }
        // "HTTP/1.1 200 OK"
        let line = String(decoding: head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/"), let status = Int(words[1]) else {
            throw Failure(description: head.isEmpty ? "no answer within \(timeout) s" : "not an HTTP answer")
        }
        return status
    }
}
