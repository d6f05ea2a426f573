/// One event as stored in the log, with the store's own columns.
public struct StoredEvent: Sendable, Hashable {
    public var sequence: Int
    public var recorded: LedgerTime
    public var hash: String
    public var event: LedgerEvent

    public init(sequence: Int, recorded: LedgerTime, hash: String, event: LedgerEvent) {
        self.sequence = sequence
        self.recorded = recorded
        self.hash = hash
        self.event = event
    }
}

/// Which events to read.
public struct EventFilter: Sendable {
    public var party: PartyID?
    public var regime: RegimeID?
    public var kind: EventKind?
    /// Inclusive range of sequence numbers.
    public var fromSequence: Int?
    public var toSequence: Int?
    public var limit: Int?

    public init(
        party: PartyID? = nil, regime: RegimeID? = nil, kind: EventKind? = nil, fromSequence: Int? = nil,
        toSequence: Int? = nil, limit: Int? = nil
    ) {
        self.party = party
        self.regime = regime
        self.kind = kind
        self.fromSequence = fromSequence
        self.toSequence = toSequence
        self.limit = limit
    }
}

/// Counts that describe a ledger.
public struct LedgerStats: Sendable {
    public var events = 0
    public var lastSequence = 0
    public var headHash = ""
    public var firstRecorded: LedgerTime?
    public var lastRecorded: LedgerTime?
    public var byKind: [(kind: String, count: Int)] = []
    public var byRegime: [(regime: String, count: Int)] = []
    public var parties = 0
    public var regimes = 0
    public var designationsInForceNow = 0
    public var designationRows = 0
    public var nameRows = 0
    public var ruleRows = 0
    public var fileBytes: Int64?

    public init() {}

    /// The head of the chain, `SEQUENCE:HASH`.
    public var head: LedgerHead { LedgerHead(sequence: lastSequence, hash: headHash) }
}
