import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// Several processes importing snapshots of one source at once (two cron jobs, two servers
/// syncing): the decision of each import (the order check and the diff) is made on the state it
/// commits on, so every accepted publication is reproduced exactly and a refused one writes nothing.
@Suite(.serialized) struct ConcurrentSnapshotImportTests {
    /// One start order: the seven publications' indexes in the order their processes start.
    static let startOrders: [[Int]] = [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [3, 6, 0, 5, 1, 4, 2]]

    @Test(arguments: startOrders)
    func sevenProcessesImportingSevenPublicationsKeepTheHistoryTrue(order: [Int]) throws {
        // Given seven real dated publications, each in a folder of its own, and a fresh ledger
        let publications = try SharedData.dailySnapshots()
        #expect(publications.count == 7)
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("ledger.sqlite").path
        #expect(try CLIRunner().run(["init", "--db", db, "--empty"]).status == 0)
        var folders: [URL] = []
        for (index, publication) in publications.enumerated() {
            let dir = folder.appendingPathComponent("p\(index)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: dir.appendingPathComponent("sdn.csv.gz"), withDestinationURL: publication.file)
            folders.append(dir)
        }

        // When seven processes import them at once, started in the given order (the test is about
        // the history, not the timing: on a loaded machine a writer may wait for the six others, so
        // the busy timeout is generous)
        let started = CLIRunner().runAtOnce(
            order.map { index in
                [
                    "import-snapshot", "--db", db, folders[index].path, "--published", publications[index].time,
                    "--busy-timeout", "600",
                ]
            }, stagger: 20_000)
        let results = Dictionary(uniqueKeysWithValues: zip(order, started)).compactMapValues { $0 }

        // Then each import either committed or was refused as older, saying why
        var accepted: [Int] = []
        for index in 0..<7 {
            let result = try #require(results[index])
            switch result.status {
            case 0: accepted.append(index)
            case 2:
                #expect(
                    result.stderr.contains("is older than the last ofac-sdn publication in the ledger"),
                    "\(result.stderr)")
            default: Issue.record("publication \(index) exited \(result.status): \(result.stderr)")
            }
        }
        #expect(!accepted.isEmpty)
        // The newest publication always wins: nothing is newer than it.
        #expect(accepted.contains(6))

        // The ledger holds exactly the accepted publications: each is reproduced entry by entry
        // at its instant, and the refused ones left no event (one observation per accepted one).
        let series = folder.appendingPathComponent("accepted")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        for index in accepted {
            try FileManager.default.createSymbolicLink(
                at: series.appendingPathComponent(publications[index].file.lastPathComponent),
                withDestinationURL: publications[index].file)
        }
        let check = try CLIRunner().run(["verify-snapshots", "--db", db, series.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("checked \(accepted.count) publications"), "\(check.stdout)")
        #expect(check.stdout.contains(": 0 mismatches"), "\(check.stdout)")
        let observed = try CLIRunner().run(["events", "--db", db, "--type", "observed", "--format", "json"])
        #expect(observed.stdout.components(separatedBy: "\"type\": \"observed\"").count - 1 == accepted.count)
        #expect(try CLIRunner().run(["verify", "--db", db]).status == 0)
    }

    @Test func twoImportsOfTheSamePublicationAtOnceAppendItOnce() throws {
        let publication = try #require(try SharedData.dailySnapshots().first)
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("ledger.sqlite").path
        #expect(try CLIRunner().run(["init", "--db", db, "--empty"]).status == 0)
        let dir = folder.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("sdn.csv.gz"), withDestinationURL: publication.file)
        let outputs = CLIRunner().runAtOnce(
            Array(
                repeating: [
                    "import-snapshot", "--db", db, dir.path, "--published", publication.time, "--busy-timeout", "600",
                ], count: 3)
        ).compactMap { $0 }
        #expect(outputs.count == 3)
        #expect(outputs.allSatisfy { $0.status == 0 }, "\(outputs.map(\.stderr))")
        // One of them appended the publication (9,083 listings and its observation); the others nothing.
        let appended = outputs.filter { $0.stdout.contains("appended 9084 events") }.count
        let nothing = outputs.filter { $0.stdout.contains("appended 0 events") }.count
        #expect(appended == 1 && nothing == 2, "\(outputs.map(\.stdout))")
    }
}
