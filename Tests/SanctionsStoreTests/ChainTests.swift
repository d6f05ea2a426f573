import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

@Suite struct ChainTests {
    /// `count` listings of distinct parties, effective on successive days from 2000-01-01.
    static func manyListings(_ count: Int, prefix: String = "p") -> [LedgerEvent] {
        let start = EventFactory.day("2000-01-01")
        return (0..<count).map { index in
            var event = EventFactory.listed(
                "\(prefix)-\(index)", party: "\(prefix)-\(index)", effective: "2000-01-01",
                name: "Party \(index) Trading Co., Ltd.")
            event.effective = start.adding(days: index % 5000)
            event.published = event.effective
            return event
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aChainOfTenThousandEventsVerifies(kind: StoreKind) throws {
        // Given a ledger with 10,000 events appended in ten batches
        let ledger = try TemporaryLedger.make(kind)
        let events = Self.manyListings(10_000)
        for batch in stride(from: 0, to: events.count, by: 1000) {
            try ledger.database.append(Array(events[batch..<batch + 1000]))
        }
        // When the chain is re-walked
        let report = try ledger.database.verifyChain()
        // Then every link holds and the head is the last event
        #expect(report.isIntact)
        #expect(report.events == 10_000)
        #expect(try ledger.database.head().sequence == 10_000)
        #expect(report.headHash == (try ledger.database.head().hash))
    }

    @Test(arguments: StoreKind.allCases)
    func theDatabaseRefusesUpdateAndDelete(kind: StoreKind) throws {
        let ledger = try TemporaryLedger.make(kind)
        try ledger.database.append(Self.manyListings(3))
        let refusals = [
            (
                "UPDATE event SET canonical = 'x' WHERE sequence = 1",
                "the event log is append-only: UPDATE of events is not allowed"
            ),
            ("DELETE FROM event WHERE sequence = 2", "the event log is append-only: DELETE of events is not allowed"),
            ("UPDATE event SET sequence = 99", "the event log is append-only: UPDATE of events is not allowed"),
            ("DELETE FROM event", "the event log is append-only: DELETE of events is not allowed"),
            ("UPDATE regime SET severity = 0", "regime declarations are immutable: UPDATE is not allowed"),
            ("DELETE FROM regime", "regime declarations are immutable: DELETE is not allowed"),
        ]
        for (sql, message) in refusals {
            #expect("\(sql) must fail with the trigger's message") {
                try ledger.database.executeRawSQLForTesting(sql)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        // A control: the same connection may still write what the triggers allow.
        try ledger.database.executeRawSQLForTesting("INSERT INTO ledgerMeta (key, value) VALUES ('control', 'ok')")
        #expect(try ledger.database.meta("control") == "ok")
        #expect(try ledger.database.verifyChain().isIntact)
        #expect(try ledger.database.head().sequence == 3)
    }

    static let forged = """
        INSERT INTO event (sequence, id, type, party, regime, stream, effective, published, recorded, citation, canonical, prevHash, hash)
        VALUES (%d, 'forged', 'listed', 'x', 'bis-entity-list', 'x|bis-entity-list', 0, 0, '2026-01-01T00:00:00Z', 'c', '{}', %@, zeroblob(32))
        """

    @Test func theDatabaseRefusesAnInsertThatDoesNotExtendTheChain() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.database.append(Self.manyListings(2))
        #expect {
            try ledger.database.executeRawSQLForTesting(
                String(format: Self.forged, 5, "(SELECT hash FROM event WHERE sequence = 2)"))
        } throws: { "\($0)".contains("event sequence must be the last sequence + 1") }
        #expect {
            try ledger.database.executeRawSQLForTesting(String(format: Self.forged, 3, "zeroblob(32)"))
        } throws: { "\($0)".contains("event prevHash must equal the hash of the previous event") }
        // A control: an insert that does extend the chain passes the triggers (its own hash is
        // wrong, which only verify can tell), so the refusals above are the triggers' doing.
        try ledger.database.executeRawSQLForTesting(
            String(format: Self.forged, 3, "(SELECT hash FROM event WHERE sequence = 2)"))
        let report = try ledger.database.verifyChain()
        #expect(report.firstBroken == 3)
        #expect(report.problem == "hash does not match the stored event (its content was changed)")
    }

    /// A ledger file of `count` events, and a copy made after `damage` (sqlite3, triggers dropped).
    func damagedCopy(events count: Int, _ damage: String) throws -> VerifyReport {
        let folder = try TemporaryLedger.makeFolder()
        let path = folder.appendingPathComponent("l.sqlite").path
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.database.declare(EventFactory.regimes)
            try ledger.database.append(Self.manyListings(count))
            try ledger.database.checkpoint()
        }
        let shell = try SQLiteShell.run(
            path,
            "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; DROP TRIGGER event_extends_chain; " + damage)
        #expect(shell.status == 0, "sqlite3 failed: \(shell.output)")
        return try Ledger.open(path: path).database.verifyChain()
    }

    @Test func aBreakAfterTheFirstBatchOfRowsIsFoundAndNamed() throws {
        // The walk checks rows in batches of 20,000: a break in the second batch is still named.
        let report = try damagedCopy(
            events: 25_000,
            "UPDATE event SET canonical = replace(canonical, 'Party 22345 ', 'Party 99999 ') WHERE sequence = 22346;")
        #expect(report.firstBroken == 22_346)
        #expect(report.events == 22_345)
        #expect(report.problem == "hash does not match the stored event (its content was changed)")
    }

    @Test func reorderedRowsAreFound() throws {
        // Two rows swapped, each keeping its hash: the chain no longer links.
        let report = try damagedCopy(
            events: 10,
            """
            UPDATE event SET sequence = 1000 WHERE sequence = 5; UPDATE event SET sequence = 5 WHERE sequence = 6; UPDATE event SET sequence = 6 WHERE sequence = 1000;
            """)
        #expect(report.firstBroken == 5)
        #expect(report.problem == "prevHash does not equal the hash of sequence 4")
    }

    @Test func aPrevHashThatDoesNotMatchIsFound() throws {
        let report = try damagedCopy(events: 10, "UPDATE event SET prevHash = zeroblob(32) WHERE sequence = 7;")
        #expect(report.firstBroken == 7)
        #expect(report.problem == "prevHash does not equal the hash of sequence 6")
    }

    @Test func aStoredEventNotInCanonicalFormIsFound() throws {
        // The same JSON with its keys in another order, re-hashed so that the chain itself holds:
        // only the canonical-form check can tell.
        let folder = try TemporaryLedger.makeFolder()
        let path = folder.appendingPathComponent("l.sqlite").path
        let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
        try ledger.database.declare(EventFactory.regimes)
        try ledger.database.append(Self.manyListings(3))
        let third = try #require(try ledger.database.storedEvents(EventFilter(fromSequence: 3)).first)
        let previous = try #require(try ledger.database.storedEvents(EventFilter(fromSequence: 2, toSequence: 2)).first)
        let canonical = third.event.canonicalJSON
        let reordered =
            "{\"type\":\"listed\"," + canonical.dropFirst().replacingOccurrences(of: ",\"type\":\"listed\"", with: "")
        #expect(reordered != canonical && reordered.count == canonical.count)
        let hash = ChainHash.hex(ChainHash.next(previous: hexBytes(previous.hash), canonical: Array(reordered.utf8)))
        try ledger.database.checkpoint()
        let shell = try SQLiteShell.run(
            path,
            "DROP TRIGGER event_no_update; UPDATE event SET canonical = '\(reordered)', hash = X'\(hash)' WHERE sequence = 3;"
        )
        #expect(shell.status == 0, "sqlite3 failed: \(shell.output)")
        let report = try Ledger.open(path: path).database.verifyChain()
        #expect(report.firstBroken == 3)
        #expect(report.problem == "stored event is not in canonical form")
    }

    func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    @Test func tamperingWithAStoredEventIsFoundAndNamed() throws {
        // Given a ledger file with 20 events, copied aside
        let folder = try TemporaryLedger.makeFolder()
        let original = folder.appendingPathComponent("original.sqlite").path
        do {
            let ledger = try Ledger.open(path: original, clock: TemporaryLedger.fixedClock)
            try ledger.database.declare(EventFactory.regimes)
            try ledger.database.append(Self.manyListings(20))
            try ledger.database.checkpoint()
        }
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        // When someone drops the trigger with the sqlite3 shell and changes one byte of event 7
        let shell = try SQLiteShell.run(
            copy,
            "DROP TRIGGER event_no_update; UPDATE event SET canonical = replace(canonical, 'Party 6 ', 'Party 9 ') WHERE sequence = 7;"
        )
        #expect(shell.status == 0, "sqlite3 failed: \(shell.output)")
        // Then verify names sequence 7, and the untouched original still verifies
        let report = try Ledger.open(path: copy).database.verifyChain()
        #expect(report.firstBroken == 7)
        #expect(report.problem?.contains("hash does not match") == true)
        #expect(report.events == 6)
        #expect(try Ledger.open(path: original).database.verifyChain().isIntact)
    }

    @Test func removingARowIsFoundAsAGap() throws {
        let folder = try TemporaryLedger.makeFolder()
        let path = folder.appendingPathComponent("l.sqlite").path
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.database.declare(EventFactory.regimes)
            try ledger.database.append(Self.manyListings(5))
            try ledger.database.checkpoint()
        }
        let shell = try SQLiteShell.run(path, "DROP TRIGGER event_no_delete; DELETE FROM event WHERE sequence = 3;")
        #expect(shell.status == 0, "sqlite3 failed: \(shell.output)")
        let report = try Ledger.open(path: path).database.verifyChain()
        #expect(report.firstBroken == 4)
        #expect(report.problem?.contains("sequence 3 is missing") == true)
    }
}

extension ChainTests {
    @Test func aLogCutAfterAKeptHeadFailsVerifyAgainstThatHead() throws {
        // Given a ledger of 30 events whose head an auditor kept
        let folder = try TemporaryLedger.makeFolder()
        let path = folder.appendingPathComponent("l.sqlite").path
        let kept: LedgerHead
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.database.declare(EventFactory.regimes)
            try ledger.database.append(Self.manyListings(30))
            let head = try ledger.database.head()
            kept = LedgerHead(sequence: head.sequence, hash: head.hash)
            #expect(try ledger.database.verifyChain(expecting: kept).isIntact)
            try ledger.database.checkpoint()
        }
        // When the last rows are deleted with the triggers dropped (an attacker, a bad restore)
        let shell = try SQLiteShell.run(path, "DROP TRIGGER event_no_delete; DELETE FROM event WHERE sequence > 27;")
        #expect(shell.status == 0, "sqlite3 failed: \(shell.output)")
        // Then the remaining chain is intact, but not against the kept head
        let ledger = try Ledger.open(path: path)
        #expect(try ledger.database.verifyChain().isIntact)
        let report = try ledger.database.verifyChain(expecting: kept)
        #expect(!report.isIntact)
        #expect(
            report.anchorProblem
                == "the log holds 27 events, but the expected head is event 30: the log was cut after event 27")
        // and an earlier head it still holds verifies
        let earlier = LedgerHead(sequence: 27, hash: try ledger.database.head().hash)
        #expect(try ledger.database.verifyChain(expecting: earlier).isIntact)
        // while a head with another hash at a sequence it holds does not
        let forged = LedgerHead(sequence: 10, hash: String(repeating: "0", count: 64))
        #expect(
            try ledger.database.verifyChain(expecting: forged).anchorProblem?.contains(
                "the history up to it was rewritten") == true)
    }

    @Test(arguments: [
        "353", "353:xyz", ":" + String(repeating: "a", count: 64), "-1:" + String(repeating: "a", count: 64),
    ])
    func aMalformedHeadTokenIsRefused(token: String) {
        #expect(throws: InputError.self) { try LedgerHead(parsing: token) }
    }
}
