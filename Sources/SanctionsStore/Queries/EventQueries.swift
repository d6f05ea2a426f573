import Foundation
import GRDB
public import SanctionsCore

extension LedgerDatabase {
    // MARK: - Reads

    /// The last sequence number and hash (hex); sequence 0 for an empty ledger.
    public func head() throws -> (sequence: Int, hash: String) {
        try read { db in
            let head = try ChainHead.fetch(db)
            return (head.sequence, ChainHash.hex(head.hash))
        }
    }

    /// The events matching `filter`, in sequence order.
    public func storedEvents(_ filter: EventFilter) throws -> [StoredEvent] {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let party = filter.party { clauses.append("party = ?"); arguments.append(party.rawValue) }
        if let regime = filter.regime { clauses.append("regime = ?"); arguments.append(regime.rawValue) }
        if let kind = filter.kind { clauses.append("type = ?"); arguments.append(kind.rawValue) }
        if let from = filter.fromSequence { clauses.append("sequence >= ?"); arguments.append(from) }
        if let to = filter.toSequence { clauses.append("sequence <= ?"); arguments.append(to) }
        var sql = "SELECT \(EventRecord.columns) FROM event"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY sequence"
        if let limit = filter.limit { sql += " LIMIT \(limit)" }
        return try read { db in
            try EventRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(\.stored)
        }
    }

    /// The stored events with the given ids (those that exist), keyed by id.
    public func storedEvents(ids: [EventID]) throws -> [EventID: StoredEvent] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var result: [EventID: StoredEvent] = [:]
            let statement = try db.cachedStatement(sql: "SELECT \(EventRecord.columns) FROM event WHERE id = ?")
            for id in Set(ids) {
                result[id] = try EventRecord.fetchOne(statement, arguments: [id.rawValue])?.stored
            }
            return result
        }
    }

    /// The `corrected` events of the given streams, in sequence order (through the stream index:
    /// a correction is always in its target's stream, so the corrections of a few events are
    /// found without scanning the log).
    public func corrections(inStreams streams: Set<StreamKey>) throws -> [StoredEvent] {
        guard !streams.isEmpty else { return [] }
        return try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT \(EventRecord.columns) FROM event WHERE stream = ? AND type = ? ORDER BY sequence")
            return try streams.sorted().flatMap { stream in
                try EventRecord.fetchAll(statement, arguments: [stream.rawValue, EventKind.corrected.rawValue])
                    .map(\.stored)
            }
        }
    }

    /// The last sequence number recorded at or before `instant` (0 when none).
    public func sequence(recordedAt instant: LedgerTime) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT IFNULL(MAX(sequence), 0) FROM event WHERE recorded <= ?",
                arguments: [instant.queryInstant.description]) ?? 0
        }
    }

    /// Counts that describe the ledger.
    public func stats(now: LedgerTime) throws -> LedgerStats {
        try read { db in
            var stats = LedgerStats()
            let head = try ChainHead.fetch(db)
            stats.lastSequence = head.sequence
            stats.headHash = ChainHash.hex(head.hash)
            stats.events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
            stats.firstRecorded = try String.fetchOne(db, sql: "SELECT recorded FROM event ORDER BY sequence LIMIT 1")
                .flatMap { try? LedgerTime.parse($0) }
            stats.lastRecorded = head.recorded
            stats.byKind = try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM event GROUP BY type ORDER BY type").map
            { ($0[0], $0[1]) }
            stats.byRegime = try Row.fetchAll(
                db, sql: "SELECT regime, COUNT(*) FROM event GROUP BY regime ORDER BY regime"
            ).map { ($0[0], $0[1]) }
            stats.parties =
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT party) FROM event WHERE party IS NOT NULL") ?? 0
            stats.regimes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM regime") ?? 0
            let t = now.seconds
            stats.designationsInForceNow =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM designation WHERE validFrom <= ? AND validTo > ? AND knownTo = ?
                        """, arguments: [t, t, ProjectionWriter.openEnd]) ?? 0
            stats.designationRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM designation") ?? 0
            stats.nameRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM designationName") ?? 0
            stats.ruleRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rule") ?? 0
            if let path {
                // The main file and its write-ahead log: recent commits live in the WAL until a checkpoint.
                let sizes = [path, path + "-wal"].compactMap {
                    (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int64) ?? nil
                }
                stats.fileBytes = sizes.isEmpty ? nil : sizes.reduce(0, +)
            }
            return stats
        }
    }

    /// A metadata value of this ledger file.
    public func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM ledgerMeta WHERE key = ?", arguments: [key]) }
    }

    /// Sets a metadata value of this ledger file (not part of the log).
    public func setMeta(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO ledgerMeta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                    + "excluded.value",
                arguments: [key, value])
        }
    }
}

extension LedgerDatabase {
    /// The events published after `instant`, in sequence order.
    public func storedEvents(publishedAfter instant: LedgerTime) throws -> [StoredEvent] {
        try read { db in
            try EventRecord.fetchAll(
                db, sql: "SELECT \(EventRecord.columns) FROM event WHERE published > ? ORDER BY sequence",
                arguments: [instant.seconds]
            ).map(\.stored)
        }
    }
}
