import GRDB
import SanctionsCore
import SanctionsScreening

extension LedgerDatabase {
    /// The name normaliser version whose output the projection's `normalized` column holds.
    public func storedNormalizerVersion() throws -> Int {
        try read { db in try Self.storedNormalizerVersion(db) }
    }

    static func storedNormalizerVersion(_ db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM projectionInfo WHERE key = 'normalizerVersion'").flatMap(
            Int.init) ?? 0
    }

    static func recordNormalizerVersion(_ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO projectionInfo (key, value) VALUES ('normalizerVersion', ?)",
            arguments: [String(NameNormalizer.version)])
    }

    /// Recomputes `designationName.normalized` when it was written by another version of the
    /// name normaliser (screening compares it with queries normalised by this build, so a stale
    /// column would miss matches). Runs when the ledger is opened; returns the rows rewritten.
    @discardableResult
    func refreshNormalizedNamesIfStale() throws -> Int {
        guard try storedNormalizerVersion() != NameNormalizer.version else { return 0 }
        return try write { db in
            // Another process may have refreshed it while this one waited for the write lock.
            guard try Self.storedNormalizerVersion(db) != NameNormalizer.version else { return 0 }
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, name FROM designationName").map {
                (rowid: $0[0] as Int64, name: $0[1] as String)
            }
            let normalized = Parallel.map(rows) { NameNormalizer.normalize($0.name).text }
            let update = try db.makeStatement(sql: "UPDATE designationName SET normalized = ? WHERE rowid = ?")
            for (row, text) in zip(rows, normalized) {
                try update.execute(arguments: [text, row.rowid])
            }
            try Self.recordNormalizerVersion(db)
            return rows.count
        }
    }
}
