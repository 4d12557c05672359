import ArgumentParser
import WasteAPI

/// `wastesort token create`: an API token for a script or dashboard, made on the server's
/// machine without logging in. The same rules as `POST /v1/tokens` apply.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Create API tokens for scripts.",
                                                    subcommands: [Create.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token acting with a user's role; the token is printed once.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The user the token acts as.") var username: String
        @Option(help: "What the token is for, e.g. \"ranking dashboard\".") var name: String
        @Option(name: .customLong("expires-at"), help: "RFC 3339 instant, e.g. 2027-01-01T00:00:00Z (default: never).")
        var expiresAt: String?

        func run() throws {
            let (pool, _, _) = try database.openMigrated()
            defer { pool.close() }
            let created: PeopleAdmin.CreatedToken
            do {
                created = try PeopleAdmin.createToken(in: pool, username: username, name: name, expiresAt: expiresAt)
            } catch let failure as PeopleAdmin.Failure {
                throw CommandFailure("cannot create a token for \(username): \(failure)")
            }
            printLine("created token \(created.id) for \(username), expires \(created.expiresAt ?? "never")")
            printLine(created.token)
        }
    }
}
