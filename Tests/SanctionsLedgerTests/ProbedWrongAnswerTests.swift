import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// The wrong answers found by probing the release build (issue 19), each reproduced as it was
/// reported and checked to give the right answer (or a refusal that writes nothing).
@Suite struct ProbedWrongAnswerTests {
    static let sdnRules = EventFactory.rules(
        "sdn-rules", regime: "ofac-sdn", effective: "1977-12-28",
        [
            RuleSpec(transactionType: .payment, outcome: .prohibited),
            RuleSpec(transactionType: .export, outcome: .prohibited),
        ])

    func sdnListing(_ id: String, party: String, name: String, effective: String, programs: [String]? = nil)
        -> LedgerEvent
    {
        EventFactory.listed(id, party: party, regime: "ofac-sdn", effective: effective, name: name, programs: programs)
    }

    // MARK: - 1. A delisting and a relisting on the same day

    @Test(arguments: StoreKind.allCases)
    func aRelistingOnTheDayOfTheDelistingStartsANewDesignation(kind: StoreKind) throws {
        // Given a designation delisted on 2023-03-01 and relisted (another programme) the same day
        let ledger = try TemporaryLedger.make(kind)
        try ledger.database.append([Self.sdnRules])
        try ledger.database.append([
            sdnListing("y-l1", party: "t-y", name: "Yarrow Energy FZCO", effective: "2020-01-10")
        ])
        try ledger.database.append([
            EventFactory.delisted("y-d1", party: "t-y", regime: "ofac-sdn", effective: "2023-03-01")
        ])
        try ledger.database.append([
            sdnListing(
                "y-l2", party: "t-y", name: "Yarrow Energy FZCO", effective: "2023-03-01", programs: ["RUSSIA-EO14024"])
        ])

        // Then the new designation is in force from 2023-03-01, opened by the relisting
        let after = try ledger.list(asOf: AsOf(on: EventFactory.day("2023-03-02")), party: PartyID("t-y"))
        #expect(after.count == 1)
        #expect(after.first?.segment.listingEvent == EventID("y-l2"))
        #expect(after.first?.listedFrom == EventFactory.day("2023-03-01"))
        #expect(after.first?.segment.details.programs == ["RUSSIA-EO14024"])
        // the old one ended on 2023-03-01, by the delisting
        let before = try ledger.list(asOf: AsOf(on: EventFactory.day("2023-02-28")), party: PartyID("t-y"))
        #expect(before.first?.segment.listingEvent == EventID("y-l1"))
        #expect(before.first?.segment.endEvent == EventID("y-d1"))
        // an alias added later fits the new designation
        try ledger.database.append([
            EventFactory.aliasAdded(
                "y-a1", party: "t-y", regime: "ofac-sdn", effective: "2023-04-01", aliases: ["Yarrow FZCO"])
        ])
        let screened = try ledger.screeningSnapshot().screen(
            "Yarrow Energy FZCO", on: EventFactory.day("2023-06-01"), type: .payment)
        #expect(screened.verdict == .prohibited)
        // and a rebuild gives the same rows
        let rowsBefore = try ledger.database.projectionRows(party: PartyID("t-y"))
        try ledger.database.rebuildProjections()
        let rowsAfter = try ledger.database.projectionRows(party: PartyID("t-y"))
        #expect(rowsBefore.designations == rowsAfter.designations)
        #expect(rowsBefore.names == rowsAfter.names)
    }

    // MARK: - 4. A correction that would cancel an older event

    @Test func aCorrectionThatMovesADelistingBeforeItsListingIsRefused() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            Self.sdnRules, sdnListing("u-l1", party: "t-u", name: "Umbra Petroleum Ltd", effective: "2021-08-01"),
        ])
        try ledger.database.append([
            EventFactory.delisted("u-d1", party: "t-u", regime: "ofac-sdn", effective: "2021-10-01")
        ])
        let before = try LedgerFingerprint(ledger)
        let correction = EventFactory.corrected(
            "u-c1", party: "t-u", regime: "ofac-sdn", target: "u-d1", published: "2021-11-01",
            changes: .object(["effective": .string("2021-07-01")]))
        #expect {
            try ledger.database.append([correction])
        } throws: { error in
            let error = error as? InputError
            return error?.code == .inconsistentHistory
                && error?.message.contains("would leave the earlier event 'u-d1' without effect") == true
                && error?.message.contains("delists 't-u', which is not designated on ofac-sdn on 2021-07-01") == true
        }
        #expect(try LedgerFingerprint(ledger) == before)
        // The delisting still ends the designation.
        let screened = try ledger.screeningSnapshot(options: ScreeningOptions(requireCoverage: false)).screen(
            "Umbra Petroleum Ltd", on: EventFactory.day("2023-05-05"), type: .payment)
        #expect(screened.verdict == .permitted)
    }

    @Test func aCorrectionThatMovesAListingAfterItsDelistingIsRefused() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            sdnListing("v-l1", party: "t-v", name: "Vela Shipping", effective: "2021-08-01"),
            EventFactory.delisted("v-d1", party: "t-v", regime: "ofac-sdn", effective: "2021-10-01"),
        ])
        let correction = EventFactory.corrected(
            "v-c1", party: "t-v", regime: "ofac-sdn", target: "v-l1", published: "2021-11-01",
            changes: .object(["effective": .string("2021-12-01")]))
        #expect(throws: InputError.self) { try ledger.database.append([correction]) }
        #expect(try ledger.database.head().sequence == 2)
    }

    @Test func aCorrectionThatKeepsEveryEventInEffectIsAccepted() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            sdnListing("w-l1", party: "t-w", name: "Wren Trading", effective: "2021-08-01"),
            EventFactory.delisted("w-d1", party: "t-w", regime: "ofac-sdn", effective: "2021-10-01"),
        ])
        let correction = EventFactory.corrected(
            "w-c1", party: "t-w", regime: "ofac-sdn", target: "w-d1", published: "2021-11-01",
            changes: .object(["effective": .string("2021-09-01")]))
        #expect(try ledger.database.append([correction]).appended == 1)
        #expect(try ledger.list(asOf: AsOf(on: EventFactory.day("2021-09-15")), party: PartyID("t-w")).isEmpty)
    }

    // MARK: - 2. CSL imports and the older-snapshot refusal

    @Test(arguments: ["csl", "csl-ofac"])
    func anOlderCSLPublicationIsRefusedAndWritesNothing(source: String) throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let path = OFACFixtures.path("csl-2022-05-cut") + "/consolidated.csv"
        let newer = try ledger.readCSLSnapshot(path: path, source: source, published: EventFactory.day("2022-05-06"))
            .snapshot
        try ledger.importCSLSnapshot(newer)
        let before = try LedgerFingerprint(ledger)
        let older = try ledger.readCSLSnapshot(path: path, source: source, published: EventFactory.day("2021-06-01"))
            .snapshot
        #expect {
            try ledger.importCSLSnapshot(older)
        } throws: { error in
            (error as? InputError)?.message.contains(
                "this snapshot (2021-06-01) is older than the last \(source) publication in the ledger (2022-05-06")
                == true
        }
        #expect(try LedgerFingerprint(ledger) == before)
        // The same publication again appends nothing.
        #expect(try ledger.importCSLSnapshot(newer).report.appended == 0)
    }

    @Test func anIDThatImitatesASnapshotStampDoesNotSteerTheGuard() throws {
        // Given an event whose id looks like a snapshot id with a stamp in the far future
        let ledger = try TemporaryLedger.makeEmbeddedRegimes()
        try ledger.database.append([
            EventFactory.listed(
                "ofac-sdn:1:x@99991231", party: "p1", regime: "ofac-sdn", effective: "2020-01-01", name: "Imitation")
        ])
        // Then a real snapshot still imports: only observed publications steer the order check
        let fixture = OFACFixtures.path("ofac-2021-07")
        let snapshot = try ledger.readOFACSnapshot(
            folder: fixture, source: nil, published: EventFactory.day("2021-07-01"), effective: nil
        ).snapshot
        #expect(try ledger.importSnapshot(snapshot).appended > 0)
        #expect(try ledger.database.publications(list: "ofac-sdn").map(\.instant) == [EventFactory.day("2021-07-01")])
    }

    @Test func eventsOnlySnapshotImportsWriteAreRefusedFromUsers() throws {
        let ledger = try TemporaryLedger.make()
        let imitation = EventFactory.listed(
            "ofac-sdn:~@~~~", party: "p1", regime: "ofac-sdn", effective: "2020-01-01", name: "Imitation")
        #expect {
            try ledger.append(imitation)
        } throws: { error in
            (error as? InputError)?.message.contains("has the form of a snapshot import's id") == true
        }
        #expect {
            try ledger.append(EventFactory.observed("o1", at: "2024-01-01", entries: 1))
        } throws: { error in
            (error as? InputError)?.message.contains("cannot be written by hand") == true
        }
        #expect(try ledger.database.head().sequence == 0)
    }

    // MARK: - 8. A consolidated-list folder without --source

    @Test func aConsolidatedFolderIsReadAsTheConsolidatedList() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let folder = try SharedData.url("ofac-consolidated-2025-12").path
        let snapshot = try ledger.readOFACSnapshot(
            folder: folder, source: nil, published: EventFactory.day("2025-12-01"), effective: nil
        ).snapshot
        #expect(snapshot.source == "ofac-consolidated")
        #expect(!snapshot.entries.contains { $0.regime == RegimeID("ofac-sdn") })
        #expect {
            try ledger.readOFACSnapshot(
                folder: folder, source: "ofac-sdn", published: EventFactory.day("2025-12-01"), effective: nil)
        } throws: { error in
            (error as? InputError)?.message.contains("the file is a publication of ofac-consolidated, not of ofac-sdn")
                == true
        }
    }

    // MARK: - 3. csl-ofac on top of the same day's sdn.csv

    @Test func theCSLsOFACRowsOnTopOfTheSameDaysSDNFileMergeNobody() throws {
        // Given the SDN publication of 2022-05-06 imported from OFAC's own file
        let ledger = try TemporaryLedger.makeEmbeddedRegimes(.onDisk)
        let sdn = try SharedData.url("ofac-sdn-daily-2021-08-to-2024-05/snapshots/sdn-2022-05-06T131721Z.csv.gz")
        let folder = try TemporaryLedger.makeFolder()
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("sdn.csv.gz"), withDestinationURL: sdn)
        let instant = try LedgerTime.parse("2022-05-06T13:17:21Z")
        let sdnSnapshot = try ledger.readOFACSnapshot(
            folder: folder.path, source: nil, published: instant, effective: nil
        ).snapshot
        try ledger.importSnapshot(sdnSnapshot)
        let inForce = try ledger.list(asOf: AsOf(on: EventFactory.day("2022-05-07")), regime: RegimeID("ofac-sdn"))
            .count
        #expect(inForce == 10_026)

        // When the CSL's OFAC rows of the same day are imported on top
        let csl = try SharedData.url("csl-2022-05/consolidated.csv.gz").path
        let cslSnapshot = try ledger.readCSLSnapshot(path: csl, source: "csl-ofac", published: instant).snapshot
        let (report, _) = try ledger.importCSLSnapshot(cslSnapshot)

        // Then no SDN entry is delisted or merged into another, and OFAC's own rows write nothing
        #expect(report.byKind[.delisted] == nil)
        #expect(report.byKind[.amended] == nil)
        #expect(
            try ledger.list(asOf: AsOf(on: EventFactory.day("2022-05-07")), regime: RegimeID("ofac-sdn")).count
                == 10_026)
        for entry in ["7830", "19930", "8107", "8110"] {
            let party = try #require(
                try ledger.list(asOf: AsOf(on: EventFactory.day("2022-05-07")), regime: RegimeID("ofac-sdn"))
                    .first {
                        $0.segment.details.identifiers?.contains(
                            Identifier(type: IdentifierKind.ofacEntryNumber, value: entry)) == true
                    })
            #expect(party.segment.details.identifiers?.filter { $0.type == IdentifierKind.ofacEntryNumber }.count == 1)
        }
    }
}

/// The OFAC and CSL fixtures of the import tests.
enum OFACFixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SanctionsImportTests/Fixtures/\(name)").path
    }
}
