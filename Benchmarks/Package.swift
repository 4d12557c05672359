// swift-tools-version:6.0
import PackageDescription

// The peer servers that `Benchmarks/run` measures wastesort against. A separate package so the
// product never depends on a framework: build it with
// `swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build`.
let package = Package(
    name: "wastesort-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "peer-hummingbird", targets: ["peer-hummingbird"]),
        .executable(name: "peer-vapor", targets: ["peer-vapor"]),
        .executable(name: "peer-flyingfox", targets: ["peer-flyingfox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The captured fixtures (PeerData), the Codable models of wastesort's JSON and `--port`
        // parsing, shared by every peer.
        .target(name: "PeerSupport"),
        .executableTarget(name: "peer-hummingbird", dependencies: [
            "PeerSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "peer-vapor", dependencies: [
            "PeerSupport",
            .product(name: "Vapor", package: "vapor"),
        ]),
        .executableTarget(name: "peer-flyingfox", dependencies: [
            "PeerSupport",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
    ]
)
