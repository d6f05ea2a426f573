import GRDB
import SanctionsCore
import SanctionsScreening

/// Writes projection rows: the stored form of ``StreamProjection``.
enum ProjectionWriter {
    /// The stored value of an open interval end.
    static let openEnd: Int64 = 253_402_300_800

    static func stored(_ time: LedgerTime?) -> Int64 { time?.seconds ?? openEnd }

    static func time(_ stored: Int64) -> LedgerTime? {
        stored >= openEnd ? nil : LedgerTime(storedSeconds: stored)
    }

    /// Replaces every projection row of the stream with `rows`.
    static func replace(_ db: Database, with rows: StoredProjection, hadRows: Bool = true) throws {
        if hadRows {
            // The (party, regime) indexes find a party stream's rows; rule streams have only rule rows.
            if let party = rows.stream.party {
                for table in ["designation", "designationName"] {
                    try db.cachedStatement(sql: "DELETE FROM \(table) WHERE party = ? AND regime = ?").execute(arguments: [party, rows.stream.regime])
                }
            } else if rows.stream.isObservation {
                try db.cachedStatement(sql: "DELETE FROM publication WHERE regime = ?").execute(arguments: [rows.stream.regime])
            } else {
                try db.cachedStatement(sql: "DELETE FROM rule WHERE regime = ?").execute(arguments: [rows.stream.regime])
            }
        }
        try insert(db, rows)
    }

    /// Inserts one stream's rows (the stream must have none yet). Only binds: every value was
    /// computed by ``StoredProjection/init(stream:projection:)``, off the writer's thread.
    static func insert(_ db: Database, _ rows: StoredProjection) throws {
        if !rows.designations.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO designation (stream, party, regime, listedFrom, validFrom, validTo, knownFrom, knownTo, name, details,
                    escalatedFrom, listingEvent, detailEvents, endEvent, endsDesignation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows.designations {
                insert.bind(rows.stream.key)
                insert.bind(row.party)
                insert.bind(rows.stream.regime)
                insert.bind(row.listedFrom)
                insert.bind(row.valid.from)
                insert.bind(row.valid.to)
                insert.bind(row.known.from)
                insert.bind(row.known.to)
                insert.bind(row.name)
                insert.bind(row.details)
                insert.bind(row.escalatedFrom)
                insert.bind(row.listingEvent)
                insert.bind(row.detailEvents)
                insert.bind(row.endEvent)
                insert.bind(row.endsDesignation)
                try insert.step()
            }
        }
        if !rows.names.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO designationName (stream, party, regime, name, nameKey, normalized, kind, weak, listedFrom, validFrom, validTo,
                    knownFrom, knownTo, startEvent, endEvent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows.names {
                insert.bind(rows.stream.key)
                insert.bind(row.party)
                insert.bind(rows.stream.regime)
                insert.bind(row.name)
                insert.bind(row.nameKey)
                insert.bind(row.normalized)
                insert.bind(row.kind)
                insert.bind(row.weak)
                insert.bind(row.listedFrom)
                insert.bind(row.valid.from)
                insert.bind(row.valid.to)
                insert.bind(row.known.from)
                insert.bind(row.known.to)
                insert.bind(row.startEvent)
                insert.bind(row.endEvent)
                try insert.step()
            }
        }
        if !rows.publications.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO publication (stream, regime, list, instant, published, file, sha256, entries, event)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows.publications {
                insert.bind(rows.stream.key)
                insert.bind(rows.stream.regime)
                insert.bind(row.list)
                insert.bind(row.instant)
                insert.bind(row.published)
                insert.bind(row.file)
                insert.bind(row.sha256)
                insert.bind(row.entries)
                insert.bind(row.event)
                try insert.step()
            }
        }
        if !rows.rules.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO rule (stream, regime, transactionType, spec, validFrom, validTo, knownFrom, knownTo, event, endEvent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows.rules {
                insert.bind(rows.stream.key)
                insert.bind(rows.stream.regime)
                insert.bind(row.transactionType)
                insert.bind(row.spec)
                insert.bind(row.valid.from)
                insert.bind(row.valid.to)
                insert.bind(row.known.from)
                insert.bind(row.known.to)
                insert.bind(row.event)
                insert.bind(row.endEvent)
                try insert.step()
            }
        }
    }
}
