import Glibc

extension PlatformSocket {
    /// Fails when another socket already listens on host:port. Our listeners use `SO_REUSEPORT`
    /// so that each event loop has its own; without this check a second server started on the
    /// same port would silently join the first one's set and the kernel would share connections
    /// between two processes (see docs/DECISIONS.md, "One server per database").
    ///
    /// A socket bound without `SO_REUSEPORT` cannot share a port that is being listened on, so
    /// a throwaway bind answers the question. `SO_REUSEADDR` keeps connections in TIME_WAIT from
    /// a previous run of this server from counting as "in use".
    static func ensureNobodyListens(host: String, port: Int) throws(SocketError) {
        guard port != 0 else { return }  // the kernel picks a free port
        var storage = sockaddr_storage()
        let (family, length) = try fill(&storage, host: host, port: port)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        defer { close(fd) }
        try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            if code == EADDRINUSE { throw SocketError("port \(port) on \(host) is already in use by another process; bind", code: code) }
            throw SocketError("bind \(host):\(port)", code: code)
        }
    }
}
