import Foundation
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// The curated facts checked against the Federal Register (issue 14): each error fixed by a new
/// event, never an edit, so a ledger built before the fixes still gives its old answers as
/// recorded then, and the fixed answers from the date the right fact was public.
@Suite struct CuratedFixesTests {
    static let events = CuratedEventsTests.root.appendingPathComponent("Events")

    /// The curated notices of the fixes (their files are named `<date>-fix-...`, and 85 FR 44159).
    static func isFix(_ name: String) -> Bool {
        name.contains("-fix-") || name.hasPrefix("2020-07-22-85FR44159")
    }

    /// A ledger built from the curated notices without the fixes (as one built before them), and
    /// the same ledger after the fixes were imported: its head before them.
    static let upgraded: (ledger: Ledger, before: LedgerHead) = {
        do {
            let notices = events.appendingPathComponent("notices")
            let names = try FileManager.default.contentsOfDirectory(atPath: notices.path).sorted()
            let ledger = try Ledger.open(path: nil, clock: TemporaryLedger.fixedClock)
            let base = ["regimes.json", "program-regimes.json"].map { events.appendingPathComponent($0).path }
            try ledger.importFiles(
                base + names.filter { !isFix($0) }.map { notices.appendingPathComponent($0).path })
            let before = try ledger.head()
            try ledger.importFiles(names.filter(isFix).map { notices.appendingPathComponent($0).path })
            return (ledger, before)
        } catch {
            fatalError("the curated notices did not import: \(error)")
        }
    }()
    static let now: ScreeningSnapshot = try! upgraded.ledger.screeningSnapshot()  // swiftlint:disable:this force_try

    static func match(
        _ name: String, _ day: String, _ type: TransactionType = .export, regime: String = "bis-entity-list",
        in snapshot: ScreeningSnapshot = now
    ) throws -> ScreeningMatch {
        let result = snapshot.screen(name, on: EventFactory.day(day), type: type)
        return try #require(result.matches.first { $0.regime == RegimeID(regime) && $0.certain }, "\(name) \(day)")
    }

    @Test func ear99GoodsToDJINeedALicence() throws {
        let hit = try Self.match("DJI", "2021-03-01", .exportEAR99)
        #expect(hit.outcome == .licenseRequired)
        #expect(hit.policy?.contains("Presumption of denial") == true)
    }

    @Test func shenzhenCobberWasListedInJulyAndRevisedInNovember() throws {
        let name = "Shenzhen Cobber Information Technology Co., Ltd."
        #expect(Self.now.screen(name, on: EventFactory.day("2021-07-11"), type: .export).verdict != .licenseRequired)
        let july = try Self.match(name, "2021-08-01")
        #expect(july.outcome == .licenseRequired)
        #expect(july.policy?.hasPrefix("Case-by-case review") == true)
        let december = try Self.match(name, "2021-12-01")
        #expect(december.policy == "Presumption of denial.")
    }

    @Test func hikvisionsPolicyIsTheOneInForceOnTheTransactionsDate() throws {
        let january = try Self.match("Hikvision", "2020-01-01")
        #expect(january.policy?.contains("infectious") == false)
        #expect(january.policy?.hasPrefix("Case-by-case review for ECCNs 1A004.c") == true)
        let august = try Self.match("Hikvision", "2020-08-01")
        #expect(
            august.policy?.contains(
                "case-by-case review for items necessary to detect, identify and treat infectious disease") == true)
        #expect(august.events.contains(EventID("85FR44159-policy-hangzhou-hikvision")))
    }

    @Test func theJuneTwentyTwentyRuleIsCitedByItsFirstPage() throws {
        let hit = try Self.match("CloudWalk Technology", "2020-07-01")
        let sources = try Self.upgraded.ledger.sources(of: hit.events)
        let citations = hit.events.compactMap { sources[$0]?.citation }
        #expect(citations.contains("85 FR 34503"), "\(citations)")
        #expect(!citations.contains("85 FR 34505"))
        // As recorded before the fix, the old citation
        let old = try Self.upgraded.ledger.sources(of: hit.events, recordedThrough: Self.upgraded.before.sequence)
        let oldCitations = hit.events.compactMap { old[$0]?.citation }
        #expect(oldCitations.contains("85 FR 34505"), "\(oldCitations)")
    }

    @Test func section889BarsHikvisionFromFederalProcurementFromTheThirteenthOfAugust2019() throws {
        let before = Self.now.screen("Hikvision", on: EventFactory.day("2019-08-12"), type: .procurement)
        #expect(!before.matches.contains { $0.regime == RegimeID("ndaa-889") && $0.outcome == .prohibited })
        let from = try Self.match("Hikvision", "2019-08-13", .procurement, regime: "ndaa-889")
        #expect(from.outcome == .prohibited)
    }

    @Test func senseTimeGroupLimitedIsNotTheEntityListsBeijingSenseTime() throws {
        let export = Self.now.screen("SenseTime Group Limited", on: EventFactory.day("2022-06-01"), type: .export)
        #expect(export.verdict == .review)
        let entityList = try #require(export.matches.first { $0.regime == RegimeID("bis-entity-list") })
        #expect(!entityList.certain)
        #expect(entityList.note.contains("exactly the listed name of another party, sensetime-group-limited"))
        // Its own listing: the investment ban, on its own party
        let purchase = try Self.match(
            "SenseTime Group Limited", "2022-06-01", .securitiesPurchase, regime: "ofac-ns-cmic")
        #expect(purchase.party == PartyID("sensetime-group-limited"))
        #expect(purchase.outcome == .prohibited)
        #expect(purchase.note.contains("solely to effect divestment"))
        // The Entity List party no longer carries the NS-CMIC listing, nor do Megvii's and Yitu's
        for party in ["sensetime", "megvii", "yitu"] {
            let regimes = try Self.upgraded.ledger.list(
                asOf: AsOf(on: EventFactory.day("2022-06-01")), party: PartyID(party)
            ).map(\.regime.rawValue)
            #expect(regimes == ["bis-entity-list"], "\(party)")
        }
    }

    @Test func huaweisLicenceTermsFollowTheTemporaryGeneralLicenceAndTheLaterRules() throws {
        func license(_ day: String) throws -> LicenseTerms? {
            try Self.upgraded.ledger.list(
                asOf: AsOf(on: EventFactory.day(day)), regime: RegimeID("bis-entity-list"),
                party: PartyID("huawei-technologies")
            ).first?.segment.details.license
        }
        #expect(try license("2019-05-17")?.requirement == "For all items subject to the EAR.")
        #expect(try license("2019-05-17")?.policy == "Presumption of denial")
        #expect(try license("2019-06-01")?.policy?.contains("through 2019-08-19") == true)
        #expect(try license("2019-12-01")?.policy?.contains("through 2020-02-16") == true)
        #expect(try license("2020-05-20")?.requirement?.contains("736.2(b)(3)(vi)") == true)
        #expect(try license("2020-05-20")?.requirement?.contains("standards organization") == false)
        #expect(try license("2020-07-01")?.requirement?.contains("standards organization") == true)
        #expect(try license("2020-09-01")?.policy == "Presumption of denial")
        // The verdict quotes the terms in force: the TGL's purposes in 2019, none after it expired
        let tgl = try Self.match("Huawei Technologies Co., Ltd.", "2019-06-01")
        #expect(tgl.outcome == .licenseRequired)
        #expect(tgl.policy?.contains("Temporary General License") == true)
        #expect(try Self.match("Huawei Technologies Co., Ltd.", "2020-09-01").policy == "Presumption of denial")
        // The standards exception concerns technology releases only: EAR99 goods still need a licence
        #expect(try Self.match("Huawei Technologies Co., Ltd.", "2020-09-01", .exportEAR99).outcome == .licenseRequired)
    }

    @Test func theXPCCJoinedTheEntityListOnTopOfItsSDNDesignation() throws {
        func regimes(_ day: String) throws -> [String] {
            try Self.upgraded.ledger.list(
                asOf: AsOf(on: EventFactory.day(day)), party: PartyID("xinjiang-production-and-construction-corps")
            ).map(\.regime.rawValue).sorted()
        }
        #expect(try regimes("2021-06-23") == ["ofac-sdn"])
        #expect(try regimes("2021-06-24") == ["bis-entity-list", "ofac-sdn"])
        let hit = try Self.match("Bingtuan", "2021-07-01")
        #expect(hit.party == PartyID("xinjiang-production-and-construction-corps"))
        #expect(hit.events.contains(EventID("86FR33119-xinjiang-production-and-construction-corps")))
    }

    @Test func aViewRecordedBeforeTheFixesGivesTheOldAnswersAndHead() throws {
        let ledger = Self.upgraded.ledger
        let before = Self.upgraded.before
        #expect(try ledger.head(recordedThrough: before.sequence) == before)
        let old = try ledger.screeningSnapshot(recordedThrough: before.sequence)
        // DJI: every EAR99 export was exempted; Hikvision quoted the revised policy all along;
        // Cobber was not listed before November 2021.
        #expect(try Self.match("DJI", "2021-03-01", .exportEAR99, in: old).outcome == .permitted)
        #expect(try Self.match("Hikvision", "2020-01-01", in: old).policy?.contains("infectious") == true)
        #expect(
            old.screen(
                "Shenzhen Cobber Information Technology Co., Ltd.", on: EventFactory.day("2021-08-01"), type: .export
            )
            .verdict != .licenseRequired)
    }

    @Test func aTranscriptionFixCountsFromTheOriginalNoticeOnTheKnowledgeClock() throws {
        // The DJI fix carries the date of 85 FR 83416 (2020-12-22): known then, as the notice said it
        let known = try Self.upgraded.ledger.screeningSnapshot(knownAt: EventFactory.day("2020-12-23"))
        #expect(try Self.match("DJI", "2021-03-01", .exportEAR99, in: known).outcome == .licenseRequired)
    }
}
