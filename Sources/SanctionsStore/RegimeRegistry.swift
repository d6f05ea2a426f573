import GRDB
public import SanctionsCore

extension LedgerDatabase {
    // MARK: - Writes

    /// Declares regimes inside an open transaction: new ones are inserted, identical ones skipped,
    /// and a different declaration of a known id is an error (declarations are immutable).
    /// Returns how many were new.
    func declareInTransaction(_ db: Database, _ regimes: [Regime]) throws -> Int {
        var inserted = 0
        for regime in regimes {
            let canonical = CanonicalJSON.string(regime.json)
            if let stored = try String.fetchOne(
                db, sql: "SELECT canonical FROM regime WHERE id = ?", arguments: [regime.id.rawValue])
            {
                if stored == canonical { continue }
                throw InputError(
                    .conflictingEventID,
                    "regime '\(regime.id)' is already declared with a different definition (declarations are "
                        + "immutable)",
                    field: "regimes")
            }
            try db.execute(
                sql:
                    "INSERT INTO regime (id, name, authority, description, severity, url, canonical) VALUES (?, ?, "
                    + "?, ?, ?, ?, ?)",
                arguments: [
                    regime.id.rawValue, regime.name, regime.authority, regime.description, regime.severity, regime.url,
                    canonical,
                ])
            inserted += 1
        }
        return inserted
    }

    /// Declares `regimes` and appends `events` in one transaction (all or nothing).
    @discardableResult
    public func importBatch(
        regimes: [Regime], events: [LedgerEvent], expectedLastSequence: Int? = nil, dryRun: Bool = false
    ) throws -> AppendReport {
        let now = clock()
        return try writeTransaction(rollback: dryRun) { db in
            _ = try declareInTransaction(db, regimes)
            var report = try appendInTransaction(
                db, events: events, expectedLastSequence: expectedLastSequence, now: now)
            report.dryRun = dryRun
            return report
        }
    }

    /// Declares regimes on their own.
    @discardableResult
    public func declare(_ regimes: [Regime]) throws -> Int {
        try writeTransaction(rollback: false) { db in try declareInTransaction(db, regimes) }
    }

    // MARK: - Reads

    /// Every declared regime, ordered by id.
    public func regimes() throws -> [Regime] {
        try read { db in try RegimeFetch.all(db) }
    }
}

/// Regime declarations, read on a given connection.
enum RegimeFetch {
    static func all(_ db: Database) throws -> [Regime] {
        try Row.fetchAll(db, sql: "SELECT id, name, authority, description, severity, url FROM regime ORDER BY id").map
        { row in
            Regime(
                id: RegimeID(row["id"] as String), name: row["name"], authority: row["authority"],
                description: row["description"], severity: row["severity"], url: row["url"])
        }
    }
}
