import Foundation
import SanctionsImport
import SanctionsLedger
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
        let august = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"), effective: nil).snapshot
        let december = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"), effective: nil).snapshot
        return (try ledger.importSnapshot(august), try ledger.importSnapshot(december))
    }

    func inForce(_ ledger: Ledger, _ instant: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try ledger.list(asOf: AsOf(on: try .parse(instant)), regime: RegimeID("ofac-sdn")).map {
            ($0.segment.details.identifiers?.first?.value ?? "", $0.listedName)
        })
    }

    @Test func twoPublicationsInOrderGiveTheRealAdditionsAndRemovals() throws {
        let ledger = try ledger()
        let (august, december) = try importBoth(ledger)
        #expect(august.appended == 7)
        #expect(august.byKind == [.listed: 7])
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
        let again = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"), effective: nil).snapshot
        #expect(try ledger.importSnapshot(again).appended == 0)
        #expect(try ledger.database.head() == head)
    }

    @Test func anOlderSnapshotAfterANewerOneIsRefused() throws {
        let ledger = try ledger()
        let december = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-12-17"), source: "ofac-sdn", published: try .parse("2021-12-17T18:49:21Z"), effective: nil).snapshot
        try ledger.importSnapshot(december)
        let august = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"), effective: nil).snapshot
        let head = try ledger.database.head()
        #expect {
            try ledger.importSnapshot(august)
        } throws: { error in
            "\(error)".contains("is older than the last ofac-sdn snapshot in the ledger (2021-12-17T18:49:21Z); import snapshots in time order")
        }
        #expect(try ledger.database.head() == head)
    }

    @Test func aDryRunWritesNothing() throws {
        let ledger = try ledger()
        let august = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"), effective: nil).snapshot
        let report = try ledger.importSnapshot(august, dryRun: true)
        #expect(report.appended == 7 && report.dryRun)
        #expect(try ledger.database.head().sequence == 0)
    }

    @Test func theCuratedXinjiangDesignationsAreLinkedNotDuplicated() throws {
        // The curated ledger holds entries 29159 (XPSB) and 29220 (Chen Quanguo) with their OFAC entry numbers.
        let ledger = try TemporaryLedger.makeCurated()
        let august = try ledger.readOFACSnapshot(folder: Self.fixture("sdn-2021-08-18"), source: "ofac-sdn", published: try .parse("2021-08-18T09:39:01Z"), effective: nil).snapshot
        let report = try ledger.importSnapshot(august)
        #expect(report.byKind[.listed] == 5)
        let bureau = try ledger.list(asOf: AsOf(on: try .parse("2021-09-01")), regime: RegimeID("ofac-sdn"), party: PartyID("xinjiang-public-security-bureau"))
        #expect(bureau.count == 1)
        #expect(try ledger.resolveParty("XINJIANG PUBLIC SECURITY BUREAU") == [PartyID("xinjiang-public-security-bureau")])
    }
}
