import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

@Suite struct AppendTests {
    let hikvision = EventFactory.listed(
        "el-hik", party: "hikvision", effective: "2019-10-09", name: "Hangzhou Hikvision Digital Technology Co., Ltd.")

    @Test(arguments: StoreKind.allCases)
    func appendingTheSameEventsTwiceIsANoOp(kind: StoreKind) throws {
        let ledger = try TemporaryLedger.make(kind)
        let first = try ledger.database.append([
            hikvision, EventFactory.delisted("d", party: "hikvision", effective: "2022-01-01"),
        ])
        let second = try ledger.database.append([
            hikvision, EventFactory.delisted("d", party: "hikvision", effective: "2022-01-01"),
        ])
        #expect(first.appended == 2)
        #expect(second.appended == 0)
        #expect(second.skipped == 2)
        #expect(try ledger.database.head().sequence == 2)
    }

    @Test func theSameIDWithOtherContentIsRefusedAndWritesNothing() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([hikvision])
        let before = try LedgerFingerprint(ledger)
        var changed = hikvision
        changed.payload = .listed(DesignationDetails(name: "Hikvision (renamed)"))
        let other = EventFactory.listed("other", party: "other", effective: "2020-01-01", name: "Other")
        #expect {
            try ledger.database.append([other, changed])
        } throws: { error in
            let error = error as? InputError
            return error?.code == .conflictingEventID && error?.eventID == EventID("el-hik")
                && error?.message.contains("different content") == true
        }
        #expect(try LedgerFingerprint(ledger) == before)
    }

    @Test func theSameIDTwiceInOneBatchWithOtherContentIsRefused() throws {
        let ledger = try TemporaryLedger.make()
        var twin = hikvision
        twin.note = "different"
        #expect(throws: InputError.self) { try ledger.database.append([hikvision, twin]) }
        #expect(try ledger.database.head().sequence == 0)
    }

    @Test func anExpectedSequenceThatIsNotTheLastOneIsAWriteConflict() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([hikvision], expectedLastSequence: 0)
        let next = EventFactory.aliasAdded("a", party: "hikvision", effective: "2020-01-01", aliases: ["Hikvision"])
        #expect {
            try ledger.database.append([next], expectedLastSequence: 0)
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .writeConflict
                && error?.message.contains("expected the ledger's last sequence to be 0, but it is 1") == true
        }
        #expect(try ledger.database.append([next], expectedLastSequence: 1).lastSequence == 2)
    }

    @Test(arguments: [
        (
            EventFactory.delisted("d", party: "never", effective: "2020-01-01"),
            "delists 'never', which is not designated on bis-entity-list on 2020-01-01"
        ),
        (
            EventFactory.aliasAdded("a", party: "never", effective: "2020-01-01", aliases: ["X"]),
            "adds an alias to a designation of 'never'"
        ),
        (
            EventFactory.aliasRemoved("r", party: "hikvision", effective: "2020-01-01", aliases: ["Unknown"]),
            "removes alias 'Unknown', which the designation"
        ),
        (
            EventFactory.aliasAdded("early", party: "hikvision", effective: "2019-10-08", aliases: ["X"]),
            "not in force on 2019-10-08"
        ),
        (
            EventFactory.amended(
                "m", party: "never", effective: "2020-01-01", details: DesignationDetails(country: "CN")),
            "amends a designation of 'never'"
        ),
    ])
    func eventsThatDoNotFitTheHistoryAreRefused(event: LedgerEvent, message: String) throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([hikvision])
        #expect {
            try ledger.database.append([event])
        } throws: { error in
            let error = error as? InputError
            return error?.code == .inconsistentHistory && error?.message.contains(message) == true
                && error?.eventID == event.id
        }
        #expect(try ledger.database.head().sequence == 1)
    }

    @Test func unknownRegimesAndImpossiblePublicationDatesAreRefused() throws {
        let ledger = try TemporaryLedger.make()
        let unknown = EventFactory.listed(
            "u", party: "x", regime: "eu-consolidated", effective: "2020-01-01", name: "X")
        #expect { try ledger.database.append([unknown]) } throws: { ($0 as? InputError)?.code == .unknownRegime }
        let future = EventFactory.listed("f", party: "x", effective: "2020-01-01", published: "2026-06-01", name: "X")
        #expect { try ledger.database.append([future]) } throws: {
            ($0 as? InputError)?.message.contains("after today (2026-01-01)") == true
        }
        let ancient = EventFactory.listed("o", party: "x", effective: "1899-12-31", published: "1899-12-31", name: "X")
        #expect { try ledger.database.append([ancient]) } throws: {
            ($0 as? InputError)?.message.contains("before 1900-01-01") == true
        }
        #expect(try ledger.database.head().sequence == 0)
    }

    @Test func aFutureEffectiveDateIsAllowed() throws {
        let ledger = try TemporaryLedger.make()
        let later = EventFactory.listed(
            "later", party: "x", effective: "2027-01-01", published: "2025-12-01", name: "X")
        #expect(try ledger.database.append([later]).appended == 1)
    }

    @Test func correctionsMustTargetAnEventOfTheSameStream() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            hikvision, EventFactory.listed("other", party: "other", effective: "2020-01-01", name: "Other"),
        ])
        let missing = EventFactory.retracted("r1", party: "hikvision", target: "nope", published: "2020-02-01")
        #expect { try ledger.database.append([missing]) } throws: {
            ($0 as? InputError)?.message.contains("which is not in the ledger") == true
        }
        let crossed = EventFactory.retracted("r2", party: "hikvision", target: "other", published: "2020-02-01")
        #expect { try ledger.database.append([crossed]) } throws: {
            ($0 as? InputError)?.message.contains("is about") == true
        }
        let fine = EventFactory.retracted("r3", party: "hikvision", target: "el-hik", published: "2020-02-01")
        #expect(try ledger.database.append([fine]).appended == 1)
        let ofFix = EventFactory.retracted("r4", party: "hikvision", target: "r3", published: "2020-02-02")
        #expect { try ledger.database.append([ofFix]) } throws: {
            ($0 as? InputError)?.message.contains("itself a retracted event") == true
        }
    }

    @Test func recordedTimesNeverGoBackwards() throws {
        // Given a ledger file written at a later clock time
        let path = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        let later = try LedgerDatabase(path: path, clock: { LedgerTime(seconds: 1_700_000_000, hasTimeOfDay: true) })
        try later.declare(EventFactory.regimes)
        try later.append([hikvision])
        // When a writer whose clock is behind appends
        let behind = try LedgerDatabase(path: path, clock: { LedgerTime(seconds: 1_600_000_000, hasTimeOfDay: true) })
        try behind.append([EventFactory.delisted("d", party: "hikvision", effective: "2020-01-01")])
        // Then its event is recorded no earlier than the last one
        #expect(
            try behind.storedEvents(EventFilter()).map(\.recorded.description) == [
                "2023-11-14T22:13:20Z", "2023-11-14T22:13:20Z",
            ])
    }
}
