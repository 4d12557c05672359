import ArgumentParser

/// `wastesort import institutions FILE.csv` (placeholder until written).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from CSV files.")
}
