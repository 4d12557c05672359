import ArgumentParser
import WasteAPI

/// `wastesort`: the server and its maintenance commands.
@main
struct WastesortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wastesort",
        abstract: "Waste-sorting supervision for public institutions: HTTP JSON API server and tools.",
        discussion: "Every option also reads an environment variable: --port reads WASTESORT_PORT, --db reads WASTESORT_DB, and so on.",
        version: BuildInfo.binary.line,
        subcommands: [ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, ImportCommand.self,
                      NoticeCommand.self, RemindCommand.self, GenerateCommand.self,
                      CheckCommand.self, BackupCommand.self, HealthcheckCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
