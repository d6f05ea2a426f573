import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Same ledger, same question, same answer (issue 20): screening is a function of the names and
/// designations in force, the query and the algorithm; never of row order, hashing or threads.
@Suite(.serialized) struct DeterminismTests {
    /// A ledger with the curated history and the seven dated real SDN publications, in time order
    /// (built once for the suite).
    static func realLedger() throws -> Ledger { try shared.get() }

    static let shared: Result<Ledger, any Error> = Result { try buildRealLedger() }

    static func buildRealLedger() throws -> Ledger {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        for publication in try SharedData.dailySnapshots() {
            let folder = try TemporaryLedger.makeFolder()
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent("sdn.csv.gz"), withDestinationURL: publication.file)
            let snapshot = try ledger.readOFACSnapshot(
                folder: folder.path, source: nil, published: try .parse(publication.time), effective: nil
            ).snapshot
            try ledger.importSnapshot(snapshot)
        }
        return ledger
    }

    /// The kinds of query that exposed the order dependence: single words, word pairs, a name
    /// with its last word dropped, lower-cased listed names; on dates from 2021-08 to 2024-05.
    static func queries(from names: [String], count: Int, seed: UInt64) -> [(String, LedgerTime, TransactionType)] {
        var random = SplitMix64(seed: seed)
        let start = EventFactory.day("2021-08-01")
        return (0..<count).map { _ in
            let words = names.randomElement(using: &random)!.split(separator: " ").map(String.init)
            let query: String
            switch Int.random(in: 0..<4, using: &random) {
            case 0: query = words.randomElement(using: &random)!
            case 1: query = words.count > 1 ? words.prefix(2).joined(separator: " ") : words[0]
            case 2: query = words.count > 1 ? words.dropLast().joined(separator: " ") : words[0]
            default: query = words.joined(separator: " ").lowercased()
            }
            let type: TransactionType = Bool.random(using: &random) ? .payment : .export
            return (query, start.adding(days: Int.random(in: 0...1000, using: &random)), type)
        }
    }

    @Test func screeningIsTheSameOnARebuiltCopyAndOnACopyBuiltInReverseOrder() throws {
        // Given a real ledger, its rebuilt copy, and a copy holding the same events appended in reverse order
        let ledger = try Self.realLedger()
        let rebuiltPath = try TemporaryLedger.makeFolder().appendingPathComponent("rebuilt.sqlite").path
        try ledger.database.checkpoint()
        try FileManager.default.copyItem(atPath: try #require(ledger.database.path), toPath: rebuiltPath)
        let rebuilt = try Ledger.open(path: rebuiltPath)
        try rebuilt.database.rebuildProjections()
        let reversed = try Ledger.open(path: nil, clock: TemporaryLedger.fixedClock)
        try reversed.database.declare(try ledger.database.regimes())
        try reversed.database.append(try ledger.database.storedEvents(EventFilter()).map(\.event).reversed())

        // When 5,000 queries are screened on each (and with one thread and with two)
        let original = try ledger.screeningSnapshot()
        let names = original.names.map(\.name)
        let seed: UInt64 = 20_201
        let queries = Self.queries(from: names, count: 5_000, seed: seed)
        func screenAll(_ snapshot: ScreeningSnapshot) -> [ScreeningResult] {
            queries.map { snapshot.screen($0.0, on: $0.1, type: $0.2) }
        }
        let expected = screenAll(original)
        let fromRebuilt = screenAll(try rebuilt.screeningSnapshot())
        let fromReversed = screenAll(try reversed.screeningSnapshot())
        var serial = Rescreener(snapshot: original, width: 1)
        var parallel = Rescreener(snapshot: try reversed.screeningSnapshot(), width: 2)
        let transactions = queries.enumerated().map {
            Transaction(id: "T\($0.offset)", date: $0.element.1, counterparty: $0.element.0, type: $0.element.2)
        }
        let fromSerial = serial.process(transactions)
        let fromParallel = parallel.process(transactions)

        // Then every answer is the same, match by match
        for index in queries.indices {
            let context = "query \(index) '\(queries[index].0)' on \(queries[index].1) (seed \(seed))"
            #expect(fromRebuilt[index] == expected[index], "rebuilt: \(context)")
            #expect(fromReversed[index] == expected[index], "reversed: \(context)")
            #expect(fromSerial[index] == expected[index], "one thread: \(context)")
            #expect(fromParallel[index] == expected[index], "two threads, reversed: \(context)")
        }
        #expect(expected.contains { $0.verdict != .permitted })
    }

    @Test func aMatchDoesNotDependOnWhatElseTheIndexHolds() throws {
        // Given a name that reaches the review floor against one listed name
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            EventFactory.rules(
                "r", regime: "ofac-sdn", effective: "2000-01-01",
                [RuleSpec(transactionType: .payment, outcome: .prohibited)]),
            EventFactory.listed("m", party: "al-mulay", regime: "ofac-sdn", effective: "2020-01-01", name: "AL-MULAY"),
        ])
        let alone = try ledger.screeningSnapshot().screen("Mullah", on: EventFactory.day("2022-04-06"), type: .payment)
        // When thousands of unrelated names that share its trigrams are added
        var crowd: [LedgerEvent] = []
        for index in 0..<3_000 {
            crowd.append(
                EventFactory.listed(
                    "c\(index)", party: "crowd-\(index)", regime: "ofac-sdn", effective: "2020-01-01",
                    name: "MULLA \(["AHMAD", "KARIM", "NASIR", "RAHIM"][index % 4]) TRADING \(index)"))
        }
        try ledger.database.append(crowd)
        let crowded = try ledger.screeningSnapshot().screen(
            "Mullah", on: EventFactory.day("2022-04-06"), type: .payment)
        // Then the match against AL-MULAY is still there, with the same score
        let before = alone.matches.first { $0.party == PartyID("al-mulay") }
        let after = crowded.matches.first { $0.party == PartyID("al-mulay") }
        #expect(before != nil)
        #expect(after == before)
    }

    @Test func lookbackGivesTheSameAnswerOnEveryRun() throws {
        let ledger = try Self.realLedger()
        let names = try ledger.screeningSnapshot().names.map(\.name)
        let transactions = Self.queries(from: names, count: 2_000, seed: 7).enumerated().map {
            Transaction(id: "T\($0.offset)", date: $0.element.1, counterparty: $0.element.0, type: $0.element.2)
        }
        let middle = try ledger.database.publications(list: "ofac-sdn")[3].event
        let sequence = try #require(try ledger.database.storedEvents(ids: [middle]).values.first?.sequence)
        var runs: [[String]] = []
        for _ in 0..<3 {
            var lookback = try Lookback(
                ledger: ledger, baseline: .recordedThrough(sequence), options: ScreeningOptions())
            runs.append(
                lookback.process(transactions).map {
                    "\($0.transaction.id) \($0.before.verdict) \($0.after.verdict) \($0.causes.map(\.rawValue))"
                })
        }
        #expect(runs[0] == runs[1])
        #expect(runs[1] == runs[2])
        #expect(!runs[0].isEmpty)
    }

    @Test func aConsolidatedEntrysRegimeDoesNotDependOnTheOrderOfItsProgrammes() throws {
        let map = try Ledger.programRegimeMap()
        let severity: (RegimeID) -> Int = { ["ofac-ssi": 2, "ofac-ns-mbs": 2][$0.rawValue] ?? 0 }
        let one = map.regime(
            source: "ofac-consolidated", programs: ["UKRAINE-EO13662", "RUSSIA-EO14024"], severity: severity)
        let other = map.regime(
            source: "ofac-consolidated", programs: ["RUSSIA-EO14024", "UKRAINE-EO13662"], severity: severity)
        #expect(one == other)
        #expect(one != nil)
    }

    @Test func bothConsolidatedFormatsInBothOrdersGiveTheSameRegimes() throws {
        func regimes(xmlFirst: Bool) throws -> [String: String] {
            let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
            let xml = try SharedData.url("ofac-consolidated-2025-01/CONS_ENHANCED.ZIP").path
            let csv = try SharedData.url("ofac-consolidated-2025-12").path
            let first = try ledger.readOFACEnhancedXMLSnapshot(path: xml, source: nil, published: nil, effective: nil)
            let second = try ledger.readOFACSnapshot(
                folder: csv, source: nil, published: EventFactory.day("2025-12-01"), effective: nil
            ).snapshot
            if xmlFirst {
                try ledger.importSnapshot(first)
                try ledger.importSnapshot(second)
            } else {
                // The CSV file as if published first (both dated before the XML's own date would be refused).
                var early = second
                early.published = EventFactory.day("2025-01-01")
                early.effective = early.published
                try ledger.importSnapshot(early)
                try ledger.importSnapshot(first)
            }
            let views = try ledger.list(asOf: AsOf(on: EventFactory.day("2025-12-31")))
            var byEntry: [String: String] = [:]
            for view in views {
                guard
                    let number = view.segment.details.identifiers?.first(where: {
                        $0.type == IdentifierKind.ofacEntryNumber
                    })?.value
                else { continue }
                byEntry[number] = view.regime.rawValue
            }
            return byEntry
        }
        // The two orders end on different publications; every entry both hold has the same regime.
        let xmlThenCSV = try regimes(xmlFirst: true)
        let csvThenXML = try regimes(xmlFirst: false)
        let common = Set(xmlThenCSV.keys).intersection(csvThenXML.keys)
        #expect(common.count > 400)
        let differing = common.filter { xmlThenCSV[$0] != csvThenXML[$0] }.sorted()
        #expect(
            differing.isEmpty,
            "entries on another regime: \(differing.prefix(10).map { "\($0): \(xmlThenCSV[$0]!) vs \(csvThenXML[$0]!)" })"
        )
    }
}
