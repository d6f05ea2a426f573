import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport

/// Runs the built `sanctions` binary and captures what it prints, like AP's `AssertExecuteCommand`.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `sanctions` executable next to the test bundle (SwiftPM builds it for the test run).
    static let binary: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("sanctions")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/sanctions")
    }()

    var environment: [String: String] = [:]
    /// The executable to run (the built one unless a test installs a copy elsewhere).
    var binary: URL = CLIRunner.binary
    /// When a command names a `--db` that does not exist yet, put a copy of the default ledger
    /// there first (built once per test process) instead of letting the command build it: the
    /// same content, without 8 s of a debug build per test. Tests of the building itself turn it off.
    var seedFromTemplate = true

    /// The ledger path a command names with `--db`, if any.
    static func ledgerPath(_ arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: "--db"), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// Runs each argument list in a process of its own, all at once (each started `stagger`
    /// microseconds after the one before), and returns their results in the same order: nil where
    /// a process could not be run.
    func runAtOnce(_ commands: [[String]], stagger: UInt32 = 0) -> [Result?] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [Result?](repeating: nil, count: commands.count)
        let group = DispatchGroup()
        for (position, arguments) in commands.enumerated() {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                let result = try? run(arguments)
                lock.withLock { results[position] = result }
            }
            if stagger > 0 { usleep(stagger) }
        }
        group.wait()
        return lock.withLock { results }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let buildsItsOwn = arguments.contains("--empty") || arguments.contains("--curated-only")
        if seedFromTemplate, !buildsItsOwn, let path = Self.ledgerPath(arguments),
            !FileManager.default.fileExists(atPath: path)
        {
            try TemporaryLedger.writeDefaultLedger(to: path)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SANCTIONS_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

extension CLIRunner {
    /// The number of events in the ledger at `db` (`stats --format json`); an empty ledger made by
    /// `init --empty` holds the embedded rules.
    func eventCount(_ db: String) throws -> Int {
        let stats = try run(["stats", "--db", db, "--format", "json"])
        let json = try JSONParser.parse(Array(stats.stdout.utf8))
        return Int(json["events"]?.numberText ?? "-1") ?? -1
    }
}
