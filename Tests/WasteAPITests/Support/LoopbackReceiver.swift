import Foundation
import Glibc
import Locking

/// A tiny HTTP/1.1 receiver on 127.0.0.1 for outbound tests: it records every request and
/// answers each with what `answer` decides (one request per connection, then close).
final class LoopbackReceiver: @unchecked Sendable {
    struct Received: Sendable {
        let method: String
        let target: String
        let headers: [(String, String)]
        let body: [UInt8]

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Answer: Sendable {
        var status = 200
        var headers: [(String, String)] = []
        var body = "{\"errcode\":0,\"errmsg\":\"ok\"}"
    }

    let port: Int
    private let listener: Int32
    private let received = Locked<[Received]>([])
    private let answer: Locked<@Sendable (Received) -> Answer>
    private let stopped = Locked(false)
    private let finished = DispatchGroup()

    init(answer: @escaping @Sendable (Received) -> Answer = { _ in Answer() }) throws {
        self.answer = Locked(answer)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(listener, 64) == 0 else {
            close(listener)
            throw ReceiverFailure(message: "cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        finished.enter()
        Thread { [self] in
            acceptLoop()
            finished.leave()
        }.start()
    }

    deinit { stop() }

    struct ReceiverFailure: Error { let message: String }

    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [Received] { received.withLock { $0 } }

    func setAnswer(_ decide: @escaping @Sendable (Received) -> Answer) { answer.withLock { $0 = decide } }

    /// Waits (polling, up to `seconds`) until at least `count` requests arrived; returns them.
    @discardableResult
    func waitFor(_ count: Int, seconds: Double = 20) -> [Received] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let now = requests
            if now.count >= count { return now }
            usleep(10_000)
        }
        return requests
    }

    func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        finished.wait()
    }

    private func acceptLoop() {
        while !stopped.withLock({ $0 }) {
            var pollfd = Glibc.pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            serve(client)
            close(client)
        }
    }

    private func serve(_ fd: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            if let request = Self.parse(buffer) {
                received.withLock { $0.append(request) }
                let reply = answer.withLock { $0 }(request)
                var head = "HTTP/1.1 \(reply.status) X\r\nContent-Length: \(reply.body.utf8.count)\r\nConnection: close\r\n"
                for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
                let bytes = Array((head + "\r\n" + reply.body).utf8)
                _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
                return
            }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private static func parse(_ buffer: [UInt8]) -> Received? {
        guard let end = (0..<max(0, buffer.count - 3)).first(where: {
            buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10
        }) else { return nil }
        let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let start = lines[0].split(separator: " ")
        guard start.count >= 2 else { return nil }
        let headers = lines.dropFirst().map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        return Received(method: String(start[0]), target: String(start[1]), headers: headers,
                        body: Array(buffer[(end + 4)..<(end + 4 + length)]))
    }
}
