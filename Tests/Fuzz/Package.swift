// swift-tools-version:6.2
// libFuzzer targets for the parsers and the name normaliser. Not part of `swift test`; run with
// Tests/Fuzz/run.sh (see the README's reliability section).
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let linker: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "SanctionsFuzz",
    dependencies: [.package(name: "SanctionsLedger", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: fuzzer)
    ]
        + ["FuzzEventFile", "FuzzOFACCSV", "FuzzEnhancedXML", "FuzzTransactions", "FuzzNormalizer"].map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "SanctionsParsers", package: "SanctionsLedger")],
                swiftSettings: fuzzer,
                linkerSettings: linker
            )
        }
)
