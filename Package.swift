// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "CSystem"),

        .target(name: "Locking"),
        .target(name: "CalendarDates"),
        .target(name: "JSON", dependencies: ["CalendarDates"]),
        .target(name: "Hashing", dependencies: ["COpenSSL"]),
        .target(name: "ZipArchive", dependencies: ["CZlib"]),
        .target(name: "HTTPCore", dependencies: ["CSystem", "COpenSSL", "Locking"]),
        .target(name: "Routing", dependencies: ["HTTPCore", "JSON", "Locking"]),
        .target(name: "Storage", dependencies: ["CSQLite", "Locking"]),
        .target(name: "WasteDomain", dependencies: ["CalendarDates", "JSON"]),
        .target(name: "Spreadsheet", dependencies: ["ZipArchive"]),
        .target(name: "WasteAPI", dependencies: ["WasteDomain", "Storage", "Routing", "HTTPCore", "JSON", "Hashing", "Locking", "Spreadsheet"]),
        .target(name: "DemoData", dependencies: ["WasteAPI", "WasteDomain", "Storage", "Hashing", "JSON"]),
        .executableTarget(name: "wastesort", dependencies: [
            "WasteAPI", "DemoData", "Storage", "HTTPCore", "Hashing", "CSystem",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "ZipArchiveTests", dependencies: ["ZipArchive"]),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "HTTPCore", "JSON"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Locking"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "WasteDomainTests", dependencies: ["WasteDomain", "JSON"]),
        .testTarget(name: "WasteAPITests", dependencies: ["WasteAPI", "DemoData", "Storage", "Routing", "HTTPCore", "JSON", "Hashing", "Spreadsheet"]),
    ]
)
