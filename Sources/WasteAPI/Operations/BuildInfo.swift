/// What binary is running: reported by `wastesort --version` and as `wastesort_build_info` on
/// `/metrics`, so an operator can tell which build and libraries a server uses.
public struct BuildInfo: Sendable, Equatable {
    /// The product's version (the OpenAPI document's `info.version` is the API's own).
    public static let productVersion = "1.1.0"

    public var version: String
    public var commit: String
    public var sqlite: String
    public var openssl: String

    public init(version: String = BuildInfo.productVersion, commit: String, sqlite: String, openssl: String) {
        self.version = version
        self.commit = commit
        self.sqlite = sqlite
        self.openssl = openssl
    }

    /// `wastesort 1.1.0 (commit 0732e6b1c2d3, SQLite 3.40.1, OpenSSL 3.0.15)`
    public var line: String {
        "wastesort \(version) (commit \(commit), SQLite \(sqlite), OpenSSL \(openssl))"
    }
}
