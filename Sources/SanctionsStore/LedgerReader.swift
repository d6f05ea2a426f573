import GRDB
public import SanctionsCore

/// Reads of the ledger made inside a write transaction, so that what an append decides from the
/// ledger (a snapshot's diff, "older than the last publication", "not in force") is decided on
/// exactly the state the append commits on.
///
/// Only ``LedgerDatabase/appendDecided(dryRun:expectedLastSequence:_:)`` hands one out, for the
/// duration of its transaction.
///
/// For example:
/// ```swift
/// // given: database: LedgerDatabase, instant: LedgerTime, explain: ([DesignationView]) -> [LedgerEvent]
/// try database.appendDecided { reader in
///     let inForce = try reader.designations(asOf: AsOf(on: instant), regime: RegimeID("ofac-sdn"))
///     return explain(inForce)
/// }
/// ```
public struct LedgerReader {
    let db: Database

    /// The last sequence number and hash (hex); sequence 0 for an empty ledger.
    public func head() throws -> (sequence: Int, hash: String) {
        let head = try ChainHead.fetch(db)
        return (head.sequence, ChainHash.hex(head.hash))
    }

    /// The designations in force at `asOf` (its `recordedThrough` is ignored: a writer reads the
    /// whole log), optionally of one regime or party, with their names.
    public func designations(asOf: AsOf, regime: RegimeID? = nil, party: PartyID? = nil) throws -> [DesignationView] {
        let rows = try ProjectionFetch.rows(db, asOf: asOf, regime: regime, party: party)
        return ProjectionQuery.views(designations: rows.designations, names: rows.names, asOf: asOf)
    }

    /// Every projection row (all valid and knowledge intervals) of a party or a regime.
    public func projectionRows(party: PartyID? = nil, regime: RegimeID? = nil) throws -> ProjectionRows {
        try ProjectionFetch.rows(db, asOf: nil, regime: regime, party: party)
    }

    /// Every declared regime, ordered by id.
    public func regimes() throws -> [Regime] {
        try RegimeFetch.all(db)
    }

    /// The publications of `list` observed by snapshot imports, in time order (one row per
    /// regime the list's source manages).
    public func publications(list: String) throws -> [PublicationRow] {
        try PublicationFetch.rows(db, list: list)
    }

    /// The regimes among `regimes` that no rule-changed event gives rules to.
    public func regimesWithoutRules(_ regimes: [RegimeID]) throws -> [RegimeID] {
        try regimes.filter { regime in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM rule WHERE regime = ?", arguments: [regime.rawValue]) == 0
        }
    }
}
