import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print counts that describe the ledger, and its head token.",
            discussion: "Example: sanctions stats --format json")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: Format = .table

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let stats = try opened.stats()
                try Console.print(
                    format == .json
                        ? PrettyJSON.render(LedgerOutput.json(stats, path: opened.path))
                        : LedgerOutput.text(stats, path: opened.path))
            }
        }
    }
}
