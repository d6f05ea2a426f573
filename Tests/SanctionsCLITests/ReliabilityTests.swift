import Foundation
import SanctionsLedger
import SanctionsTestSupport
import Testing

#if canImport(Glibc)
import Glibc
import SanctionsBenchmarks
import SanctionsCore
#endif

/// Crash safety and concurrent writers, with the real binary.
@Suite(.serialized) struct ReliabilityTests {
    /// Runs a command to completion.
    @discardableResult
    func run(_ arguments: [String]) throws -> CLIRunner.Result { try CLIRunner().run(arguments) }

    func integrityOK(_ db: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "PRAGMA integrity_check;"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
    }

    func eventCount(_ db: String) throws -> Int { try CLIRunner().eventCount(db) }

    /// Starts `arguments`, kills it with SIGKILL after `milliseconds`, and waits for it.
    func killed(_ arguments: [String], after milliseconds: Int) throws -> Bool {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(milliseconds * 1000))
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning
    }

    /// How long `arguments` take to run to completion, in milliseconds (for the kill schedule).
    func milliseconds(_ arguments: [String]) throws -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try run(arguments)
        #expect(result.status == 0, "the timing run failed: \(result.stderr)")
        return Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// Kill moments spread over a run of `duration` ms: one in each of `slots` equal slices of
    /// its 10%-95% span, at a random point of the slice (so that every phase gets hit, whatever
    /// the speed of the machine and of the build).
    static func killMoments(over duration: Int, slots: Int, using random: inout SplitMix64) -> [Int] {
        let start = Double(duration) * 0.10
        let slice = Double(duration) * 0.85 / Double(slots)
        return (0..<slots).map { slot in Int(start + slice * (Double(slot) + Double.random(in: 0..<1, using: &random)))
        }
    }

    /// A notice file with `count` listings.
    static func eventFile(_ path: String, count: Int, prefix: String) throws {
        var generator = SyntheticLedger(seed: 77)
        var text =
            #"{"notice":{"citation":"CRASH TEST","authority":"TEST","published":"2020-01-01","effective":"2020-01-01"},"events":["#
        for index in 0..<count {
            let name = generator.name()
            if index > 0 { text += "," }
            text +=
                #"{"id":"\#(prefix)-\#(index)","type":"listed","party":"\#(prefix)-\#(index)","regime":"bis-entity-list","name":"\#(name) \#(index)","aliases":["\#(name) \#(index) Ltd"]}"#
        }
        text += "]}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// An sdn.csv publication with `count` entries (and alt.csv).
    static func sdnFolder(_ folder: URL, count: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SyntheticLedger(seed: 78)
        var sdn = ""
        var alt = ""
        for index in 0..<count {
            let number = 100_000 + index
            sdn +=
                "\(number),\"\(generator.name().uppercased()) \(index)\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'WEAK \(index)'.\"\r\n"
            alt += "\(number),\(index),\"aka\",\"\(generator.name().uppercased()) ALIAS \(index)\",-0- \r\n"
        }
        try Data((sdn + "\u{1A}").utf8).write(to: folder.appendingPathComponent("sdn.csv"))
        try Data((alt + "\u{1A}").utf8).write(to: folder.appendingPathComponent("alt.csv"))
    }

    /// Kills `command(db)` at moments spread over a run of `duration` ms until `wanted` kills have
    /// hit a running import (at most three times as many attempts; a moment that came too late is
    /// tried again earlier). After each kill the ledger passes integrity_check and verify and holds
    /// none or all of the import (`base` or `base + added` events); when the import got to its
    /// commit before the kill, the next attempt starts on a new ledger, so that every attempt is a
    /// real import. Returns the last ledger, its event count before the import, and the hits.
    func killRepeatedly(
        _ label: String, in folder: URL, hits wanted: Int, duration: Int, added: Int, random: inout SplitMix64,
        command: (String) -> [String]
    ) throws -> (db: String, base: Int, hits: Int) {
        var ledgers = 0
        func freshLedger() throws -> (String, Int) {
            ledgers += 1
            let db = folder.appendingPathComponent("\(label)-\(ledgers).sqlite").path
            #expect(try run(["init", "--db", db, "--empty"]).status == 0)
            return (db, try eventCount(db))
        }
        var (db, base) = try freshLedger()
        let moments = Self.killMoments(over: duration, slots: wanted, using: &random)
        var hits = 0
        var attempts = 0
        var scale = 1.0
        while hits < wanted, attempts < wanted * 3 {
            attempts += 1
            let hit = try killed(command(db), after: Int(Double(moments[hits]) * scale))
            #expect(try integrityOK(db))
            #expect(try run(["verify", "--db", db]).status == 0)
            let count = try eventCount(db)
            #expect(count == base || count == base + added, "a half-written import: \(count) events")
            if hit { hits += 1 } else { scale *= 0.8 }
            if count == base + added { (db, base) = try freshLedger() }
        }
        return (db, base, hits)
    }

    @Test func killingImportsAtRandomMomentsLosesNothingAndLeavesNoHalfBatch() throws {
        let folder = try TemporaryLedger.makeFolder()
        let events = folder.appendingPathComponent("big.json").path
        try Self.eventFile(events, count: 40_000, prefix: "big")
        let sdn = folder.appendingPathComponent("sdn")
        try Self.sdnFolder(sdn, count: 6_000)
        // A fixed seed (another with SANCTIONS_TEST_SEED), printed so that a failure can be rerun.
        let seed = ProcessInfo.processInfo.environment["SANCTIONS_TEST_SEED"].flatMap(UInt64.init) ?? 20_261_201
        var random = SplitMix64(seed: seed)
        print("crash test seed \(seed) (rerun with SANCTIONS_TEST_SEED=\(seed))")
        // How long each import takes here, measured on scratch ledgers
        let scratch = folder.appendingPathComponent("timing.sqlite").path
        let scratchSnapshot = folder.appendingPathComponent("timing-snapshot.sqlite").path
        #expect(try run(["init", "--db", scratch, "--empty"]).status == 0)
        #expect(try run(["init", "--db", scratchSnapshot, "--empty"]).status == 0)
        let importTime = try milliseconds(["import", "--db", scratch, events])
        let snapshotTime = try milliseconds([
            "import-snapshot", "--db", scratchSnapshot, sdn.path, "--published", "2024-01-01",
        ])

        // 1. The 40,000-event import, killed at moments spread over its whole run.
        let imported = try killRepeatedly(
            "import", in: folder, hits: 6, duration: importTime, added: 40_000, random: &random
        ) {
            ["import", "--db", $0, events]
        }
        // Rerunning completes it, and once more appends nothing.
        #expect(try run(["import", "--db", imported.db, events]).status == 0)
        #expect(try eventCount(imported.db) == imported.base + 40_000)
        #expect(try run(["import", "--db", imported.db, events]).stdout.hasPrefix("appended 0 events, skipped 40000"))

        // 2. The snapshot import, killed at moments spread over its run.
        let snapshot = try killRepeatedly(
            "snapshot", in: folder, hits: 8, duration: snapshotTime, added: 6_001, random: &random
        ) {
            ["import-snapshot", "--db", $0, sdn.path, "--published", "2024-01-01"]
        }
        #expect(try run(["import-snapshot", "--db", snapshot.db, sdn.path, "--published", "2024-01-01"]).status == 0)
        #expect(try eventCount(snapshot.db) == snapshot.base + 6_001)  // and the observation
        #expect(
            try run(["import-snapshot", "--db", snapshot.db, sdn.path, "--published", "2024-01-01"]).stdout.contains(
                "appended 0 events"))
        #expect(try run(["verify", "--db", snapshot.db]).status == 0)

        // Whether a kill lands inside an import depends on the machine's speed: the test retries
        // earlier moments, and requires that most kills hit (every one, hit or not, was checked above).
        print(
            "crash test: \(imported.hits) of 6 and \(snapshot.hits) of 8 kills hit a running import (seed \(seed), full runs \(importTime) and \(snapshotTime) ms)"
        )
        #expect(imported.hits >= 3 && snapshot.hits >= 4, "too few kills hit a running import (seed \(seed))")
    }

    /// Three commands run at once on a machine where the default ledger does not exist yet: one
    /// builds it, the others wait for it and answer from it (they used to find it half made and
    /// call it "another application's SQLite database").
    @Test func threeCommandsAtOnceOnFirstUseShareOneDefaultLedger() throws {
        let home = try TemporaryLedger.makeFolder()
        var runner = CLIRunner()
        runner.environment = ["XDG_DATA_HOME": home.path]
        runner.seedFromTemplate = false
        let cli = runner
        let results = cli.runAtOnce(Array(repeating: ["screen", "Hikvision", "--on", "2020-01-01"], count: 3))
            .compactMap { $0 }
        #expect(results.count == 3)
        for result in results {
            #expect(result.status == 4, "\(result.stderr)")
            #expect(result.stdout.contains("Hikvision: LICENSE-REQUIRED for export on 2020-01-01"))
        }
        #expect(results.filter { $0.stderr.contains("built the ledger") }.count == 1, "\(results.map(\.stderr))")
        let ledger = home.appendingPathComponent("sanctions-ledger/ledger.sqlite").path
        #expect(try cli.run(["verify", "--db", ledger]).status == 0)
    }

    /// A command that opens a ledger `init` has created but not yet filled waits for it: it used
    /// to answer "permitted" from the empty ledger.
    @Test func aLedgerBeingInitialisedIsNotReadHalfMade() throws {
        let db = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        var runner = CLIRunner()
        runner.seedFromTemplate = false
        let cli = runner
        nonisolated(unsafe) var initialised: CLIRunner.Result?
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            defer { group.leave() }
            initialised = try? cli.run(["init", "--db", db])
        }
        // As soon as the file exists, while `init` is still seeding it:
        let start = Date()
        while !FileManager.default.fileExists(atPath: db), Date().timeIntervalSince(start) < 60 { usleep(2_000) }
        let screened = try cli.run(["screen", "Hikvision", "--on", "2019-10-09", "--db", db])
        group.wait()
        #expect(initialised?.status == 0, "\(initialised?.stderr ?? "")")
        #expect(screened.status == 4, "\(screened.stdout)\(screened.stderr)")
        #expect(screened.stdout.contains("Hikvision: LICENSE-REQUIRED for export on 2019-10-09"))
    }

    @Test func concurrentWritersLoseNothingAndRefuseClearly() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("concurrent.sqlite").path
        #expect(try run(["init", "--db", db, "--empty"]).status == 0)
        let rules = try eventCount(db)  // the embedded rules an empty ledger starts with
        #expect(rules > 0)
        // Six writers: four import five files each, two append single events with an expected sequence.
        var files: [[String]] = []
        for writer in 0..<4 {
            var mine: [String] = []
            for batch in 0..<5 {
                let path = folder.appendingPathComponent("w\(writer)-\(batch).json").path
                try Self.eventFile(path, count: 200, prefix: "w\(writer)b\(batch)")
                mine.append(path)
            }
            files.append(mine)
        }
        let writerFiles = files
        let lock = NSLock()
        nonisolated(unsafe) var outcomes: [(arguments: [String], result: CLIRunner.Result)] = []
        nonisolated(unsafe) var failures: [String] = []
        let group = DispatchGroup()
        // The appenders keep trying (up to 25 times each) until one of them gets through, so that the
        // success path under contention is always exercised, however slow the machine is.
        nonisolated(unsafe) var anyAppended = false
        for writer in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                var step = 0
                while step < 5 || (writer >= 4 && step < 25 && !lock.withLock({ anyAppended })) {
                    defer { step += 1 }
                    let arguments: [String]
                    var input: String?
                    if writer < 4 {
                        // Importers wait as long as it takes (the test is about the history, not the timing).
                        arguments = ["import", "--db", db, writerFiles[writer][step], "--busy-timeout", "600"]
                    } else {
                        let head: Int
                        do {
                            head = try self.eventCount(db)
                        } catch {
                            lock.withLock { failures.append("reading the head failed: \(error)") }
                            continue
                        }
                        arguments = ["append", "--db", db, "--expect-sequence", String(head)]
                        input =
                            #"{"id":"c\#(writer)-\#(step)","type":"listed","party":"c\#(writer)-\#(step)","regime":"bis-entity-list","effective":"2020-01-01","published":"2020-01-01","source":{"citation":"C"},"name":"Concurrent \#(writer) \#(step)"}"#
                    }
                    do {
                        let result = try CLIRunner().run(arguments, stdin: input)
                        lock.withLock {
                            outcomes.append((arguments, result))
                            if arguments[0] == "append", result.status == 0 { anyAppended = true }
                        }
                    } catch {
                        lock.withLock { failures.append("\(arguments[0]) could not run: \(error)") }
                    }
                }
            }
        }
        group.wait()
        #expect(failures.isEmpty, "\(failures)")
        #expect(outcomes.filter { $0.arguments[0] == "import" }.count == 20)
        #expect(outcomes.filter { $0.arguments[0] == "append" }.count >= 10)
        var acknowledged = 0
        for outcome in outcomes {
            switch outcome.result.status {
            case 0:
                acknowledged += outcome.arguments[0] == "import" ? 200 : 1
            case 5:
                #expect(
                    outcome.result.stderr.contains("write conflict") || outcome.result.stderr.contains("busy"),
                    "\(outcome.result.stderr)")
            default:
                Issue.record("unexpected exit \(outcome.result.status): \(outcome.result.stderr)")
            }
        }
        // Every acknowledged event is in the log exactly once; the chain holds. The importers wait
        // for each other (all 20 files land); the appenders race with an expected sequence, and
        // some of them get through.
        #expect(try eventCount(db) == rules + acknowledged)
        let appended = outcomes.filter { $0.arguments[0] == "append" && $0.result.status == 0 }.count
        #expect(acknowledged == 4 * 5 * 200 + appended)
        #expect(appended >= 1, "every appender was refused: the conflict path is all the test saw")
        #expect(try run(["verify", "--db", db]).status == 0)
        #expect(try integrityOK(db))
        let ids =
            try run(["events", "--db", db, "--format", "json"]).stdout.components(separatedBy: "\"id\": \"").count - 1
        #expect(ids == rules + acknowledged)
    }
}
