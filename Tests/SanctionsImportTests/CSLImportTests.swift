import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// The Consolidated Screening List of 2022-05-06 (cut to ten real rows) imported into the curated ledger.
@Suite struct CSLImportTests {
    static let path = OFACCSVParserTests.fixture("csl-2022-05-cut") + "/consolidated.csv"

    func imported() throws -> (Ledger, AppendReport, Int) {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let snapshot = try ledger.readCSLSnapshot(path: Self.path, published: try .parse("2022-05-06")).snapshot
        let (report, linked) = try ledger.importCSLSnapshot(snapshot)
        return (ledger, report, linked)
    }

    @Test func curatedPartiesAreLinkedNotDuplicated() throws {
        let (ledger, report, linked) = try imported()
        // Hikvision, Huawei (three CSL rows merged into its one entry) and DJI are the curated parties.
        #expect(linked == 3)
        #expect(report.byKind[.amended] == 3)
        let on = AsOf(on: try .parse("2022-05-06"))
        let hikvision = try ledger.list(
            asOf: on, regime: RegimeID("bis-entity-list"), party: PartyID("hangzhou-hikvision"))
        #expect(hikvision.count == 1)
        #expect(hikvision.first?.segment.details.identifiers?.contains { $0.type == "csl-id" } == true)
        let huawei = try ledger.list(
            asOf: on, regime: RegimeID("bis-entity-list"), party: PartyID("huawei-technologies"))
        #expect(huawei.first?.segment.details.identifiers?.filter { $0.type == "csl-id" }.count == 3)
        #expect(
            try ledger.resolveParty("Hangzhou Hikvision Digital Technology Co., Ltd.") == [
                PartyID("hangzhou-hikvision")
            ])
    }

    @Test func newEntriesCarryTheirNoticeAndStartDate() throws {
        let (ledger, report, _) = try imported()
        // VNIIEF, the MEU entry, the DPL entry, the UVL entry (the SDN row is OFAC's)
        #expect(report.byKind[.listed] == 4)
        let meu = try ledger.list(asOf: AsOf(on: try .parse("2020-12-23")), regime: RegimeID("bis-meu"))
        #expect(meu.map(\.listedName) == ["AECC Aero Science & Technology Co. Ltd."])
        let listing = try #require(try ledger.database.storedEvents(ids: [meu[0].segment.listingEvent]).values.first)
        #expect(listing.event.source.citation == "85 FR 83799")
        #expect(listing.event.published.description == "2020-12-23")
        #expect(try ledger.list(asOf: AsOf(on: try .parse("2020-12-22")), regime: RegimeID("bis-meu")).isEmpty)
    }

    @Test func aDenialOrderEndsOnItsExpiryAndAnImpossibleDateIsNoted() throws {
        let (ledger, _, _) = try imported()
        let denied = try ledger.list(asOf: AsOf(on: try .parse("2022-05-06")), regime: RegimeID("bis-dpl"))
        #expect(denied.count == 1)
        // The order's expiry is the listing's `ends` milestone: the designation ends then without an
        // event of its own (a later list that drops it sooner, or extends it, decides otherwise).
        let events = try ledger.database.storedEvents(EventFilter(party: denied[0].party))
        #expect(events.map(\.event.kind) == [.listed])
        guard case .listed(let details) = events.first?.event.payload,
            let ends = details.milestones?[DesignationDetails.endsMilestone]
        else {
            Issue.record("the listing states no end")
            return
        }
        #expect(ends > (try .parse("2030-01-01")))
        #expect(try ledger.list(asOf: AsOf(on: ends.adding(days: -1)), party: denied[0].party).count == 1)
        #expect(try ledger.list(asOf: AsOf(on: ends), party: denied[0].party).isEmpty)
        let vniief = try ledger.database.storedEvents(EventFilter(regime: RegimeID("bis-entity-list"))).first {
            $0.event.id.rawValue.hasPrefix("csl:") && $0.event.note?.contains("0097-06-30") == true
        }
        #expect(
            vniief?.event.note?.contains("not a date") == true || vniief?.event.note?.contains("impossible") == true)
        #expect(vniief?.event.effective.description == "2022-05-06")
    }

    @Test func importingTheSameListTwiceAppendsNothing() throws {
        let (ledger, _, _) = try imported()
        let head = try ledger.database.head()
        let again = try ledger.readCSLSnapshot(path: Self.path, published: try .parse("2022-05-06")).snapshot
        #expect(try ledger.importCSLSnapshot(again).report.appended == 0)
        #expect(try ledger.database.head() == head)
    }

    @Test func aTruncatedOrForeignFileIsRefused() throws {
        let fixture = try FileFixture()
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        // Cut at a record boundary, then start a quoted field that the file never closes (a download cut mid-record).
        let keptRecords = text.prefix(text.count - 200)
        let cut = keptRecords[...keptRecords.lastIndex(of: "\n")!]
        let truncated = try fixture.write(
            "truncated.csv",
            String(cut) + "99999,\"Entity List (EL) - Bureau of Industry and Security\",\"unterminated name")
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        #expect { try ledger.readCSLSnapshot(path: truncated, published: try .parse("2022-05-06")) } throws: {
            "\($0)".contains("truncated.csv:") && "\($0)".contains("never closed")
        }
        let foreign = try fixture.write("foreign.csv", "a,b,c\n1,2,3\n")
        #expect { try ledger.readCSLSnapshot(path: foreign, published: try .parse("2022-05-06")) } throws: {
            "\($0)".contains("foreign.csv:1: the header lacks the column 'source'")
        }
    }
}
