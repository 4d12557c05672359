import CSystem
import Foundation
import Locking

/// One epoll instance and the thread that runs it: accepts on its own listening socket,
/// reads, parses and writes for the connections it accepted. Handlers run on the worker
/// pool; their responses come back through `inbox` and an eventfd wake-up.
final class EventLoop: @unchecked Sendable {
    // @unchecked: all state but `inbox` is touched only on the loop's thread; `inbox` is Locked.
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let pool: WorkerPool
    let stats: ServerStats

    private let epollFD: Int32
    private let wakeFD: Int32
    private var listenerFD: Int32
    private let inbox = Locked(Inbox())
    var connections: [Connection?] = []
    private var connectionCount = 0
    private var nextConnectionID: UInt64
    private var dateCache = DateHeaderCache()
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private(set) var now: Double = 0
    var draining = false
    private var drainDeadline: Double = .infinity
    private var nextSweep: Double = 0
    private var acceptPausedUntil: Double?
    /// A descriptor held in reserve (on /dev/null): when `accept` fails for want of descriptors,
    /// closing it lets the loop accept and close the waiting connections, as libuv and nginx do,
    /// so the level-triggered listener stops being readable instead of waking the loop forever.
    private var reserveFD: Int32 = -1
    private let finished = DispatchGroup()

    private static let listenerTag = UInt64.max - 1
    private static let wakeTag = UInt64.max

    struct Completion {
        let fd: Int32
        let id: UInt64
        let response: HTTPResponse
    }

    struct Inbox {
        var completions: [Completion] = []
        /// Connections whose handler caught up on a paused streamed body.
        var bodyResumptions: [(fd: Int32, id: UInt64)] = []
        var drainRequested = false
        var signalled = false
    }

    init(index: Int, listenerFD: Int32, configuration: HTTPServerConfiguration, responder: any HTTPResponder,
         pool: WorkerPool, stats: ServerStats) throws(SocketError) {
        self.configuration = configuration
        self.responder = responder
        self.pool = pool
        self.stats = stats
        self.listenerFD = listenerFD
        self.nextConnectionID = UInt64(index) << 48
        epollFD = csystem_epoll_create()
        guard epollFD >= 0 else { throw SocketError("epoll_create1") }
        wakeFD = csystem_eventfd()
        guard wakeFD >= 0 else { throw SocketError("eventfd") }
        try register(wakeFD, events: UInt32(CSYSTEM_EPOLLIN), tag: Self.wakeTag)
        try register(listenerFD, events: UInt32(CSYSTEM_EPOLLIN), tag: Self.listenerTag)
        reserveFD = Self.openReserve()
    }

    deinit {
        if reserveFD >= 0 { close(reserveFD) }
        scratch.deallocate()
        close(epollFD)
        close(wakeFD)
    }

    func start(name: String) {
        finished.enter()
        let thread = Thread { [self] in
            self.run()
            self.finished.leave()
        }
        thread.name = name
        thread.start()
    }

    func waitUntilFinished() { finished.wait() }

    // MARK: - Messages from other threads

    /// Hands a worker's response back to the loop.
    func complete(fd: Int32, id: UInt64, response: HTTPResponse) {
        let mustWake = inbox.withLock { box -> Bool in
            box.completions.append(Completion(fd: fd, id: id, response: response))
            defer { box.signalled = true }
            return !box.signalled
        }
        if mustWake { wake() }
    }

    /// A handler took enough of a paused streamed body: the loop reads the socket again.
    func resumeBody(fd: Int32, id: UInt64) {
        let mustWake = inbox.withLock { box -> Bool in
            box.bodyResumptions.append((fd, id))
            defer { box.signalled = true }
            return !box.signalled
        }
        if mustWake { wake() }
    }

    /// Stops accepting; open connections finish their requests and close.
    func requestDrain() {
        inbox.withLock { $0.drainRequested = true }
        wake()
    }

    private func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    // MARK: - The loop

    private func run() {
        var events = [csystem_event](repeating: csystem_event(), count: 256)
        now = Self.monotonicNow()
        nextSweep = now + 0.25
        while !(draining && (connectionCount == 0 || now >= drainDeadline)) {
            let wakeAt = min(nextSweep, acceptPausedUntil ?? .infinity)
            let timeout = Int32(max(0, min(250, (wakeAt - now) * 1000)))
            let count = events.withUnsafeMutableBufferPointer { csystem_epoll_wait(epollFD, $0.baseAddress, 256, timeout) }
            now = Self.monotonicNow()
            if count > 0 {
                for index in 0..<Int(count) { handle(events[index]) }
            }
            if let until = acceptPausedUntil, now >= until { resumeAccepting() }
            if now >= nextSweep {
                sweep()
                nextSweep = now + 0.25
            }
        }
        closeAllConnections()
        stopListening()
    }

    private func handle(_ event: csystem_event) {
        switch event.data {
        case Self.wakeTag: drainInbox()
        case Self.listenerTag: acceptConnections()
        default:
            let fd = Int(event.data)
            guard fd < connections.count, let connection = connections[fd] else { return }
            let readable = event.events & UInt32(CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLHUP | CSYSTEM_EPOLLERR) != 0
            if readable { onReadable(connection) }
            if event.events & UInt32(CSYSTEM_EPOLLOUT) != 0, !connection.isClosed { onWritable(connection) }
        }
    }

    private func drainInbox() {
        var counter: UInt64 = 0
        _ = Glibc.read(wakeFD, &counter, 8)
        let (completions, resumptions, drain) = inbox.withLock { box -> ([Completion], [(fd: Int32, id: UInt64)], Bool) in
            let taken = box.completions
            let resumed = box.bodyResumptions
            box.completions.removeAll(keepingCapacity: true)
            box.bodyResumptions.removeAll(keepingCapacity: true)
            box.signalled = false
            return (taken, resumed, box.drainRequested)
        }
        for resumption in resumptions { resumeBody(resumption) }
        for completion in completions { deliver(completion) }
        if drain && !draining { beginDrain() }
    }

    private func resumeBody(_ resumption: (fd: Int32, id: UInt64)) {
        let fd = Int(resumption.fd)
        guard fd < connections.count, let connection = connections[fd], connection.id == resumption.id,
              connection.bodyPaused else { return }
        connection.bodyPaused = false
        readStreamedBody(connection)
    }

    private func deliver(_ completion: Completion) {
        let fd = Int(completion.fd)
        guard fd < connections.count, let connection = connections[fd], connection.id == completion.id,
              let head = connection.inFlightHead else { return }
        connection.inFlightHead = nil
        finish(connection, head: head, response: completion.response)
        resume(connection)
    }

    // MARK: - Accepting

    private func acceptConnections() {
        guard acceptPausedUntil == nil else { return }
        while true {
            guard let (fd, peer) = PlatformSocket.accept(listenerFD) else {
                if errno == EMFILE || errno == ENFILE { outOfDescriptors() }
                return
            }
            if draining || stats.openConnections >= configuration.maxConnections {
                stats.connectionRefused()
                close(fd)
                continue
            }
            adopt(fd: fd, peer: peer)
        }
    }

    /// `accept` failed for want of descriptors: refuse the waiting connections through the
    /// reserve descriptor; when that is not possible (another thread took the freed descriptor),
    /// stop watching the listener briefly. Either way the loop never spins on it.
    private func outOfDescriptors() {
        guard reserveFD >= 0 else { return pauseAccepting() }
        close(reserveFD)
        // Each accept takes the descriptor just freed, and closing the connection frees it again.
        while let (fd, _) = PlatformSocket.accept(listenerFD) {
            stats.connectionRefused()
            close(fd)
        }
        let stillOut = errno == EMFILE || errno == ENFILE
        reserveFD = Self.openReserve()
        if stillOut || reserveFD < 0 { pauseAccepting() }
    }

    private func adopt(fd: Int32, peer: String) {
        var session: TLSSession?
        if let tls = configuration.tls {
            guard let made = try? tls.makeSession(fd: fd) else { close(fd); return }
            session = made
        }
        let info = ConnectionInfo(peer: peer, isTLS: session != nil)
        nextConnectionID &+= 1
        let responder = responder
        let connection = Connection(fd: fd, id: nextConnectionID, info: info, limits: configuration.limits, tls: session, now: now,
                                    bodyMode: { responder.bodyMode(for: $0) })
        let events = UInt32(bitPattern: Int32(CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLET))
        guard (try? register(fd, events: events, tag: UInt64(fd))) != nil else { close(fd); return }
        if Int(fd) >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 1 - connections.count + 64))
        }
        connections[Int(fd)] = connection
        connectionCount += 1
        stats.connectionOpened()
    }

    /// Out of file descriptors and reserve: take the listener out of epoll for 100 ms (it is
    /// level-triggered: left in, it would wake every `epoll_wait` at once and spin the core).
    private func pauseAccepting() {
        guard acceptPausedUntil == nil else { return }
        acceptPausedUntil = now + 0.1
        _ = csystem_epoll_remove(epollFD, listenerFD)
    }

    private func resumeAccepting() {
        acceptPausedUntil = nil
        guard !draining, listenerFD >= 0 else { return }
        if reserveFD < 0 { reserveFD = Self.openReserve() }
        _ = try? register(listenerFD, events: UInt32(CSYSTEM_EPOLLIN), tag: Self.listenerTag)
        acceptConnections()
    }

    private static func openReserve() -> Int32 {
        open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    private func stopListening() {
        guard listenerFD >= 0 else { return }
        close(listenerFD)
        listenerFD = -1
    }

    private func register(_ fd: Int32, events: UInt32, tag: UInt64) throws(SocketError) {
        guard csystem_epoll_add(epollFD, fd, events, tag) == 0 else { throw SocketError("epoll_ctl") }
    }

    // MARK: - Closing and timers

    func closeConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connection.bodyStream?.fail(.truncated)
        connection.bodyStream = nil
        close(connection.fd)
        connections[Int(connection.fd)] = nil
        connectionCount -= 1
        stats.connectionClosed()
    }

    private func closeAllConnections() {
        for case let connection? in connections { closeConnection(connection) }
    }

    private func beginDrain() {
        draining = true
        drainDeadline = now + configuration.shutdownGracePeriod
        _ = csystem_epoll_remove(epollFD, listenerFD)
        stopListening()
        for case let connection? in connections where connection.isIdle { closeConnection(connection) }
    }

    /// Applies the header, body, idle and linger deadlines.
    private func sweep() {
        let limits = configuration.limits
        for case let connection? in connections {
            if let linger = connection.lingerUntil {
                if now >= linger { closeConnection(connection) }
                continue
            }
            if connection.inFlightHead != nil { continue }
            if connection.hasPendingOutput {
                if now - connection.lastActivity > limits.idleTimeout { closeConnection(connection) }
                continue
            }
            if connection.parser.hasBufferedBytes, let started = connection.requestStartedAt {
                let pending = connection.parser.pendingHead
                let limit = pending == nil ? limits.headerTimeout : limits.bodyTimeout
                if now - started > limit {
                    sendProtocolError(connection, status: 408, detail: "request not received in time", head: pending)
                }
            } else if let started = connection.requestStartedAt, now - started > limits.headerTimeout {
                closeConnection(connection)  // connected but never sent a byte
            } else if connection.requestStartedAt == nil, draining || now - connection.lastActivity > limits.idleTimeout {
                closeConnection(connection)
            }
        }
    }

    func dateHeaderLine() -> [UInt8] {
        dateCache.headerLine(now: Double(time(nil)))
    }

    private static func monotonicNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
