// swift-tools-version:6.0
import Foundation
import PackageDescription

// The commit `wastesort --version` and /metrics report: WASTESORT_COMMIT when set (the Docker
// build has no .git), else the checkout's, marked "-dirty" with uncommitted changes.
let buildCommit: String = {
    if let given = ProcessInfo.processInfo.environment["WASTESORT_COMMIT"], !given.isEmpty { return given }
    guard let git = Context.gitInformation else { return "unknown" }
    return String(git.currentCommit.prefix(12)) + (git.hasUncommittedChanges ? "-dirty" : "")
}()

// Dependencies point one way: wastesort → WasteAPI → WasteDomain, Storage, Routing → HTTPCore.
// The C modules are module maps and shim headers over the system's libsqlite3, libssl, zlib and epoll.
let package = Package(
    name: "wastesort",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wastesort", targets: ["wastesort"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CSystem"),
        .target(name: "CBuildInfo", cSettings: [.define("WASTESORT_COMMIT", to: "\"\(buildCommit)\"")]),

        .target(name: "Locking"),
        .target(name: "Throttling", dependencies: ["Locking"]),
        .target(name: "CalendarDates"),
        .target(name: "JSON", dependencies: ["CalendarDates"]),
        .target(name: "Multipart"),
        .target(name: "BlobStore", dependencies: ["Hashing"]),
        .target(name: "PhotoMetadata"),
        .target(name: "Hashing", dependencies: ["COpenSSL"]),
        .target(name: "ZipArchive", dependencies: ["CZlib"]),
        .target(name: "WordDocument", dependencies: ["ZipArchive"]),
        .target(name: "HTTPCore", dependencies: ["CSystem", "COpenSSL", "Locking"]),
        .target(name: "Routing", dependencies: ["HTTPCore", "JSON", "Locking"]),
        .target(name: "Storage", dependencies: ["CSQLite", "Locking"]),
        .target(name: "WasteDomain", dependencies: ["CalendarDates", "JSON"]),
        .target(name: "Spreadsheet", dependencies: ["ZipArchive"]),
        // outbound HTTP and SMTP over libcurl, with the host allow-list; knows nothing of waste
        .target(name: "Outbound", dependencies: ["CCurl"]),
        .target(name: "WasteAPI", dependencies: ["WasteDomain", "Storage", "Routing", "HTTPCore", "JSON", "Hashing", "Locking", "WordDocument", "Spreadsheet",
                                          "Throttling", "Outbound", "Multipart", "PhotoMetadata", "BlobStore"]),
        .target(name: "DemoData", dependencies: ["WasteAPI", "WasteDomain", "Storage", "Hashing", "JSON"]),
        .executableTarget(name: "wastesort", dependencies: [
            "WasteAPI", "DemoData", "Storage", "HTTPCore", "Hashing", "CSystem", "CBuildInfo", "Locking", "Outbound", "BlobStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "MultipartTests", dependencies: ["Multipart"]),
        .testTarget(name: "BlobStoreTests", dependencies: ["BlobStore", "Hashing"]),
        .testTarget(name: "PhotoMetadataTests", dependencies: ["PhotoMetadata"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "ZipArchiveTests", dependencies: ["ZipArchive"]),
        .testTarget(name: "WordDocumentTests", dependencies: ["WordDocument", "ZipArchive"]),
        .testTarget(name: "ThrottlingTests", dependencies: ["Throttling", "Locking"]),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "HTTPCore", "JSON"]),
        // A fault-injecting SQLite VFS in C, for tests only (docs/RELIABILITY.md, the fault table).
        .target(name: "CFaultVFS", dependencies: ["CSQLite"], path: "Tests/CFaultVFS"),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Locking", "CFaultVFS"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "WasteDomainTests", dependencies: ["WasteDomain", "JSON"]),
        .testTarget(name: "WasteAPITests", dependencies: ["WasteAPI", "DemoData", "Storage", "Routing", "HTTPCore", "JSON", "Hashing", "ZipArchive", "Spreadsheet",
                                                  "Outbound", "Locking", "WasteDomain"]),
        .testTarget(name: "OutboundTests", dependencies: ["Outbound", "Hashing", "COpenSSL"]),
    ]
)
