import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The designations in force on a date, with the names and aliases valid that day.",
            discussion: """
                --on follows the effective clock, --known-at the published clock, --recorded-at and \
                --as-of-sequence the ledger's own.
                Example: sanctions list --on 2019-10-09 --regime bis-entity-list --party hangzhou-hikvision
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var time: TimeOptions
        @OptionGroup var output: OutputTarget

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Only this party (a slug or any name it was listed under).", valueName: "party"))
        var party: String?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: DesignationOutput.Format = .table

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let asOf = try time.asOf(opened)
                let party = try party.map { try opened.requireParty($0) }
                let views = try opened.list(asOf: asOf, regime: try opened.regimeFilter(regime), party: party)
                let sources = try opened.sources(of: views.flatMap(\.eventIDs))
                let text = DesignationOutput.render(views, asOf: asOf, sources: sources, format: format)
                try output.write(protecting: [opened.path]) { try $0.write(text) }
            }
        }
    }
}
