import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Hostile and broken input: each gets a clear error or a correct result, in bounded time and memory.
@Suite struct HostileInputTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("hostile/\(name)").path
    }

    static let regimes =
        #"{"regimes":[{"id":"bis-entity-list","name":"Entity List","authority":"BIS","description":"test","severity":2}]}"#

    @Test func hostileTransactionsAreReadOrRefusedRowByRow() throws {
        var reader = try TransactionFile(path: Self.fixture("transactions.csv")).reader()
        var good: [String] = []
        var bad: [(Int, String)] = []
        while let next = try reader.next() {
            switch next {
            case .success(let transaction): good.append(transaction.id)
            case .failure(let error): bad.append((error.line ?? 0, error.message))
            }
        }
        #expect(good == ["h1", "h2", "h3", "h4", "h5", "h7", "h10"])
        #expect(bad.map(\.0) == [7, 9, 10])
        #expect(bad[0].1.contains("year out of range"))
        #expect(bad[1].1.contains("NUL"))
        #expect(bad[2].1.contains("not valid UTF-8"))
    }

    @Test func aRightToLeftOverrideCannotHideAListedName() throws {
        let snapshot = try TemporaryLedger.makeCurated().screeningSnapshot()
        #expect(
            snapshot.screen("Hik\u{202E}vision", on: EventFactory.day("2020-01-01"), type: .export).verdict
                == .licenseRequired)
        #expect(
            snapshot.screen("\u{2066}Hikvision\u{2069}", on: EventFactory.day("2020-01-01"), type: .export).verdict
                == .licenseRequired)
    }

    @Test func hostileEventFilesGetClearErrors() throws {
        let ledger = try TemporaryLedger.make()
        #expect(try ledger.importFiles([Self.fixture("rtl-override.json")]).appended == 1)
        #expect(try ledger.importFiles([Self.fixture("far-future-effective.json")]).appended == 1)
        #expect { try ledger.importFiles([Self.fixture("zero-date.json")]) } throws: {
            "\($0)".contains("'0000-00-00' is not a valid date: year out of range")
        }
        #expect { try ledger.importFiles([Self.fixture("far-future-published.json")]) } throws: {
            "\($0)".contains("published 9999-12-31 is after today")
        }
    }

    @Test func aTenMegabyteNameIsRefusedWithItsSize() throws {
        let fixture = try FileFixture()
        let huge = String(repeating: "A", count: 10 << 20)
        let path = try fixture.write(
            "huge.json",
            """
            {"notice": {"citation": "T", "authority": "T", "published": "2020-01-01", "effective": "2020-01-01"},
             "events": [{"id": "x", "type": "listed", "party": "p", "regime": "bis-entity-list",
                         "name": "\(huge)"}]}
            """)
        let ledger = try TemporaryLedger.make()
        #expect { try ledger.importFiles([path]) } throws: { error in
            "\(error)".hasSuffix(
                "huge.json:3: field 'events[0].name': text of 10485760 bytes is longer than the limit of 1048576")
        }
        #expect(try ledger.database.head().sequence == 0)
    }

    @Test func aTenMegabyteCounterpartyIsABadRowAndTheRestIsRead() throws {
        let fixture = try FileFixture()
        let path = try fixture.write(
            "t.csv",
            "id,date,counterparty,type\n1,2020-01-01,Acme,export\n2,2020-01-01,\""
                + String(repeating: "B", count: 10 << 20) + "\",export\n3,2020-01-02,Acme,export\n")
        var reader = try TransactionFile(path: path).reader()
        var ids: [String] = []
        var errors: [InputError] = []
        while let next = try reader.next() {
            switch next {
            case .success(let transaction): ids.append(transaction.id)
            case .failure(let error): errors.append(error)
            }
        }
        #expect(ids == ["1", "3"])
        #expect(errors.map(\.code) == [.oversizeField])
        #expect(errors.first?.line == 3)
    }

    @Test func deeplyNestedJSONIsRefused() throws {
        let fixture = try FileFixture()
        let path = try fixture.write(
            "deep.json", String(repeating: "{\"a\":", count: 200_000) + "1" + String(repeating: "}", count: 200_000))
        #expect { try TemporaryLedger.make().importFiles([path]) } throws: {
            "\($0)".contains("nesting deeper than 64 levels")
        }
    }

    @Test func aHundredThousandAliasesOnOnePartyAreHandled() throws {
        let fixture = try FileFixture()
        let aliases = (0..<100_000).map { "\"Alias Number \($0) Holdings\"" }.joined(separator: ",")
        let path = try fixture.write(
            "many.json",
            """
            {"notice": {"citation": "T", "authority": "T", "published": "2020-01-01", "effective": "2020-01-01"},
             "events": [{"id": "many", "type": "listed", "party": "many", "regime": "bis-entity-list", "name": "Many Names Trading", "aliases": [\(aliases)]}]}
            """)
        let ledger = try TemporaryLedger.make()
        #expect(try ledger.importFiles([path]).appended == 1)
        let view = try #require(
            try ledger.list(asOf: AsOf(on: EventFactory.day("2020-06-01")), party: PartyID("many")).first)
        #expect(view.names.count == 100_001)
        let result = try ledger.screeningSnapshot().screen(
            "Alias Number 77777 Holdings", on: EventFactory.day("2020-06-01"), type: .export)
        #expect(result.matches.first?.matchedName == "Alias Number 77777 Holdings")
    }
}
