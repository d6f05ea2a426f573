import Foundation
import SanctionsLedger
import SanctionsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
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

    func eventCount(_ db: String) throws -> Int {
        let stats = try run(["stats", "--db", db, "--format", "json"])
        let json = try JSONParser.parse(Array(stats.stdout.utf8))
        return Int(json["events"]?.numberText ?? "-1") ?? -1
    }

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

    /// A notice file with `count` listings.
    static func eventFile(_ path: String, count: Int, prefix: String) throws {
        var generator = SyntheticLedger(seed: 77)
        var text = #"{"notice":{"citation":"CRASH TEST","authority":"TEST","published":"2020-01-01","effective":"2020-01-01"},"events":["#
        for index in 0..<count {
            let name = generator.name()
            if index > 0 { text += "," }
            text += #"{"id":"\#(prefix)-\#(index)","type":"listed","party":"\#(prefix)-\#(index)","regime":"bis-entity-list","name":"\#(name) \#(index)","aliases":["\#(name) \#(index) Ltd"]}"#
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
            sdn += "\(number),\"\(generator.name().uppercased()) \(index)\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'WEAK \(index)'.\"\r\n"
            alt += "\(number),\(index),\"aka\",\"\(generator.name().uppercased()) ALIAS \(index)\",-0- \r\n"
        }
        try Data((sdn + "\u{1A}").utf8).write(to: folder.appendingPathComponent("sdn.csv"))
        try Data((alt + "\u{1A}").utf8).write(to: folder.appendingPathComponent("alt.csv"))
    }

    @Test func killingImportsAtRandomMomentsLosesNothingAndLeavesNoHalfBatch() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("crash.sqlite").path
        #expect(try run(["init", "--db", db, "--empty"]).status == 0)
        let base = try eventCount(db)
        let events = folder.appendingPathComponent("big.json").path
        try Self.eventFile(events, count: 100_000, prefix: "big")
        let sdn = folder.appendingPathComponent("sdn")
        try Self.sdnFolder(sdn, count: 15_000)
        var random = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        var kills = 0
        // 1. The 100,000-event import, killed at moments spread over its whole run.
        for slot in 0..<8 {
            let delay = 300 + slot * 3_200 + Int.random(in: 0..<1_500, using: &random)
            if try killed(["import", "--db", db, events], after: delay) { kills += 1 }
            #expect(try integrityOK(db))
            #expect(try run(["verify", "--db", db]).status == 0)
            let count = try eventCount(db)
            #expect(count == base || count == base + 100_000, "a half-written batch: \(count) events")
        }
        // Rerunning completes it, and once more appends nothing.
        let complete = try run(["import", "--db", db, events])
        #expect(complete.status == 0)
        #expect(try eventCount(db) == base + 100_000)
        #expect(try run(["import", "--db", db, events]).stdout.hasPrefix("appended 0 events, skipped 100000"))
        // 2. The snapshot import, killed at moments spread over its run (on a second ledger).
        let snapshotDB = folder.appendingPathComponent("crash-snapshot.sqlite").path
        #expect(try run(["init", "--db", snapshotDB, "--empty"]).status == 0)
        let middle = try eventCount(snapshotDB)
        for slot in 0..<12 {
            let delay = 100 + slot * 450 + Int.random(in: 0..<400, using: &random)
            if try killed(["import-snapshot", "--db", snapshotDB, sdn.path, "--published", "2024-01-01"], after: delay) { kills += 1 }
            #expect(try integrityOK(snapshotDB))
            #expect(try run(["verify", "--db", snapshotDB]).status == 0)
            let count = try eventCount(snapshotDB)
            #expect(count == middle || count == middle + 15_000, "a half-written snapshot: \(count) events")
        }
        #expect(try run(["import-snapshot", "--db", snapshotDB, sdn.path, "--published", "2024-01-01"]).status == 0)
        #expect(try eventCount(snapshotDB) == middle + 15_000)
        #expect(try run(["import-snapshot", "--db", snapshotDB, sdn.path, "--published", "2024-01-01"]).stdout.contains("appended 0 events"))
        #expect(try run(["verify", "--db", snapshotDB]).status == 0)
        #expect(kills >= 15, "only \(kills) kills hit a running import")
    }

    @Test func concurrentWritersLoseNothingAndRefuseClearly() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("concurrent.sqlite").path
        #expect(try run(["init", "--db", db, "--empty"]).status == 0)
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
        nonisolated(unsafe) var outcomes: [(arguments: [String], result: CLIRunner.Result, seconds: Double)] = []
        let group = DispatchGroup()
        for writer in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                for step in 0..<5 {
                    let arguments: [String]
                    var input: String?
                    if writer < 4 {
                        arguments = ["import", "--db", db, writerFiles[writer][step]]
                    } else {
                        let head = (try? self.eventCount(db)) ?? 0
                        arguments = ["append", "--db", db, "--expect-sequence", String(head)]
                        input = #"{"id":"c\#(writer)-\#(step)","type":"listed","party":"c\#(writer)-\#(step)","regime":"bis-entity-list","effective":"2020-01-01","published":"2020-01-01","source":{"citation":"C"},"name":"Concurrent \#(writer) \#(step)"}"#
                    }
                    let start = Date()
                    guard let result = try? CLIRunner().run(arguments, stdin: input) else { continue }
                    lock.withLock { outcomes.append((arguments, result, Date().timeIntervalSince(start))) }
                }
            }
        }
        group.wait()
        #expect(outcomes.count == 30)
        var acknowledged = 0
        for outcome in outcomes {
            switch outcome.result.status {
            case 0:
                acknowledged += outcome.arguments[0] == "import" ? 200 : 1
            case 5:
                #expect(outcome.result.stderr.contains("write conflict") || outcome.result.stderr.contains("busy"), "\(outcome.result.stderr)")
            default:
                Issue.record("unexpected exit \(outcome.result.status): \(outcome.result.stderr)")
            }
            #expect(outcome.seconds < 25, "a writer waited \(outcome.seconds) s")
        }
        // Every acknowledged event is in the log exactly once; the chain holds.
        #expect(try eventCount(db) == acknowledged)
        #expect(acknowledged >= 4 * 5 * 200)
        #expect(try run(["verify", "--db", db]).status == 0)
        #expect(try integrityOK(db))
        let ids = try run(["events", "--db", db, "--format", "json"]).stdout.components(separatedBy: "\"id\": \"").count - 1
        #expect(ids == acknowledged)
    }
}
