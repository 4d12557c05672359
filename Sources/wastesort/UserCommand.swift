import ArgumentParser

/// `wastesort user create|list` (placeholder until written).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create and list users.")
}
