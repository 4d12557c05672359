import ArgumentParser
import CSystem
import Foundation
import HTTPCore
import Routing
import Storage
import DemoData
import WasteAPI

/// `wastesort serve`: migrate the database and serve the API until SIGTERM/SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API (the default command).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (WASTESORT_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on, 0 for any (WASTESORT_PORT; default 8080).") var port: Int?
    @Flag(help: "Fill an empty database with a demo district (WASTESORT_DEMO).") var demo = false
    @Flag(name: .customLong("public-read"), help: "Let anonymous clients GET rankings, statistics and published notices (WASTESORT_PUBLIC_READ).") var publicRead = false
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (WASTESORT_TLS_CERT).") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert (WASTESORT_TLS_KEY).") var tlsKey: String?
    @Option(name: .customLong("io-threads"), help: "Event-loop threads (WASTESORT_IO_THREADS; default: one per core).") var ioThreads: Int?
    @Option(help: "Handler threads (WASTESORT_WORKERS; default 32).") var workers: Int?
    @Option(name: .customLong("max-queue"), help: "Queued requests before 503 (WASTESORT_MAX_QUEUE; default 1024).") var maxQueue: Int?
    @Option(name: .customLong("max-connections"), help: "Open connections before new ones are refused (WASTESORT_MAX_CONNECTIONS; default 20000).") var maxConnections: Int?
    @Option(name: .customLong("max-body"), help: "Largest request body in bytes (WASTESORT_MAX_BODY; default 8388608).") var maxBody: Int?
    @Option(name: .customLong("max-upload-bytes"), help: "Largest evidence file in bytes (WASTESORT_MAX_UPLOAD_BYTES; default 20971520).") var maxUploadBytes: Int?
    @Option(name: .customLong("header-timeout"), help: "Seconds to send the request head (WASTESORT_HEADER_TIMEOUT; default 10).") var headerTimeout: Double?
    @Option(name: .customLong("idle-timeout"), help: "Seconds an idle keep-alive connection stays open (WASTESORT_IDLE_TIMEOUT; default 15).") var idleTimeout: Double?
    @Option(name: .customLong("trusted-proxy"), help: "Address of the reverse proxy whose X-Forwarded-For names the client, for login throttling (WASTESORT_TRUSTED_PROXY).") var trustedProxy: String?
    @Flag(name: .customLong("quiet"), help: "No access log (WASTESORT_QUIET).") var quiet = false
    @Option(name: .customLong("log-format"), help: "Log lines as text or json, one per line (WASTESORT_LOG_FORMAT; default text).")
    var logFormat: String?
    @Option(name: .customLong("log-level"),
            help: "debug, info (every request), warn (4xx and 5xx only) or error (5xx and errors) (WASTESORT_LOG_LEVEL; default info).")
    var logLevel: String?
    @Option(name: .customLong("metrics-token"),
            help: "Bearer token /metrics wants (WASTESORT_METRICS_TOKEN; default: /metrics is open). Prefer the variable: flags show in ps.")
    var metricsToken: String?
    @Option(name: .customLong("import-max-rows"), help: "Data rows one CSV or xlsx import may hold (WASTESORT_IMPORT_MAX_ROWS; default 10000).") var importMaxRows: Int?

    func run() throws {
        // glibc gives threads their own malloc arenas; with ~40 threads (loops, workers, SQLite)
        // that fragments memory and RSS creeps up under a long mixed load (scripts/soak). Two
        // arenas keep it flat at no measurable cost.
        _ = csystem_limit_malloc_arenas(2)
        let serverConfiguration = try makeServerConfiguration()
        let log = try Environment.bool(quiet, "WASTESORT_QUIET") ? nil : try makeLog()
        // Before anything touches the file: a second server on this database stops here.
        let lock: DatabaseLock
        do {
            lock = try DatabaseLock(beside: database.path)
        } catch {
            throw CommandFailure("\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        let (pool, migrations, _) = try database.openMigrated()
        Self.logStorageFaults(pool, log: log)
        try Self.bootstrapAdmin(pool)
        if try Environment.bool(demo, "WASTESORT_DEMO") { try fillDemo(pool) }
        var options = AppOptions()
        options.publicRead = try Environment.bool(publicRead, "WASTESORT_PUBLIC_READ")
        options.expectedMigrations = migrations.count
        options.buildInfo = BuildInfo.binary
        options.metricsToken = Environment.optionalString(metricsToken, "WASTESORT_METRICS_TOKEN")
        options.importMaxRows = try Environment.int(importMaxRows, "WASTESORT_IMPORT_MAX_ROWS",
                                                    default: InstitutionImport.defaultMaxRows, range: 1...1_000_000)
        options.attachmentsDirectory = database.attachmentsPath
        options.maxUploadBytes = try Environment.int(maxUploadBytes, "WASTESORT_MAX_UPLOAD_BYTES", default: 20 << 20, range: 1024...(1 << 30))
        options.accessLog = log
        options.trustedProxy = Environment.optionalString(trustedProxy, "WASTESORT_TRUSTED_PROXY")
        let stats = ServerStats()
        options.serverStats = stats
        let app = Application(database: pool, options: options)
        let running = HTTPServer(configuration: serverConfiguration, responder: app.router, stats: stats)
        let boundPort: Int
        do {
            boundPort = try running.start()
        } catch {
            throw CommandFailure("cannot listen on \(serverConfiguration.host):\(serverConfiguration.port): \(error)")
        }
        if let warning = running.connectionLimitWarning { printError(warning) }
        let scheme = serverConfiguration.tls == nil ? "http" : "https"
        printLine("wastesort serving \(scheme)://\(serverConfiguration.host):\(boundPort) with database \(database.path)")
        // after the server is listening, so a scheduler pass cannot delay readiness
        app.startBackgroundWork()
        let signals = ShutdownSignals { running.shutdown() }
        running.waitUntilStopped()
        signals.cancel()
        app.stopBackgroundWork()
        log?.flush()
        pool.close()
        printLine("wastesort stopped")
    }

    /// One line when writes start failing with a storage fault, and one when they commit again
    /// (to the access log, or standard error with --quiet).
    static func logStorageFaults(_ pool: DatabasePool, log: AccessLog?) {
        pool.storageHealth.observe { fault in
            let line = fault.map { "storage: writes refused: \($0)" } ?? "storage: writes commit again"
            switch (log, fault) {
            case (let log?, nil): log.info(line)
            case (let log?, _?): log.error(line)
            case (nil, _): printError(line)
            }
        }
    }

    /// First start: the user `admin`, with `WASTESORT_ADMIN_PASSWORD` or a one-time password printed once.
    static func bootstrapAdmin(_ pool: DatabasePool) throws {
        let outcome: AdminBootstrap.Outcome
        do {
            outcome = try AdminBootstrap.ensureAdmin(pool, password: Environment.value("WASTESORT_ADMIN_PASSWORD"))
        } catch {
            throw CommandFailure("cannot create the first admin user: \(error)")
        }
        switch outcome {
        case .existing:
            break
        case .createdFromEnvironment:
            printLine("created user admin with the password from WASTESORT_ADMIN_PASSWORD")
        case .created(let password):
            printLine("created user admin with one-time password: \(password)")
            printLine("(it is shown only now; log in and change it with POST /v1/me/password)")
        }
    }

    /// `--demo`: a demo district in a database without institutions; otherwise nothing changes.
    private func fillDemo(_ pool: DatabasePool) throws {
        let summary: DemoSummary
        do {
            summary = try DemoDistrict.fill(pool, options: DemoOptions(), today: DemoDistrict.today(pool, now: AppClock.system.now()))
        } catch {
            throw CommandFailure("cannot fill the demo district: \(error)")
        }
        guard summary.filled else {
            printLine("demo: the database already has institutions; no demo data added")
            return
        }
        printLine("demo: filled the demo district 尖山区")
        DemoReport.lines(summary).forEach { printLine("demo: " + $0) }
    }

    private func makeLog() throws -> AccessLog {
        let formatName = Environment.string(logFormat, "WASTESORT_LOG_FORMAT", default: "text")
        guard let format = AccessLog.Format(rawValue: formatName.lowercased()) else {
            throw ValidationError("\(Environment.source("WASTESORT_LOG_FORMAT")) must be text or json, not \(formatName)")
        }
        let levelName = Environment.string(logLevel, "WASTESORT_LOG_LEVEL", default: "info")
        guard let level = AccessLog.Level(name: levelName) else {
            throw ValidationError("\(Environment.source("WASTESORT_LOG_LEVEL")) must be debug, info, warn or error, not \(levelName)")
        }
        return AccessLog(format: format, level: level)
    }

    private func makeServerConfiguration() throws -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.host = Environment.string(host, "WASTESORT_HOST", default: "127.0.0.1")
        configuration.port = try Environment.int(port, "WASTESORT_PORT", default: 8080, range: 0...65535)
        configuration.ioThreads = try Environment.int(ioThreads, "WASTESORT_IO_THREADS",
                                                      default: ProcessInfo.processInfo.activeProcessorCount, range: 1...64)
        configuration.workerThreads = try Environment.int(workers, "WASTESORT_WORKERS", default: 32, range: 1...1024)
        configuration.maxQueuedRequests = try Environment.int(maxQueue, "WASTESORT_MAX_QUEUE", default: 1024, range: 1...1_000_000)
        configuration.maxConnections = try Environment.int(maxConnections, "WASTESORT_MAX_CONNECTIONS", default: 20_000, range: 1...1_000_000)
        configuration.limits.maxBodyBytes = try Environment.int(maxBody, "WASTESORT_MAX_BODY", default: 8 << 20, range: 1024...(1 << 30))
        configuration.limits.headerTimeout = try Environment.double(headerTimeout, "WASTESORT_HEADER_TIMEOUT", default: 10, range: 0.1...3600)
        configuration.limits.idleTimeout = try Environment.double(idleTimeout, "WASTESORT_IDLE_TIMEOUT", default: 15, range: 0.1...3600)
        let cert = Environment.optionalString(tlsCert, "WASTESORT_TLS_CERT")
        let key = Environment.optionalString(tlsKey, "WASTESORT_TLS_KEY")
        switch (cert, key) {
        case (nil, nil):
            break
        case let (cert?, key?):
            do {
                configuration.tls = try TLSContext(certificateChainPath: cert, privateKeyPath: key)
            } catch {
                throw CommandFailure("cannot load TLS certificate and key: \(error)")
            }
        default:
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        return configuration
    }
}

/// One line to standard error at once.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints and flushes at once: the line must reach a pipe before the process waits.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
