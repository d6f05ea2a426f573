import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed between two dates: additions, removals, escalations, renames, amendments, aliases.",
            discussion:
                "Example: sanctions diff --from 2021-12-01 --to 2021-12-31 --regime ofac-ns-cmic --format html "
                + "--out digest.html"
        )

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var recorded: RecordedOptions
        @OptionGroup var output: OutputTarget

        @Option(help: ArgumentHelp("Start of the period (the state on this date).", valueName: "date"))
        var from: LedgerTime

        @Option(help: ArgumentHelp("End of the period (the state on this date).", valueName: "date"))
        var to: LedgerTime

        @Option(help: ArgumentHelp("Knowledge time: only what was published by this date.", valueName: "date"))
        var knownAt: LedgerTime?

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(
            help: ArgumentHelp(
                "Output format (html: a change digest grouped by regime and notice).", valueName: "format"))
        var format: DiffOutput.Format = .table

        func validate() throws {
            guard from <= to else { throw ValidationError("--from must not be after --to") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let diff = try opened.diff(
                    from: from, to: to, knownAt: knownAt, recordedThrough: try recorded.sequence(opened),
                    regime: try opened.regimeFilter(regime))
                let sources = try opened.sources(of: diff.changes.flatMap(\.events))
                let text = DiffOutput.render(diff, sources: sources, regimes: try opened.regimes(), format: format)
                try output.write(protecting: [opened.path]) { try $0.write(text) }
            }
        }
    }
}
