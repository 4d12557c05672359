import Foundation
import Testing
@testable import WasteAPI
import WasteDomain

/// `wastesort remind --dry-run`, as an operator runs it on the server's database.
@Suite struct RemindCommandTests {
    @Test func theDryRunPrintsWhatWouldBeSentAndStoresNothing() throws {
        let world = try ReminderWorld()
        try world.setDueDay(28)
        let finding = try world.addFinding(institution: 1, rectifyBy: try world.today.adding(days: -3)!)
        let subscription = try world.subscribe(world.webhook(events: [.findingOverdue]))
        world.app.close()

        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = ["remind", "--dry-run", "--db", world.app.directory.appendingPathComponent("test.db").path,
                             "--migrations", TestApp.migrations.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("finding_overdue finding:\(finding) → #\(subscription) webhook"))
        #expect(text.contains("    【整改逾期】尖山区统计局：检查发现的问题“厨余垃圾桶内混有其他垃圾”"))
        #expect(text.contains("0 delivery(ies) already queued"))

        let reopened = try TestApp(directory: world.app.directory)
        #expect(try reopened.rows("SELECT id FROM reminder_events").isEmpty, "a dry run stores nothing")
    }

    @Test func withoutDryRunItRefuses() throws {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = ["remind"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0 && text.contains("--dry-run"))
    }
}
