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

    /// Replaces every projection row of `stream` with `projection`'s.
    static func replace(_ db: Database, stream: StreamKey, with projection: StreamProjection, hadRows: Bool = true) throws {
        for table in ["designation", "designationName", "rule"] where hadRows {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE stream = ?").execute(arguments: [stream.rawValue])
        }
        try insert(db, stream: stream, projection: projection)
    }

    /// Inserts `projection`'s rows for `stream` (which must have none yet).
    static func insert(_ db: Database, stream: StreamKey, projection: StreamProjection) throws {
        if !projection.designations.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO designation (stream, party, regime, listedFrom, validFrom, validTo, knownFrom, knownTo, name, details,
                    escalatedFrom, listingEvent, detailEvents, endEvent, endsDesignation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in projection.designations {
                insert.bind(stream.rawValue)
                insert.bind(row.party.rawValue)
                insert.bind(row.regime.rawValue)
                insert.bind(row.listedFrom.seconds)
                insert.bind(row.valid.from.seconds)
                insert.bind(stored(row.valid.to))
                insert.bind(row.known.from.seconds)
                insert.bind(stored(row.known.to))
                insert.bind(row.details.name ?? "")
                insert.bind(CanonicalJSON.string(row.details.json))
                insert.bind(row.escalatedFrom.map(\.rawValue).joined(separator: ","))
                insert.bind(row.listingEvent.rawValue)
                insert.bind(row.detailEvents.map(\.rawValue).joined(separator: "\n"))
                insert.bind(row.endEvent?.rawValue)
                insert.bind(row.endsDesignation)
                try insert.step()
            }
        }
        if !projection.names.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO designationName (stream, party, regime, name, nameKey, normalized, kind, weak, listedFrom, validFrom, validTo,
                    knownFrom, knownTo, startEvent, endEvent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in projection.names {
                insert.bind(stream.rawValue)
                insert.bind(row.party.rawValue)
                insert.bind(row.regime.rawValue)
                insert.bind(row.name)
                insert.bind(NameKey.make(row.name))
                insert.bind(NameNormalizer.normalize(row.name).text)
                insert.bind(row.kind.rawValue)
                insert.bind(row.weak)
                insert.bind(row.listedFrom.seconds)
                insert.bind(row.valid.from.seconds)
                insert.bind(stored(row.valid.to))
                insert.bind(row.known.from.seconds)
                insert.bind(stored(row.known.to))
                insert.bind(row.startEvent.rawValue)
                insert.bind(row.endEvent?.rawValue)
                try insert.step()
            }
        }
        if !projection.rules.isEmpty {
            var insert = try FastStatement(db, sql: """
                INSERT INTO rule (stream, regime, transactionType, spec, validFrom, validTo, knownFrom, knownTo, event, endEvent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in projection.rules {
                insert.bind(stream.rawValue)
                insert.bind(row.regime.rawValue)
                insert.bind(row.rule.transactionType.rawValue)
                insert.bind(CanonicalJSON.string(row.rule.jsonValue))
                insert.bind(row.valid.from.seconds)
                insert.bind(stored(row.valid.to))
                insert.bind(row.known.from.seconds)
                insert.bind(stored(row.known.to))
                insert.bind(row.event.rawValue)
                insert.bind(row.endEvent?.rawValue)
                try insert.step()
            }
        }
    }
}
