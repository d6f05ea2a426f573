import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Real cases on the curated Events/ with exact expected verdicts.
@Suite struct ScreeningTests {
    static let snapshot: ScreeningSnapshot = {
        let ledger = try! TemporaryLedger.makeCurated()  // swiftlint:disable:this force_try
        return try! ledger.screeningSnapshot()  // swiftlint:disable:this force_try
    }()

    func screen(_ name: String, on day: String, _ type: TransactionType = .export) -> ScreeningResult {
        Self.snapshot.screen(name, on: EventFactory.day(day), type: type)
    }

    func match(_ result: ScreeningResult, regime: String) -> ScreeningMatch? {
        result.matches.first { $0.regime == RegimeID(regime) }
    }

    /// The library's one-call screening (what the CLI and a server call): a result per name in the
    /// order asked, the citation of every event behind them, and the strongest verdict; the view's
    /// knowledge time is applied (on 2019-10-09 the rule of 2019-10-09 was published that day).
    @Test func aLedgerScreensSeveralNamesWithTheirSourcesInOneCall() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let day = EventFactory.day("2019-10-09")
        let answer = try ledger.screen(["Acme Widgets Ltd", "Hikvision"], at: AsOf(on: day), type: .export)
        #expect(answer.results.map(\.query) == ["Acme Widgets Ltd", "Hikvision"])
        #expect(answer.results.map(\.verdict) == [.permitted, .licenseRequired])
        #expect(answer.worst == .licenseRequired)
        let hikvision = try #require(answer.results[1].matches.first { $0.regime == RegimeID("bis-entity-list") })
        #expect(hikvision.events.allSatisfy { answer.sources[$0] != nil })
        #expect(answer.sources[EventID("84FR54002-hangzhou-hikvision")]?.citation.contains("84 FR 54002") == true)
        // Known on 2019-10-01: neither the listing nor an Entity List publication yet, so unknown, not permitted
        let known = AsOf(on: day, knownAt: EventFactory.day("2019-10-01"))
        let before = try ledger.screen(["Hikvision"], at: known, type: .export)
        #expect(before.results[0].matches.allSatisfy { $0.regime != RegimeID("bis-entity-list") })
        #expect(before.worst == .unknown)
        #expect(try ledger.screen([], at: AsOf(on: day), type: .export).worst == .permitted)
    }

    @Test func hikvisionExportTheDayBeforeAndTheDayOfItsListing() throws {
        let before = screen("Hikvision", on: "2019-10-08")
        #expect(match(before, regime: "bis-entity-list") == nil)
        #expect(before.verdict == .permitted)  // only the NDAA 889 procurement ban applies, and not to exports
        #expect(match(before, regime: "ndaa-889")?.outcome == .permitted)

        let on = screen("Hikvision", on: "2019-10-09")
        #expect(on.verdict == .licenseRequired)
        let hit = try #require(match(on, regime: "bis-entity-list"))
        #expect(hit.party == PartyID("hangzhou-hikvision"))
        #expect(hit.matchedName == "Hikvision")
        #expect(hit.nameKind == .aka)
        #expect(hit.score == 1)
        #expect(hit.policy?.contains("presumption of denial") == true)
        #expect(hit.events.contains(EventID("84FR54002-hangzhou-hikvision")))
        #expect(hit.events.contains(EventID("62FR4910-entity-list-rules")))
    }

    /// Every match carries its explanation (issue 15), and the explanation's score is the match's:
    /// for a query holding several names, it explains the name that gave the score.
    @Test func everyMatchIsExplainedWithItsOwnScore() throws {
        let queries = [
            "Hikvision", "Dr. Hikvision", "Hikvision Digital Tech Co Ltd", "Huawei Technologies Co., Ltd.",
            "Dawning Information Industry Co., Ltd. (Sugon)", "Sugon a.k.a. Dawning", "SZ DJI Technology",
            "Xinjiang Public Bureau", "MEGVII", "Sense Time",
        ]
        var explained = 0
        for query in queries {
            let result = screen(query, on: "2022-01-01")
            #expect(result.algorithm == .current)
            for match in result.matches {
                let explanation = try #require(match.explanation, "\(query) → \(match.matchedName)")
                #expect(explanation.score == match.score, "\(query) → \(match.matchedName)")
                #expect(explanation.listed == match.normalizedName)
                explained += 1
            }
        }
        #expect(explained >= 20)
        let sugon = screen("Dawning Information Industry Co., Ltd. (Sugon)", on: "2022-01-01")
        let best = try #require(sugon.matches.first)
        #expect(best.explanation?.query == "sugon" || best.explanation?.query == "dawning information industry co ltd")
    }

    @Test func anAliasDoesNotMatchBeforeItWasListed() {
        #expect(screen("HMN Technologies", on: "2021-12-16").matches.isEmpty)
        let after = screen("HMN Technologies", on: "2021-12-17")
        #expect(after.verdict == .licenseRequired)
        #expect(after.matches.first?.party == PartyID("huawei-marine-networks"))
        #expect(after.matches.first?.events.contains(EventID("86FR71557-huawei-marine-networks-aliases")) == true)
    }

    @Test func securitiesPurchasesInsideAndAfterTheNSCMICWindow() throws {
        let inside = screen("SenseTime Group Limited", on: "2022-02-07", .securitiesPurchase)
        #expect(inside.verdict == .permitted)
        #expect(match(inside, regime: "ofac-ns-cmic")?.note.contains("becomes prohibited on 2022-02-08") == true)
        let after = screen("SenseTime Group Limited", on: "2022-02-08", .securitiesPurchase)
        #expect(after.verdict == .prohibited)
        // divestment sales are permitted until the divestment date
        #expect(screen("SenseTime Group Limited", on: "2022-12-09", .securitiesSale).verdict == .permitted)
        #expect(screen("SenseTime Group Limited", on: "2022-12-10", .securitiesSale).verdict == .prohibited)
        // a milestone takes effect at its first second, not one later
        #expect(
            screen("SenseTime Group Limited", on: "2022-02-07T23:59:59Z", .securitiesPurchase).verdict == .permitted)
        #expect(
            screen("SenseTime Group Limited", on: "2022-02-08T00:00:00Z", .securitiesPurchase).verdict == .prohibited)
        // Hikvision: EO 13959 prohibited purchases from 2021-01-11 until EO 14032 replaced it on
        // 2021-06-03; EO 14032 prohibited them again from 2021-08-02 (the two-month gap)
        #expect(
            screen("Hangzhou Hikvision Digital Technology Co., Ltd.", on: "2021-06-02", .securitiesPurchase).verdict
                == .prohibited)
        #expect(
            screen("Hangzhou Hikvision Digital Technology Co., Ltd.", on: "2021-08-01", .securitiesPurchase).verdict
                == .permitted)
        #expect(
            screen("Hangzhou Hikvision Digital Technology Co., Ltd.", on: "2021-01-10", .securitiesPurchase).verdict
                == .permitted)
    }

    @Test func anEAR99ExportNeedsALicenceButAPaymentDoesNot() {
        #expect(screen("Megvii Technology", on: "2021-06-01", .exportEAR99).verdict == .licenseRequired)
        #expect(screen("Megvii Technology", on: "2021-06-01", .payment).verdict == .permitted)
        // DJI's entry excludes only EAR99 UAV technology released by an operator: EAR99 goods need a licence
        #expect(screen("DJI", on: "2021-06-01", .exportEAR99).verdict == .licenseRequired)
        #expect(screen("DJI", on: "2021-06-01", .export).verdict == .licenseRequired)
    }

    @Test func aSimilarButDifferentCompanyDoesNotMatchAtTheDefaultThreshold() {
        // Not Dahua Technology (Entity List); the Denied Persons List does name a company of exactly this
        // name (Flushing, NY, since 2017), which is a certain match of its own.
        let dahua = screen("Dahua Electronics Corporation", on: "2022-01-01")
        #expect(!dahua.matches.contains { $0.certain && $0.regime != RegimeID("bis-dpl") })
        #expect(dahua.matches.contains { $0.certain && $0.regime == RegimeID("bis-dpl") })
        // a standard denial order bars every export subject to the EAR (15 CFR part 764)
        #expect(dahua.verdict == .prohibited)
        #expect(dahua.matches.filter { $0.outcome == .prohibited }.allSatisfy { $0.regime == RegimeID("bis-dpl") })
        let hikmicroBefore = screen("Hikmicro Optics Co., Ltd.", on: "2021-06-01")
        #expect(!hikmicroBefore.matches.contains { $0.certain && $0.party == PartyID("hangzhou-hikvision") })
    }

    @Test func aCyrillicHomoglyphSpellingStillMatches() {
        let result = screen("НІКVІЅІОN", on: "2020-01-01")
        #expect(result.verdict == .licenseRequired)
        #expect(match(result, regime: "bis-entity-list")?.normalizedQuery == "hikvision")
        let invisible = screen("Hik\u{200B}vi\u{200D}sion", on: "2020-01-01")
        #expect(invisible.verdict == .licenseRequired)
    }

    @Test func aSDNDesignationProhibitsEverything() {
        let result = screen("Xinjiang Public Security Bureau", on: "2021-01-01", .payment)
        #expect(result.verdict == .prohibited)
        #expect(
            match(result, regime: "ofac-sdn")?.events.contains(
                EventID("OFAC-2020-07-09-xinjiang-public-security-bureau")) == true)
        #expect(screen("Quanguo Chen", on: "2020-07-09", .service).verdict == .prohibited)
        #expect(screen("Quanguo Chen", on: "2020-07-08", .service).verdict == .permitted)
    }

    @Test func possibleMatchesAreReviewNeverDropped() {
        let strict = ScreeningSnapshot(
            rows: try! TemporaryLedger.makeCurated().database.projectionRows(),
            // swiftlint:disable:this force_try
            rules: try! TemporaryLedger.makeCurated().database.ruleRows(), options: ScreeningOptions(threshold: 0.99))
        let result = strict.screen("Hikvsion Digital Technology", on: EventFactory.day("2020-01-01"), type: .export)
        let hit = result.matches.first {
            $0.party == PartyID("hangzhou-hikvision") && $0.regime == RegimeID("bis-entity-list")
        }
        #expect(hit?.certain == false)
        #expect(hit?.outcome == .review)
        #expect(result.verdict == .review)
    }

    @Test func knownAtHidesWhatWasNotYetPublished() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let early = try ledger.screeningSnapshot(knownAt: EventFactory.day("2019-05-20"))
        // Huawei's own listing (published 2019-05-21) is not yet known; an older Entity List entry with a
        // similar name ("Chengdu Haiwei Technology", listed 2014) may still show as a possible match.
        let unknownYet = early.screen(
            "Huawei Technologies Co., Ltd.", on: EventFactory.day("2019-05-17"), type: .export)
        #expect(!unknownYet.matches.contains { $0.party == PartyID("huawei-technologies") })
        #expect(unknownYet.matches.allSatisfy { !$0.certain })
        let later = try ledger.screeningSnapshot(knownAt: EventFactory.day("2019-05-21"))
        #expect(
            later.screen("Huawei Technologies Co., Ltd.", on: EventFactory.day("2019-05-17"), type: .export).verdict
                == .licenseRequired)
    }

    @Test func aDelistingEndsTheDesignationOnItsOwnDay() throws {
        // Given an Entity List designation from 2020-01-10 delisted on 2021-03-01
        let ledger = try TemporaryLedger.makeCurated()
        try ledger.database.append([
            EventFactory.listed("t-l", party: "t-quillon", effective: "2020-01-10", name: "Quillon Avionics Ltd"),
            EventFactory.delisted("t-d", party: "t-quillon", effective: "2021-03-01"),
        ])
        let snapshot = try ledger.screeningSnapshot()
        func verdict(_ day: String) -> Outcome {
            snapshot.screen("Quillon Avionics Ltd", on: EventFactory.day(day), type: .export).verdict
        }
        // The interval is half open: in force from its first instant to the last second before the delisting
        #expect(verdict("2020-01-09") == .permitted)
        #expect(verdict("2020-01-10") == .licenseRequired)
        #expect(verdict("2021-02-28T23:59:59Z") == .licenseRequired)
        #expect(verdict("2021-03-01T00:00:00Z") == .permitted)
        let interval = LedgerInterval(from: EventFactory.day("2020-01-10"), to: EventFactory.day("2021-03-01"))
        #expect(interval.contains(EventFactory.day("2020-01-10")))
        #expect(!interval.contains(EventFactory.day("2021-03-01")))
    }

    @Test func aQueryWithTwoNamesOfOneListedPartyIsACertainMatch() throws {
        // "Dawning Information Industry Co., Ltd. (Sugon)": both are names of the listed party (issue 15)
        let result = screen("Dawning Information Industry Co., Ltd. (Sugon)", on: "2020-01-01")
        #expect(result.verdict == .licenseRequired)
        let hit = try #require(match(result, regime: "bis-entity-list"))
        #expect(hit.certain)
        #expect(hit.party == PartyID("dawning-information-industry"))
    }
}
