import ArgumentParser
import Foundation
import WasteAPI

/// `wastesort user create|list`: manage users without a running server (first setup, lost
/// admin passwords). The same rules as `POST /v1/users` apply.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create and list users.",
                                                    subcommands: [Create.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user.",
            discussion: """
                The password comes from --password, else from WASTESORT_NEW_PASSWORD, else a random one \
                is generated and printed once. Prefer the environment: flags show up in the process list.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Login name: 3 to 64 of A-Z a-z 0-9 . _ -") var username: String
        @Option(help: "admin, inspector, clerk or viewer") var role: String
        @Option(name: .customLong("institution-id"), help: "The clerk's institution (clerks only, required for them).")
        var institutionID: Int64?
        @Option(name: .customLong("display-name"), help: "Name shown to people (default: the username).")
        var displayName: String?
        @Option(help: "Password, 8 to 1024 characters (or WASTESORT_NEW_PASSWORD).") var password: String?

        func run() throws {
            let given = Environment.optionalString(password, "WASTESORT_NEW_PASSWORD")
            let chosen = try given ?? PeopleAdmin.generatePassword()
            let (pool, _, _) = try database.openMigrated()
            defer { pool.close() }
            let user: PeopleAdmin.UserSummary
            do {
                user = try PeopleAdmin.createUser(in: pool, username: username, displayName: displayName, role: role,
                                                  institutionID: institutionID, password: chosen)
            } catch let failure as PeopleAdmin.Failure {
                throw CommandFailure("cannot create user \(username): \(failure)")
            }
            printLine("created user \(user.username) (id \(user.id), role \(user.role))")
            if given == nil { printLine("password (shown once): \(chosen)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let (pool, _, _) = try database.openMigrated()
            defer { pool.close() }
            printLine("id\tusername\trole\tinstitution\tactive\tdisplay name")
            for user in try PeopleAdmin.listUsers(in: pool) {
                let institution = user.institutionID.map(String.init) ?? "-"
                printLine("\(user.id)\t\(user.username)\t\(user.role)\t\(institution)\t\(user.active ? "yes" : "no")\t\(user.displayName)")
            }
        }
    }
}
