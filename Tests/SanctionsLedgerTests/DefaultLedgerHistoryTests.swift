import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsTestSupport
import Testing

/// The default ledger (the embedded `Events/`: curated notices and the history generated from
/// every public list file) answers real parties it did not curate, says how sure each date is,
/// and never answers "permitted" where it knows nothing. No import by hand: the embedded data only.
@Suite struct DefaultLedgerHistoryTests {
    static let ledger: Ledger = try! TemporaryLedger.makeCurated()  // swiftlint:disable:this force_try
    static let snapshot: ScreeningSnapshot = try! ledger.screeningSnapshot()  // swiftlint:disable:this force_try

    func screen(_ name: String, on day: String, _ type: TransactionType) -> ScreeningResult {
        Self.snapshot.screen(name, on: EventFactory.day(day), type: type)
    }

    @Test func bancoNacionalDeCubaIsProhibitedCitingThePublicationsThatShowIt() throws {
        let result = screen("Banco Nacional de Cuba", on: "2020-01-01", .payment)
        #expect(result.verdict == .prohibited)
        let hit = try #require(result.matches.first { $0.regime == RegimeID("ofac-sdn") && $0.certain })
        #expect(hit.matchedName == "BANCO NACIONAL DE CUBA")
        let sources = try Self.ledger.sources(of: hit.events)
        let citations = hit.events.compactMap { sources[$0]?.citation }
        #expect(citations.contains("OFAC SDN list (sdn.csv) of 2019-01-04"), "\(citations)")
        #expect(hit.uncertainty == nil)
        #expect(result.coverage.first { $0.regime == RegimeID("ofac-sdn") }?.level == .partial)
    }

    @Test func coradTechnologyJoinedTheEntityListOnTheDayItsNoticeStates() throws {
        let before = screen("Corad Technology Limited", on: "2019-08-13", .export)
        #expect(before.verdict == .permitted)
        #expect(!before.matches.contains { $0.regime == RegimeID("bis-entity-list") })
        // The Entity List is known only from the CSL of 2022-05-06 and its stated dates: permitted, with the caveat
        #expect(before.caveats.contains { $0.regime == RegimeID("bis-entity-list") && $0.level == .partial })
        let after = screen("Corad Technology Limited", on: "2020-01-01", .export)
        #expect(after.verdict == .licenseRequired)
        let hit = try #require(after.matches.first { $0.regime == RegimeID("bis-entity-list") })
        let sources = try Self.ledger.sources(of: hit.events)
        let citations = hit.events.compactMap { sources[$0]?.citation }
        #expect(citations.contains("84 FR 40241"))
    }

    @Test func anEntryFirstSeenInTheAprilTwentyTwentyOneFileIsReviewInTheWindow() throws {
        // Entry 26549 is absent from the SDN file of 2019-01-04 and first seen in the one of 2021-04-25.
        let between = screen("BANCO CORPORATIVO SA", on: "2020-06-01", .payment)
        #expect(between.verdict == .review)
        let hit = try #require(between.matches.first { $0.regime == RegimeID("ofac-sdn") })
        let window = try #require(hit.uncertainty)
        #expect(window.change == .listed)
        #expect(window.after.dayString == "2019-01-04")
        #expect(window.by.dayString == "2021-04-25")
        #expect(hit.note.contains("listed on an unknown date between 2019-01-04 and 2021-04-25"))
        #expect(hit.ruleOutcome == .prohibited)
        // Before the window it was not listed; after it, certainly
        #expect(screen("BANCO CORPORATIVO SA", on: "2018-12-01", .payment).verdict != .prohibited)
        #expect(screen("BANCO CORPORATIVO SA", on: "2021-04-26", .payment).verdict == .prohibited)
    }

    @Test func beforeTheFirstSDNPublicationNothingIsPermitted() throws {
        let early = screen("Banco Nacional de Cuba", on: "2018-06-01", .payment)
        #expect(early.verdict == .unknown)
        let sdn = try #require(early.coverage.first { $0.regime == RegimeID("ofac-sdn") })
        #expect(sdn.level == .none)
        #expect(sdn.reason.contains("before the first ofac-sdn publication the ledger holds (2019-01-04)"))
        // A name on no list is unknown too on that date, and permitted once the list is covered
        #expect(screen("Quillon Avionics Ltd", on: "2018-06-01", .payment).verdict == .unknown)
        #expect(screen("Quillon Avionics Ltd", on: "2022-03-01", .payment).verdict == .permitted)
        #expect(
            screen("Quillon Avionics Ltd", on: "2022-03-01", .payment).coverage.first {
                $0.regime == RegimeID("ofac-sdn")
            }?.level == .full)
    }

    @Test func aDelistingBetweenTwoDistantPublicationsIsReviewInItsWindow() throws {
        // An entry of 2019-01-04 absent from 2021-04-25: delisted at an unknown date between them.
        let rows = try Self.ledger.events(EventFilter(kind: .delisted)).filter {
            $0.event.id.rawValue.hasPrefix("ofac-sdn:") && $0.event.id.rawValue.hasSuffix("@20210425T175643Z")
        }
        let delisting = try #require(rows.first { $0.event.effectiveAfter != nil }?.event)
        #expect(delisting.effectiveAfter?.dayString == "2019-01-04")
        let party = try #require(delisting.party)
        let view = try #require(
            try Self.ledger.list(asOf: AsOf(on: EventFactory.day("2019-06-01")), party: party).first?.listedName)
        let inside = screen(view, on: "2020-06-01", .payment)
        let hit = try #require(inside.matches.first { $0.party == party })
        #expect(hit.outcome == .review)
        #expect(hit.uncertainty?.change == .delisted)
        // At the instant of the publication that showed it, it was certainly listed
        #expect(
            screen(view, on: "2019-01-04T00:00:00Z", .payment).matches.first { $0.party == party }?.outcome
                == .prohibited)
    }

    @Test func twelveRandomDailyPublicationsAreReproducedEntryByEntry() throws {
        let seed = ProcessInfo.processInfo.environment["SANCTIONS_TEST_SEED"].flatMap(UInt64.init) ?? 20_261_201
        print("daily publications picked with seed \(seed) (rerun with SANCTIONS_TEST_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let folder = try SharedData.url("ofac-sdn-daily-2021-08-to-2024-05")
        let manifest = try String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        // The first file was seen earlier by the other scrape; every later one is a first sighting.
        let rows = manifest.split(separator: "\n").dropFirst(2).map { $0.split(separator: "\t").map(String.init) }
        var picked: [[String]] = []
        var pool = rows
        while picked.count < 12, !pool.isEmpty {
            picked.append(pool.remove(at: Int(random.next() % UInt64(pool.count))))
        }
        let scratch = try TemporaryLedger.makeFolder()
        let members = picked.map { $0[0] }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments =
            ["tar", "-xJf", folder.appendingPathComponent("sdn-daily.tar.xz").path, "-C", scratch.path]
            + members
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        for row in picked {
            let instant = try LedgerTime.parse(row[2])
            let bytes = Array(try Data(contentsOf: scratch.appendingPathComponent(row[0])))
            let entries = try OFACCSVParser.parse(
                OFACCSVParser.Files(primary: (row[0], bytes)), badRows: .fail
            ).entries
            let views = try Self.ledger.list(asOf: AsOf(on: instant), regime: RegimeID("ofac-sdn"))
            var ledger: [String: DesignationView] = [:]
            for view in views {
                if let number = view.segment.details.identifiers?.first(where: {
                    $0.type == IdentifierKind.ofacEntryNumber
                })?.value {
                    ledger[number] = view
                }
            }
            #expect(ledger.count == entries.count, "\(row[0]): \(ledger.count) in force, \(entries.count) in the file")
            var wrong: [String] = []
            for entry in entries {
                guard let view = ledger[entry.number] else {
                    wrong.append("\(entry.number) missing")
                    continue
                }
                if view.listedName != entry.name { wrong.append("\(entry.number) name '\(view.listedName)'") }
                if Set(view.segment.details.programs ?? []) != Set(entry.programs) {
                    wrong.append("\(entry.number) programmes")
                }
                if view.segment.uncertainty != nil { wrong.append("\(entry.number) uncertain at a publication") }
            }
            #expect(wrong.isEmpty, "\(row[0]) at \(instant): \(wrong.prefix(5))")
        }
    }

    @Test func coverageNamesEachListsPublicationsAndPeriods() throws {
        let reports = try Self.ledger.coverageReport()
        let sdn = try #require(reports.first { $0.regime == RegimeID("ofac-sdn") })
        #expect(sdn.coverage.publications.first?.instant.dayString == "2019-01-04")
        #expect(sdn.coverage.publications.count > 300)
        #expect(sdn.coverage.periods.first?.level == CoverageAssessment.Level.none)
        // 2019-01-04 to 2021-04-25 to 2021-05-22, and to 2021-06-03 (the daily scrape's first days are unchecked)
        #expect(
            sdn.coverage.periods.contains {
                $0.level == .partial && $0.from?.dayString == "2019-01-04" && $0.to?.dayString == "2021-06-03"
            }, "\(sdn.coverage.periods.prefix(4))")
        #expect(sdn.coverage.at(EventFactory.day("2020-06-01")).level == .partial)
        #expect(sdn.coverage.periods.contains { $0.level == .full && ($0.from?.dayString ?? "") >= "2021-06-03" })
        let entityList = try #require(reports.first { $0.regime == RegimeID("bis-entity-list") })
        #expect(entityList.coverage.lists == ["csl"])
        #expect(entityList.coverage.periods.contains { $0.level == .partial })
        let section889 = try #require(reports.first { $0.regime == RegimeID("ndaa-889") })
        #expect(section889.coverage.declared != nil)
        #expect(section889.coverage.at(EventFactory.day("2020-01-01")).level == .full)
    }

    @Test func theTimelineShowsAnUncertainListingAsAWindow() throws {
        let timeline = try Self.ledger.timeline(PartyID("ofac-26549"), now: EventFactory.day("2026-12-01"))
        let span = try #require(timeline.regimes.first { $0.regime == RegimeID("ofac-sdn") }?.spans.first)
        #expect(span.listedAfter?.dayString == "2019-01-04")
        #expect(span.from.dayString == "2021-04-25")
        let chart = TimelineChart(timelines: [timeline], now: timeline.now, regimes: try Self.ledger.regimes()).svg()
        #expect(chart.contains("<g class=\"uncertain\" data-from=\"2019-01-04\""))
        #expect(chart.contains("listed on an unknown date between 2019-01-04 and 2021-04-25"))
    }

    @Test func aPartyIsResolvedByAnyOfItsNamesOrListedAsCandidates() throws {
        #expect(try Self.ledger.requireParty("Huawei Technologies") == PartyID("huawei-technologies"))
        #expect(try Self.ledger.requireParty("Zhejiang Dahua Technology Co., Ltd.") == PartyID("dahua-technology"))
        #expect(try Self.ledger.requireParty("nso") == PartyID("nso-group"))
        let ambiguous = #expect(throws: InputError.self) { try Self.ledger.requireParty("huawei") }
        let message = ambiguous.map { String(describing: $0) } ?? ""
        #expect(message.contains("did you mean: "))
        #expect(message.contains("huawei-technologies ('"))
    }
}
