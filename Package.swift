// swift-tools-version:6.2
import PackageDescription

/// With SANCTIONS_OPTIMIZE=1 (set by Tests/run.sh), the domain targets are compiled optimised in
/// debug builds too: the suite runs real data (the 42,000-event default ledger, SDN publications)
/// through them, several times faster than unoptimised code. Without it the manifest has no unsafe
/// flags, so the package stays usable as a dependency.
let optimised: [SwiftSetting] =
    Context.environment["SANCTIONS_OPTIMIZE"] == "1" ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "SanctionsLedger",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SanctionsLedger", targets: ["SanctionsLedger"]),
        // The parsers and the matcher on their own, for the fuzz targets (Tests/Fuzz) and tools
        // that check files without a ledger. Applications use SanctionsLedger.
        .library(name: "SanctionsParsers", targets: ["SanctionsCore", "SanctionsImport", "SanctionsScreening"]),
        .executable(name: "sanctions", targets: ["sanctions"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: events, the three clocks, canonical encoding, hash chain, interval folding, rules.
        .target(
            name: "SanctionsCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: optimised
        ),
        // Pure screening: normalisation, similarity, candidate index, matcher.
        .target(name: "SanctionsScreening", dependencies: ["SanctionsCore"], swiftSettings: optimised),
        // Parsers: event files, OFAC and trade.gov list files, transactions; snapshot differ.
        .target(name: "SanctionsImport", dependencies: ["SanctionsCore"], swiftSettings: optimised),
        // Data built into the binary by the EmbedFiles plugin: the SQL migrations and the JSON
        // schema, and the ledger's default events (a binary copied anywhere needs nothing beside it).
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),
        .executableTarget(
            name: "EmbedFilesTool", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SanctionsEmbedding", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "SanctionsSchema", dependencies: ["SanctionsEmbedding"], path: "Schema",
            exclude: ["migrations", "events.schema.json"], plugins: ["EmbedFiles"]
        ),
        .target(
            name: "SanctionsDefaultEvents", dependencies: ["SanctionsEmbedding"], path: "Events",
            exclude: ["regimes.json", "program-regimes.json", "notices"], plugins: ["EmbedFiles"]
        ),
        // SQLite store (the only target that sees GRDB).
        .target(
            name: "SanctionsStore",
            dependencies: [
                "SanctionsCore", "SanctionsScreening", "SanctionsSchema",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: optimised
        ),
        // Public facade: default ledger, imports, screening, rescreening, lookback, reports.
        .target(
            name: "SanctionsLedger",
            dependencies: [
                "SanctionsCore", "SanctionsScreening", "SanctionsImport", "SanctionsStore",
                "SanctionsDefaultEvents", "SanctionsEmbedding",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: optimised
        ),
        // Benchmarks and screening evaluation: synthetic ledgers and transactions, measured runs.
        // Used by the CLI's `bench` and `eval` and by the tests; not part of the library product.
        .target(
            name: "SanctionsBenchmarks", dependencies: ["SanctionsLedger", "SanctionsScreening", "SanctionsImport"]),
        // Fetching the current publications over HTTP (AsyncHTTPClient) and importing them.
        .target(
            name: "SanctionsSync",
            dependencies: [
                "SanctionsLedger", "SanctionsStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The ledger as an HTTP service (Hummingbird): screening, health and readiness.
        .target(
            name: "SanctionsServer",
            dependencies: [
                "SanctionsLedger", "SanctionsCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "sanctions",
            dependencies: [
                "SanctionsLedger", "SanctionsBenchmarks", "SanctionsSync", "SanctionsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SanctionsTestSupport", dependencies: ["SanctionsLedger", "SanctionsBenchmarks"]),
        .testTarget(
            name: "SanctionsServerTests",
            dependencies: [
                "SanctionsServer", "SanctionsTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "SanctionsSyncTests",
            dependencies: [
                "SanctionsSync", "SanctionsTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SanctionsCoreTests",
            dependencies: ["SanctionsCore", "SanctionsImport", "SanctionsBenchmarks", "SanctionsTestSupport"]),
        .testTarget(name: "SanctionsScreeningTests", dependencies: ["SanctionsScreening", "SanctionsTestSupport"]),
        .testTarget(
            name: "SanctionsImportTests",
            dependencies: ["SanctionsImport", "SanctionsLedger", "SanctionsTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SanctionsStoreTests",
            dependencies: ["SanctionsStore", "SanctionsLedger", "SanctionsBenchmarks", "SanctionsTestSupport"]),
        .testTarget(
            name: "SanctionsLedgerTests",
            dependencies: [
                "SanctionsLedger", "SanctionsBenchmarks", "SanctionsTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DocExampleTests",
            dependencies: [
                "SanctionsCore", "SanctionsScreening", "SanctionsImport", "SanctionsEmbedding", "SanctionsStore",
                "SanctionsLedger", "SanctionsBenchmarks",
            ],
            // The generated examples are compiled, never run: their unused results are not worth a warning.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])]
        ),
        .testTarget(
            name: "SanctionsCLITests",
            dependencies: [
                "sanctions", "SanctionsLedger", "SanctionsBenchmarks", "SanctionsTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
