import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Lookback: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The past transactions whose verdict changed since a date or since a sequence number, and why.",
            discussion: """
                --since DATE compares the ledger as known on DATE (published clock) with the ledger as known now; \
                --after-sequence N compares the ledger up to event N (recorded clock) with the whole ledger. \
                Each changed transaction is reported with its verdict before and after, the kind of change \
                (newly-hit, cleared, escalated, relaxed) and the new events and notices behind it; a change no \
                new event explains is counted, not reported. --window DAYS keeps only transactions dated within \
                that many days before today.

                Example: sanctions lookback Examples/shipments.csv --since 2021-12-01 --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: OutputTarget

        @Argument(help: ArgumentHelp("The transactions file (CSV or .jsonl).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Compare with the ledger as known on this date.", valueName: "date"))
        var since: LedgerTime?

        @Option(help: ArgumentHelp("Compare with the ledger up to this sequence number.", valueName: "n"))
        var afterSequence: Int?

        @Option(help: ArgumentHelp("Only transactions dated within this many days before today.", valueName: "days"))
        var window: Int?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: LookbackOutput.Format = .csv

        @OptionGroup var matching: MatchingOptions

        func validate() throws {
            guard (since == nil) != (afterSequence == nil) else {
                throw ValidationError("give exactly one of --since DATE and --after-sequence N")
            }
            if let window, window < 0 { throw ValidationError("--window must not be negative") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let baseline: SanctionsLedger.Lookback.Baseline =
                    since.map { .knownAt($0) } ?? .recordedThrough(afterSequence ?? 0)
                var input = try TransactionInput(path: file)
                let cutoff = window.map { Ledger.systemClock().day.adding(days: -$0) }
                let report = try opened.lookback(
                    &input, baseline: baseline, options: matching.screening, cutoff: cutoff)
                let sources = try opened.sources(of: report.differences.flatMap(\.causes))
                let described =
                    since.map { "as known on \($0)" } ?? "as recorded through sequence \(afterSequence ?? 0)"
                try output.write(protecting: [opened.path, file]) { out in
                    try LookbackOutput.write(report, format: format, baseline: described, sources: sources, to: &out)
                }
                for error in report.badRows.prefix(Console.shownProblems) { Console.note("bad row: \(error)") }
                Console.note(LookbackOutput.summaryText(report))
                throw Exit.verdict(report.differences.map(\.after.verdict).max() ?? .permitted)
            }
        }
    }
}
