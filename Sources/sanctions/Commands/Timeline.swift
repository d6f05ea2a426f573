import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One party's whole history across regimes, with citations and a summary per regime.",
            discussion: """
                PARTY is a slug or any name or alias the party was ever listed under (matched like a \
                screened name; an unclear name lists the candidates).
                Example: sanctions timeline "SZ DJI Technology Co., Ltd." --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: OutputTarget

        @Argument(
            help: ArgumentHelp(
                "The parties: slugs or listed names (several share one chart in HTML, one array in JSON).",
                valueName: "party"))
        var parties: [String]

        @Option(help: ArgumentHelp("Output format (html: a chart with one lane per regime).", valueName: "format"))
        var format: TimelineOutput.Format = .table

        func validate() throws {
            guard !parties.isEmpty else { throw ValidationError("give at least one party") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let now = Ledger.systemClock()
                let timelines = try parties.map { try opened.timeline(try opened.requireParty($0), now: now) }
                let text = TimelineOutput.render(timelines, regimes: try opened.regimes(), now: now, format: format)
                try output.write(protecting: [opened.path]) { try $0.write(text) }
            }
        }
    }
}
