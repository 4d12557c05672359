import ArgumentParser
import Foundation
import WasteAPI

/// `wastesort user create|list`: manage users without a running server (first setup, lost
/// admin passwords). The same rules as `POST /v1/users` apply.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create, list and unlock users.",
                                                    subcommands: [Create.self, List.self, Unlock.self, ResetTOTP.self])

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
        @Option(help: "Password, 10 to 1024 characters, not the username, not a common password (or WASTESORT_NEW_PASSWORD).") var password: String?

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

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift the login locks of a user (failed logins), also in a running server.",
            discussion: """
                Records the unlock in the database; a running server reads it when a lock would refuse \
                the user's next login, so no restart is needed. Locks of a whole client address are not \
                lifted: they end by themselves within 15 minutes.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The username to unlock.") var username: String

        func run() throws {
            let (pool, _, _) = try database.openMigrated()
            defer { pool.close() }
            do {
                try PeopleAdmin.unlock(in: pool, username: username)
            } catch let failure as PeopleAdmin.Failure {
                throw CommandFailure("cannot unlock \(username): \(failure)")
            }
            printLine("unlocked \(username): the next login with the right password is let through")
        }
    }

    struct ResetTOTP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-totp",
            abstract: "Turn a user's TOTP second factor off (a lost phone) and revoke its tokens.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The username.") var username: String

        func run() throws {
            let (pool, _, _) = try database.openMigrated()
            defer { pool.close() }
            do {
                try PeopleAdmin.resetTOTP(in: pool, username: username)
            } catch let failure as PeopleAdmin.Failure {
                throw CommandFailure("cannot reset TOTP of \(username): \(failure)")
            }
            printLine("TOTP of \(username) is off and its tokens are revoked; it logs in with its password")
        }
    }
}
