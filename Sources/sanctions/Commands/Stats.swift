import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print counts that describe the ledger, and its head token.",
            discussion: "Example: sanctions stats --format json")

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: LedgerOutput.Format = .table

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                try Console.print(LedgerOutput.render(try opened.stats(), path: opened.path, format: format))
            }
        }
    }
}
