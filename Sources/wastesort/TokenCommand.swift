import ArgumentParser

/// `wastesort token create` (placeholder until written).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Create API tokens for scripts.")
}
