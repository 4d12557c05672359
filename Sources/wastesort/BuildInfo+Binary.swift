import CBuildInfo
import Hashing
import Storage
import WasteAPI

extension BuildInfo {
    /// This binary's build: the commit stamped by Package.swift, the libraries linked now.
    static let binary = BuildInfo(commit: String(cString: cbuildinfo_commit()), sqlite: SQLiteLibrary.version,
                                  openssl: OpenSSLLibrary.version)
}
