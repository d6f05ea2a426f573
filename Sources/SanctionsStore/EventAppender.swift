import Foundation
import GRDB
public import SanctionsCore

/// What an append did.
public struct AppendReport: Sendable, Equatable {
    /// Events written to the log.
    public var appended = 0
    /// Events skipped because the log already holds the same id with the same content.
    public var skipped = 0
    /// The sequence number of the first appended event.
    public var firstSequence: Int?
    /// The ledger's last sequence number after the append.
    public var lastSequence = 0
    /// Appended events by type.
    public var byKind: [EventKind: Int] = [:]
    /// Appended events by regime.
    public var byRegime: [RegimeID: Int] = [:]
    /// The streams whose projections were replaced.
    public var streamsTouched = 0
    /// Whether the append was rolled back on purpose (`--dry-run`).
    public var dryRun = false

    public init() {}
}

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
    public func append(_ events: [LedgerEvent], expectedLastSequence: Int? = nil, dryRun: Bool = false) throws -> AppendReport {
        let now = clock()
        return try writeTransaction(rollback: dryRun) { db in
            var report = try appendInTransaction(db, events: events, expectedLastSequence: expectedLastSequence, now: now)
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
    /// try database.appendDecided { reader in SnapshotDiffer.events(snapshot, current: try baseline(reader), ...) }
    /// ```
    @discardableResult
    public func appendDecided(
        dryRun: Bool = false, expectedLastSequence: Int? = nil, _ decide: (LedgerReader) throws -> [LedgerEvent]
    ) throws -> AppendReport {
        let now = clock()
        return try writeTransaction(rollback: dryRun) { db in
            let events = try decide(LedgerReader(db: db))
            var report = try appendInTransaction(db, events: events, expectedLastSequence: expectedLastSequence, now: now)
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
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError(.busy, "the ledger is busy: another writer held it longer than the busy timeout; nothing was written", cause: error)
        }
    }

    func appendInTransaction(_ db: Database, events: [LedgerEvent], expectedLastSequence: Int?, now: LedgerTime) throws -> AppendReport {
        var report = AppendReport()
        let head = try ChainHead.fetch(db)
        if let expectedLastSequence, expectedLastSequence != head.sequence {
            throw StoreError(.writeConflict, "write conflict: expected the ledger's last sequence to be \(expectedLastSequence), but it is \(head.sequence); nothing was written (re-read the ledger and retry)")
        }
        let regimes = try Set(String.fetchAll(db, sql: "SELECT id FROM regime").map(RegimeID.init(rawValue:)))

        // Idempotence and id conflicts, against the log and within the batch.
        for event in events { try EventValidator.validate(event, regimes: regimes, now: now) }
        let encoded = Parallel.map(events) { $0.canonicalBytes }
        var fresh: [LedgerEvent] = []
        var freshCanonical: [[UInt8]] = []
        var batchIndex: [EventID: Int] = [:]
        var lookup = try FastStatement(db, sql: "SELECT canonical FROM event WHERE id = ?")
        for (event, canonical) in zip(events, encoded) {
            if let earlier = batchIndex[event.id] {
                if freshCanonical[earlier] == canonical { report.skipped += 1; continue }
                throw InputError(.conflictingEventID, "event id '\(event.id)' is given twice with different content", field: "id", eventID: event.id)
            }
            lookup.bind(event.id.rawValue)
            if let stored = try lookup.firstColumnBytes() {
                if stored == canonical { report.skipped += 1; continue }
                throw InputError(.conflictingEventID, "event id '\(event.id)' is already in the ledger with different content (events are immutable: append a 'corrected' event instead)", field: "id", eventID: event.id)
            }
            batchIndex[event.id] = fresh.count
            fresh.append(event)
            freshCanonical.append(canonical)
        }
        report.lastSequence = head.sequence
        guard !fresh.isEmpty else { return report }

        try checkTargets(db, fresh: fresh, batchIndex: batchIndex)

        // Fold every touched stream with its new events (in parallel); refuse events that do not fit.
        var newByStream: [StreamKey: [LedgerEvent]] = [:]
        for event in fresh { newByStream[event.stream, default: []].append(event) }
        let streams = newByStream.keys.sorted()
        var histories: [[LedgerEvent]] = []
        histories.reserveCapacity(streams.count)
        var streamsWithHistory = Set<StreamKey>()
        for stream in streams {
            let existing = try storedEvents(db, stream: stream)
            if !existing.isEmpty { streamsWithHistory.insert(stream) }
            histories.append(existing + newByStream[stream]!)
        }
        for (stream, history) in zip(streams, histories) {
            let cost = StreamFold.cost(history)
            guard cost <= StreamFold.costLimit else {
                throw InputError(
                    .overLimit,
                    "the history of \(stream) would hold \(history.count) events published out of effective order; folding it would take \(cost) steps, over the limit of \(StreamFold.costLimit) (correct the dates, or append the history in smaller parts in publication order)",
                    eventID: newByStream[stream]?.first?.id)
            }
        }
        // Every history holds at least the stream's new events.
        let folded = Parallel.map(histories) { history in
            let projection = StreamFold.project(history)
            return (projection, StoredProjection(projection, ofStreamOf: history[0]))
        }
        let projections = folded.map(\.0)
        for (index, (stream, projection)) in zip(streams, projections).enumerated() where !projection.anomalies.isEmpty {
            try refuseNewAnomalies(projection.anomalies, history: histories[index], new: newByStream[stream]!)
        }

        // Extend the chain.
        var insert = try FastStatement(db, sql: """
            INSERT INTO event (sequence, id, type, party, regime, stream, effective, published, recorded, citation, target, canonical, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let recorded = max(now, head.recorded ?? now).description
        var previous = head.hash
        var sequence = head.sequence
        for (event, canonical) in zip(fresh, freshCanonical) {
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
            insert.bind(recorded)
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
        report.appended = fresh.count
        report.firstSequence = head.sequence + 1
        report.lastSequence = sequence

        for (stream, (_, rows)) in zip(streams, folded) {
            try ProjectionWriter.replace(db, with: rows, hadRows: streamsWithHistory.contains(stream))
        }
        report.streamsTouched = projections.count
        return report
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
                "the new events (\(culprits)) would leave the earlier event '\(anomaly.event)' without effect: \(anomaly.message)",
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
                throw InputError(.inconsistentHistory, "\(event.kind.rawValue) event targets '\(target)', which is not in the ledger", field: "target", eventID: event.id)
            }
            if targetKind == EventKind.corrected.rawValue || targetKind == EventKind.retracted.rawValue {
                throw InputError(.inconsistentHistory, "\(event.kind.rawValue) event targets '\(target)', which is itself a \(targetKind) event (correct or retract the original)", field: "target", eventID: event.id)
            }
            if targetKind == EventKind.observed.rawValue {
                throw InputError(.inconsistentHistory, "\(event.kind.rawValue) event targets '\(target)', an observation of a publication: observations record what a file held and are never corrected or retracted", field: "target", eventID: event.id)
            }
            if targetStream != event.stream.rawValue {
                throw InputError(.inconsistentHistory, "\(event.kind.rawValue) event is about \(event.stream) but its target '\(target)' is about \(targetStream)", field: "target", eventID: event.id)
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

/// The last link of the chain.
struct ChainHead {
    var sequence: Int
    var hash: [UInt8]
    var recorded: LedgerTime?

    static func fetch(_ db: Database) throws -> ChainHead {
        guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash, recorded FROM event ORDER BY sequence DESC LIMIT 1") else {
            return ChainHead(sequence: 0, hash: ChainHash.genesis, recorded: nil)
        }
        let data: [UInt8] = Array((row["hash"] as Data?) ?? Data())
        return ChainHead(sequence: row["sequence"], hash: data, recorded: try? LedgerTime.parse(row["recorded"]))
    }
}
