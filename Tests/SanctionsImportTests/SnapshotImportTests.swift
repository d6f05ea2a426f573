import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Two real publications of the SDN list (cut to nine entries), imported in order.
@Suite struct SnapshotImportTests {
    static func fixture(_ folder: String) -> String { OFACCSVParserTests.fixture(folder) }

    func ledger() throws -> Ledger {
        let ledger = try Ledger.open(path: nil, clock: TemporaryLedger.fixedClock)
        try ledger.declareEmbeddedRegimes()
        return ledger
    }

    func importBoth(_ ledger: Ledger) throws -> (AppendReport, AppendReport) {
        let august = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"),
            effective: nil
        ).snapshot
        let december = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"),
            effective: nil
        ).snapshot
        return (try ledger.importSnapshot(august), try ledger.importSnapshot(december))
    }

    func inForce(_ ledger: Ledger, _ instant: String) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try ledger.list(asOf: AsOf(on: try .parse(instant)), regime: RegimeID("ofac-sdn")).map
            {
                ($0.segment.details.identifiers?.first?.value ?? "", $0.listedName)
            })
    }

    @Test func twoPublicationsInOrderGiveTheRealAdditionsAndRemovals() throws {
        let ledger = try ledger()
        let (august, december) = try importBoth(ledger)
        #expect(august.appended == 8)
        #expect(august.byKind == [.listed: 7, .observed: 1])
        // 2680 HABBASH and 4711 FARC were removed; 34079 ZAKIR and 34119 TUNIYAZ (GLOMAG, 2021-12-10) added;
        // 6903 and 2677 renamed; the vessel 4243 renamed SAND SWAN -> EBANO.
        #expect(december.byKind[.delisted] == 2)
        #expect(december.byKind[.listed] == 2)
        #expect(december.byKind[.amended] == 3)
        let before = try inForce(ledger, "2021-12-17T18:49:20Z")
        let after = try inForce(ledger, "2021-12-17T18:49:21Z")
        #expect(before["2680"] == "HABBASH, George")
        #expect(after["2680"] == nil)
        #expect(after["34079"] == "ZAKIR, Shohrat")
        #expect(before["4243"] == "SAND SWAN")
        #expect(after["4243"] == "EBANO")
        #expect(after["6903"] == "AL-WALID, Mahfouz Ould")
        #expect(try ledger.database.verifyChain().isIntact)
    }

    @Test func importingTheSameSnapshotTwiceAppendsNothing() throws {
        let ledger = try ledger()
        _ = try importBoth(ledger)
        let head = try ledger.database.head()
        let again = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"),
            effective: nil
        ).snapshot
        #expect(try ledger.importSnapshot(again).appended == 0)
        #expect(try ledger.database.head() == head)
    }

    @Test func anOlderSnapshotAfterANewerOneIsRefused() throws {
        let ledger = try ledger()
        let december = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"),
            effective: nil
        ).snapshot
        try ledger.importSnapshot(december)
        let august = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"),
            effective: nil
        ).snapshot
        let head = try ledger.database.head()
        #expect {
            try ledger.importSnapshot(august)
        } throws: { error in
            "\(error)".contains(
                "is older than the last ofac-sdn publication in the ledger (2021-12-17T18:49:21Z, sdn.csv, sha256 ")
        }
        #expect(try ledger.database.head() == head)
    }

    @Test func aDryRunWritesNothing() throws {
        let ledger = try ledger()
        let august = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"),
            effective: nil
        ).snapshot
        let head = try ledger.database.head()
        let report = try ledger.importSnapshot(august, dryRun: true)
        #expect(report.appended == 8 && report.dryRun)
        #expect(try ledger.database.head() == head)
    }

    @Test func theCuratedXinjiangDesignationsAreLinkedNotDuplicated() throws {
        // The curated ledger holds entries 29159 (XPSB) and 29220 (Chen Quanguo) with their OFAC entry numbers.
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let august = try ledger.readOFACSnapshot(
            folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"),
            effective: nil
        ).snapshot
        let report = try ledger.importSnapshot(august)
        #expect(report.byKind[.listed] == 5)
        let bureau = try ledger.list(
            asOf: AsOf(on: try .parse("2021-09-01")), regime: RegimeID("ofac-sdn"),
            party: PartyID("xinjiang-public-security-bureau"))
        #expect(bureau.count == 1)
        #expect(
            try ledger.resolveParty("XINJIANG PUBLIC SECURITY BUREAU") == [PartyID("xinjiang-public-security-bureau")])
    }

    /// A generated sdn.csv with the entries `range` (ent_num 500000 + index).
    func sdnFolder(_ fixture: FileFixture, _ name: String, _ range: Range<Int>) throws -> String {
        let rows = range.map {
            "\(500_000 + $0),\"TRADING COMPANY NUMBER \($0)\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        }
        let path = try fixture.write("\(name)/sdn.csv", rows.joined() + "\u{1A}")
        return (path as NSString).deletingLastPathComponent
    }

    @Test func aListCutAtARecordBoundaryIsRefusedNotTakenAsMassDelisting() throws {
        let ledger = try ledger()
        let fixture = try FileFixture()
        let full = try sdnFolder(fixture, "full", 0..<400)
        try ledger.importSnapshot(
            try ledger.readOFACSnapshot(
                folder: full, source: "ofac-sdn", published: try .parse("2024-01-01"), effective: nil
            ).snapshot)
        let before = try LedgerFingerprint(ledger)
        // A download cut after 300 of 400 records parses cleanly; it must not delist the other 100.
        let cut = try ledger.readOFACSnapshot(
            folder: try sdnFolder(fixture, "cut", 0..<300), source: "ofac-sdn", published: try .parse("2024-01-02"),
            effective: nil
        ).snapshot
        #expect { try ledger.importSnapshot(cut) } throws: { error in
            let error = error as? InputError
            return error?.code == .massRemoval
                && error?.message.contains("remove 100 of the 400 ofac-sdn designations in force (25.0%)") == true
                && error?.file?.hasSuffix("cut/sdn.csv") == true
        }
        #expect(try LedgerFingerprint(ledger) == before)
        // A real-sized removal (20 of 400) passes; a confirmed mass removal passes too.
        let real = try ledger.readOFACSnapshot(
            folder: try sdnFolder(fixture, "real", 0..<380), source: "ofac-sdn", published: try .parse("2024-01-03"),
            effective: nil
        ).snapshot
        #expect(try ledger.importSnapshot(real).byKind[.delisted] == 20)
        let confirmed = try ledger.readOFACSnapshot(
            folder: try sdnFolder(fixture, "confirmed", 0..<200), source: "ofac-sdn",
            published: try .parse("2024-01-04"), effective: nil
        ).snapshot
        #expect(try ledger.importSnapshot(confirmed, removalGuard: .off).byKind[.delisted] == 180)
    }
}
