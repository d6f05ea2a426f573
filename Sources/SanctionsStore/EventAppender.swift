import Foundation
import GRDB
public import SanctionsCore

extension LedgerDatabase {
    // MARK: - Writes

    /// Appends `events` in one transaction: all of them or none.
    ///
    /// Events already stored with the same canonical content are skipped (import is idempotent);
    /// the same id with other content is an ``InputError`` (`conflicting-event-id`). Each event
    /// must fit its stream's history (no delisting of a party that is not listed, no alias of a
    /// designation not in force, ...). When `expectedLastSequence` is given and the log's last
    /// sequence differs, nothing is written and ``StoreError/Code/writeConflict`` is thrown.
    ///
    /// - Parameter dryRun: do all the work and checks, then roll back.
    @discardableResult
    public func append(_ events: [LedgerEvent], expectedLastSequence: Int? = nil, dryRun: Bool = false) throws
        -> AppendReport
    {
        let now = clock()
        return try writeTransaction(rollback: dryRun) { db in
            var report = try appendInTransaction(
                db, events: events, expectedLastSequence: expectedLastSequence, now: now)
            report.dryRun = dryRun
            return report
        }
    }

    /// Appends the events `decide` returns, deciding and appending in one transaction: `decide`
    /// reads the ledger through a ``LedgerReader`` after the write lock is taken, so the state it
    /// decides from is the state the append commits on (another writer cannot slip in between).
    /// Anything `decide` throws aborts the transaction and writes nothing.
    ///
    /// For example, a snapshot import reads the designations in force, diffs, and appends:
    /// ```swift
    /// // given: database: LedgerDatabase, explain: (ListSnapshot, [DesignationView]) -> [LedgerEvent], snapshot: ListSnapshot
    /// try database.appendDecided { reader in
    ///     explain(snapshot, try reader.designations(asOf: AsOf(on: snapshot.published), regime: RegimeID("ofac-sdn")))
    /// }
    /// ```
    @discardableResult
    public func appendDecided(
        dryRun: Bool = false, expectedLastSequence: Int? = nil, _ decide: (LedgerReader) throws -> [LedgerEvent]
    ) throws -> AppendReport {
        let now = clock()
        return try writeTransaction(rollback: dryRun) { db in
            let events = try decide(LedgerReader(db: db))
            var report = try appendInTransaction(
                db, events: events, expectedLastSequence: expectedLastSequence, now: now)
            report.dryRun = dryRun
            return report
        }
    }

    /// Runs `body` in an immediate transaction, rolled back when `rollback` is true.
    func writeTransaction<T>(rollback: Bool, _ body: (Database) throws -> T) throws -> T {
        try refuseOnReadOnly()
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return rollback ? .rollback : .commit
                }
                return result!
            }
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(error)
        }
    }

    func appendInTransaction(_ db: Database, events: [LedgerEvent], expectedLastSequence: Int?, now: LedgerTime) throws
        -> AppendReport
    {
        var report = AppendReport()
        let head = try ChainHead.fetch(db)
        if let expectedLastSequence, expectedLastSequence != head.sequence {
            throw StoreError(
                .writeConflict,
                "write conflict: expected the ledger's last sequence to be \(expectedLastSequence), but it is "
                    + "\(head.sequence); nothing was written (re-read the ledger and retry)"
            )
        }
        let regimes = try Set(String.fetchAll(db, sql: "SELECT id FROM regime").map(RegimeID.init(rawValue:)))
        for event in events { try EventValidator.validate(event, regimes: regimes, now: now) }
        let batch = try freshEvents(db, events, skipped: &report.skipped)
        report.lastSequence = head.sequence
        guard !batch.events.isEmpty else { return report }
        try checkTargets(db, fresh: batch.events, batchIndex: batch.index)
        let streams = try foldTouchedStreams(db, batch.events)
        try extendChain(db, batch, head: head, recorded: max(now, head.recorded ?? now), report: &report)
        for stream in streams {
            try ProjectionWriter.replace(db, with: stream.rows, hadRows: stream.hadHistory)
        }
        report.streamsTouched = streams.count
        return report
    }

    /// The events of a batch that the log does not hold yet, with their canonical bytes: the same
    /// id with the same content (in the log or earlier in the batch) is skipped; with other
    /// content it is an error.
    private func freshEvents(_ db: Database, _ events: [LedgerEvent], skipped: inout Int) throws -> FreshEvents {
        let encoded = Parallel.map(events) { $0.canonicalBytes }
        var fresh = FreshEvents()
        var lookup = try PositionalStatement(db, sql: "SELECT canonical FROM event WHERE id = ?")
        for (event, canonical) in zip(events, encoded) {
            if let earlier = fresh.index[event.id] {
                if fresh.canonical[earlier] == canonical { skipped += 1; continue }
                throw InputError(
                    .conflictingEventID, "event id '\(event.id)' is given twice with different content", field: "id",
                    eventID: event.id)
            }
            lookup.bind(event.id.rawValue)
            if let stored = try lookup.firstColumnBytes() {
                if stored == canonical { skipped += 1; continue }
                throw InputError(
                    .conflictingEventID,
                    "event id '\(event.id)' is already in the ledger with different content (events are immutable: "
                        + "append a 'corrected' event instead)",
                    field: "id", eventID: event.id)
            }
            fresh.index[event.id] = fresh.events.count
            fresh.events.append(event)
            fresh.canonical.append(canonical)
        }
        return fresh
    }

    /// Folds every stream the new events touch, with its stored history, on all cores; refuses
    /// events that do not fit, and histories too costly to fold.
    private func foldTouchedStreams(_ db: Database, _ fresh: [LedgerEvent]) throws -> [FoldedStreamRows] {
        var newByStream: [StreamKey: [LedgerEvent]] = [:]
        for event in fresh { newByStream[event.stream, default: []].append(event) }
        var histories: [(stream: StreamKey, existing: Int, events: [LedgerEvent])] = []
        for stream in newByStream.keys.sorted() {
            let existing = try storedEvents(db, stream: stream)
            let history = existing + newByStream[stream]!
            let cost = StreamFold.cost(history)
            guard cost <= StreamFold.costLimit else {
                throw InputError(
                    .overLimit,
                    "the history of \(stream) would hold \(history.count) events published out of effective order; "
                        + "folding it would take \(cost) steps, over the limit of \(StreamFold.costLimit) (correct "
                        + "the dates, or append the history in smaller parts in publication order)",
                    eventID: newByStream[stream]?.first?.id)
            }
            histories.append((stream, existing.count, history))
        }
        // Every history holds at least the stream's new events.
        let folded = Parallel.map(histories) { item in
            let projection = StreamFold.project(item.events)
            return (projection, StoredProjection(projection, ofStreamOf: item.events[0]))
        }
        for (item, (projection, _)) in zip(histories, folded) where !projection.anomalies.isEmpty {
            try refuseNewAnomalies(projection.anomalies, history: item.events, new: newByStream[item.stream]!)
        }
        return zip(histories, folded).map { FoldedStreamRows(rows: $1.1, hadHistory: $0.existing > 0) }
    }

    /// Inserts the new events, each extending the hash chain.
    private func extendChain(
        _ db: Database, _ batch: FreshEvents, head: ChainHead, recorded: LedgerTime, report: inout AppendReport
    ) throws {
        var insert = try PositionalStatement(
            db,
            sql: """
                INSERT INTO event (sequence, id, type, party, regime, stream, effective, published, recorded, citation, target, canonical, prevHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let recordedText = recorded.description
        var previous = head.hash
        var sequence = head.sequence
        for (event, canonical) in zip(batch.events, batch.canonical) {
            sequence += 1
            let hash = ChainHash.next(previous: previous, canonical: canonical)
            insert.bind(sequence)
            insert.bind(event.id.rawValue)
            insert.bind(event.kind.rawValue)
            insert.bind(event.party?.rawValue)
            insert.bind(event.regime.rawValue)
            insert.bind(event.stream.rawValue)
            insert.bind(event.effective.seconds)
            insert.bind(event.published.seconds)
            insert.bind(recordedText)
            insert.bind(event.source.citation)
            insert.bind(event.target?.rawValue)
            insert.bind(String(decoding: canonical, as: UTF8.self))
            insert.bind(previous)
            insert.bind(hash)
            try insert.step()
            previous = hash
            report.byKind[event.kind, default: 0] += 1
            report.byRegime[event.regime, default: 0] += 1
        }
        report.appended = batch.events.count
        report.firstSequence = head.sequence + 1
        report.lastSequence = sequence
    }

    /// Refuses an append after which some event of the stream is without effect and was not
    /// before: a new event that does not fit (a delisting of a party not listed), and just as well
    /// an older event that a new one cancels (a correction that moves a delisting before its
    /// listing leaves the delisting without effect). Anomalies the stream already had (a ledger
    /// written by an older version) are not the new events' fault and do not block them.
    private func refuseNewAnomalies(_ anomalies: [HistoryAnomaly], history: [LedgerEvent], new: [LedgerEvent]) throws {
        let newIDs = Set(new.map(\.id))
        if let anomaly = anomalies.first(where: { newIDs.contains($0.event) }) {
            throw InputError(.inconsistentHistory, anomaly.message, eventID: anomaly.event)
        }
        let before = Set(StreamFold.project(Array(history.dropLast(new.count))).anomalies)
        if let anomaly = anomalies.first(where: { !before.contains($0) }) {
            let culprits = new.map(\.id.rawValue).prefix(3).joined(separator: ", ")
            throw InputError(
                .inconsistentHistory,
                "the new events (\(culprits)) would leave the earlier event '\(anomaly.event)' without effect: "
                    + "\(anomaly.message)",
                eventID: new.first?.id)
        }
    }

    /// Corrections and retractions must target an earlier, non-fix event of the same stream.
    private func checkTargets(_ db: Database, fresh: [LedgerEvent], batchIndex: [EventID: Int]) throws {
        let lookup = try db.cachedStatement(sql: "SELECT stream, type FROM event WHERE id = ?")
        for event in fresh {
            guard let target = event.target else { continue }
            var targetStream: String?
            var targetKind: String?
            if let index = batchIndex[target] {
                targetStream = fresh[index].stream.rawValue
                targetKind = fresh[index].kind.rawValue
            } else if let row = try Row.fetchOne(lookup, arguments: [target.rawValue]) {
                targetStream = row["stream"]
                targetKind = row["type"]
            }
            guard let targetStream, let targetKind else {
                throw InputError(
                    .inconsistentHistory,
                    "\(event.kind.rawValue) event targets '\(target)', which is not in the ledger", field: "target",
                    eventID: event.id)
            }
            if targetKind == EventKind.corrected.rawValue || targetKind == EventKind.retracted.rawValue {
                throw InputError(
                    .inconsistentHistory,
                    "\(event.kind.rawValue) event targets '\(target)', which is itself a \(targetKind) event "
                        + "(correct or retract the original)",
                    field: "target", eventID: event.id)
            }
            if targetKind == EventKind.observed.rawValue {
                throw InputError(
                    .inconsistentHistory,
                    "\(event.kind.rawValue) event targets '\(target)', an observation of a publication: "
                        + "observations record what a file held and are never corrected or retracted",
                    field: "target", eventID: event.id)
            }
            if targetStream != event.stream.rawValue {
                throw InputError(
                    .inconsistentHistory,
                    "\(event.kind.rawValue) event is about \(event.stream) but its target '\(target)' is about "
                        + "\(targetStream)",
                    field: "target", eventID: event.id)
            }
        }
    }

    /// The stored events of one stream, decoded.
    func storedEvents(_ db: Database, stream: StreamKey) throws -> [LedgerEvent] {
        let statement = try db.cachedStatement(sql: "SELECT canonical FROM event WHERE stream = ? ORDER BY sequence")
        var events: [LedgerEvent] = []
        let cursor = try String.fetchCursor(statement, arguments: [stream.rawValue])
        while let canonical = try cursor.next() {
            events.append(try LedgerEvent(canonical: canonical))
        }
        return events
    }
}

/// The events of a batch the log does not hold yet, with their canonical bytes and positions.
private struct FreshEvents {
    var events: [LedgerEvent] = []
    var canonical: [[UInt8]] = []
    var index: [EventID: Int] = [:]
}

/// One touched stream's new projection rows, and whether it had rows before.
private struct FoldedStreamRows {
    var rows: StoredProjection
    var hadHistory: Bool
}

/// The last link of the chain.
struct ChainHead {
    var sequence: Int
    var hash: [UInt8]
    var recorded: LedgerTime?

    static func fetch(_ db: Database) throws -> ChainHead {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT sequence, hash, recorded FROM event ORDER BY sequence DESC LIMIT 1")
        else {
            return ChainHead(sequence: 0, hash: ChainHash.genesis, recorded: nil)
        }
        let data: [UInt8] = Array((row["hash"] as Data?) ?? Data())
        return ChainHead(sequence: row["sequence"], hash: data, recorded: try? LedgerTime.parse(row["recorded"]))
    }
}
