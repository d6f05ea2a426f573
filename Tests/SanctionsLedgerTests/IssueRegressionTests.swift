import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// One test per remaining point of the probing issues (19, 20, 21), each of which gave a wrong
/// answer or damaged a file before.
@Suite struct IssueRegressionTests {
    // MARK: - 19.5 CSV fields with a CR LF

    @Test(arguments: ["Hikvision\r\nInc", "line\rbreak", "line\nbreak", "a,b", "say \"hi\""])
    func aFieldWithALineBreakOrSeparatorIsQuotedWhole(text: String) throws {
        let row = CSVText.row(["t1", text, "end"])
        var reader = CSVReader(bytes: Array((row + "\r\n").utf8), file: "row.csv")
        let records = try reader.readAll()
        #expect(records.count == 1)
        #expect(records.first?.fields == ["t1", text, "end"])
    }

    @Test(arguments: [("-3", "-3"), ("+1.5", "+1.5"), ("=1+1", "'=1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)")])
    func plainNumbersStayNumbersAndFormulasAreNeutralised(input: String, output: String) {
        #expect(CSVText.field(input) == output)
    }

    // MARK: - 20.7 escalation only to a stricter regime

    @Test func aListingBesideAStricterRegimeIsNotAnEscalation() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            EventFactory.listed("s1", party: "p", regime: "ofac-sdn", effective: "2020-01-01", name: "Pelican Trading"),
            EventFactory.listed(
                "c1", party: "p", regime: "ofac-ns-cmic", effective: "2021-01-01", name: "Pelican Trading"),
            EventFactory.listed(
                "e1", party: "q", regime: "bis-entity-list", effective: "2020-01-01", name: "Quill Metals"),
            EventFactory.listed(
                "c2", party: "q", regime: "ofac-ns-cmic", effective: "2021-01-01", name: "Quill Metals"),
        ])
        let diff = try ledger.diff(from: EventFactory.day("2020-06-01"), to: EventFactory.day("2021-06-01"))
        let pelican = try #require(diff.changes.first { $0.party == PartyID("p") })
        let quill = try #require(diff.changes.first { $0.party == PartyID("q") })
        #expect(pelican.kind == .added)  // NS-CMIC (3) beside the SDN list (4): only listed
        #expect(quill.kind == .escalated)  // NS-CMIC (3) after the Entity List (2): an escalation
        #expect(quill.detail == "escalated from bis-entity-list")
    }

    @Test func aSnapshotListingBesideAStricterRegimeIsListedNotEscalated() throws {
        let snapshot = ListSnapshot(
            source: "ofac-consolidated", regimes: [RegimeID("ofac-ns-cmic")], published: EventFactory.day("2021-06-01"),
            effective: EventFactory.day("2021-06-01"), coverage: .init(aliases: true, addresses: true),
            entries: [
                ListSnapshot.Entry(
                    key: "1", regime: RegimeID("ofac-ns-cmic"), details: DesignationDetails(name: "Pelican Trading"),
                    file: "f", line: 1)
            ],
            citation: "C", title: "T", url: nil, authority: "OFAC")
        let severity: (RegimeID) -> Int = {
            ["ofac-sdn": 4, "ofac-ns-cmic": 3, "bis-entity-list": 2][$0.rawValue] ?? 0
        }
        let beside = SnapshotDiffer.events(
            snapshot, current: [:], party: { _ in PartyID("p") }, otherRegimes: { _ in [RegimeID("ofac-sdn")] },
            severity: severity)
        #expect(beside.first?.kind == .listed)
        let after = SnapshotDiffer.events(
            snapshot, current: [:], party: { _ in PartyID("p") }, otherRegimes: { _ in [RegimeID("bis-entity-list")] },
            severity: severity)
        #expect(after.first?.kind == .escalated)
    }

    // MARK: - 20.8 the CSL keeps the curated name

    @Test func theCSLImportKeepsTheCuratedNameOfALinkedParty() throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()  // the import itself is under test
        let csl = try SharedData.url("csl-2022-05/consolidated.csv.gz").path
        _ = try ledger.importSnapshot(path: csl, format: .csl, published: EventFactory.day("2022-05-06"))
        let leon = try #require(
            try ledger.list(
                asOf: AsOf(on: EventFactory.day("2022-05-07")), regime: RegimeID("bis-entity-list"),
                party: PartyID("leon-technology")
            ).first)
        #expect(leon.listedName == "Leon Technology Co., Ltd.")
        #expect(leon.segment.details.identifiers?.contains { $0.type == IdentifierKind.cslID } == true)
        let renames = try ledger.events(EventFilter(party: PartyID("leon-technology"), kind: .amended)).filter {
            if case .amended(let details) = $0.event.payload { return details.name != nil }
            return false
        }
        #expect(renames.isEmpty)
    }

    // MARK: - 20.9 the timeline follows a rename

    @Test func aTimelineSpanFollowsARename() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            EventFactory.listed("l1", party: "st", effective: "2019-10-09", name: "Sense Time"),
            EventFactory.amended(
                "a1", party: "st", effective: "2020-06-05",
                details: DesignationDetails(name: "Beijing Sensetime Technology Development Co., Ltd.")),
        ])
        let timeline = try ledger.timeline(PartyID("st"), now: EventFactory.day("2022-01-01"))
        let span = try #require(timeline.regimes.first?.spans.first)
        #expect(span.listedName == "Beijing Sensetime Technology Development Co., Ltd.")
        #expect(span.listedNames.map(\.name) == ["Sense Time", "Beijing Sensetime Technology Development Co., Ltd."])
        #expect(span.listedNames.map(\.from) == [EventFactory.day("2019-10-09"), EventFactory.day("2020-06-05")])
    }

    // MARK: - 21.7 a ledger identifies itself; 21.8 a read-only copy answers

    @Test func anEmptyFileOrAnotherApplicationsDatabaseIsRefusedUnchanged() throws {
        let folder = try TemporaryLedger.makeFolder()
        let empty = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect {
            try Ledger.open(path: empty)
        } throws: { error in
            (error as? StoreError)?.code == .notALedger
                && "\(error)".contains("is an empty file, not a sanctions ledger; it was left unchanged")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: empty + "-wal"))

        let other = folder.appendingPathComponent("other.db").path
        #expect(try SQLiteShell.run(other, "CREATE TABLE orders (id INTEGER);").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect {
            try Ledger.open(path: other)
        } throws: { error in
            "\(error)".contains("another application's SQLite database (application_id 0, tables: orders)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(
            try SQLiteShell.run(other, "PRAGMA journal_mode;").output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "delete")
    }

    @Test func aLedgerFromANewerSchemaIsRefused() throws {
        let path = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.declare(EventFactory.regimes)
            try ledger.database.checkpoint()
        }
        #expect(
            try SQLiteShell.run(path, "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future');")
                .status == 0)
        #expect {
            try Ledger.open(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .newerLedger && "\(error)".contains("9999_from_the_future")
        }
        #expect(throws: StoreError.self) { try Ledger.open(path: path, access: .readOnly) }
    }

    @Test func aLedgerMadeBeforeTheIdentityMigrationIsRecognisedAndGetsTheID() throws {
        let path = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.declare(EventFactory.regimes)
            try ledger.database.checkpoint()
        }
        // As an older build left it: no application_id, no record of migration 0006.
        let reset = "PRAGMA application_id = 0; DELETE FROM grdb_migrations WHERE identifier = '0006_ledger_identity';"
        #expect(try SQLiteShell.run(path, reset).status == 0)
        _ = try Ledger.open(path: path)
        #expect(
            try SQLiteShell.run(path, "PRAGMA application_id;").output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "1396788812")
    }

    @Test func aReadOnlyLedgerIsOpenedWithoutWritingAndRefusesWrites() throws {
        let folder = try TemporaryLedger.makeFolder()
        let path = folder.appendingPathComponent("l.sqlite").path
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.syncEmbeddedEvents(includingHistory: false)  // the clock's 2026-01-01 precedes the 2026 lists
            try ledger.database.checkpoint()
        }
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let ledger = try Ledger.open(path: path, access: .readOnly)
        #expect(try ledger.verify().isIntact)
        #expect(
            try ledger.screeningSnapshot().screen("Hikvision", on: EventFactory.day("2020-01-01"), type: .export)
                .verdict == .licenseRequired)
        #expect {
            try ledger.append(
                EventFactory.listed("x", party: "x", regime: "ofac-sdn", effective: "2020-01-01", name: "X"))
        } throws: { error in
            (error as? StoreError)?.code == .readOnly
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func anImmutableFileOnAReadOnlyMountIsOpenedThroughItsURI() throws {
        #expect(
            LedgerDatabase.immutableURI("/tmp/a b/l?x#y%.sqlite") == "file:/tmp/a%20b/l%3Fx%23y%25.sqlite?immutable=1")
    }
}
