import Dispatch
import Foundation
import Glibc
import Locking
import Outbound
import Storage
import WasteDomain

/// Sends the outbox, off the request path: a few threads of its own ("lanes", each owning the
/// deliveries whose id falls to it), so a slow or dead receiver never holds a handler thread.
///
/// At least once: a delivery is marked delivered only after the receiver answered 2xx (and a
/// robot `errcode` 0); a crash between the answer and the commit sends it again with the same
/// `X-Wastesort-Delivery` id, which receivers use to drop the duplicate.
final class DeliveryWorker: Sendable {
    struct Configuration: Sendable {
        var lanes = 4
        /// How long an idle lane sleeps before looking again (a retry or a new event wakes it sooner).
        var pollSeconds = 0.5
        /// Deliveries a lane takes per round; their outcomes are written in one transaction.
        var batchSize = 16
        var schedule = RetrySchedule()
    }

    private let database: DatabasePool
    private let clock: AppClock
    private let transport: any OutboundTransport
    private let settings: SettingsCache
    private let configuration: Configuration
    private let running = Locked(false)
    private let wakeups: [DispatchSemaphore]
    private let finished = DispatchGroup()

    init(database: DatabasePool, clock: AppClock, transport: any OutboundTransport, settings: SettingsCache,
         configuration: Configuration) {
        self.database = database
        self.clock = clock
        self.transport = transport
        self.settings = settings
        self.configuration = configuration
        wakeups = (0..<max(1, configuration.lanes)).map { _ in DispatchSemaphore(value: 0) }
    }

    func start() {
        let starting = running.withLock { running in
            defer { running = true }
            return !running
        }
        guard starting else { return }
        for lane in wakeups.indices {
            finished.enter()
            let thread = Thread { [self] in
                // background work: on a busy machine the event loops and handlers go first
                // (Linux `nice` is per thread; docs/PERFORMANCE.md, "Reminders")
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)  // who 0: this thread on Linux
                loop(lane: lane)
                finished.leave()
            }
            thread.name = "wastesort-delivery-\(lane)"
            thread.start()
        }
    }

    /// Lets each lane finish the transfer it is in (bounded by the transport's timeout) and waits.
    func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        wake()
        finished.wait()
    }

    func wake() {
        wakeups.forEach { $0.signal() }
    }

    private var isRunning: Bool { running.withLock { $0 } }

    private func loop(lane: Int) {
        while isRunning {
            let sent = (try? round(lane: lane)) ?? 0
            if sent == 0 { _ = wakeups[lane].wait(timeout: .now() + configuration.pollSeconds) }
        }
    }

    /// Sends what is due on `lane` and records the outcomes; the number sent (0: nothing due).
    func round(lane: Int) throws -> Int {
        let due = try database.read { db in
            try DueDelivery.load(db, lane: lane, lanes: wakeups.count, now: clock.now(), limit: configuration.batchSize)
        }
        guard !due.isEmpty else { return 0 }
        let settings = try settings.current()
        var outcomes: [(DueDelivery, DeliveryOutcome, Timestamp)] = []
        for delivery in due {
            guard isRunning || outcomes.isEmpty else { break }
            outcomes.append((delivery, attempt(delivery, settings: settings), clock.now()))
        }
        let schedule = configuration.schedule
        try database.write { db in
            for (delivery, outcome, at) in outcomes { try outcome.record(db, delivery, at: at, schedule: schedule) }
        }
        return outcomes.count
    }

    private func attempt(_ delivery: DueDelivery, settings: DistrictSettings) -> DeliveryOutcome {
        let allowed = HostAllowList(settings.outboundHosts)
        do {
            switch DeliveryRendering.render(delivery, settings: settings, now: clock.now()) {
            case .failure(let problem):
                return .failed(status: nil, error: problem.description)
            case .success(.web(let request, let robot)):
                let response = try transport.post(request, allowed: allowed)
                guard response.isSuccess else {
                    let excerpt = String(decoding: response.body.prefix(200), as: UTF8.self)
                    return .failed(status: response.status, error: "the receiver answered \(response.status) \(excerpt)")
                }
                if robot, let refusal = DeliveryRendering.robotRefusal(response) {
                    return .failed(status: response.status, error: refusal)
                }
                return .delivered(status: response.status)
            case .success(.mail(let message, let relay)):
                try transport.send(message, via: SMTPServer(host: relay.host, port: relay.port, startTLS: relay.startTLS,
                                                            username: relay.username, password: relay.password, from: relay.from),
                                   allowed: allowed)
                return .delivered(status: nil)
            }
        } catch {
            return .failed(status: nil, error: error.description)
        }
    }
}

/// What one attempt came to, and how it is written back.
enum DeliveryOutcome: Sendable {
    case delivered(status: Int?)
    case failed(status: Int?, error: String)

    func record(_ db: Connection, _ delivery: DueDelivery, at: Timestamp, schedule: RetrySchedule) throws {
        let attempts = delivery.attempts + 1
        switch self {
        case .delivered(let status):
            try db.execute("""
                UPDATE deliveries SET status = 'delivered', attempts = ?, last_attempt_at = ?, last_status = ?, last_error = NULL,
                    delivered_at = ? WHERE id = ?
                """, [attempts, at.description, status, at.description, delivery.id])
        case .failed(let status, let error):
            let next = schedule.nextAttempt(afterAttempt: attempts, now: at.secondsSinceEpoch, windowStart: delivery.windowStartedAt)
            try db.execute("""
                UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?, last_status = ?,
                    last_error = ? WHERE id = ? AND status = 'pending'
                """, [next == nil ? "failed" : "pending", attempts, next ?? at.secondsSinceEpoch, at.description, status,
                      String(error.prefix(500)), delivery.id])
        }
    }
}
