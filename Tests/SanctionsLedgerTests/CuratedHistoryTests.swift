import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// `list`, `diff` and `timeline` on the curated Events/ give the real answers.
@Suite struct CuratedHistoryTests {
    static let ledger: Ledger = try! TemporaryLedger.makeCurated()  // swiftlint:disable:this force_try

    func onEntityList(_ party: String, on day: String, knownAt: String? = nil) throws -> Bool {
        try !Self.ledger.list(
            asOf: AsOf(on: EventFactory.day(day), knownAt: knownAt.map(EventFactory.day)),
            regime: RegimeID("bis-entity-list"), party: PartyID(party)
        ).isEmpty
    }

    @Test func hikvisionJoinedTheEntityListOnTheNinthOfOctober2019() throws {
        #expect(try !onEntityList("hangzhou-hikvision", on: "2019-10-08"))
        #expect(try onEntityList("hangzhou-hikvision", on: "2019-10-09"))
    }

    @Test func huaweiWasListedBeforeTheNoticeWasPublished() throws {
        #expect(try onEntityList("huawei-technologies", on: "2019-05-16"))
        #expect(try !onEntityList("huawei-technologies", on: "2019-05-16", knownAt: "2019-05-20"))
        #expect(try onEntityList("huawei-technologies", on: "2019-05-16", knownAt: "2019-05-21"))
    }

    @Test func knownAtHoldsWhenTheLedgerIsReadAsOfASequence() throws {
        // As recorded through the whole log, the streams are refolded in memory: the knowledge
        // filter must hold there too, not only in the SQL range query.
        let sequence = try Self.ledger.head().sequence
        func listed(knownAt: String) throws -> Bool {
            try !Self.ledger.list(
                asOf: AsOf(
                    on: EventFactory.day("2019-05-16"), knownAt: EventFactory.day(knownAt),
                    recordedThrough: sequence),
                regime: RegimeID("bis-entity-list"), party: PartyID("huawei-technologies")
            ).isEmpty
        }
        #expect(try !listed(knownAt: "2019-05-20"))
        #expect(try listed(knownAt: "2019-05-21"))
    }

    @Test func theXinjiangRuleAddedTwentyEightEntities() throws {
        let diff = try Self.ledger.diff(
            from: EventFactory.day("2019-10-08"), to: EventFactory.day("2019-10-09"),
            regime: RegimeID("bis-entity-list"))
        #expect(diff.changes.count == 28)
        #expect(diff.changes.allSatisfy { $0.events.first?.rawValue.hasPrefix("84FR54002-") == true })
        #expect(
            diff.changes.contains {
                $0.party == PartyID("hangzhou-hikvision") && $0.kind == .escalated
                    && $0.detail == "escalated from ndaa-889"
            })
    }

    @Test func decemberTwentyTwentyOneEscalatedSixCompaniesAndListedThreeOtherLegalPersons() throws {
        let diff = try Self.ledger.diff(
            from: EventFactory.day("2021-12-01"), to: EventFactory.day("2021-12-31"), regime: RegimeID("ofac-ns-cmic"))
        #expect(diff.changes.count == 9)
        let escalated = diff.changes.filter { $0.kind == .escalated && $0.detail == "escalated from bis-entity-list" }
        #expect(
            Set(escalated.map(\.party.rawValue)) == [
                "dji", "cloudwalk-technology", "dawning-information-industry", "leon-technology",
                "netposa-technologies", "xiamen-meiya-pico",
            ])
        // SenseTime Group Limited, Megvii Technology Limited and Yitu Limited are not the Entity
        // List's Beijing SenseTime, Megvii Technology and Yitu Technologies (issue 14, point 7)
        #expect(
            Set(diff.changes.filter { $0.kind == .added }.map(\.party.rawValue)) == [
                "sensetime-group-limited", "megvii-technology-limited", "yitu-limited",
            ])
    }

    @Test func djiWentFromTheEntityListToTheInvestmentBan() throws {
        let parties = try Self.ledger.resolveParty("SZ DJI Technology Co., Ltd.")
        #expect(parties == [PartyID("dji")])
        let timeline = try Self.ledger.timeline(PartyID("dji"), now: EventFactory.day("2025-01-01"))
        #expect(timeline.regimes.map(\.regime.rawValue) == ["bis-entity-list", "ofac-ns-cmic"])
        #expect(timeline.regimes.map { $0.first?.description } == ["2020-12-18", "2021-12-16"])
        let allInForce = timeline.regimes.allSatisfy { $0.inForceNow }
        #expect(allInForce)
        let escalation = try #require(timeline.entries.first { $0.event.regime == RegimeID("ofac-ns-cmic") })
        #expect(escalation.escalatedFrom == [RegimeID("bis-entity-list")])
        #expect(escalation.summary.contains("purchase-prohibited 2022-02-14"))
        #expect(timeline.regimes[0].names.contains("Da-Jiang Innovations"))
    }

    @Test func theXinjiangBureauEscalatedFromTheEntityListToTheSDNList() throws {
        let timeline = try Self.ledger.timeline(
            PartyID("xinjiang-public-security-bureau"), now: EventFactory.day("2025-01-01"))
        #expect(timeline.regimes.map(\.regime.rawValue) == ["bis-entity-list", "ofac-sdn"])
        let sdnListing = timeline.entries.first {
            $0.event.regime == RegimeID("ofac-sdn") && $0.event.kind.opensDesignation
        }
        #expect(sdnListing?.event.source.citation == "Treasury press release SM1055")
        #expect(sdnListing?.escalatedFrom == [RegimeID("bis-entity-list")])
        // The lists imported later (the SDN files, the CSL) amend it; they never list it a second time.
        #expect(timeline.entries.filter { $0.event.kind.opensDesignation }.count == 2)
    }

    @Test func huaweiMarineAliasesAreValidOnlyFromDecember2021() throws {
        func names(_ day: String) throws -> [String] {
            try Self.ledger.list(asOf: AsOf(on: EventFactory.day(day)), party: PartyID("huawei-marine-networks"))
                .flatMap { $0.names.map(\.name) }
        }
        #expect(try !names("2021-12-16").contains("HMN Technologies"))
        #expect(try names("2021-12-17").contains("HMN Technologies"))
    }

    @Test func hikvisionsEO13959DesignationEndedWhenEO14032WasSigned() throws {
        func regimes(_ day: String, knownAt: String? = nil, recordedThrough: Int? = nil) throws -> [String] {
            let asOf = AsOf(
                on: EventFactory.day(day), knownAt: knownAt.map(EventFactory.day), recordedThrough: recordedThrough)
            return try Self.ledger.list(asOf: asOf, party: PartyID("hangzhou-hikvision")).map(\.regime.rawValue)
        }
        #expect(try regimes("2021-06-02") == ["bis-entity-list", "ndaa-889", "ofac-cmic-eo13959"])
        #expect(try regimes("2021-06-03") == ["bis-entity-list", "ndaa-889", "ofac-ns-cmic"])
        // The ledger first recorded the end at 2021-08-02 and fixed its transcription later: the fix
        // counts from the order's publication (86 FR 30145, 2021-06-07) on the knowledge clock ...
        #expect(try regimes("2021-07-01", knownAt: "2021-06-08") == ["bis-entity-list", "ndaa-889", "ofac-ns-cmic"])
        #expect(
            try regimes("2021-07-01", knownAt: "2021-06-06")
                == ["bis-entity-list", "ndaa-889", "ofac-cmic-eo13959", "ofac-ns-cmic"])
        // ... and a view recorded before the fix was appended still gives the old answer.
        let fix = try #require(
            try Self.ledger.events(EventFilter(kind: .corrected)).first {
                $0.event.id == EventID("EO13959-end-fix-hangzhou-hikvision")
            })
        guard case .corrected(_, _, let cause) = fix.event.payload else { throw CancellationError() }
        #expect(cause == .transcription)
        #expect(fix.event.published == EventFactory.day("2021-06-07"))
        #expect(
            try regimes("2021-07-01", recordedThrough: fix.sequence - 1)
                == ["bis-entity-list", "ndaa-889", "ofac-cmic-eo13959", "ofac-ns-cmic"])
    }
}
