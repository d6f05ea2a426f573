import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One party's whole history across regimes, with citations and a summary per regime.",
            discussion: """
                PARTY is a slug or any name or alias the party was ever listed under (case and punctuation do not matter).
                Example: sanctions timeline "SZ DJI Technology Co., Ltd." --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The parties: slugs or listed names (several share one chart in HTML).", valueName: "party"))
        var parties: [String]

        @Option(help: ArgumentHelp("Output format: table, json, markdown or html (a chart with one lane per regime).", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("Write the output here instead of stdout.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard !parties.isEmpty else { throw ValidationError("give at least one party") }
            guard [.table, .json, .markdown, .html].contains(format) else { throw ValidationError("--format must be table, json, markdown or html") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let now = LedgerDatabase.systemClock()
                var timelines: [SanctionsLedger.Timeline] = []
                for party in parties {
                    let candidates = try opened.resolveParty(party)
                    guard let only = candidates.first else {
                        throw InputError(.invalidField, "no party is or was listed as '\(party)' (try a slug from 'sanctions list' or 'sanctions screen')", field: "party")
                    }
                    guard candidates.count == 1 else {
                        throw InputError(.invalidField, "'\(party)' names \(candidates.count) parties: \(candidates.map(\.rawValue).joined(separator: ", ")); give a slug", field: "party")
                    }
                    timelines.append(try opened.timeline(only, now: now))
                }
                let sink = try OutputSink(path: out)
                if format == .html {
                    sink.write(TimelineReport.html(timelines, regimes: try opened.database.regimes(), now: now))
                } else {
                    for timeline in timelines { sink.write(TimelineRenderer(timeline: timeline).render(format) + "\n") }
                }
                sink.flush()
            }
        }
    }
}
