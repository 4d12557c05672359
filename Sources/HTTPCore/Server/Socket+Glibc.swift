import CSystem
import Glibc

/// The POSIX calls of the server, in one place: listening sockets, options, addresses.
enum PlatformSocket {
    /// Opens a non-blocking listening socket bound to host:port with `SO_REUSEPORT`, so
    /// each event loop can own a listener on the same port and the kernel spreads accepts.
    static func listen(host: String, port: Int, backlog: Int32 = 4096) throws(SocketError) -> Int32 {
        var storage = sockaddr_storage()
        let (family, length) = try fill(&storage, host: host, port: port)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        do throws(SocketError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            try setOption(fd, SOL_SOCKET, SO_REUSEPORT, 1)
            let bound = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, length) }
            }
            guard bound == 0 else { throw SocketError("bind \(host):\(port)") }
            guard Glibc.listen(fd, backlog) == 0 else { throw SocketError("listen") }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The port a socket is bound to (for port 0 listeners).
    static func boundPort(_ fd: Int32) throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard ok == 0 else { throw SocketError("getsockname") }
        return Int(portOf(storage))
    }

    /// Accepts one connection; nil when none is pending (EAGAIN) or on a transient error.
    static func accept(_ listener: Int32) -> (fd: Int32, peer: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { csystem_accept4(listener, $0, &length) }
        }
        guard fd >= 0 else { return nil }
        _ = try? setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        return (fd, describe(storage))
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SocketError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError("setsockopt")
        }
    }

    /// Raises the open-file limit to its hard maximum (idle keep-alive connections are fds) and
    /// returns the soft limit in force afterwards.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, 1 << 20))  // RLIM_INFINITY is the largest rlim_t
    }

    static func fill(_ storage: inout sockaddr_storage, host: String, port: Int) throws(SocketError) -> (Int32, socklen_t) {
        guard (0...65535).contains(port) else { throw SocketError("port \(port)", code: EINVAL) }
        let name = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = UInt16(port).bigEndian
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: v4) { raw.copyMemory(from: $0) } }
            return (AF_INET, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
        var v6 = sockaddr_in6()
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        if inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = UInt16(port).bigEndian
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: v6) { raw.copyMemory(from: $0) } }
            return (AF_INET6, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
        throw SocketError("host \(host) is not an IP address", code: EINVAL)
    }

    private static func portOf(_ storage: sockaddr_storage) -> UInt16 {
        withUnsafeBytes(of: storage) { raw in
            if storage.ss_family == sa_family_t(AF_INET6) {
                return UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self))
            }
            return UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self))
        }
    }

    private static func describe(_ storage: sockaddr_storage) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout<sockaddr_storage>.size) { bytes in
                if storage.ss_family == sa_family_t(AF_INET) {
                    _ = inet_ntop(AF_INET, bytes + 4, &buffer, socklen_t(buffer.count))
                } else if storage.ss_family == sa_family_t(AF_INET6) {
                    _ = inet_ntop(AF_INET6, bytes + 8, &buffer, socklen_t(buffer.count))
                }
                let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                return String(decoding: text, as: UTF8.self)
            }
        }
    }
}
