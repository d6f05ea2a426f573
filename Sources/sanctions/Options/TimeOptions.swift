public import ArgumentParser
public import SanctionsLedger

extension LedgerTime: ExpressibleByArgument {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` strictly.
    public init?(argument: String) {
        guard let time = try? LedgerTime.parse(argument) else { return nil }
        self = time
    }
}

extension TransactionType: ExpressibleByArgument {}

/// The three clocks of a query: `--on`, `--known-at`, `--recorded-at`.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Valid time: the law in force on this date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; default: today).", valueName: "date"))
    var on: LedgerTime?

    @Option(help: ArgumentHelp("Knowledge time: only what was published by this date (corrections count from their own publication).", valueName: "date"))
    var knownAt: LedgerTime?

    @Option(help: ArgumentHelp("Ledger time: only events this ledger had recorded by this instant.", valueName: "date"))
    var recordedAt: LedgerTime?

    var onOrToday: LedgerTime { on ?? LedgerDatabase.systemClock().day }

    func asOf(_ ledger: Ledger) throws -> AsOf {
        try ledger.asOf(on: onOrToday, knownAt: knownAt, recordedAt: recordedAt)
    }
}
