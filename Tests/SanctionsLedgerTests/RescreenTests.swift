import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

@Suite struct RescreenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples/shipments.csv").path

    static func readAll(_ path: String) throws -> (transactions: [Transaction], bad: [InputError]) {
        let file = try TransactionFile(path: path)
        var reader = try file.reader()
        var transactions: [Transaction] = []
        var bad: [InputError] = []
        while let next = try reader.next() {
            switch next {
            case .success(let transaction): transactions.append(transaction)
            case .failure(let error): bad.append(error)
            }
        }
        return (transactions, bad)
    }

    @Test func theExampleShipmentsGetTheirHandCheckedVerdicts() throws {
        let ledger = try TemporaryLedger.makeCurated()
        var rescreener = Rescreener(snapshot: try ledger.screeningSnapshot())
        let (transactions, bad) = try Self.readAll(Self.examples)
        #expect(bad.isEmpty)
        #expect(transactions.count == 300)
        let results = rescreener.process(transactions)
        let text = String(
            decoding: try Data(contentsOf: Self.root.appendingPathComponent("Examples/shipments.expected.csv")),
            as: UTF8.self)
        var reader = CSVReader(bytes: Array(text.utf8), file: "shipments.expected.csv")
        _ = try reader.next()
        var checked = 0
        while let record = try reader.next() {
            let id = record.fields[0]
            let (transaction, result) = try #require(zip(transactions, results).first { $0.0.id == id })
            #expect(
                result.verdict.rawValue == record.fields[1],
                "\(id) \(transaction.counterparty) on \(transaction.date): \(record.fields[3])")
            if !record.fields[2].isEmpty {
                #expect(
                    result.matches.contains { $0.party.rawValue == record.fields[2] && $0.outcome == result.verdict },
                    "\(id): expected a match on \(record.fields[2])")
            }
            checked += 1
        }
        #expect(checked == 300)
        #expect(rescreener.distinctCounterparties < 100)
    }

    @Test func resultsAreTheSameWithOneAndTwoThreads() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let snapshot = try ledger.screeningSnapshot()
        let transactions = try Self.readAll(Self.examples).transactions
        var serial = Rescreener(snapshot: snapshot, width: 1)
        var parallel = Rescreener(snapshot: snapshot, width: 2)
        // several batches so that the cache is exercised across them
        var one: [ScreeningResult] = []
        var two: [ScreeningResult] = []
        for start in stride(from: 0, to: transactions.count, by: 70) {
            let batch = Array(transactions[start..<min(start + 70, transactions.count)])
            one += serial.process(batch)
            two += parallel.process(batch)
        }
        #expect(one == two)
        #expect(one == serial.processNaively(transactions))
    }

    @Test func lookbackFindsExactlyTheTransactionsAffectedByANewEvent() throws {
        // Given the curated ledger and the example shipments
        let ledger = try TemporaryLedger.makeCurated()
        let before = try ledger.database.head().sequence
        // When a new listing of one of the benign counterparties is appended
        let event = EventFactory.listed(
            "test-yukon-fur-outfitters", party: "yukon-fur-outfitters", effective: "2021-01-01",
            published: "2025-06-01", name: "Yukon Fur Outfitters", citation: "TEST 2")
        try ledger.database.append([event])
        var lookback = try Lookback(ledger: ledger, baseline: .recordedThrough(before), options: ScreeningOptions())
        let transactions = try Self.readAll(Self.examples).transactions
        let differences = lookback.process(transactions)
        // Then exactly its export transactions on or after 2021-01-01 changed, each caused by the event
        let expected = transactions.filter {
            $0.counterparty == "Yukon Fur Outfitters" && $0.date >= EventFactory.day("2021-01-01")
                && ($0.type == .export || $0.type == .exportEAR99)
        }
        #expect(!expected.isEmpty)
        #expect(differences.map(\.transaction.id) == expected.map(\.id))
        #expect(
            differences.allSatisfy {
                $0.change == .newlyHit && $0.after.verdict == .licenseRequired
                    && $0.causes == [EventID("test-yukon-fur-outfitters")]
            })
        // and --since (published clock) sees the same: the event was published on 2025-06-01
        var since = try Lookback(
            ledger: ledger, baseline: .knownAt(EventFactory.day("2025-05-31")), options: ScreeningOptions())
        #expect(since.process(transactions).map(\.transaction.id) == expected.map(\.id))
    }

    @Test func badRowsAreReportedWithTheirLinesAndTheRestIsRead() throws {
        let fixture = try FileFixture()
        let path = try fixture.write(
            "bad.csv",
            #"""
            id,date,counterparty,type,note
            1,2020-01-01,Acme,export,ok
            2,2020-13-01,Acme,export,bad date
            3,2020-01-02,,export,no counterparty
            4,2020-01-03,Acme,teleport,unknown type
            5,2020-01-04,Acme,payment
            6,2020-01-05,"Acme, ""Quoted""",service,ok

            """#)
        let (transactions, bad) = try Self.readAll(path)
        #expect(transactions.map(\.id) == ["1", "6"])
        #expect(transactions.last?.counterparty == "Acme, \"Quoted\"")
        #expect(transactions.first?.extra == ["ok"])
        #expect(bad.map(\.line) == [3, 4, 5, 6])
        #expect(
            bad.map(\.description).map { $0.replacingOccurrences(of: path, with: "bad.csv") } == [
                "bad.csv:3: field 'date': '2020-13-01' is not a valid date: month 13 does not exist",
                "bad.csv:4: field 'counterparty': missing counterparty",
                "bad.csv:5: field 'type': unknown transaction type 'teleport' (known: export, export-ear99, payment, service, securities-purchase, securities-sale, procurement)",
                "bad.csv:6: expected 5 columns, found 4",
            ])
    }

    @Test func jsonLinesAreReadLikeCSV() throws {
        let fixture = try FileFixture()
        let path = try fixture.write(
            "t.jsonl",
            """
            {"id": "a", "date": "2019-10-09", "counterparty": "Hikvision", "type": "export"}
            {"id": "b", "date": "2019-10-09", "counterparty": "Hikvision"
            {"id": "c", "date": "2019-10-09", "counterparty": "Hikvision", "type": "payment", "amount": 100}
            """)
        let (transactions, bad) = try Self.readAll(path)
        #expect(transactions.map(\.id) == ["a", "c"])
        #expect(transactions.last?.amount == "100")
        #expect(bad.map(\.line) == [2])
    }

    @Test func theCSVReaderGivesTheSameRecordsWhateverTheChunkSize() throws {
        let text = "a,\"b\r\nc\",d\r\n\"e\"\"f\",g,h\r\n" + String(repeating: "x,y,z\n", count: 50) + "\u{1A}"
        var whole = CSVReader(bytes: Array(text.utf8), file: "w")
        let expected = try whole.readAll().map(\.fields)
        for size in [1, 2, 3, 7, 64] {
            var bytes = Array(text.utf8)[...]
            var chunked = CSVReader(file: "c") {
                let chunk = Array(bytes.prefix(size))
                bytes = bytes.dropFirst(size)
                return chunk
            }
            #expect(try chunked.readAll().map(\.fields) == expected, "chunk size \(size)")
        }
        #expect(expected.count == 52)
        #expect(expected[0] == ["a", "b\r\nc", "d"])
    }
}
