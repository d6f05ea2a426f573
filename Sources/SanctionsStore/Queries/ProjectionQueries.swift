import GRDB
public import SanctionsCore
import SanctionsScreening

/// All projection rows of a selection, on both time axes (for timelines, diffs and in-memory views).
public struct ProjectionRows: Sendable {
    public var designations: [DesignationSegment] = []
    public var names: [NameSegment] = []
    public var rules: [RuleSegment] = []
    /// The normalised form of each name in ``names`` (same order), as the screening index keeps it.
    public var normalizedNames: [String] = []

    public init() {}
}

extension LedgerDatabase {
    // MARK: - Reads

    /// The designations in force at `asOf`, optionally of one regime or party, with their names.
    ///
    /// With `on` and `knownAt` this is an indexed range query on the projections. With
    /// `recordedThrough` the projections cannot answer (they reflect the whole log), so the
    /// matching streams are refolded from the events recorded up to that sequence number.
    public func designations(asOf: AsOf, regime: RegimeID? = nil, party: PartyID? = nil) throws -> [DesignationView] {
        let rows: ProjectionRows
        if let sequence = asOf.recordedThrough {
            rows = try projectionRows(recordedThrough: sequence, regime: regime, party: party)
        } else {
            rows = try read { db in try ProjectionFetch.rows(db, asOf: asOf, regime: regime, party: party) }
        }
        return ProjectionQuery.views(designations: rows.designations, names: rows.names, asOf: asOf)
    }

    /// Every projection row (all valid and knowledge intervals) of a party or a regime.
    public func projectionRows(party: PartyID? = nil, regime: RegimeID? = nil, recordedThrough: Int? = nil) throws
        -> ProjectionRows
    {
        if let recordedThrough {
            return try projectionRows(recordedThrough: recordedThrough, regime: regime, party: party)
        }
        var rows = try read { db in try ProjectionFetch.rows(db, asOf: nil, regime: regime, party: party) }
        if normalizedNamesAreStale {
            // A read-only ledger written by another normaliser version: normalise as this build does.
            rows.normalizedNames = Parallel.map(rows.names) { NameNormalizer.normalize($0.name).text }
        }
        return rows
    }

    /// The rules of `regime` for every transaction type, all intervals.
    public func ruleRows(regime: RegimeID? = nil, recordedThrough: Int? = nil) throws -> [RuleSegment] {
        if let recordedThrough {
            return try projectionRows(recordedThrough: recordedThrough, regime: regime, party: nil, rulesOnly: true)
                .rules
        }
        return try read { db in
            var sql = "SELECT \(ProjectionRecords.ruleColumns) FROM rule"
            var arguments: StatementArguments = []
            if let regime {
                sql += " WHERE regime = ?"
                arguments += [regime.rawValue]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(ProjectionRecords.rule)
        }
    }

    /// Refolds the streams of `party`/`regime` from the events with sequence ≤ `sequence`.
    private func projectionRows(
        recordedThrough sequence: Int, regime: RegimeID?, party: PartyID?, rulesOnly: Bool = false
    ) throws -> ProjectionRows {
        var byStream: [String: [LedgerEvent]] = [:]
        try read { db in
            var sql = "SELECT stream, canonical FROM event WHERE sequence <= ?"
            var arguments: StatementArguments = [sequence]
            if let regime {
                sql += " AND regime = ?"
                arguments += [regime.rawValue]
            }
            if let party {
                sql += " AND party = ?"
                arguments += [party.rawValue]
            } else if rulesOnly {
                sql += " AND party IS NULL"
            }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                byStream[row[0], default: []].append(try LedgerEvent(canonical: row[1]))
            }
        }
        var rows = ProjectionRows()
        for projection in Parallel.map(Array(byStream.values), { StreamFold.project($0) }) {
            rows.designations += projection.designations
            rows.names += projection.names
            rows.rules += projection.rules
        }
        rows.normalizedNames = Parallel.map(rows.names) { NameNormalizer.normalize($0.name).text }
        return rows
    }

    /// The parties whose names (primary or alias, on any regime, at any time) equal `name` after
    /// folding case and punctuation.
    public func parties(named name: String) throws -> [PartyID] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT party FROM designationName WHERE nameKey = ? ORDER BY party",
                arguments: [NameKey.make(name)]
            )
            .map(PartyID.init(rawValue:))
        }
    }

    /// Whether any event concerns `party`.
    public func partyExists(_ party: PartyID) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS(SELECT 1 FROM event WHERE party = ?)", arguments: [party.rawValue]) ?? false
        }
    }
}

extension LedgerDatabase {
    /// Designation rows that ended a designation (delistings) with an end inside (`from`, `to`], as
    /// seen from `knownAt` (nil: now).
    public func designationEndings(from: LedgerTime, to: LedgerTime, knownAt: LedgerTime?, regime: RegimeID?) throws
        -> [DesignationSegment]
    {
        try read { db in
            var sql =
                "SELECT \(ProjectionRecords.designationColumns) FROM designation WHERE endsDesignation = 1 AND "
                + "validTo > ? AND validTo <= ?"
            var arguments: StatementArguments = [from.queryInstant.seconds, to.queryInstant.seconds]
            if let known = knownAt?.queryInstant.seconds {
                sql += " AND knownFrom <= ? AND knownTo > ?"
                arguments += [known, known]
            } else {
                sql += " AND knownTo = ?"
                arguments += [ProjectionWriter.openEnd]
            }
            if let regime {
                sql += " AND regime = ?"
                arguments += [regime.rawValue]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(ProjectionRecords.designation)
        }
    }
}

/// The projection rows of a selection, read on a given connection (a reader's or the writer's).
enum ProjectionFetch {
    static func rows(_ db: Database, asOf: AsOf?, regime: RegimeID?, party: PartyID?) throws -> ProjectionRows {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let asOf {
            let t = asOf.validInstant.seconds
            clauses.append("validFrom <= ? AND validTo > ?")
            arguments += [t, t]
            if let known = asOf.knownInstant?.seconds {
                clauses.append("knownFrom <= ? AND knownTo > ?")
                arguments += [known, known]
            } else {
                clauses.append("knownTo = ?")
                arguments += [ProjectionWriter.openEnd]
            }
        }
        if let regime {
            clauses.append("regime = ?")
            arguments += [regime.rawValue]
        }
        if let party {
            clauses.append("party = ?")
            arguments += [party.rawValue]
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        var rows = ProjectionRows()
        let designationCursor = try Row.fetchCursor(
            db, sql: "SELECT \(ProjectionRecords.designationColumns) FROM designation" + whereClause,
            arguments: arguments)
        while let row = try designationCursor.next() {
            rows.designations.append(try ProjectionRecords.designation(row))
        }
        let nameCursor = try Row.fetchCursor(
            db, sql: "SELECT \(ProjectionRecords.nameColumns), normalized FROM designationName" + whereClause,
            arguments: arguments)
        while let row = try nameCursor.next() {
            rows.names.append(ProjectionRecords.name(row))
            rows.normalizedNames.append(row["normalized"])
        }
        return rows
    }

}

/// Publication rows (observed snapshots), read on a given connection.
enum PublicationFetch {
    static let columns =
        "regime, list, instant, published, file, sha256, entries, event, observedAfter, statedFrom, partial"

    static func rows(_ db: Database, list: String? = nil, regime: RegimeID? = nil) throws -> [PublicationRow] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let list {
            clauses.append("list = ?")
            arguments += [list]
        }
        if let regime {
            clauses.append("regime = ?")
            arguments += [regime.rawValue]
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM publication\(whereClause) ORDER BY instant, list, regime",
            arguments: arguments
        ).map { row in
            PublicationRow(
                regime: RegimeID(row["regime"] as String),
                observation: Observation(
                    list: row["list"], file: row["file"], sha256: row["sha256"], entries: row["entries"],
                    statedFrom: (row["statedFrom"] as Int64?).map(LedgerTime.init(storedSeconds:)),
                    partial: row["partial"]),
                instant: LedgerTime(storedSeconds: row["instant"]),
                published: LedgerTime(storedSeconds: row["published"]),
                event: EventID(row["event"] as String),
                observedAfter: (row["observedAfter"] as Int64?).map(LedgerTime.init(storedSeconds:)))
        }
    }
}

extension LedgerDatabase {
    /// The publications observed by snapshot imports, of one list source or one regime, in time order.
    public func publications(list: String? = nil, regime: RegimeID? = nil) throws -> [PublicationRow] {
        try read { db in try PublicationFetch.rows(db, list: list, regime: regime) }
    }
}
