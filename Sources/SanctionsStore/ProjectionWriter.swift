import GRDB
import SanctionsCore

/// Writes projection rows: the stored form of ``StreamProjection``.
enum ProjectionWriter {
    /// The stored value of an open interval end.
    static let openEnd: Int64 = 253_402_300_800

    static func stored(_ time: LedgerTime?) -> Int64 { time?.seconds ?? openEnd }

    static func time(_ stored: Int64) -> LedgerTime? {
        stored >= openEnd ? nil : LedgerTime(storedSeconds: stored)
    }

    /// Replaces every projection row of `stream` with `projection`'s.
    static func replace(_ db: Database, stream: StreamKey, with projection: StreamProjection) throws {
        for table in ["designation", "designationName", "rule"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE stream = ?").execute(arguments: [stream.rawValue])
        }
        try insert(db, stream: stream, projection: projection)
    }

    /// Inserts `projection`'s rows for `stream` (which must have none yet).
    static func insert(_ db: Database, stream: StreamKey, projection: StreamProjection) throws {
        let designation = try db.cachedStatement(sql: """
            INSERT INTO designation (stream, party, regime, listedFrom, validFrom, validTo, knownFrom, knownTo, name, details,
                escalatedFrom, listingEvent, detailEvents, endEvent, endsDesignation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in projection.designations {
            try designation.execute(arguments: [
                stream.rawValue, row.party.rawValue, row.regime.rawValue, row.listedFrom.seconds,
                row.valid.from.seconds, stored(row.valid.to), row.known.from.seconds, stored(row.known.to),
                row.details.name ?? "", CanonicalJSON.string(row.details.json),
                row.escalatedFrom.map(\.rawValue).joined(separator: ","), row.listingEvent.rawValue,
                row.detailEvents.map(\.rawValue).joined(separator: "\n"), row.endEvent?.rawValue, row.endsDesignation,
            ])
        }
        let name = try db.cachedStatement(sql: """
            INSERT INTO designationName (stream, party, regime, name, nameKey, kind, weak, listedFrom, validFrom, validTo,
                knownFrom, knownTo, startEvent, endEvent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in projection.names {
            try name.execute(arguments: [
                stream.rawValue, row.party.rawValue, row.regime.rawValue, row.name, NameKey.make(row.name),
                row.kind.rawValue, row.weak, row.listedFrom.seconds, row.valid.from.seconds, stored(row.valid.to),
                row.known.from.seconds, stored(row.known.to), row.startEvent.rawValue, row.endEvent?.rawValue,
            ])
        }
        let rule = try db.cachedStatement(sql: """
            INSERT INTO rule (stream, regime, transactionType, spec, validFrom, validTo, knownFrom, knownTo, event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in projection.rules {
            try rule.execute(arguments: [
                stream.rawValue, row.regime.rawValue, row.rule.transactionType.rawValue, CanonicalJSON.string(row.rule.jsonValue),
                row.valid.from.seconds, stored(row.valid.to), row.known.from.seconds, stored(row.known.to), row.event.rawValue,
            ])
        }
    }
}
