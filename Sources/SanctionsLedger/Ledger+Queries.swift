/// The questions the projections answer: lists as of a date, diffs, timelines.
extension Ledger {
    /// Turns `--recorded-at` into the last sequence number recorded by then.
    public func asOf(on: LedgerTime, knownAt: LedgerTime? = nil, recordedAt: LedgerTime? = nil) throws -> AsOf {
        AsOf(on: on, knownAt: knownAt, recordedThrough: try recordedAt.map { try database.sequence(recordedAt: $0) })
    }

    /// The designations in force at `asOf`.
    public func list(asOf: AsOf, regime: RegimeID? = nil, party: PartyID? = nil) throws -> [DesignationView] {
        try database.designations(asOf: asOf, regime: regime, party: party)
    }

    /// What changed between two dates, as known at `knownAt` (nil: now).
    public func diff(from: LedgerTime, to: LedgerTime, knownAt: LedgerTime? = nil, recordedThrough: Int? = nil, regime: RegimeID? = nil) throws -> ListDiff {
        let start = AsOf(on: from, knownAt: knownAt, recordedThrough: recordedThrough)
        let end = AsOf(on: to, knownAt: knownAt, recordedThrough: recordedThrough)
        let before = try database.designations(asOf: start, regime: regime)
        let after = try database.designations(asOf: end, regime: regime)
        let endings = try database.designationEndings(from: from, to: to, knownAt: knownAt, regime: regime)
        let context = regime == nil ? before : try database.designations(asOf: start)
        let severities = Dictionary(try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        return ListDiff.compute(from: start, to: end, before: before, after: after, endings: endings, context: context) { severities[$0] ?? 0 }
    }

    /// The parties a user means by `text`: the slug itself when some event concerns it, else every
    /// party ever listed under that name or alias (case and punctuation folded).
    public func resolveParty(_ text: String) throws -> [PartyID] {
        if IdentifierSyntax.isSlug(text), try database.partyExists(PartyID(text)) { return [PartyID(text)] }
        return try database.parties(named: text)
    }

    /// One party's history across regimes.
    public func timeline(_ party: PartyID, now: LedgerTime) throws -> Timeline {
        let stored = try database.storedEvents(EventFilter(party: party))
        let rows = try database.projectionRows(party: party)
        return Timeline.build(party: party, events: stored.map { ($0.sequence, $0.event) }, rows: rows.designations, names: rows.names, now: now)
    }

    /// The source of each event id (for citations), for the ids that exist.
    public func sources(of ids: [EventID]) throws -> [EventID: Source] {
        try database.storedEvents(ids: ids).mapValues(\.event.source)
    }
}
