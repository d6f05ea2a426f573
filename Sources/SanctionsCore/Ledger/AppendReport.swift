/// What an append did.
public struct AppendReport: Sendable, Equatable {
    /// Events written to the log.
    public var appended = 0
    /// Events skipped because the log already holds the same id with the same content.
    public var skipped = 0
    /// The sequence number of the first appended event.
    public var firstSequence: Int?
    /// The ledger's last sequence number after the append.
    public var lastSequence = 0
    /// Appended events by type.
    public var byKind: [EventKind: Int] = [:]
    /// Appended events by regime.
    public var byRegime: [RegimeID: Int] = [:]
    /// The streams whose projections were replaced.
    public var streamsTouched = 0
    /// Whether the append was rolled back on purpose (`--dry-run`).
    public var dryRun = false

    public init() {}
}
