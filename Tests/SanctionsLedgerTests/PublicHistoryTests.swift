import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsTestSupport
import Testing

/// How the public list files become the default ledger's history: which publications a data
/// folder holds, one publication per content, the window each change is dated in, and history
/// files written and read back.
@Suite struct PublicHistoryTests {
    /// A data root with: the SDN file of late June 2021 twice (a test-data folder with its alt.csv
    /// and add.csv, and a one-file scrape series that saw it first), a later scraped file, a DPL
    /// file in a folder whose name is its only date, and a CSL sample.
    static func dataRoot() throws -> (root: URL, sources: HistorySources) {
        let root = try TemporaryLedger.makeFolder()
        let manager = FileManager.default
        let rich = root.appendingPathComponent("ofac-sdn-2021-07")
        try manager.copyItem(at: try SharedData.url("ofac-sdn-2021-07"), to: rich)
        let series = root.appendingPathComponent("ofac-sdn-daily-test")
        let staging = try TemporaryLedger.makeFolder().appendingPathComponent("daily")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        try manager.createDirectory(at: series, withIntermediateDirectories: true)
        let first = staging.appendingPathComponent("sdn-2021-06-29T082530Z.csv")
        try manager.copyItem(at: rich.appendingPathComponent("sdn.csv"), to: first)
        let second = staging.appendingPathComponent("sdn-2021-08-18T093901Z.csv")
        let later = Array(
            try InputFiles.read(
                try SharedData.url("ofac-sdn-daily-2021-08-to-2024-05/snapshots/sdn-2021-08-18T093901Z.csv.gz").path))
        try Data(later).write(to: second)
        var manifest = "file\tcommit_time_utc\tsha256\n"
        for (file, time) in [(first, "2021-06-29T08:25:30Z"), (second, "2021-08-18T09:39:01Z")] {
            let sha = ChainHash.hex(ChainHash.sha256(Array(try Data(contentsOf: file))))
            manifest += "daily/\(file.lastPathComponent)\t\(time)\t\(sha)\n"
        }
        try Data(manifest.utf8).write(to: series.appendingPathComponent("MANIFEST.tsv"))
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = [
            "tar", "-cJf", series.appendingPathComponent("sdn-daily.tar.xz").path, "-C",
            staging.deletingLastPathComponent().path, "daily",
        ]
        try tar.run()
        tar.waitUntilExit()
        let dpl = root.appendingPathComponent("bis-dpl-2024-02")
        try manager.createDirectory(at: dpl, withIntermediateDirectories: true)
        try manager.copyItem(
            at: try SharedData.url("bis-dpl-2023-11/dpl.txt"), to: dpl.appendingPathComponent("dpl.txt"))
        let sample = root.appendingPathComponent("csl-sample-2019-12")
        try manager.copyItem(at: try SharedData.url("csl-sample-2019-12"), to: sample)
        try manager.createDirectory(at: root.appendingPathComponent("ofac-alt-only"), withIntermediateDirectories: true)
        try manager.copyItem(
            at: try SharedData.url("ofac-alt-2025-12/alt.csv"),
            to: root.appendingPathComponent("ofac-alt-only/alt.csv"))
        var sources = HistorySources()
        var daily = HistorySources.Folder()
        daily.checkedEveryHours = 6
        sources.folders["ofac-sdn-daily-test"] = daily
        var partial = HistorySources.Folder()
        partial.partial = true
        partial.observed = EventFactory.day("2019-12-03")
        sources.folders["csl-sample-2019-12"] = partial
        return (root, sources)
    }

    @Test func aDataFolderIsReadByItsFilesAndEachPublicationCountsOnceAtItsEarliestSighting() throws {
        let (root, sources) = try Self.dataRoot()
        let plan = try HistoryPlan.discover(root.path, sources: sources, scratch: try TemporaryLedger.makeFolder())
        let publications = plan.publications
        #expect(publications.map(\.source) == ["csl", "ofac-sdn", "ofac-sdn", "bis-dpl"])
        // The test-data folder's sdn.csv is the scrape of 2021-06-29: one publication, at that time,
        // read from the folder with its alt.csv and add.csv.
        let june = publications[1]
        #expect(june.observed == (try LedgerTime.parse("2021-06-29T08:25:30Z")))
        #expect(june.path.hasSuffix("ofac-sdn-2021-07"))
        #expect(june.format == .ofacCSV)
        #expect(june.observedAfter == nil)  // the first SDN publication of this root
        // The scrape checked every 6 hours: the next file's changes happened in its last 6 hours.
        let august = publications[2]
        #expect(august.observedAfter == (try LedgerTime.parse("2021-08-18T03:39:01Z")))
        // A folder named by its month only is observed by the month's last day; a sample is partial.
        #expect(publications[3].observed == EventFactory.day("2024-02-29"))
        #expect(publications[0].partial)
        #expect(plan.skipped.contains { $0.path.hasSuffix("ofac-alt-only") })
        guard case .series(let run) = plan.steps[2] else {
            Issue.record("the scraped file is imported as a series")
            return
        }
        #expect(run.count == 1)
    }

    @Test func aWindowWithoutAKnownScheduleRunsFromThePreviousPublication() throws {
        let (root, _) = try Self.dataRoot()
        let plan = try HistoryPlan.discover(
            root.path, sources: HistorySources(), scratch: try TemporaryLedger.makeFolder())
        let sdn = plan.publications.filter { $0.source == "ofac-sdn" }
        #expect(sdn[1].observedAfter == sdn[0].observed)
        // Without the file naming the sample, it is a whole CSL publication observed by its name's month end
        #expect(plan.publications.first { $0.source == "csl" }?.partial == false)
        #expect(plan.publications.first { $0.source == "csl" }?.observed == EventFactory.day("2019-12-31"))
    }

    @Test func historyFilesAreWrittenTheSameWayTwiceAndReadBackToTheSameLedger() throws {
        // A ledger of the curated notices with the DPL file of 2019 and then the one of 2022
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let curated = try ledger.head().sequence
        _ = try ledger.importSnapshot(
            path: try SharedData.url("bis-dpl-2019-06/dpl.txt").path, format: .dpl,
            published: EventFactory.day("2019-06-29"))
        _ = try ledger.importSnapshot(
            path: try SharedData.url("bis-dpl-2022-09/dpl.txt").path, format: .dpl,
            published: EventFactory.day("2022-09-07"),
            options: SnapshotImportOptions(observedAfter: EventFactory.day("2019-06-29")))
        let folder = try TemporaryLedger.makeFolder().appendingPathComponent("history").path
        let report = try ledger.exportHistory(to: folder, snapshotsOnly: true)
        #expect(report.files.map(\.path) == ["bis-dpl/2019.jsonl", "bis-dpl/2022.jsonl"])
        #expect(report.events == (try ledger.head().sequence) - curated)
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/bis-dpl/2022.jsonl"))
        #expect { try ledger.exportHistory(to: folder) } throws: { "\($0)".contains("--replace") }
        try ledger.exportHistory(to: folder, replace: true, snapshotsOnly: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/bis-dpl/2022.jsonl")) == first)
        // One event a line, each the canonical JSON the chain covers
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"") && $0.hasSuffix("}") })
        // Read back into another ledger of the curated notices: the same designations
        let copy = try TemporaryLedger.makeCuratedNoticesOnly()
        let imported = try copy.importHistory([folder])
        #expect(imported.appended == report.events)
        let asOf = AsOf(on: EventFactory.day("2023-01-01"))
        #expect(
            try copy.list(asOf: asOf, regime: RegimeID("bis-dpl")).map(\.party)
                == (try ledger.list(asOf: asOf, regime: RegimeID("bis-dpl")).map(\.party)))
        #expect(try copy.importHistory([folder]).appended == 0)
        // Hand-written event files still may not hold what only snapshot imports write
        #expect { try copy.importFiles([folder + "/bis-dpl/2019.jsonl"]) } throws: { _ in true }
    }

    @Test func theDeniedPersonsFileGroupsAnOrdersAddressesAndKeepsItsDates() throws {
        let bytes = Array(try Data(contentsOf: try SharedData.url("bis-dpl-2023-11/dpl.txt")))
        let rows = try DPLParser.parse(bytes, file: "dpl.txt")
        let nasser = rows.filter { $0["name"] == "ABDULAH AL NASSER" }
        #expect(nasser.count == 1)  // two addresses, one order
        #expect(CSLParser.split(nasser[0]["addresses"]).count == 2)
        #expect(nasser[0]["start_date"] == "2002-03-04")
        #expect(nasser[0]["end_date"] == "2056-06-29")
        #expect(nasser[0]["federal_register_notice"] == "67 FR 56530; 67 FR 10890; 71 FR 38843")
        #expect(nasser[0]["_id"] == "dpl-abdulah-al-nasser-2002-03-04")
        #expect { try DPLParser.parse(Array("a\tb\n1\t2\n".utf8), file: "x.txt") } throws: {
            "\($0)".contains("x.txt:1: the header lacks the column 'Name'")
        }
    }

    @Test func theDerivedJSONCarriesNamesProgrammesAndAliasesOnly() throws {
        let json =
            #"{"published": "2026-07-23", "entries": [{"uid": 306, "name": "BANCO NACIONAL DE CUBA", "type": "entity", "programs": ["CUBA"], "alternateNames": ["NATIONAL BANK OF CUBA"]}]}"#
        let parsed = try OFACDerivedJSONParser.parse(Array(json.utf8), file: "x.json")
        #expect(parsed.published == EventFactory.day("2026-07-23"))
        #expect(parsed.entries.map(\.number) == ["306"])
        #expect(parsed.entries[0].remarks == nil && parsed.entries[0].addresses.isEmpty)
        let twice = json.replacingOccurrences(
            of: "}]}",
            with:
                "}, {\"uid\": 306, \"name\": \"X\", \"type\": \"entity\", \"programs\": [\"CUBA\"], \"alternateNames\": []}]}"
        )
        #expect { try OFACDerivedJSONParser.parse(Array(twice.utf8), file: "x.json") } throws: {
            "\($0)".contains("uid 306 appears twice")
        }
        // Imported after an SDN file with remarks and addresses, it removes neither, nor the weak aliases
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        _ = try ledger.importSnapshot(
            path: try SharedData.url("ofac-sdn-2019-01").path, format: .ofacCSV,
            published: EventFactory.day("2019-01-04"))
        let before = try ledger.list(asOf: AsOf(on: EventFactory.day("2019-02-01")), party: PartyID("ofac-306"))
        let file = try TemporaryLedger.makeFolder().appendingPathComponent("sdn.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        let report = try ledger.importSnapshot(
            path: file, format: .ofacJSON, published: nil,
            options: SnapshotImportOptions(allowMassRemoval: true, observedAfter: EventFactory.day("2019-01-04")))
        #expect(report.append.byKind[.amended] == nil)
        let after = try ledger.list(asOf: AsOf(on: EventFactory.day("2026-08-01")), party: PartyID("ofac-306"))
        #expect(after.first?.segment.details.addresses == before.first?.segment.details.addresses)
        #expect(after.first?.segment.details.remarks == before.first?.segment.details.remarks)
        #expect(
            Set(after.first?.names.filter(\.weak).map(\.name) ?? [])
                == Set(before.first?.names.filter(\.weak).map(\.name) ?? []))
    }
}
