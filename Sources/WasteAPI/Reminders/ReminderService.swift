import Dispatch
import Foundation
import Locking
import Outbound
import Storage
import WasteDomain

/// The reminders' background work: the scheduler (at start, then every minute) and the
/// delivery worker. Started by `wastesort serve` (and tests that want it), never by a request.
public final class ReminderService: Sendable {
    private let database: DatabasePool
    private let clock: AppClock
    private let settings: SettingsCache
    private let intervalSeconds: Double
    let worker: DeliveryWorker
    private let running = Locked(false)
    private let tick = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    init(database: DatabasePool, options: AppOptions, settings: SettingsCache) {
        self.database = database
        clock = options.clock
        self.settings = settings
        intervalSeconds = options.reminders.schedulerIntervalSeconds
        worker = DeliveryWorker(database: database, clock: options.clock, transport: options.reminders.transport,
                                settings: settings, configuration: options.reminders.delivery)
    }

    public func start() {
        let starting = running.withLock { running in
            defer { running = true }
            return !running
        }
        guard starting else { return }
        worker.start()
        finished.enter()
        let thread = Thread { [self] in
            while running.withLock({ $0 }) {
                _ = try? runScheduler()
                _ = tick.wait(timeout: .now() + intervalSeconds)
            }
            finished.leave()
        }
        thread.name = "wastesort-reminders"
        thread.start()
    }

    /// Stops the scheduler, then the worker (each finishes what it is doing).
    public func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        tick.signal()
        finished.wait()
        worker.stop()
    }

    /// New deliveries were queued or retried: look now instead of at the next poll.
    func wake() { worker.wake() }

    /// One scheduler pass: today's new reminders, stored with their deliveries.
    @discardableResult
    func runScheduler() throws -> [(ReminderOccurrence, Int)] {
        let queued = try ReminderScheduler.run(database, now: clock.now(), settings: try settings.current())
        if !queued.isEmpty { worker.wake() }
        return queued
    }
}

/// How reminders run: the transport (tests give libcurl a test CA) and the timings.
public struct ReminderOptions: Sendable {
    public var transport: any OutboundTransport = CurlTransport()
    public var schedulerIntervalSeconds = 60.0
    var delivery = DeliveryWorker.Configuration()

    public init() {}

    public var deliveryLanes: Int {
        get { delivery.lanes }
        set { delivery.lanes = max(1, newValue) }
    }

    public var deliveryPollSeconds: Double {
        get { delivery.pollSeconds }
        set { delivery.pollSeconds = newValue }
    }

    public var retrySchedule: RetrySchedule {
        get { delivery.schedule }
        set { delivery.schedule = newValue }
    }
}
