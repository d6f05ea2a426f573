import ArgumentParser
import SanctionsLedger

/// The three clocks of a query: `--on`, `--known-at`, and the ledger's own (`--recorded-at` or `--as-of-sequence`).
struct TimeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Valid time: the law in force on this date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; default: today).",
            valueName: "date"))
    var on: LedgerTime?

    @Option(
        help: ArgumentHelp(
            "Knowledge time: only what was published by this date (corrections count from their own publication).",
            valueName: "date"))
    var knownAt: LedgerTime?

    @OptionGroup var recorded: RecordedOptions

    var onOrToday: LedgerTime { on ?? Ledger.systemClock().day }

    func asOf(_ ledger: Ledger) throws -> AsOf {
        AsOf(on: onOrToday, knownAt: knownAt, recordedThrough: try recorded.sequence(ledger))
    }
}

/// The ledger's own clock: `--recorded-at` (to the second) or `--as-of-sequence` (exact).
struct RecordedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Ledger time: only events this ledger had recorded by this instant (to the second).", valueName: "date"))
    var recordedAt: LedgerTime?

    @Option(
        help: ArgumentHelp(
            "Ledger time, exactly: only the events up to this sequence number (what an audit report's head names).",
            valueName: "n"))
    var asOfSequence: Int?

    func validate() throws {
        if recordedAt != nil, asOfSequence != nil {
            throw ValidationError("give --recorded-at or --as-of-sequence, not both")
        }
        if let asOfSequence, asOfSequence < 0 { throw ValidationError("--as-of-sequence must not be negative") }
    }

    /// The last sequence number to consider (nil: the whole log).
    func sequence(_ ledger: Ledger) throws -> Int? {
        if let asOfSequence { return asOfSequence }
        return try recordedAt.map { try ledger.sequence(recordedAt: $0) }
    }
}
