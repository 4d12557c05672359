import Foundation
import HTTPCore
import JSON
import Storage
import WasteAPI
import WasteDomain

/// A real server on an ephemeral port over a real SQLite file in a temporary directory,
/// with the `admin` user created (password `admin-password`).
final class TestApp: @unchecked Sendable {
    static let adminPassword = "admin-password"
    static let migrations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations")

    let directory: URL
    let pool: DatabasePool
    let app: Application
    let server: HTTPServer
    let port: Int
    let clock: TestClock
    let client: HTTPTestClient
    private(set) var adminToken = ""

    /// Whether the temporary directory goes with this app (not when a test reopens it, see `directory`).
    private let ownsDirectory: Bool
    private var closed = false

    /// - Parameters:
    ///   - directory: an existing app's directory, to start a second server on the same database file (a restart).
    ///   - backgroundWork: start the reminder scheduler and delivery worker, as `wastesort serve` does.
    init(publicRead: Bool = false, directory existing: URL? = nil, backgroundWork: Bool = false,
         adjust: (inout AppOptions) -> Void = { _ in }) throws {
        ownsDirectory = existing == nil
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("wastesort-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("test.db").path)
        _ = try pool.migrate(Migrator(source: .directory(Self.migrations)))
        clock = TestClock()
        var options = AppOptions()
        options.publicRead = publicRead
        options.passwordIterations = 1000
        options.clock = clock.appClock
        let stats = ServerStats()
        options.serverStats = stats
        adjust(&options)
        _ = try AdminBootstrap.ensureAdmin(pool, password: Self.adminPassword, iterations: 1000, clock: options.clock)
        app = Application(database: pool, options: options)
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.ioThreads = 1
        configuration.workerThreads = 8
        server = HTTPServer(configuration: configuration, responder: app.router, stats: stats)
        port = try server.start()
        client = HTTPTestClient(port: port)
        adminToken = try login("admin", Self.adminPassword)
        if backgroundWork { app.startBackgroundWork() }
    }

    deinit {
        close()
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Stops the server and its background work and closes the database (idempotent), like a
    /// clean shutdown of `wastesort serve`.
    func close() {
        guard !closed else { return }
        closed = true
        server.shutdown()
        app.stopBackgroundWork()
        pool.close()
    }

    /// Logs in and returns the session token.
    func login(_ username: String, _ password: String) throws -> String {
        let response = try client.post("/v1/sessions", json: ["username": .string(username), "password": .string(password)])
        guard response.status == 201, let token = response.json["token"]?.stringValue else {
            throw HTTPTestClient.ClientFailure(message: "login \(username) failed: \(response.status) \(response.text)")
        }
        return token
    }

    /// Runs SQL directly against the database (fixtures the API does not offer).
    func sql(_ text: String, _ arguments: [any SQLValueConvertible] = []) throws {
        try pool.write { db in try db.execute(text, arguments) }
    }
}

/// A clock tests can move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = Int64(Date().timeIntervalSince1970)

    var appClock: AppClock { AppClock { [self] in self.now() } }

    func now() -> Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return Timestamp(secondsSinceEpoch: seconds)
    }

    func advance(seconds delta: Int64) {
        lock.lock()
        seconds += delta
        lock.unlock()
    }

    func set(_ timestamp: Timestamp) {
        lock.lock()
        seconds = timestamp.secondsSinceEpoch
        lock.unlock()
    }
}
