import Foundation
import Glibc
import JSON
import Testing

/// What an operator meets running the real binary: one server per database and per port,
/// outside writes seen, the health check, the version, and the maintenance commands' answers.
@Suite struct OperatorTests {
    @Test func aSecondServerOnTheSameDatabaseIsRefusedWithOneLine() throws {
        let directory = try Wastesort.temporaryDirectory()
        let first = try ServerProcess(["--db", "a.db", "--port", "0", "--quiet"], in: directory)
        #expect(first.port != nil)
        let second = try ServerProcess(["--db", "a.db", "--port", "0", "--quiet"], in: directory)
        #expect(second.port == nil)
        #expect(second.stop() != 0)
        let lines = second.errorText().split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("another wastesort server") == true)
        #expect(lines.first?.contains("\(first.process.processIdentifier)") == true)
        #expect(first.stop() == 0)
        // Once the first has stopped, the database is free again.
        let third = try ServerProcess(["--db", "a.db", "--port", "0", "--quiet"], in: directory)
        #expect(third.port != nil)
    }

    @Test func aSecondServerOnTheSamePortIsRefusedInsteadOfSharingIt() throws {
        let directory = try Wastesort.temporaryDirectory()
        let first = try ServerProcess(["--db", "a.db", "--port", "0", "--quiet"], in: directory)
        let port = try #require(first.port)
        let second = try ServerProcess(["--db", "b.db", "--port", "\(port)", "--quiet"], in: directory)
        #expect(second.port == nil)
        #expect(second.stop() != 0)
        let errors = second.errorText()
        #expect(errors.split(separator: "\n").count == 1)
        #expect(errors.contains("already in use"))
        // Every connection still reaches the first server's database (a.db has its admin).
        let client = HTTPTestClient(port: port)
        for _ in 0..<20 {
            #expect(try client.request("GET", "/healthz", headers: [("Connection", "close")]).status == 200)
        }
        #expect(first.stop() == 0)
    }

    @Test func anImportByTheCLIIsSeenByTheRunningServersRankingAndOverview() throws {
        let directory = try Wastesort.temporaryDirectory()
        let server = try ServerProcess(["--db", "d.db", "--port", "0", "--quiet"], in: directory)
        let client = HTTPTestClient(port: try #require(server.port))
        let login = try client.post("/v1/sessions", json: ["username": "admin", "password": .string(ServerProcess.adminPassword)])
        let token = try #require(login.json["token"]?.stringValue)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        let period = String(format: "%04d-%02d", parts.year!, parts.month!)
        let ranking = try client.get("/v1/rankings?period=\(period)", token: token)
        let overview = try client.get("/v1/stats/overview?period=\(period)", token: token)
        #expect(ranking.status == 200, "\(ranking.text)")
        #expect(overview.status == 200, "\(overview.text)")

        let csv = directory.appendingPathComponent("units.csv")
        // it owes this month's report, so this month's ranking lists it (a unit whose obligation began
        // after the period is in neither its ranking nor its notice: docs/DECISIONS.md, issue 12)
        try Data("code,name,kind,headcount,floors,reporting_starts_on\nOUT-1,区外来单位,党政机关,40,3,\(period)-01\n".utf8).write(to: csv)
        let imported = try Wastesort.run(["import", "institutions", csv.path, "--db", "d.db"], in: directory)
        #expect(imported.status == 0, "\(imported.errors)")

        // The next requests (the watch looks every few ms) see the new unit.
        #expect(try eventually { try client.get("/v1/stats/overview?period=\(period)", token: token).header("etag") != overview.header("etag") })
        #expect(try eventually { try client.get("/v1/rankings?period=\(period)", token: token).header("etag") != ranking.header("etag") })
        let units = try client.get("/v1/rankings?period=\(period)", token: token).text
        #expect(units.contains("区外来单位"))
    }

    @Test func healthcheckExitsZeroForAServingServerAndOneOtherwise() throws {
        let directory = try Wastesort.temporaryDirectory()
        let server = try ServerProcess(["--db", "h.db", "--port", "0", "--quiet"], in: directory)
        let port = try #require(server.port)
        let healthy = try Wastesort.run(["healthcheck", "--url", "http://127.0.0.1:\(port)/healthz"], in: directory)
        #expect(healthy.status == 0, "\(healthy.errors)")
        let byEnvironment = try Wastesort.run(["healthcheck"], in: directory, environment: ["WASTESORT_PORT": "\(port)"])
        #expect(byEnvironment.status == 0)
        let notFound = try Wastesort.run(["healthcheck", "--url", "http://127.0.0.1:\(port)/nowhere"], in: directory)
        #expect(notFound.status == 1)
        #expect(notFound.errors.contains("404"))
        server.stop()
        let stopped = try Wastesort.run(["healthcheck", "--url", "http://127.0.0.1:\(port)/healthz", "--timeout", "1"], in: directory)
        #expect(stopped.status == 1)
        #expect(stopped.errors.contains("unhealthy"))
    }

    @Test func versionNamesTheBuildAndItsLibraries() throws {
        let directory = try Wastesort.temporaryDirectory()
        let version = try Wastesort.run(["--version"], in: directory)
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("wastesort "))
        #expect(version.output.contains("commit "))
        #expect(version.output.range(of: #"SQLite 3\.\d+"#, options: .regularExpression) != nil)
        #expect(version.output.range(of: #"OpenSSL \d+\.\d+"#, options: .regularExpression) != nil)
    }

    @Test func commandsOnAMissingDatabaseFailWithoutCreatingIt() throws {
        let directory = try Wastesort.temporaryDirectory()
        for command in [["check"], ["backup", "--to", "copy.db"], ["notice", "--period", "2026-10"]] {
            let outcome = try Wastesort.run(command + ["--db", "missing.db"], in: directory)
            #expect(outcome.status != 0, "\(command)")
            #expect(outcome.errors.contains("does not exist"), "\(command): \(outcome.errors)")
        }
        let nowhere = try Wastesort.run(["migrate", "--db", "m.db", "--migrations", "/nowhere"], in: directory)
        #expect(nowhere.status != 0)
        #expect(nowhere.errors.contains("/nowhere"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.db").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.db").path))
    }

    @Test func migrateSaysWhenNothingIsLeftAndCountsAsReadyzDoes() throws {
        let directory = try Wastesort.temporaryDirectory()
        let first = try Wastesort.run(["migrate", "--db", "w.db"], in: directory)
        #expect(first.status == 0)
        #expect(first.output.contains("applied 0001_core"))
        let again = try Wastesort.run(["migrate", "--db", "w.db"], in: directory)
        #expect(again.status == 0)
        #expect(again.output.contains("nothing to apply"))
        #expect(!again.output.contains("applied 0001"))
        let count = try #require(again.output.firstMatch(of: /\((\d+) migrations applied\)/).flatMap { Int($0.1) })
        let server = try ServerProcess(["--db", "w.db", "--port", "0", "--quiet"], in: directory)
        let ready = try HTTPTestClient(port: try #require(server.port)).get("/readyz").json
        #expect(ready["migrations"]?.numberValue?.int64 == Int64(count))
    }

    @Test func noticeInfersItsKindFromThePeriod() throws {
        let directory = try Wastesort.temporaryDirectory()
        #expect(try Wastesort.run(["migrate", "--db", "n.db"], in: directory).status == 0)
        for period in ["2026-10", "2026-Q3", "2026-H1"] {
            let outcome = try Wastesort.run(["notice", "--db", "n.db", "--period", period, "--format", "json"], in: directory)
            #expect(outcome.status == 0, "\(period): \(outcome.errors)")
        }
        let mismatch = try Wastesort.run(["notice", "--db", "n.db", "--period", "2026-10", "--kind", "quarterly"], in: directory)
        #expect(mismatch.status != 0)
    }

    @Test func badValuesNameTheFlagAndTheVariable() throws {
        let directory = try Wastesort.temporaryDirectory()
        let byFlag = try Wastesort.run(["serve", "--port", "70000"], in: directory)
        #expect(byFlag.status != 0)
        #expect(byFlag.errors.contains("--port / WASTESORT_PORT"))
        let byVariable = try Wastesort.run(["serve"], in: directory, environment: ["WASTESORT_IO_THREADS": "lots"])
        #expect(byVariable.status != 0)
        #expect(byVariable.errors.contains("--io-threads / WASTESORT_IO_THREADS"))
        #expect(!byVariable.errors.contains("wastesort_io_threads"))
    }

    @Test func metricsShowTheBuildAndTheProcessAndTakeAnOptionalToken() throws {
        let directory = try Wastesort.temporaryDirectory()
        let open = try ServerProcess(["--db", "o.db", "--port", "0", "--quiet"], in: directory)
        let text = try HTTPTestClient(port: try #require(open.port)).get("/metrics").text
        #expect(text.contains("wastesort_build_info{version=\""))
        #expect(text.contains("sqlite=\"3."))
        for name in ["process_resident_memory_bytes", "process_open_fds", "process_threads", "process_cpu_seconds_total"] {
            let value = text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
            #expect((value ?? 0) > 0 || name == "process_cpu_seconds_total" && value != nil, "\(name)")
        }
        open.stop()

        let guarded = try ServerProcess(["--db", "g.db", "--port", "0", "--quiet"], in: directory,
                                        environment: ["WASTESORT_METRICS_TOKEN": "scrape-secret"])
        let client = HTTPTestClient(port: try #require(guarded.port))
        #expect(try client.get("/metrics").status == 401)
        #expect(try client.get("/metrics", token: "wrong").status == 401)
        #expect(try client.get("/metrics", token: "scrape-secret").status == 200)
        #expect(try client.get("/healthz").status == 200)
    }
}
