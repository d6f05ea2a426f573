import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How well the ledger knows each list over time: publications, gaps, coverage by period.",
            discussion: """
                Per regime: the lists whose publications it rests on, the first and last publication, how many, \
                the events on the regime, the largest gaps between publications, and the coverage by period: \
                full where publications (or a scrape's checks) are at most 4 days apart, partial where they are \
                further apart, where stated listing dates reach back before the first publication, or after the \
                last one; none before the earliest evidence. A screening on a date with no coverage of a list \
                that could restrict the transaction answers `unknown`, never `permitted`.

                Example: sanctions coverage --regime ofac-sdn
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: CoverageOutput.Format = .table

        @OptionGroup var output: OutputTarget

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let report = try opened.coverageReport(regime: try opened.regimeFilter(regime))
                let text = CoverageOutput.render(report, format: format)
                try output.write(protecting: [opened.path]) { try $0.write(text) }
            }
        }
    }
}
