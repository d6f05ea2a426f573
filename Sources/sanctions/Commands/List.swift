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

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var time: TimeOptions
        @OptionGroup var output: OutputTarget

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Only this party (a slug or any name it was listed under).", valueName: "party"))
        var party: String?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: Format = .table

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let asOf = try time.asOf(opened)
                if let regime { try opened.requireRegime(RegimeID(regime)) }
                let party = try party.map { try opened.requireParty($0) }
                let views = try opened.list(asOf: asOf, regime: regime.map(RegimeID.init(rawValue:)), party: party)
                let sources = try opened.sources(of: views.flatMap(\.eventIDs))
                try output.write(protecting: [opened.path]) { out in
                    switch format {
                    case .json:
                        try out.write(
                            PrettyJSON.render(.array(views.map { DesignationOutput.json($0, sources: sources) })) + "\n"
                        )
                    case .csv:
                        try out.write(
                            ([DesignationOutput.csvHeader] + views.map { DesignationOutput.csv($0, sources: sources) })
                                .joined(separator: "\n") + "\n")
                    case .table: try out.write(DesignationOutput.table(views, asOf: asOf, sources: sources) + "\n")
                    }
                }
            }
        }
    }
}
