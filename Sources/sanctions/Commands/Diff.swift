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

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, markdown, html }

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
        var format: Format = .table

        func validate() throws {
            guard from <= to else { throw ValidationError("--from must not be after --to") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                if let regime { try opened.requireRegime(RegimeID(regime)) }
                let diff = try opened.diff(
                    from: from, to: to, knownAt: knownAt, recordedThrough: try recorded.sequence(opened),
                    regime: regime.map(RegimeID.init(rawValue:)))
                let sources = try opened.sources(of: diff.changes.flatMap(\.events))
                try output.write(protecting: [opened.path]) { out in
                    switch format {
                    case .json: try out.write(PrettyJSON.render(DiffOutput.json(diff, sources: sources)) + "\n")
                    case .markdown:
                        try out.write(
                            ChangeDigest(diff: diff, sources: sources, regimes: try opened.regimes()).markdown())
                    case .html:
                        try out.write(ChangeDigest(diff: diff, sources: sources, regimes: try opened.regimes()).html())
                    case .table: try out.write(DiffOutput.table(diff, sources: sources) + "\n")
                    }
                }
            }
        }
    }
}
