import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Every regime the ledger can import has rules that match the law per transaction type (issue 22),
/// checked on real rows of `../shared/data` on dates either side of each milestone.
@Suite struct RegimeRulesTests {
    static let ledger: Ledger = try! TemporaryLedger.makeCurated()  // swiftlint:disable:this force_try
    static let snapshot: ScreeningSnapshot = try! ledger.screeningSnapshot()  // swiftlint:disable:this force_try
    /// The curated notices and the CSL of 2022-05-06 imported as the source of OFAC's lists
    /// (`--source csl-ofac`): the only file with the FSE list and NS-CMIC rows dated in `ids`.
    static let cslOFAC: Ledger = {
        do {
            let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
            _ = try ledger.importSnapshot(
                path: try SharedData.url("csl-2022-05/consolidated.csv.gz").path, format: .csl,
                source: "csl-ofac", published: EventFactory.day("2022-05-06"))
            return ledger
        } catch {
            fatalError("the CSL of 2022-05-06 could not be imported as OFAC's source: \(error)")
        }
    }()
    // swiftlint:disable:next force_try
    static let cslOFACSnapshot: ScreeningSnapshot = try! cslOFAC.screeningSnapshot()

    /// The header of the CSL's CSV export, for files written by the tests.
    static let cslHeader =
        "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,"
        + "standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
        + "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
        + "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
    /// An NS-CMIC row of an invented company without any date (its `ids` column last and empty).
    static let undatedCMICRow =
        "abc,Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department,99001,Entity,"
        + "CMIC-EO13959,QUILLON AVIONICS HOLDINGS LIMITED,,,,,,,,,,,,,,,,,,,,,,,"

    /// The match of `name` on `regime` (certain), screened for `type` on `day`.
    static func match(
        _ name: String, on day: String, _ type: TransactionType, regime: String,
        in snapshot: ScreeningSnapshot = snapshot
    ) throws -> ScreeningMatch {
        let result = snapshot.screen(name, on: EventFactory.day(day), type: type)
        return try #require(
            result.matches.first { $0.regime == RegimeID(regime) && $0.certain },
            "\(name) on \(day): \(result.matches.map { "\($0.regime) \($0.listedName) \($0.score)" })")
    }

    // MARK: - 2. EO 13959: every determination, from its own date, until EO 14032 replaced it

    @Test func eo13959PurchasesWereProhibitedFromEachDeterminationsOwnDateUntilTheSecondOfJune() {
        func verdict(_ name: String, _ day: String) -> Outcome {
            Self.snapshot.screen(name, on: EventFactory.day(day), type: .securitiesPurchase).verdict
        }
        // OFAC's subsidiaries of 2021-01-08: 60 days, 2021-03-09 (GL 1B's note). (The verdict for this
        // name also matches the parent, China Mobile Communications Group, an Annex company.)
        func subsidiary(_ day: String) -> Outcome? {
            Self.snapshot.screen("China Mobile Limited", on: EventFactory.day(day), type: .securitiesPurchase).matches
                .first { $0.party == PartyID("ofac-30923") && $0.regime == RegimeID("ofac-cmic-eo13959") }?.outcome
        }
        #expect(subsidiary("2021-03-08") == .permitted)
        #expect(subsidiary("2021-03-09") == .prohibited)
        // EO 14032 replaced the EO 13959 prohibitions on signature; its own began on 2021-08-02
        #expect(subsidiary("2021-06-02") == .prohibited)
        #expect(subsidiary("2021-06-03") == nil)
        #expect(verdict("China Mobile Limited", "2021-08-02") == .prohibited)
        // The DoD tranche of 2020-12-03: from 2021-02-01
        #expect(verdict("Semiconductor Manufacturing International Corporation", "2021-01-31") == .permitted)
        #expect(verdict("Semiconductor Manufacturing International Corporation", "2021-02-01") == .prohibited)
        // An Annex company OFAC did not carry over (China Three Gorges): from 2021-01-11 to 2021-06-02
        #expect(verdict("China Three Gorges Corporation", "2021-01-10") == .permitted)
        #expect(verdict("China Three Gorges Corporation", "2021-01-11") == .prohibited)
        #expect(verdict("China Three Gorges Corporation", "2021-06-03") == .permitted)
        // Xiaomi was enjoined before its prohibitions began
        #expect(verdict("Xiaomi Corporation", "2021-04-01") == .permitted)
        // The whole list is curated: a company on none of it is permitted, not unknown
        #expect(verdict("Quillon Avionics Ltd", "2021-03-01") == .permitted)
    }

    // MARK: - 3. Denied Persons List: a standard denial order bars every export subject to the EAR

    @Test func aDeniedPersonCannotReceiveAnyExportWhileTheOrderRuns() throws {
        // DPL of 2019-06-29: ADRIAN MANUEL HERNANDEZ, order of 2017-10-16 ending 2020-10-13
        let name = "ADRIAN MANUEL HERNANDEZ"
        for type in [TransactionType.export, .exportEAR99] {
            let hit = try Self.match(name, on: "2019-07-01", type, regime: "bis-dpl")
            #expect(hit.outcome == .prohibited, "\(type)")
            #expect(hit.note.contains("subject to the EAR"), "\(hit.note)")
        }
        #expect(try Self.match(name, on: "2019-07-01", .payment, regime: "bis-dpl").outcome == .review)
        #expect(try Self.match(name, on: "2019-07-01", .service, regime: "bis-dpl").outcome == .review)
        #expect(try Self.match(name, on: "2019-07-01", .securitiesPurchase, regime: "bis-dpl").outcome == .permitted)
        // Before the order and after its expiry the list does not bar him
        for day in ["2017-10-15", "2020-10-14"] {
            let result = Self.snapshot.screen(name, on: EventFactory.day(day), type: .export)
            #expect(
                !result.matches.contains { $0.regime == RegimeID("bis-dpl") && $0.outcome == .prohibited }, "\(day)")
        }
    }

    // MARK: - 6. Lists that restrict only some types

    @Test func theUnverifiedListAsksForAStatementNotALicence() throws {
        // CSL sample of 2019-12-03: Guangdong University of Technology on the Unverified List
        let name = "Guangdong University of Technology"
        let export = try Self.match(name, on: "2020-01-01", .export, regime: "bis-uvl")
        #expect(export.outcome == .review)
        #expect(export.note.contains("UVL statement"), "\(export.note)")
        #expect(try Self.match(name, on: "2020-01-01", .payment, regime: "bis-uvl").outcome == .permitted)
        // Before the rule of 78 FR 76741 took effect (2014-01-21) the list had no such effect
        #expect(
            Self.snapshot.screen(name, on: EventFactory.day("2013-06-01"), type: .export).matches.allSatisfy {
                $0.regime != RegimeID("bis-uvl")
            })
    }

    @Test func aForeignSanctionsEvaderIsProhibitedForPaymentsAndExports() throws {
        // CSL of 2022-05-06 as OFAC's source: KAYAKIRAN, Evren (FSE-IR)
        for type in [TransactionType.payment, .export, .service] {
            let hit = try Self.match(
                "KAYAKIRAN, Evren", on: "2022-06-01", type, regime: "ofac-fse", in: Self.cslOFACSnapshot)
            #expect(hit.outcome == .prohibited, "\(type)")
        }
    }

    @Test func stateNonproliferationSanctionsFollowTheStatuteTheEntryNames() throws {
        // CSL of 2022-05-06, State ISN rows
        let inksna = "Al Jaysh al Sha'bi"  // INKSNA, 2020-09-23: a U.S. Government procurement ban
        #expect(try Self.match(inksna, on: "2022-06-01", .procurement, regime: "state-isn").outcome == .prohibited)
        #expect(try Self.match(inksna, on: "2022-06-01", .payment, regime: "state-isn").outcome == .permitted)
        #expect(try Self.match(inksna, on: "2022-06-01", .export, regime: "state-isn").outcome == .review)
        // E.O. 13382 blocks: every type prohibited
        let blocked = try Self.match("27th Scientific Center", on: "2022-06-01", .payment, regime: "state-isn")
        #expect(blocked.outcome == .prohibited)
        #expect(blocked.note.contains("EO 13382"), "\(blocked.note)")
        // Export-Import Bank Act measures bind the government only: the list's general rule, review
        let bank = try Self.match("Buhary Seyed Abu Tahir", on: "2022-06-01", .payment, regime: "state-isn")
        #expect(bank.outcome == .review)
    }

    // MARK: - 4. Directive 4 under EO 14024: a rule named on the entry

    @Test func directiveFourEntitiesAreProhibitedForEveryTypeAndOtherMenuEntriesAreNot() throws {
        for type in TransactionType.allCases {
            let hit = try Self.match(
                "CENTRAL BANK OF THE RUSSIAN FEDERATION", on: "2025-06-01", type, regime: "ofac-ns-mbs")
            #expect(hit.outcome == .prohibited, "\(type)")
            #expect(hit.note.contains("Directive 4"), "\(hit.note)")
        }
        // An NS-MBS entry under another measure keeps the list's general rule
        let other = try Self.match(
            "PRESIDENCY OF DEFENSE INDUSTRIES", on: "2025-06-01", .payment, regime: "ofac-ns-mbs")
        #expect(other.outcome == .review)
    }

    @Test func directiveFourStartsOnTheTwentyEighthOfFebruaryTwentyTwentyTwo() throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        var details = DesignationDetails(name: "NATIONAL WEALTH FUND OF THE RUSSIAN FEDERATION")
        details.remarks =
            "Listing Date (EO 14024 Directive 1a): 22 Feb 2022; Executive Order 14024 Directive Information Subject "
            + "to Directive 4 - any transaction involving ... is prohibited."
        try ledger.append([
            LedgerEvent(
                id: EventID("nwf"), party: PartyID("nwf"), regime: RegimeID("ofac-ns-mbs"),
                effective: EventFactory.day("2022-02-22"), published: EventFactory.day("2022-02-22"),
                source: EventFactory.testSource, payload: .listed(details))
        ])
        let snapshot = try ledger.screeningSnapshot()
        let name = "National Wealth Fund of the Russian Federation"
        let before = try Self.match(name, on: "2022-02-27", .payment, regime: "ofac-ns-mbs", in: snapshot)
        #expect(before.outcome == .review)
        let from = try Self.match(name, on: "2022-02-28", .payment, regime: "ofac-ns-mbs", in: snapshot)
        #expect(from.outcome == .prohibited)
        let rule = try #require(
            try ledger.events(EventFilter(kind: .ruleChanged)).first {
                $0.event.id == EventID("EO14024-directive-4-rules")
            })
        #expect(from.events.contains(rule.event.id))
    }

    @Test func aRuleNamingAnEntryStatementIsRefusedWhenTheTextIsTooShort() throws {
        let json = """
            {"id": "r", "type": "rule-changed", "regime": "ofac-ns-mbs", "effective": "2022-02-28",
             "published": "2022-02-28", "source": {"citation": "X"},
             "rules": [{"transactionType": "payment", "outcome": "prohibited", "entryStates": "D4"}]}
            """
        #expect(throws: InputError.self) { _ = try LedgerEvent(json: try JSONParser.parse(Array(json.utf8))) }
    }

    // MARK: - 5. Entity List entries limited to an end use or excepting goods

    @Test func theLicenceTextsOfTheRealEntityListAreReadForTheirScope() throws {
        let path = try SharedData.url("csl-2022-05/consolidated.csv.gz").path
        let rows = try CSLParser.parse(try InputFiles.read(path), file: path).rows
        var endUse = 0
        var ear99Goods = 0
        var allGoods = 0
        var whole = 0
        for row in rows where row["source"].hasPrefix("Entity List") {
            switch LicenseScope.of(row["license_requirement"]) {
            case .none: whole += 1
            case .some(let scope) where scope.limit == .endUse: endUse += 1
            case .some(let scope) where scope.types == [.exportEAR99]: ear99Goods += 1
            case .some: allGoods += 1
            }
        }
        #expect(endUse == 82)  // "when used in projects specified in §746.5" (Yuzhno-Kirinskoye is not limited)
        #expect(ear99Goods == 41)  // food or medicine designated as EAR99
        #expect(allGoods == 10)  // also 5A992.c/5D992.c, and CNOOC's hydrocarbons
        #expect(whole == rows.filter { $0["source"].hasPrefix("Entity List") }.count - 133)
    }

    @Test func anOilAndGasEntryScopedToSection7465IsReviewWithTheScopeQuoted() throws {
        // 79 FR 55608 (2014-09-17): Lukoil OAO, "For all items subject to the EAR when used in projects specified in §746.5"
        for type in [TransactionType.export, .exportEAR99] {
            let hit = try Self.match("Lukoil OAO", on: "2022-06-01", type, regime: "bis-entity-list")
            #expect(hit.outcome == .review, "\(type)")
            #expect(hit.ruleOutcome == .review)
            #expect(hit.note.contains("§746.5"), "\(hit.note)")
            #expect(hit.policy == nil)
        }
    }

    @Test func cnoocsEntryExceptsHydrocarbonsSoAnExportIsReviewButCoradNeedsALicence() throws {
        let cnooc = try Self.match(
            "China National Offshore Oil Corporation Ltd.", on: "2022-06-01", .exportEAR99, regime: "bis-entity-list")
        #expect(cnooc.outcome == .review)
        #expect(cnooc.note.contains("crude oil"), "\(cnooc.note)")
        let corad = try Self.match(
            "Corad Technology Limited", on: "2022-06-01", .exportEAR99, regime: "bis-entity-list")
        #expect(corad.outcome == .licenseRequired)
    }

    @Test func aTechnologyOnlyExceptionLeavesGoodsUnderLicence() {
        #expect(
            LicenseScope.of(
                "All items subject to the EAR. (See §744.11 of the EAR), except for EAR99-designated technology for the "
                    + "operation, maintenance, or repair of unmanned aircraft systems") == nil)
        #expect(
            LicenseScope.of(
                "For all items subject to the EAR, see §§ 736.2(b)(3)(vi), and 744.11 of the EAR, EXCEPT for technology "
                    + "subject to the EAR that is designated as EAR99") == nil)
        #expect(LicenseScope.of("For all items subject to the EAR. (See §746.5 of the EAR).") == nil)
    }

    // MARK: - 1. NS-CMIC rows of the CSL: dates from the ids column, never from the CSL's date

    @Test func cmicRowsOfTheCSLKeepTheirOwnDates() throws {
        let ledger = Self.cslOFAC
        let snapshot = Self.cslOFACSnapshot
        func outcome(_ day: String, _ type: TransactionType) throws -> Outcome {
            try Self.match("CHINA MOBILE LIMITED", on: day, type, regime: "ofac-ns-cmic", in: snapshot).outcome
        }
        #expect(try outcome("2021-08-01", .securitiesPurchase) == .permitted)
        #expect(try outcome("2021-08-02", .securitiesPurchase) == .prohibited)
        #expect(try outcome("2022-06-02", .securitiesSale) == .permitted)
        #expect(try outcome("2022-06-03", .securitiesSale) == .prohibited)
        #expect(try outcome("2021-08-02", .payment) == .permitted)
        let listing = try #require(
            try ledger.list(asOf: AsOf(on: EventFactory.day("2022-05-07")), regime: RegimeID("ofac-ns-cmic")).first {
                $0.listedName == "CHINA MOBILE LIMITED"
            })
        #expect(listing.segment.listedFrom == EventFactory.day("2021-06-03"))
    }

    @Test func aCMICRowWithoutDatesIsReviewForTheWindowsItCannotPlace() throws {
        let fixture = try FileFixture()
        let header = Self.cslHeader
        let row = Self.undatedCMICRow
        let path = try fixture.write("consolidated.csv", header + "\n" + row + "\n")
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        _ = try ledger.importSnapshot(
            path: path, format: .csl, source: "csl-ofac", published: EventFactory.day("2022-05-06"),
            options: SnapshotImportOptions(partial: true))
        let snapshot = try ledger.screeningSnapshot()
        for day in ["2022-05-07", "2022-07-06", "2023-06-01"] {
            let hit = try Self.match(
                "QUILLON AVIONICS HOLDINGS LIMITED", on: day, .securitiesPurchase, regime: "ofac-ns-cmic", in: snapshot)
            #expect(hit.outcome == .review, "\(day)")
            #expect(hit.note.contains("states no date for this listing"), "\(hit.note)")
        }
        let payment = try Self.match(
            "QUILLON AVIONICS HOLDINGS LIMITED", on: "2022-07-06", .payment, regime: "ofac-ns-cmic", in: snapshot)
        #expect(payment.outcome == .permitted)
    }

    @Test func aLaterListThatStatesTheDatesCorrectsTheUndatedListing() throws {
        let fixture = try FileFixture()
        let header = Self.cslHeader
        let row = Self.undatedCMICRow
        let dates =
            "\"03 Jun 2021, Listing Date (CMIC); 02 Aug 2021, Effective Date (CMIC); "
            + "03 Jun 2022, Purchase/Sales For Divestment Date (CMIC)\""
        let undated = try fixture.write("undated.csv", header + "\n" + row + "\n")
        let dated = try fixture.write("dated.csv", header + "\n" + row + dates + "\n")
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        var options = SnapshotImportOptions()
        options.partial = true
        _ = try ledger.importSnapshot(
            path: undated, format: .csl, source: "csl-ofac", published: EventFactory.day("2022-05-06"),
            options: options)
        _ = try ledger.importSnapshot(
            path: dated, format: .csl, source: "csl-ofac", published: EventFactory.day("2022-06-01"),
            options: options)
        // The listing is corrected by the list that states its dates, as the authority's correction
        let fix = try #require(
            try ledger.events(EventFilter(kind: .corrected)).first {
                $0.event.regime == RegimeID("ofac-ns-cmic") && $0.event.party != nil
            })
        guard case .corrected(_, _, let cause) = fix.event.payload else { throw CancellationError() }
        #expect(cause == .authority)
        #expect(fix.event.note?.contains("the list now states the listing date 2021-06-03") == true)
        let name = "QUILLON AVIONICS HOLDINGS LIMITED"
        let now = try ledger.screeningSnapshot()
        #expect(
            try Self.match(name, on: "2021-08-01", .securitiesPurchase, regime: "ofac-ns-cmic", in: now).outcome
                == .permitted)
        #expect(
            try Self.match(name, on: "2021-08-02", .securitiesPurchase, regime: "ofac-ns-cmic", in: now).outcome
                == .prohibited)
        // As known before the dated list, the windows could not be placed: review, never permitted
        let then = try ledger.screeningSnapshot(knownAt: EventFactory.day("2022-05-20"))
        let before = then.screen(name, on: EventFactory.day("2022-05-20"), type: .securitiesPurchase)
        #expect(before.matches.first { $0.regime == RegimeID("ofac-ns-cmic") }?.outcome == .review)
    }

    // MARK: - 7 and 8. Matching across the lists

    @Test func smtKOfTheEntityListIsTheSDNsSMTK() throws {
        let result = Self.snapshot.screen("SMT'K", on: EventFactory.day("2022-06-01"), type: .export)
        #expect(result.verdict == .prohibited)
        #expect(result.matches.contains { $0.regime == RegimeID("ofac-sdn") && $0.listedName == "SMT-K" && $0.certain })
    }

    @Test func bankOfKunlunIsNotTheSanctionedKunlunHolding() throws {
        let result = Self.snapshot.screen("BANK OF KUNLUN CO LTD", on: EventFactory.day("2025-06-01"), type: .payment)
        #expect(!result.matches.contains { $0.regime == RegimeID("ofac-sdn") && $0.certain })
        #expect(result.verdict != .prohibited)
    }

    // MARK: - Every regime the ledger can import has rules

    @Test func everyDeclaredRegimeOfTheDefaultLedgerHasRulesForEveryType() throws {
        let rules = try Self.ledger.database.ruleRows()
        for regime in try Self.ledger.regimes() {
            let types = Set(
                rules.filter { $0.regime == regime.id && $0.rule.entryStates == nil }.map(\.rule.transactionType))
            #expect(types == Set(TransactionType.allCases), "\(regime.id)")
        }
    }

    @Test func aListWithEntriesOnARegimeWithoutRulesIsRefusedAndWritesNothing() throws {
        let ledger = try TemporaryLedger.make()  // the test regimes, declared without rules
        let folder = try TemporaryLedger.makeFolder()
        try Data(
            "36,\"QUILLON AVIONICS\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u{1A}".utf8
        ).write(to: folder.appendingPathComponent("sdn.csv"))
        let head = try ledger.head()
        #expect {
            _ = try ledger.importSnapshot(
                path: folder.path, format: .ofacCSV, published: EventFactory.day("2022-05-06"))
        } throws: { error in
            "\(error)".contains("ofac-sdn") && "\(error)".contains("no rules")
        }
        #expect(try ledger.head() == head)
        #expect(try ledger.events(EventFilter()).isEmpty)
    }
}
